package repl

import (
	"fmt"
	"go/ast"
	"go/types"
	"regexp"
	"strconv"
	"strings"
)

// Instances of generic types.
//
// yaegi v0.16.1 crashes compiling some instances of generic types whose
// type argument is itself an instance of one (`Box[Pair[int, bool]]{}`:
// "CFG post-order panic: nil pointer dereference"), compiles the same
// through an alias, and, given a unit that writes one instance both
// through an alias and directly, skips statements without a word (a
// Println before `m := map[string]Box[PSI]{"k": {V: Pair[string, int]{…}}}`
// never printed). So every instance of a generic type declared at top
// level that a unit writes with names declared at top level only is
// written through an alias of it, the same in every unit:
//
//	type __odshinst1 = Pair[int, bool]           (declared once, by the Interp)
//	type __odshinst2 = Box[__odshinst1]
//	x := Box[Pair[int, bool]]{}  ⇔  x := __odshinst2{}
//
// An alias is the same type: %T, assignability and conversions do not
// change. The aliases are in the syntax only while the rewriter prints
// it (printMode), never when the declarations and messages see it. An
// embedded field keeps its type as written (its name is the type's); an
// instance written with names the unit declares itself (type parameters,
// types declared in a function) keeps its form: an alias at top level
// could not see them; so does one whose alias yaegi refuses.

// instanceAliaser declares an alias of a type and returns its name, ""
// when that fails (Interp.InstanceAlias).
type instanceAliaser interface {
	InstanceAlias(src string) string
}

// prepareInstances readies the rewriter to print the instances of generic
// types in n, the walked unit, through aliases (hoistInstances).
func (r *rewriter) prepareInstances(n ast.Node) {
	if _, ok := r.oracle.(instanceAliaser); !ok {
		return
	}
	if _, ok := r.oracle.(Prober); !ok {
		return
	}
	r.instLocal = typeNamesIn(n)
	r.hoisting = true
}

// hoistInstances replaces, in n, the instances of generic types declared
// at top level by their aliases, innermost first, and returns the
// function that puts them back (n is printed in between).
func (r *rewriter) hoistInstances(n ast.Node) (undo func()) {
	type replacement struct {
		parent       ast.Node
		old, hoisted ast.Node
	}
	var done []replacement
	undo = func() {
		for i := len(done) - 1; i >= 0; i-- {
			replaceChild(done[i].parent, done[i].hoisted, done[i].old)
		}
	}
	al := r.oracle.(instanceAliaser)
	decls := r.oracle.(Prober).Decls()
	genericType := func(x ast.Expr) bool {
		id, ok := x.(*ast.Ident)
		if !ok || r.instLocal[id.Name] {
			return false
		}
		spec := decls.Type(id.Name)
		return spec != nil && spec.TypeParams != nil && !spec.Assign.IsValid()
	}
	// closed reports whether t names nothing n declares (a type
	// parameter, a local type): an alias at top level sees all it names
	closed := func(t ast.Expr) bool {
		ok := true
		ast.Inspect(t, func(m ast.Node) bool {
			switch m := m.(type) {
			case *ast.Ident:
				if r.instLocal[m.Name] {
					ok = false
				}
			case *ast.SelectorExpr:
				return false // pkg.T
			case *ast.StructType, *ast.InterfaceType, *ast.FuncType:
				ok = false // written out in full: left as it is
			}
			return ok
		})
		return ok
	}
	var stack []ast.Node
	ast.Inspect(n, func(m ast.Node) bool {
		if m != nil {
			stack = append(stack, m)
			return true
		}
		finished := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if len(stack) == 0 {
			return false
		}
		e, isExpr := finished.(ast.Expr)
		if !isExpr {
			return false
		}
		x, _ := instanceParts(e)
		if !genericType(x) || !closed(e) || embedded(stack) {
			return false
		}
		if name := al.InstanceAlias(types.ExprString(e)); name != "" {
			alias := &ast.Ident{NamePos: finished.Pos(), Name: name}
			if parent := stack[len(stack)-1]; replaceChild(parent, finished, alias) {
				done = append(done, replacement{parent, finished, alias})
			}
		}
		return false
	})
	return undo
}

