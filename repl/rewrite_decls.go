package repl

import (
	"go/ast"
	"go/parser"
	"go/token"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// Decls remembers the signatures of the top-level functions, methods, types
// and variables an interpreter has been given, so that the rewrite of a
// later entry knows them (yaegi's defects with calls depend on the callee's
// type: see rewrite_calls.go). It starts with the functions of the shims
// (generic.go, rewrite_rangefunc.go), under their package name ("maps.Keys").
//
// Entries are learnt when they are rendered (Unit.Code), before they run: a
// declaration that then fails to compile is remembered anyway, which at
// worst makes a later rewrite produce code yaegi rejects.
type Decls struct {
	mu      sync.Mutex
	funcs   map[string]*ast.FuncDecl // "name", "pkg.name"; without bodies
	methods map[string]*ast.FuncDecl // "T.M" for receiver T or *T
	types   map[string]*ast.TypeSpec
	vars    map[string]ast.Expr // type of a top-level variable, when written
	consts  map[string]bool     // top-level constants
	// recovers: functions ("f") and method names ("M" of any type) whose
	// body calls recover
	recovers map[string]bool
	// handlers: top-level variables declared holding a function literal
	// that calls recover (recoverVarsOf)
	handlers map[string]bool
	names    map[string]bool // every top-level name declared, whatever its kind
	// unsettled are the types learnt since the last Settle
	unsettled []string
	// compiled returns the result type of the function fun of the
	// compiled package imported as pkg, when it has one that the unit can
	// write (Interp.compiledResult); nil when unknown
	compiled func(pkg, fun string) ast.Expr
}

// compiledResult is d.compiled, nil without it.
func (d *Decls) compiledResult(pkg, fun string) ast.Expr {
	if d == nil || d.compiled == nil {
		return nil
	}
	return d.compiled(pkg, fun)
}

// NewDecls returns a registry that knows the shims.
func NewDecls() *Decls {
	d := &Decls{
		funcs:    map[string]*ast.FuncDecl{},
		methods:  map[string]*ast.FuncDecl{},
		types:    map[string]*ast.TypeSpec{},
		vars:     map[string]ast.Expr{},
		consts:   map[string]bool{},
		recovers: map[string]bool{},
		handlers: map[string]bool{},
		names:    map[string]bool{},
	}
	for key, fd := range shimSignatures() {
		d.funcs[key] = clone(fd)
	}
	return d
}

// shimSignatures are the exported functions of the shims' sources and of
// yaegi's own generic packages (cmp.Compare's result is an int), without
// their bodies, by "pkg.Func": parsed once.
var shimSignatures = sync.OnceValue(func() map[string]*ast.FuncDecl {
	funcs := map[string]*ast.FuncDecl{}
	for _, src := range slices.Concat(renamedYaegiSources(), renamedGenericSources(), renamedRuntimeSources()) {
		f, err := parser.ParseFile(token.NewFileSet(), "", src, parser.SkipObjectResolution)
		if err != nil {
			continue
		}
		for _, decl := range f.Decls {
			if fd, ok := decl.(*ast.FuncDecl); ok && fd.Recv == nil && ast.IsExported(fd.Name.Name) {
				funcs[f.Name.Name+"."+fd.Name.Name] = bodiless(fd)
			}
		}
	}
	return funcs
})

func bodiless(fd *ast.FuncDecl) *ast.FuncDecl {
	c := *fd
	c.Body, c.Doc = nil, nil
	return clone(&c)
}

// Learn records the top-level declarations of a unit: a function or method
// declaration, a type, var or const declaration, or `x := expr`.
func (d *Decls) Learn(n ast.Node) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.learn(n)
}