// embedded reports whether the node below the path stack is the type of
// an embedded field (B[string] or *B[string]), whose name is the type's.
func embedded(stack []ast.Node) bool {
	i := len(stack) - 1
	if _, ok := stack[i].(*ast.StarExpr); ok && i > 0 {
		i--
	}
	f, ok := stack[i].(*ast.Field)
	if !ok || len(f.Names) > 0 || i < 2 {
		return false
	}
	_, inStruct := stack[i-2].(*ast.StructType)
	return inStruct
}

// typeNamesIn returns the names n declares below its top level that may
// stand for types: type parameters, types, and for safety every other
// name declared in a function (a variable named like a type hides it).
func typeNamesIn(n ast.Node) map[string]bool {
	names := map[string]bool{}
	addFields := func(fl *ast.FieldList) {
		if fl == nil {
			return
		}
		for _, f := range fl.List {
			for _, id := range f.Names {
				names[id.Name] = true
			}
		}
	}
	ast.Inspect(n, func(m ast.Node) bool {
		switch m := m.(type) {
		case *ast.FuncDecl:
			addFields(m.Type.TypeParams)
			addFields(m.Recv)
			addFields(m.Type.Params)
			addFields(m.Type.Results)
			if m.Recv != nil {
				// the receiver's type parameters: func (s Stack[T]) …
				for _, f := range m.Recv.List {
					t := f.Type
					if st, ok := t.(*ast.StarExpr); ok {
						t = st.X
					}
					switch ix := t.(type) {
					case *ast.IndexExpr:
						if id, ok := ix.Index.(*ast.Ident); ok {
							names[id.Name] = true
						}
					case *ast.IndexListExpr:
						for _, e := range ix.Indices {
							if id, ok := e.(*ast.Ident); ok {
								names[id.Name] = true
							}
						}
					}
				}
			}
		case *ast.FuncType:
			addFields(m.TypeParams)
			addFields(m.Params)
			addFields(m.Results)
		case *ast.TypeSpec:
			addFields(m.TypeParams)
		case *ast.BlockStmt:
			for _, s := range m.List {
				switch s := s.(type) {
				case *ast.DeclStmt:
					if g, ok := s.Decl.(*ast.GenDecl); ok {
						for _, sp := range g.Specs {
							switch sp := sp.(type) {
							case *ast.TypeSpec:
								names[sp.Name.Name] = true
							case *ast.ValueSpec:
								for _, id := range sp.Names {
									names[id.Name] = true
								}
							}
						}
					}
				case *ast.AssignStmt:
					if s.Tok.String() == ":=" {
						for _, l := range s.Lhs {
							if id, ok := l.(*ast.Ident); ok {
								names[id.Name] = true
							}
						}
					}
				}
			}
		}
		return true
	})
	return names
}

// InstanceAlias declares `type __odshinstN = src` at top level, once per
// src, and returns the alias's name; "" when yaegi refuses it.
func (in *Interp) InstanceAlias(src string) string {
	if name, ok := in.instanceAliases[src]; ok {
		return name
	}
	name := "__odshinst" + strconv.Itoa(len(in.instanceAliases)+1)
	if in.declareQuietly("type "+name+" = "+src) != nil {
		name = ""
	}
	if in.instanceAliases == nil {
		in.instanceAliases = map[string]string{}
	}
	in.instanceAliases[src] = name
	return name
}

// declareQuietly evaluates src, declarations that run nothing, outside
// any unit (a compile alone leaves yaegi's types half made: statements
// using them were skipped without a word).
func (in *Interp) declareQuietly(src string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	_, err = in.yi.Eval(src)
	return err
}

var instanceAliasName = regexp.MustCompile(`__odshinst\d+`)

// unalias writes the instances of generic types aliased in msg as the
// source wrote them.
func (in *Interp) unalias(msg string) string {
	names := make(map[string]string, len(in.instanceAliases))
	for src, name := range in.instanceAliases {
		names[name] = src
	}
	for strings.Contains(msg, "__odshinst") {
		next := instanceAliasName.ReplaceAllStringFunc(msg, func(a string) string {
			if src, ok := names[a]; ok {
				return src
			}
			return a
		})
		if next == msg {
			break
		}
		msg = next
	}
	return msg
}