func (d *Decls) learn(n ast.Node) {
	switch n := n.(type) {
	case *ast.FuncDecl:
		if n.Body != nil && callsRecover(n.Body) {
			d.recovers[n.Name.Name] = true
		}
		if n.Recv == nil {
			d.funcs[n.Name.Name] = bodiless(n)
			d.names[n.Name.Name] = true
			return
		}
		if t := recvTypeName(n); t != "" {
			d.methods[t+"."+n.Name.Name] = bodiless(n)
		}
	case *ast.GenDecl:
		// a const spec without values repeats the type and values of the
		// one before it
		var lastType ast.Expr
		var lastValues []ast.Expr
		for _, spec := range n.Specs {
			switch s := spec.(type) {
			case *ast.TypeSpec:
				c := clone(s)
				if s.Assign.IsValid() {
					c.Assign = 1 // an alias: clone drops positions
				}
				if d.types[s.Name.Name] == nil {
					// (declared again unchanged, it keeps what Settle
					// gave it: a type changed is refused)
					d.unsettled = append(d.unsettled, s.Name.Name)
				}
				d.types[s.Name.Name] = c
				d.names[s.Name.Name] = true
				d.forget(s.Name.Name, "type")
			case *ast.ValueSpec:
				typ, values := s.Type, s.Values
				if n.Tok == token.CONST {
					if len(values) == 0 {
						typ, values = lastType, lastValues
					}
					lastType, lastValues = typ, values
				}
				for i, name := range s.Names {
					d.learnVar(name.Name, typ, values, i)
					if n.Tok == token.CONST && name.Name != "_" {
						d.consts[name.Name] = true
					}
				}
			}
		}
	case *ast.DeclStmt:
		d.learn(n.Decl)
	case *ast.AssignStmt:
		if n.Tok != token.DEFINE {
			return
		}
		for i, l := range n.Lhs {
			if id, ok := l.(*ast.Ident); ok && id.Name != "_" {
				var values []ast.Expr
				if len(n.Lhs) == len(n.Rhs) {
					values = n.Rhs
				}
				d.learnVar(id.Name, nil, values, i)
			}
		}
	}
}

func (d *Decls) learnVar(name string, typ ast.Expr, values []ast.Expr, i int) {
	if name == "_" {
		return
	}
	d.names[name] = true
	d.forget(name, "var")
	if i < len(values) {
		if lit, ok := ast.Unparen(values[i]).(*ast.FuncLit); ok && callsRecover(lit.Body) {
			// a handler held in a variable (recoverVarsOf)
			d.handlers[name] = true
		}
	}
	if typ == nil && i < len(values) {
		typ = (&typeEnv{decls: nil}).syntactic(values[i])
		if typ == nil {
			typ = d.methodType(values[i])
		}
		if typ == nil {
			typ = d.conversionType(values[i])
		}
	}
	if typ != nil {
		d.vars[name] = clone(typ)
	} else {
		delete(d.vars, name) // declared again: not the type it had
	}
}

// conversionType is T for a conversion T(x) to a type T declared in the
// session (total := Money(0)), nil for anything else. d is locked.
func (d *Decls) conversionType(e ast.Expr) ast.Expr {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 || call.Ellipsis.IsValid() {
		return nil
	}
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return nil
	}
	if spec := d.types[id.Name]; spec != nil && spec.TypeParams == nil {
		return ident(id.Name)
	}
	return nil
}

// methodType is the type of a method value x.M (x a variable of a
// declared type) or a method expression T.M, (*T).M, nil for anything
// else. d is locked.
func (d *Decls) methodType(e ast.Expr) ast.Expr {
	s, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	x := ast.Unparen(s.X)
	ptr := false
	if st, ok := x.(*ast.StarExpr); ok {
		x, ptr = ast.Unparen(st.X), true
	}
	id, ok := x.(*ast.Ident)
	if !ok {
		return nil
	}
	if spec := d.types[id.Name]; spec != nil && d.vars[id.Name] == nil {
		fd := d.methods[id.Name+"."+s.Sel.Name]
		if fd == nil || spec.TypeParams != nil {
			return nil
		}
		var recv ast.Expr = ident(id.Name)
		if ptr {
			recv = &ast.StarExpr{X: recv}
		}
		return methodExprType(recv, fd)
	}
	if ptr {
		return nil
	}
	vt := d.vars[id.Name]
	if st, ok := vt.(*ast.StarExpr); ok {
		vt = st.X
	}
	if t, ok := vt.(*ast.Ident); ok {
		if fd := d.methods[t.Name+"."+s.Sel.Name]; fd != nil {
			return &ast.FuncType{Params: fd.Type.Params, Results: fd.Type.Results}
		}
	}
	return nil
}

// methodExprType is the type of the method expression recv.M of method fd:
// the method with the receiver as its first parameter.
func methodExprType(recv ast.Expr, fd *ast.FuncDecl) *ast.FuncType {
	params := &ast.FieldList{List: []*ast.Field{{Type: recv}}}
	if fd.Type.Params != nil {
		params.List = append(params.List, fd.Type.Params.List...)
	}
	return &ast.FuncType{Params: params, Results: fd.Type.Results}
}

// forget drops what a name meant before it was declared again as kind.
func (d *Decls) forget(name, kind string) {
	if kind != "type" {
		delete(d.types, name)
	}
	if kind != "var" {
		delete(d.vars, name)
	}
	delete(d.funcs, name)
	delete(d.consts, name)
	delete(d.handlers, name)
}

// Declares reports whether a top-level function, type, constant or
// variable of that name was learnt.
func (d *Decls) Declares(name string) bool {
	if d == nil {
		return false
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.names[name]
}

// IsConst reports whether name is a constant declared at top level.
func (d *Decls) IsConst(name string) bool {
	if d == nil {
		return false
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.consts[name]
}

// IsVar reports whether name was learnt as a top-level variable (not a
// constant, function or type).
func (d *Decls) IsVar(name string) bool {
	if d == nil {
		return false
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.names[name] && !d.consts[name] && d.funcs[name] == nil && d.types[name] == nil
}

// Func returns the declaration of a top-level function ("f" or "pkg.f").
func (d *Decls) Func(key string) *ast.FuncDecl {
	if d == nil {
		return nil
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.funcs[key]
}

// repeatConstSpecs rewrites a const block that has a spec of several
// names. yaegi counts iota by name there, not by spec (const (A, B = iota,
// iota * 10; C, D = iota, iota * 10) gives C 2, not 1), and fails on the
// implicit repetition of such a spec ("constant definition loop"). So in
// such a block every repetition is written out, and iota is replaced by
// the spec's index, which is what it is in Go:
//
//	const (A, B = iota, iota * 10; C, D)  ⇔  const (A, B = 0, 0 * 10; C, D = 1, 1 * 10)
func repeatConstSpecs(n ast.Node) {
	ast.Inspect(n, func(n ast.Node) bool {
		g, ok := n.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			return true
		}
		multi := false
		for _, s := range g.Specs {
			multi = multi || len(s.(*ast.ValueSpec).Names) > 1
		}
		if !multi {
			return false
		}
		var lastType ast.Expr
		var lastValues []ast.Expr
		for k, s := range g.Specs {
			spec := s.(*ast.ValueSpec)
			switch {
			case len(spec.Values) > 0:
				lastType, lastValues = nil, cloneExprs(spec.Values)
				if spec.Type != nil {
					lastType = clone(spec.Type)
				}
			case lastValues != nil && spec.Type == nil && len(spec.Names) == len(lastValues):
				if lastType != nil {
					spec.Type = clone(lastType)
				}
				spec.Values = cloneExprs(lastValues)
			}
			for _, v := range spec.Values {
				renameIdents(v, map[string]string{"iota": strconv.Itoa(k)})
			}
		}
		return false
	})
}

// Method returns the declaration of method m of the named type t.
func (d *Decls) Method(t, m string) *ast.FuncDecl {
	if d == nil {
		return nil
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.methods[t+"."+m]
}

// HasMethods reports whether the declared type t has methods declared.
func (d *Decls) HasMethods(t string) bool {
	return d.anyMethod(func(key string) bool { return strings.HasPrefix(key, t+".") })
}

// HasDeclaredMethods is HasMethods but for the identity method the shell
// gives a type (identityMethod).
func (d *Decls) HasDeclaredMethods(t string) bool {
	return d.anyMethod(func(key string) bool { return strings.HasPrefix(key, t+".") && key != t+"."+identityMethod })
}

// anyMethod reports whether a method key ("T.M") satisfies match.
func (d *Decls) anyMethod(match func(key string) bool) bool {
	if d == nil {
		return false
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	for key := range d.methods {
		if match(key) {
			return true
		}
	}
	return false
}

// hasMethodNamed reports whether a declared type has a method named m.
func (d *Decls) hasMethodNamed(m string) bool {
	return d.anyMethod(func(key string) bool { return strings.HasSuffix(key, "."+m) })
}

// Recovers reports whether a declared function, or a method of a
// declared type, named name calls recover.
func (d *Decls) Recovers(name string) bool {
	if d == nil {
		return false
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.recovers[name]
}

// Handler reports whether the top-level variable name was declared
// holding a function literal that calls recover.
func (d *Decls) Handler(name string) bool {
	if d == nil {
		return false
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.handlers[name]
}

// HasValueMethod reports whether a declared type has a method named m
// with a value receiver.
func (d *Decls) HasValueMethod(m string) bool { return d.hasMethod(m, false) }

// hasMethod reports whether a declared type has a method named m with a
// pointer receiver (ptr) or a value one.
func (d *Decls) hasMethod(m string, ptr bool) bool {
	if d == nil {
		return false
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	for key, fd := range d.methods {
		if strings.HasSuffix(key, "."+m) && fd.Recv != nil && len(fd.Recv.List) == 1 {
			if _, isPtr := fd.Recv.List[0].Type.(*ast.StarExpr); isPtr == ptr {
				return true
			}
		}
	}
	return false
}

// PromotedMethod returns the method m of the declared type t, its own or
// promoted from a type declared in the session that t's struct embeds (the
// shallowest), and whether a value of t lacks it: the method has a
// pointer receiver and every embedding on the way is by value.
func (d *Decls) PromotedMethod(t, m string) (fd *ast.FuncDecl, ptr bool) {
	return d.promotedMethod(t, m, 0)
}

func (d *Decls) promotedMethod(t, m string, depth int) (*ast.FuncDecl, bool) {
	if fd := d.Method(t, m); fd != nil {
		_, ptr := fd.Recv.List[0].Type.(*ast.StarExpr)
		return fd, ptr
	}
	spec := d.Type(t)
	if depth > 4 || spec == nil || spec.TypeParams != nil {
		return nil, false
	}
	st, ok := spec.Type.(*ast.StructType)
	if !ok || st.Fields == nil {
		return nil, false
	}
	for _, f := range st.Fields.List {
		if len(f.Names) > 0 {
			if slices.ContainsFunc(f.Names, func(n *ast.Ident) bool { return n.Name == m }) {
				return nil, false // a field of that name hides it
			}
			continue
		}
		_, byPtr := f.Type.(*ast.StarExpr)
		if fd, ptr := d.promotedMethod(embeddedName(f.Type), m, depth+1); fd != nil {
			return fd, ptr && !byPtr
		}
	}
	return nil, false
}

// HasPointerMethod reports whether a declared type has a method named m
// with a pointer receiver.
func (d *Decls) HasPointerMethod(m string) bool { return d.hasMethod(m, true) }

// Type returns the declaration of a top-level type.
func (d *Decls) Type(name string) *ast.TypeSpec {
	if d == nil {
		return nil
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.types[name]
}

// Var returns the type of a top-level variable, nil if unknown.
func (d *Decls) Var(name string) ast.Expr {
	if d == nil {
		return nil
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.vars[name]
}

// LearnVarType records typ as the type of the variable name when the
// declaration did not tell it (a generic call's result: x := Sum(a, b)).
func (d *Decls) LearnVarType(name string, typ ast.Expr) {
	if d == nil || typ == nil {
		return
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.vars[name] == nil && d.names[name] {
		d.vars[name] = clone(typ)
	}
}

// methodSets returns, for each non-generic type with methods, the names of
// the methods of its value (value receivers) and of its pointer (all),
// sorted by type name.
func (d *Decls) methodSets() []declMethods {
	d.mu.Lock()
	defer d.mu.Unlock()
	byType := map[string]*declMethods{}
	for key, fd := range d.methods {
		t := key[:strings.IndexByte(key, '.')]
		if spec := d.types[t]; spec == nil || spec.TypeParams != nil {
			continue
		}
		ms := byType[t]
		if ms == nil {
			ms = &declMethods{name: t, value: map[string]bool{}, pointer: map[string]bool{}}
			byType[t] = ms
		}
		ms.pointer[fd.Name.Name] = true
		if _, isPtr := fd.Recv.List[0].Type.(*ast.StarExpr); !isPtr {
			ms.value[fd.Name.Name] = true
		}
	}
	var out []declMethods
	for _, ms := range byType {
		out = append(out, *ms)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out
}

type declMethods struct {
	name           string
	value, pointer map[string]bool
}

// recvTypeName is the base type name of a method's receiver: T for (t T),
// (t *T) and (t T[E]).
func recvTypeName(fd *ast.FuncDecl) string {
	if fd.Recv == nil || len(fd.Recv.List) != 1 {
		return ""
	}
	return receiverName(fd.Recv.List[0].Type)
}

// containerOf returns the slice, array or map type literal spec declares
// its (non-generic) type with, nil for other declarations and for nil.
func containerOf(spec *ast.TypeSpec) ast.Expr {
	if spec == nil || spec.TypeParams != nil || spec.Assign.IsValid() {
		return nil
	}
	switch spec.Type.(type) {
	case *ast.ArrayType, *ast.MapType:
		return spec.Type
	}
	return nil
}

// declaredContainer is containerOf the type declared as name.
func declaredContainer(decls *Decls, name string) ast.Expr { return containerOf(decls.Type(name)) }
