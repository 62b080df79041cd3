package repl

// Go's package-level semantics for entries and script files.
//
// yaegi compiles what it is given, in the order given: a function that
// calls one declared further down is "undefined", a constant or a type used
// before its declaration is a "definition loop", and a `var` whose
// initialiser reads a variable of an earlier Eval is always a "variable
// definition loop" (yaegi looks for that variable among the declarations of
// the current Eval only). Go has no order among package-level declarations.
// So an entry, or a whole script file, is not fed unit by unit; it is
// planned first:
//
//  1. imports, all of them, first;
//  2. the declarations (type, const, var, func) are evaluated together, in
//     one yaegi Eval, where yaegi resolves them in dependency order, as Go
//     does for a package — except those that read a variable the entry's
//     own statements define (`x := 5; func f() int { return x }`), which stay
//     in place;
//  3. a `var` of that group whose initialiser reads a variable of an earlier
//     entry (env included) runs as `name := value` just before the group;
//  4. the statements, and the declarations that stayed in place, in order;
//  5. a `func main()` is called once, at the end, as Go runs a program. It
//     is renamed (__odsh_main): yaegi would otherwise call a function named
//     main again at the end of every later Eval.
//
// Top-level `defer` runs when the entry or the script ends, in reverse
// order (the top-level statements are the body of one function, as main's
// are). A top-level `return` is refused before anything runs: in a script
// it would silently end only the statement around it.

import (
	"context"
	"errors"
	"fmt"
	"go/ast"
	"go/token"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/traefik/yaegi/interp"
)

// mainName is what a user's func main is renamed to.
const mainName = "__odsh_main"

// runUnits evaluates the units of one entry or script file with Go's
// package-level semantics (see above). wantLast says whether the values of
// a last bare expression are wanted. A failure is returned with the unit it
// happened in.
func (in *Interp) runUnits(ctx context.Context, units []Unit, wantLast bool) (res Result, failed *Unit, err error) {
	if u, err := refuseTopLevel(units); err != nil {
		return Result{}, u, err
	}
	if u, err := missingReturn(units); err != nil {
		return Result{}, u, err
	}
	declared := in.minMaxDeclared(units)
	for _, u := range units {
		rewriteMinMax(u.Node(), declared)
		repeatConstSpecs(u.Node())
		splitVarSpecs(u.decl)
	}
	in.renamePackageNames(units)
	in.useStdGenerics(units)
	in.expandGenericAliases(units)
	for _, u := range units {
		renameTypeParams(u.Node())
		// unexported fields keep their names in fmt and stay out of json
		// (yaegi renames them Xname: unexported.go)
		markUnexportedFields(u.Node())
		// and unnamed parameters of functions are named _ (blankParams)
		blankParams(u.Node())
		// and fields of declared types print with their methods
		// (typedfields.go)
		markTypedFields(u.Node())
	}
	if u, err := in.redeclared(units); err != nil {
		return Result{}, u, err
	}
	// the call rewrites look declarations up: those of the whole entry are
	// known before any unit is rendered (declaration order is free), and
	// so are the names its statements define
	for _, u := range units {
		switch {
		case u.decl != nil && u.Import() == nil:
			in.Decls().Learn(u.decl)
		case u.stmt != nil && u.Kind == Decl:
			in.Decls().Learn(u.stmt)
		}
	}
	in.Decls().Settle()
	in.noteCalls(units)
	p := in.plan(units)
	// a program (declarations only) keeps its func main in the Eval of its
	// declarations, where yaegi calls it once they are initialised, as Go
	// does: read from a later Eval, a global initialised by a multi-value
	// call is an invalid value
	mainNow := p.main && len(p.steps) == 0
	if p.main {
		in.hasMain = true
	}
	if in.hasMain && !mainNow {
		renameMain(units)
	}
	defer func() {
		if derr := in.runDefers(ctx); derr != nil && err == nil {
			res, failed, err = Result{}, &units[len(units)-1], derr
		}
	}()
	for i := range p.imports {
		if _, err := in.evalUnit(ctx, p.imports[i], false); err != nil {
			return Result{}, &p.imports[i], err
		}
	}
	for i := range p.early {
		if err := in.evalEarly(ctx, p.early[i]); err != nil {
			return Result{}, &p.early[i].unit, err
		}
	}
	if len(p.group) > 0 {
		u, err := in.evalOrdered(ctx, p.group)
		if mainNow {
			// main is declared again under its new name (later entries
			// call it so), and a main that does nothing replaces it, since
			// yaegi calls main at the end of every Eval
			if merr := in.keepMain(ctx, p.mainUnit); merr != nil && err == nil {
				u, err = &p.mainUnit, merr
			}
			var ce *CompileError
			var re *RefusedError
			if err != nil && !errors.As(err, &ce) && !errors.As(err, &re) {
				u = &p.mainUnit
			}
		}
		if err != nil {
			return Result{}, u, err
		}
	}
	for i := range p.steps {
		u := &p.steps[i]
		r, err := in.evalUnit(ctx, *u, wantLast && i == len(p.steps)-1 && p.lastIsStep)
		if err != nil {
			return Result{}, u, err
		}
		res = r
	}
	if p.main && !mainNow {
		u := p.mainUnit
		if _, err := in.run(ctx, u, "{ func() { "+mainName+"() }() }"); err != nil {
			return Result{}, &u, err
		}
	}
	return res, nil, nil
}

// plan is the order in which the units of an entry run.
type plan struct {
	imports    []Unit
	early      []earlyVar
	group      []Unit // declarations evaluated together
	steps      []Unit // statements and pinned declarations, in order
	lastIsStep bool   // the entry's last unit is the last step
	main       bool   // the entry declares func main
	mainUnit   Unit
}

// earlyVar is a `var` declaration run as `name := value` before the group.
type earlyVar struct {
	unit Unit
	code string
}

func (in *Interp) plan(units []Unit) plan {
	var p plan
	// names the entry's statements define: declarations using them must
	// wait for those statements
	stmtNames := map[string]bool{}
	for _, u := range units {
		if a, ok := u.stmt.(*ast.AssignStmt); ok && a.Tok == token.DEFINE {
			for _, l := range a.Lhs {
				if id, ok := l.(*ast.Ident); ok {
					stmtNames[id.Name] = true
				}
			}
		}
	}
	pinned := map[int]bool{}
	for changed := true; changed; {
		changed = false
		for i, u := range units {
			if u.decl == nil || u.Import() != nil || pinned[i] {
				continue
			}
			if refersTo(u.decl, stmtNames) {
				pinned[i], changed = true, true
				for _, n := range declNames(u.decl) {
					stmtNames[n] = true
				}
				// a method and its type are declared together: the
				// functions compiled before a method is would not see it
				if fd, ok := u.decl.(*ast.FuncDecl); ok && fd.Recv != nil && len(fd.Recv.List) == 1 {
					recv := receiverName(fd.Recv.List[0].Type)
					stmtNames[recv] = true
					for j, v := range units {
						if v.decl != nil && !pinned[j] && slices.Contains(declNames(v.decl), recv) {
							pinned[j] = true
						}
					}
				}
			}
		}
	}
	groupNames := map[string]bool{}
	for i, u := range units {
		if u.decl != nil && u.Import() == nil && !pinned[i] {
			for _, n := range declNames(u.decl) {
				groupNames[n] = true
			}
		}
	}
	var globals map[string]reflect.Value
	for i, u := range units {
		switch {
		case u.Import() != nil:
			p.imports = append(p.imports, u)
		case u.decl != nil && !pinned[i]:
			if fd, ok := u.decl.(*ast.FuncDecl); ok && fd.Recv == nil && fd.Name.Name == "main" && fd.Type.TypeParams == nil {
				p.main, p.mainUnit = true, u
			}
			if g, ok := u.decl.(*ast.GenDecl); ok && g.Tok == token.VAR && globals == nil {
				globals = in.globals()
			}
			if code, ok := in.earlyVar(u, groupNames, globals); ok {
				p.early = append(p.early, earlyVar{unit: u, code: code})
				continue
			}
			p.group = append(p.group, u)
		default:
			if code, _, ok := varAsDefine(u); ok && pinned[i] {
				// a var reading what a statement of the entry defines
				// runs in its place as a short declaration: yaegi fails
				// on `var y = x` after an Eval that defined x ("variable
				// definition loop")
				if steps, err := Split(code); err == nil {
					for j := range steps {
						steps[j].Line = u.Line
					}
					p.steps = append(p.steps, steps...)
					p.lastIsStep = i == len(units)-1
					continue
				}
			}
			p.steps = append(p.steps, u)
			p.lastIsStep = i == len(units)-1
		}
	}
	return p
}

// earlyVar recognises a var declaration of the group whose initialisers
// read an earlier global variable, or call a generic function of the shims
// (whose instances yaegi keeps as globals of the Eval that made them), and
// nothing the group declares, and returns it as short variable
// declarations:
//
//	var P = env.Model("res.partner")  ⇔  P := env.Model("res.partner")
//	var n, m int = a, b               ⇔  n, m := (int)(a), (int)(b)
func (in *Interp) earlyVar(u Unit, groupNames map[string]bool, globals map[string]reflect.Value) (string, bool) {
	code, reads, ok := varAsDefine(u)
	if !ok {
		return "", false
	}
	readsGlobal := false
	for _, s := range u.decl.(*ast.GenDecl).Specs {
		for _, v := range s.(*ast.ValueSpec).Values {
			readsGlobal = readsGlobal || callsMinMax(v)
		}
	}
	for n := range reads {
		if groupNames[n] {
			return "", false
		}
		if _, ok := globals[n]; ok {
			readsGlobal = true
		}
	}
	// a struct type literal with a field named like a package variable:
	// yaegi fails on the var declaration in an Eval after the variable's
	// ("variable definition loop"), not on the short declaration
	ast.Inspect(u.decl, func(n ast.Node) bool {
		if st, ok := n.(*ast.StructType); ok && st.Fields != nil {
			for _, f := range st.Fields.List {
				for _, id := range f.Names {
					if _, ok := globals[id.Name]; ok || groupNames[id.Name] {
						readsGlobal = true
					}
				}
			}
		}
		return !readsGlobal
	})
	return code, readsGlobal
}

// varAsDefine returns a var declaration as short variable declarations
// (see earlyVar), with the names its values and zero-literal types read;
// ok is false for a declaration that has no such form (no values, or one
// multi-value call).
func varAsDefine(u Unit) (code string, reads map[string]bool, ok bool) {
	g, isGen := u.decl.(*ast.GenDecl)
	if !isGen || g.Tok != token.VAR {
		return "", nil, false
	}
	reads = map[string]bool{}
	var lines []string
	for _, s := range g.Specs {
		spec := s.(*ast.ValueSpec)
		if len(spec.Values) == 0 && zeroLiteral(spec.Type) {
			// var b [unsafe.Sizeof(d)]byte  ⇔  b := [unsafe.Sizeof(d)]byte{}
			for n := range freeNames(spec.Type) {
				reads[n] = true
			}
			for _, id := range spec.Names {
				lines = append(lines, id.Name+" := "+u.ExprText(spec.Type)+"{}")
			}
			continue
		}
		if len(spec.Values) == 0 || len(spec.Values) != len(spec.Names) {
			return "", nil, false
		}
		for _, v := range spec.Values {
			for n := range freeNames(v) {
				reads[n] = true
			}
		}
		var lhs, rhs []string
		for i, id := range spec.Names {
			lhs = append(lhs, id.Name)
			val := u.ExprText(spec.Values[i])
			if spec.Type != nil {
				val = "(" + u.ExprText(spec.Type) + ")(" + val + ")"
			}
			rhs = append(rhs, val)
		}
		lines = append(lines, strings.Join(lhs, ", ")+" := "+strings.Join(rhs, ", "))
	}
	return strings.Join(lines, "\n"), reads, true
}

// evalEarly runs an early var declaration through the normal rewriting of
// a statement unit.
func (in *Interp) evalEarly(ctx context.Context, e earlyVar) error {
	units, err := Split(e.code)
	if err != nil {
		return err
	}
	for _, u := range units {
		u.Line = e.unit.Line
		if _, err := in.evalUnit(ctx, u, false); err != nil {
			return err
		}
	}
	return nil
}

// evalGroup evaluates declarations together, so that yaegi orders them.
// Each carries //line directives, so an error names the user's line.
func (in *Interp) evalGroup(ctx context.Context, group []Unit) (*Unit, error) {
	var parts []string
	for i, u := range group {
		parts = append(parts, u.lineCode(in))
		// each rendering replaces the refusal of the one before
		if err := in.takeRefusal(); err != nil {
			return &group[i], err
		}
	}
	_, err := in.run(ctx, group[0], registrationsLast(parts))
	if err == nil {
		in.noteDeclared(group)
		return in.noteFuncs(ctx, group, parts)
	}
	{
		var ce *CompileError
		if errors.As(err, &ce) {
			for i := len(group) - 1; i >= 0; i-- {
				if group[i].Line <= ce.Line {
					return &group[i], err
				}
			}
		}
		return &group[0], err
	}
}

// registrationsLast joins the code of a group's units with the type
// registrations (typeRegistration) moved after every declaration: yaegi
// builds a struct type when a variable of it is made, and a registration
// between `type Atom struct{ next *Slist }` and `type Slist struct{ atom
// Atom }` built Atom with an unfinished Slist, whose values then corrupted
// memory ("growslice: len out of range").
func registrationsLast(parts []string) string {
	prefix := "var _ = " + registerTypeHook + "("
	var code, regs []string
	for _, p := range parts {
		for _, line := range strings.Split(p, "\n") {
			if strings.HasPrefix(line, prefix) {
				regs = append(regs, line)
				continue
			}
			code = append(code, line)
		}
	}
	return strings.Join(append(code, regs...), "\n")
}

// refuseTopLevel refuses statements that mean something else once the
// entry's statements are run one by one: a return outside any function.
func refuseTopLevel(units []Unit) (*Unit, error) {
	for i := range units {
		u := &units[i]
		if u.stmt == nil {
			continue
		}
		var bad *ast.ReturnStmt
		ast.Inspect(u.stmt, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ReturnStmt:
				if bad == nil {
					bad = n
				}
			}
			return bad == nil
		})
		if bad != nil {
			line := u.Line + u.fset.Position(bad.Pos()).Line - u.skip - 1
			return u, &CompileError{Line: line, Msg: "return outside a function: the top-level statements of an entry or a script are not a function body; " +
				"to stop a script early, put its code in func main() and return from there, or panic(...)"}
		}
	}
	return nil, nil
}

// renameMain renames the identifiers main of the units to mainName (see
// the top of this file).
func renameMain(units []Unit) {
	for _, u := range units {
		renameIdents(u.Node(), map[string]string{"main": mainName})
	}
}

// declNames returns the names a file-level declaration declares; a method
// declares nothing at package level.
func declNames(d ast.Decl) []string {
	var out []string
	switch d := d.(type) {
	case *ast.FuncDecl:
		if d.Recv == nil {
			out = append(out, d.Name.Name)
		}
	case *ast.GenDecl:
		for _, s := range d.Specs {
			switch s := s.(type) {
			case *ast.ValueSpec:
				for _, id := range s.Names {
					out = append(out, id.Name)
				}
			case *ast.TypeSpec:
				out = append(out, s.Name.Name)
			}
		}
	}
	return out
}

// freeNames returns the identifiers n uses, except selector names, struct
// literal keys and the names fields and parameters declare: an
// over-approximation of the names it reads (local names are included).
func freeNames(n ast.Node) map[string]bool { return usesIn(n, false) }

// usesIn is freeNames, with keys the identifiers used as keys of composite
// literals too: in a map or array literal they are values
// (map[State]string{Draft: "draft"} uses Draft), in a struct literal field
// names; a declaration's order only needs an over-approximation.
func usesIn(n ast.Node, keys bool) map[string]bool {
	out := map[string]bool{}
	var visit func(n ast.Node)
	visit = func(n ast.Node) {
		ast.Inspect(n, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.Field:
				// the names of fields, parameters and interface methods
				// are not uses (type T1 struct{ T2 *T2 } uses T2 once)
				if x.Type != nil {
					visit(x.Type)
				}
				return false
			case *ast.SelectorExpr:
				visit(x.X)
				return false
			case *ast.KeyValueExpr:
				if _, ok := x.Key.(*ast.Ident); !ok || keys {
					visit(x.Key)
				}
				visit(x.Value)
				return false
			case *ast.FuncDecl:
				// the receiver, parameters and results hide the names
				// they bind in the whole body
				visitFunc(x.Recv, x.Type, x.Body, out)
				return false
			case *ast.FuncLit:
				visitFunc(nil, x.Type, x.Body, out)
				return false
			case *ast.Ident:
				out[x.Name] = true
			}
			return true
		})
	}
	visit(n)
	return out
}

// visitFunc adds to out the free names of a function: those of its
// signature's types, and those of its body but the names the signature
// binds.
func visitFunc(recv *ast.FieldList, typ *ast.FuncType, body *ast.BlockStmt, out map[string]bool) {
	bound := map[string]bool{}
	for _, fl := range []*ast.FieldList{recv, typ.TypeParams, typ.Params, typ.Results} {
		if fl == nil {
			continue
		}
		for _, f := range fl.List {
			for k := range freeNames(f.Type) {
				out[k] = true
			}
			for _, n := range f.Names {
				bound[n.Name] = true
			}
		}
	}
	if body == nil {
		return
	}
	for k := range freeNames(body) {
		if !bound[k] {
			out[k] = true
		}
	}
}

// refersTo reports whether n uses one of names.
func refersTo(n ast.Node, names map[string]bool) bool {
	if len(names) == 0 {
		return false
	}
	for k := range freeNames(n) {
		if names[k] {
			return true
		}
	}
	return false
}

// funcSource is a top-level function as handed to yaegi, and the names it
// uses.
type funcSource struct {
	code string
	uses map[string]bool
}

// noteFuncs records the functions of a group and, when the group redefines
// functions of earlier entries, evaluates again the earlier functions that
// call them: yaegi binds a call to the function the name meant when the
// caller was compiled, so they would go on calling the old one. Callers of
// re-evaluated functions are re-evaluated in turn.
func (in *Interp) noteFuncs(ctx context.Context, group []Unit, codes []string) (*Unit, error) {
	if in.funcs == nil {
		in.funcs = map[string]funcSource{}
	}
	changed := map[string]bool{}
	redefined := false
	for i, u := range group {
		fd, ok := u.decl.(*ast.FuncDecl)
		if !ok || fd.Recv != nil || fd.Name.Name == "init" {
			continue
		}
		if fd.Name.Name == "main" {
			// evaluating `func main` again would run it (keepMain keeps
			// it as mainName, which can be)
			continue
		}
		if _, seen := in.funcs[fd.Name.Name]; seen {
			redefined = true
		}
		changed[fd.Name.Name] = true
		in.funcs[fd.Name.Name] = funcSource{code: codes[i], uses: freeNames(fd.Body)}
	}
	if !redefined {
		return nil, nil
	}
	done := map[string]bool{}
	for k := range changed {
		done[k] = true
	}
	for again := true; again; {
		again = false
		for name, f := range in.funcs {
			if done[name] || !usesAny(f.uses, changed) {
				continue
			}
			done[name], changed[name], again = true, true, true
			if _, err := in.yi.EvalWithContext(ctx, f.code); err != nil {
				return &group[0], &CompileError{Line: group[0].Line, Msg: fmt.Sprintf(
					"%s was redefined, but %s, which calls it, no longer compiles: %s", firstFunc(group), name, yaegiPos.ReplaceAllString(err.Error(), ""))}
			}
		}
	}
	return nil, nil
}

func usesAny(uses, names map[string]bool) bool {
	for n := range names {
		if uses[n] {
			return true
		}
	}
	return false
}

func firstFunc(group []Unit) string {
	for _, u := range group {
		if fd, ok := u.decl.(*ast.FuncDecl); ok && fd.Recv == nil {
			return fd.Name.Name
		}
	}
	return "a function"
}

// runDefers runs the top-level defers of the entry that ends, last first.
func (in *Interp) runDefers(ctx context.Context) error {
	if in.defers == 0 {
		return nil
	}
	in.defers = 0
	_, err := in.yi.EvalWithContext(ctx, "__odsh_rundefers()")
	if err != nil {
		_, _ = in.yi.Eval("__odsh_defers = nil")
		var p interp.Panic
		if errors.As(err, &p) {
			return panicError(p.Value, p.Stack)
		}
	}
	return err
}

// deferPrelude holds the registered top-level defers (topLevelDefers).
const deferPrelude = `
var __odsh_defers []func()

func __odsh_defer(f func()) { __odsh_defers = append(__odsh_defers, f) }

func __odsh_rundefers() {
	for len(__odsh_defers) > 0 {
		f := __odsh_defers[len(__odsh_defers)-1]
		__odsh_defers = __odsh_defers[:len(__odsh_defers)-1]
		f()
	}
}
`

// globals returns the interpreter's global variables; yaegi's Globals
// panics (index out of range) after some failed evaluations, in which case
// the session's names are not known and none is returned.
func (in *Interp) globals() (out map[string]reflect.Value) {
	defer func() {
		if recover() != nil {
			out = map[string]reflect.Value{}
		}
	}()
	return in.yi.Globals()
}

// Recursion.
//
// The depth guard (guardDepth) costs a defer in every function it guards,
// and a defer makes yaegi pass wrong values in some functions (see there),
// so only functions that can recurse are guarded: those on a cycle of the
// call graph of the session's functions and methods (a method is known by
// its name only). calls records that graph across entries.

// noteCalls adds the functions and methods the units declare to the call
// graph and recomputes which are on a cycle.
func (in *Interp) noteCalls(units []Unit) {
	if in.callGraph == nil {
		in.callGraph = map[string]map[string]bool{}
	}
	for _, u := range units {
		fd, ok := u.decl.(*ast.FuncDecl)
		if !ok || fd.Body == nil {
			continue
		}
		in.callGraph[funcKey(fd)] = callees(fd.Body)
	}
	in.recursive = map[string]bool{}
	for k := range in.callGraph {
		if in.reaches(k, k, map[string]bool{}) {
			in.recursive[k] = true
		}
	}
}

// reaches reports whether to can be reached from from in one call or more.
func (in *Interp) reaches(from, to string, seen map[string]bool) bool {
	for c := range in.callGraph[from] {
		if c == to {
			return true
		}
		if !seen[c] {
			seen[c] = true
			if in.reaches(c, to, seen) {
				return true
			}
		}
	}
	return false
}

// funcKey names a function ("f:name") or a method ("m:name") in the graph.
func funcKey(fd *ast.FuncDecl) string {
	if fd.Recv != nil {
		return "m:" + fd.Name.Name
	}
	return "f:" + fd.Name.Name
}

// callees returns what a body may call: every identifier it uses as a
// function, and every method name it calls.
func callees(body ast.Node) map[string]bool {
	out := map[string]bool{}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			out["f:"+n.Name] = true
		case *ast.SelectorExpr:
			out["m:"+n.Sel.Name] = true
		}
		return true
	})
	return out
}

// Recursive reports whether the function or method named can call itself
// (rewriter.guardDepth).
func (in *Interp) Recursive(name string, method bool) bool {
	if method {
		return in.recursive["m:"+name]
	}
	return in.recursive["f:"+name]
}

// renamePackageNames renames the top-level names that an entry or a file
// declares and that are also the names of imported packages (fmt, sort,
// time, … are imported for every entry): yaegi refuses such a declaration
// ("sort redeclared in this block"), while in Go a file that does not
// import sort may declare a func sort. The name then means the user's
// declaration in this and later entries:
//
//	func sort(xs []T) { … }; sort(a)  ⇔  func __odsh_sort(xs []T) { … }; __odsh_sort(a)
func (in *Interp) renamePackageNames(units []Unit) {
	imports := map[string]bool{}
	for _, u := range units {
		if g := u.Import(); g != nil {
			for _, s := range g.Specs {
				spec := s.(*ast.ImportSpec)
				name := pkgName(strings.Trim(spec.Path.Value, "\"`"))
				if spec.Name != nil {
					name = spec.Name.Name
				}
				imports[name] = true
			}
		}
	}
	for _, u := range units {
		var names []string
		if u.decl != nil && u.Import() == nil {
			names = declNames(u.decl)
		} else if a, ok := u.stmt.(*ast.AssignStmt); ok && a.Tok == token.DEFINE {
			for _, l := range a.Lhs {
				if id, ok := l.(*ast.Ident); ok {
					names = append(names, id.Name)
				}
			}
		}
		for _, n := range names {
			if _, imported := in.imported[n]; imported && !imports[n] {
				if in.renames == nil {
					in.renames = map[string]string{}
				}
				in.renames[n] = "__odsh_" + n
			}
		}
	}
	if len(in.renames) == 0 {
		return
	}
	for _, u := range units {
		if u.Import() == nil {
			renameIdents(u.Node(), in.renames)
		}
	}
}

// Declarations waiting for names declared later.
//
// In Go a function may use a name declared further down the file. At the
// prompt, `func main() { f() }` typed before f is therefore not an error:
// an entry made only of declarations that fails because a name is not
// declared yet waits (EvalEntry says so), and is evaluated again after
// each later entry that succeeds, until it compiles (a func main then runs,
// once) or fails for another reason. Pending returns what still waits.

// pendingEntry is an entry waiting for a name.
type pendingEntry struct {
	src     string
	missing string
	names   []string // the top-level names it declares
}

// newPending is a waiting entry for src.
func newPending(src, missing string) pendingEntry {
	p := pendingEntry{src: src, missing: missing}
	units, _ := Split(src)
	for _, u := range units {
		if u.decl != nil {
			p.names = append(p.names, declNames(u.decl)...)
		}
	}
	return p
}

// interfaceLater is yaegi's message for a conversion to an interface of a
// type that lacks methods (maybe declared by a later entry).
var interfaceLater = regexp.MustCompile(`as type interfaceT|cannot convert expression of type \S+ to type|does not implement|missing method`)

// undefinedName is yaegi's message for a name nothing declares.
var undefinedName = regexp.MustCompile(`^(?:\S+: )?undefined(?: selector)?: (\w+)$`)

// EvalEntry is Eval for an entry typed at the prompt: an entry of
// declarations that uses a name not declared yet is kept pending and a
// notice says so (notice is "" otherwise); after an entry that succeeds,
// the pending entries are evaluated again, and the errors of those that
// now fail for another reason are returned in later.
func (in *Interp) EvalEntry(ctx context.Context, src string) (res Result, notice string, later []error, err error) {
	in.entry++
	defer func() { in.entry-- }()
	wait := func(name string) (Result, string, []error, error) {
		in.pending = append(in.pending, newPending(src, name))
		return Result{}, fmt.Sprintf("%s waits for %s, not declared yet", declaredIn(src), name), nil, nil
	}
	// (the names of a package imported with . are not known here)
	if declsOnly(src) && !in.dotImports {
		if _, _, uses := in.usesPending(src); uses {
			// with the declarations that wait, in one Eval: they may use
			// each other (type A struct{ b *B }; type B struct{ a *A })
			all := in.pendingSource() + "\n" + src
			if name := in.unknownName(all); name != "" {
				return wait(name)
			}
			res, err = in.Eval(ctx, all)
			if err == nil {
				in.pending = nil
				return res, "", nil, nil
			}
			if name, ok := in.waitsFor(all, err); ok {
				return wait(name)
			}
		} else if name := in.unknownName(src); name != "" {
			// not shown to yaegi, which would keep a half-declared name
			return wait(name)
		}
	}
	// a name of a waiting entry is not declared yet: an entry using it
	// must not run
	if name, w, ok := in.usesPending(src); ok {
		return Result{}, "", nil, &CompileError{Line: 1, Msg: fmt.Sprintf("%s is not declared yet: %s waits for %s", name, declaredIn(w.src), w.missing)}
	}
	res, err = in.Eval(ctx, src)
	if err != nil {
		if name, ok := in.waitsFor(src, err); ok {
			return wait(name)
		}
		return res, "", nil, err
	}
	return res, "", in.retryPending(ctx), nil
}

// pendingSource joins the sources of the waiting entries.
func (in *Interp) pendingSource() string {
	var parts []string
	for _, p := range in.pending {
		parts = append(parts, p.src)
	}
	return strings.Join(parts, "\n")
}

// waitsFor reports whether a failed entry may wait: it is made of
// declarations only and uses a name that nothing declares yet. yaegi's
// words for that vary ("undefined: f", "constant definition loop",
// "undefined type", "incomplete type T"), so the names are looked at, not
// the message.
func (in *Interp) waitsFor(src string, err error) (string, bool) {
	if err == nil || !declsOnly(src) {
		return "", false
	}
	if m := undefinedName.FindStringSubmatch(err.Error()); m != nil && !in.IsPackage(m[1]) {
		return m[1], true
	}
	if strings.HasSuffix(err.Error(), "definition loop") {
		// yaegi's words for a name used before its declaration in some
		// places (var a = [max]int{}; const max = 32)
		return "a declaration that comes later", true
	}
	if interfaceLater.MatchString(err.Error()) {
		// a value converted to an interface whose methods its type will
		// have once later entries declare them
		return "methods declared later", true
	}
	name := in.unknownName(src)
	return name, name != ""
}

// unknownName returns a name src uses that neither src nor the session
// declares, "" if there is none.
func (in *Interp) unknownName(src string) string {
	if in.dotImports {
		return ""
	}
	units, err := Split(src)
	if err != nil {
		return ""
	}
	local := map[string]bool{}
	for _, u := range units {
		declaring(u.Node(), local)
	}
	globals := in.globals()
	var found []string
	for _, u := range units {
		if u.Import() != nil {
			continue
		}
		for name := range freeNames(u.Node()) {
			if local[name] || in.IsPackage(name) || builtins[name] || predeclaredTypes[name] || universe[name] || name == "_" {
				continue
			}
			if _, ok := globals[name]; ok {
				continue
			}
			if in.genericAliases[name] != nil {
				continue
			}
			if in.Decls().Declares(name) && !in.pendingDeclares(name) {
				continue
			}
			if strings.HasPrefix(name, "__") {
				continue
			}
			found = append(found, name)
		}
	}
	found = append(found, in.unknownMethods(units)...)
	if len(found) == 0 {
		return ""
	}
	sort.Strings(found)
	return found[0]
}

// unknownMethods returns the names that methods of units call on their
// own receiver (a.Close()) and that the receiver's type has neither as a
// method nor as a field, yet: a method declared by a later entry. Types
// with embedded fields are left alone (promoted methods).
func (in *Interp) unknownMethods(units []Unit) []string {
	own := map[string]bool{} // "T.M" declared by the units
	types := map[string]*ast.TypeSpec{}
	for _, u := range units {
		switch d := u.decl.(type) {
		case *ast.FuncDecl:
			if d.Recv != nil && len(d.Recv.List) == 1 {
				own[receiverName(d.Recv.List[0].Type)+"."+d.Name.Name] = true
			}
		case *ast.GenDecl:
			for _, sp := range d.Specs {
				if ts, ok := sp.(*ast.TypeSpec); ok {
					types[ts.Name.Name] = ts
				}
			}
		}
	}
	decls := in.Decls()
	var out []string
	for _, u := range units {
		fd, ok := u.decl.(*ast.FuncDecl)
		if !ok || fd.Recv == nil || len(fd.Recv.List) != 1 || len(fd.Recv.List[0].Names) != 1 || fd.Body == nil {
			continue
		}
		recv, tname := fd.Recv.List[0].Names[0].Name, receiverName(fd.Recv.List[0].Type)
		ts := types[tname]
		if ts == nil {
			ts = decls.Type(tname)
		}
		if ts == nil {
			continue
		}
		fields, ok := structFields(ts)
		if !ok {
			continue
		}
		// has reports whether type t (declared here or earlier) has m as a
		// field or method; unknown types have everything
		has := func(t string, m string) bool {
			spec := types[t]
			if spec == nil {
				spec = decls.Type(t)
			}
			if spec == nil {
				return true
			}
			fs, ok := structFields(spec)
			return !ok || fs[m] != nil || own[t+"."+m] || decls.Method(t, m) != nil
		}
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			sel, ok := n.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if x, ok := sel.X.(*ast.Ident); ok && x.Name == recv && !has(tname, sel.Sel.Name) {
				out = append(out, sel.Sel.Name)
			}
			// recv.F.M, F a field of a type declared in the shell
			if inner, ok := sel.X.(*ast.SelectorExpr); ok {
				if x, ok := inner.X.(*ast.Ident); ok && x.Name == recv {
					if ft := fields[inner.Sel.Name]; ft != nil {
						if u := receiverName(ft); u != "" && !has(u, sel.Sel.Name) {
							out = append(out, sel.Sel.Name)
						}
					}
				}
			}
			return true
		})
	}
	return out
}

// structFields returns the fields of a struct type spec by name with their
// types; ok is false for a type with embedded fields (promoted members),
// true with no fields for a defined non-struct type.
func structFields(ts *ast.TypeSpec) (map[string]ast.Expr, bool) {
	fields := map[string]ast.Expr{}
	switch t := ts.Type.(type) {
	case *ast.StructType:
		for _, f := range t.Fields.List {
			if len(f.Names) == 0 {
				return nil, false
			}
			for _, id := range f.Names {
				fields[id.Name] = f.Type
			}
		}
		return fields, true
	case *ast.Ident:
		return fields, true
	}
	return nil, false
}

// pendingDeclares reports whether a waiting entry declares name.
func (in *Interp) pendingDeclares(name string) bool {
	for _, p := range in.pending {
		if slices.Contains(p.names, name) {
			return true
		}
	}
	return false
}

// declaring adds to names every identifier n declares, at any depth:
// functions, types, constants, variables, parameters, results, fields,
// methods of interfaces, type parameters, labels.
func declaring(n ast.Node, names map[string]bool) {
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncDecl:
			names[n.Name.Name] = true
			if n.Recv != nil {
				for _, f := range n.Recv.List {
					for _, id := range f.Names {
						names[id.Name] = true
					}
				}
			}
			if n.Recv != nil && len(n.Recv.List) == 1 {
				// the type parameters of a method's receiver: (v Slice[T])
				t := n.Recv.List[0].Type
				if st, ok := t.(*ast.StarExpr); ok {
					t = st.X
				}
				var params []ast.Expr
				switch x := t.(type) {
				case *ast.IndexExpr:
					params = []ast.Expr{x.Index}
				case *ast.IndexListExpr:
					params = x.Indices
				}
				for _, p := range params {
					if id, ok := p.(*ast.Ident); ok {
						names[id.Name] = true
					}
				}
			}
		case *ast.TypeSpec:
			names[n.Name.Name] = true
			if n.TypeParams != nil {
				for _, f := range n.TypeParams.List {
					for _, id := range f.Names {
						names[id.Name] = true
					}
				}
			}
		case *ast.ValueSpec:
			for _, id := range n.Names {
				names[id.Name] = true
			}
		case *ast.FuncType:
			// parameters, results and type parameters (struct fields and
			// interface methods are never used as bare names)
			for _, fl := range []*ast.FieldList{n.TypeParams, n.Params, n.Results} {
				if fl == nil {
					continue
				}
				for _, f := range fl.List {
					for _, id := range f.Names {
						names[id.Name] = true
					}
				}
			}
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE {
				for _, l := range n.Lhs {
					if id, ok := l.(*ast.Ident); ok {
						names[id.Name] = true
					}
				}
			}
		case *ast.RangeStmt:
			if n.Tok == token.DEFINE {
				for _, e := range []ast.Expr{n.Key, n.Value} {
					if id, ok := e.(*ast.Ident); ok {
						names[id.Name] = true
					}
				}
			}
		case *ast.LabeledStmt:
			names[n.Label.Name] = true
		case *ast.TypeSwitchStmt:
			if a, ok := n.Assign.(*ast.AssignStmt); ok {
				for _, l := range a.Lhs {
					if id, ok := l.(*ast.Ident); ok {
						names[id.Name] = true
					}
				}
			}
		}
		return true
	})
}

// declsOnly reports whether an entry is made of declarations only.
func declsOnly(src string) bool {
	units, err := Split(src)
	if err != nil || len(units) == 0 {
		return false
	}
	for _, u := range units {
		if u.decl == nil {
			return false
		}
	}
	return true
}

// usesPending returns a name that src uses and a waiting entry declares.
func (in *Interp) usesPending(src string) (string, pendingEntry, bool) {
	if len(in.pending) == 0 {
		return "", pendingEntry{}, false
	}
	units, err := Split(src)
	if err != nil {
		return "", pendingEntry{}, false
	}
	own, used := map[string]bool{}, map[string]bool{}
	for _, u := range units {
		if u.decl != nil {
			for _, n := range declNames(u.decl) {
				own[n] = true
			}
		}
		for n := range freeNames(u.Node()) {
			used[n] = true
		}
	}
	for _, p := range in.pending {
		for _, n := range p.names {
			if !own[n] && used[n] {
				return n, p, true
			}
		}
	}
	return "", pendingEntry{}, false
}

// retryPending evaluates the waiting entries again, together, after an
// entry that may have declared what they wait for.
func (in *Interp) retryPending(ctx context.Context) []error {
	if len(in.pending) == 0 {
		return nil
	}
	all := in.pendingSource()
	if name := in.unknownName(all); name != "" {
		in.pending[len(in.pending)-1].missing = name
		return nil
	}
	_, err := in.Eval(ctx, all)
	if err == nil {
		in.pending = nil
		return nil
	}
	if name, ok := in.waitsFor(all, err); ok {
		in.pending[len(in.pending)-1].missing = name
		return nil
	}
	names := declaredIn(all)
	in.pending = nil
	return []error{fmt.Errorf("%s: %w", names, err)}
}

// Pending returns, one line each, the entries that still wait for a name,
// and forgets them.
func (in *Interp) Pending() []string {
	var out []string
	for _, p := range in.pending {
		if p.missing == "a declaration that comes later" {
			out = append(out, fmt.Sprintf("%s was never run: constant or variable definition loop", declaredIn(p.src)))
			continue
		}
		if p.missing == "methods declared later" {
			out = append(out, fmt.Sprintf("%s was never run: it converts a type to an interface whose methods the type lacks", declaredIn(p.src)))
			continue
		}
		out = append(out, fmt.Sprintf("%s was never run: undefined: %s", declaredIn(p.src), p.missing))
	}
	in.pending = nil
	return out
}

// declaredIn names what an entry declares, for messages: "func main",
// "type T", or "the entry".
func declaredIn(src string) string {
	units, err := Split(src)
	if err != nil || len(units) == 0 {
		return "the entry"
	}
	var names []string
	for _, u := range units {
		switch d := u.decl.(type) {
		case *ast.FuncDecl:
			names = append(names, "func "+d.Name.Name)
		case *ast.GenDecl:
			for _, n := range declNames(d) {
				names = append(names, d.Tok.String()+" "+n)
			}
		}
	}
	if len(names) == 0 {
		return "the entry"
	}
	return strings.Join(names, ", ")
}

// keepMain declares the user's main again as mainName, and main as a
// function that does nothing.
func (in *Interp) keepMain(ctx context.Context, mainUnit Unit) error {
	units, err := Split(mainUnit.Text)
	if err != nil || len(units) != 1 {
		return err
	}
	units[0].Line = mainUnit.Line
	in.renamePackageNames(units)
	in.useStdGenerics(units)
	in.expandGenericAliases(units)
	rewriteMinMax(units[0].Node(), in.minMaxDeclared(nil))
	renameMain(units)
	code := units[0].lineCode(in)
	if _, err = in.run(ctx, units[0], "func main() {}\n"+code); err != nil {
		return err
	}
	if in.funcs == nil {
		in.funcs = map[string]funcSource{}
	}
	fd := units[0].decl.(*ast.FuncDecl)
	in.funcs[mainName] = funcSource{code: code, uses: freeNames(fd.Body)}
	return nil
}

// evalOrdered evaluates the declarations of an entry in the order of
// their dependencies: each set of declarations that use each other (a
// strongly connected component of the graph of names) in one Eval, after
// the sets it uses. A method goes with its receiver's type. So the
// rewrites that look at earlier declarations through yaegi (compile
// probes for types) find them, and yaegi never sees a name before its
// declaration. A var of a later set that reads a variable of an earlier
// one runs as `name := value` (earlyVar), and a var initialised by a
// multi-value call as an assignment: yaegi mishandles both as var
// declarations once the variables they read are globals of an earlier
// Eval.
func (in *Interp) evalOrdered(ctx context.Context, group []Unit) (*Unit, error) {
	for _, comp := range components(group) {
		var units []Unit
		names := map[string]bool{}
		for _, i := range comp {
			units = append(units, group[i])
			for _, n := range declNames(group[i].decl) {
				names[n] = true
			}
		}
		globals := in.globals()
		var rest []Unit
		for _, u := range units {
			if code, ok := in.earlyVar(u, names, globals); ok {
				if err := in.evalEarly(ctx, earlyVar{unit: u, code: code}); err != nil {
					return &u, err
				}
				continue
			}
			if code, ok := multiValueVar(u, in.Decls()); ok && !refersTo(u.decl.(*ast.GenDecl).Specs[0].(*ast.ValueSpec).Values[0], names) {
				if err := in.evalEarly(ctx, earlyVar{unit: u, code: code}); err != nil {
					return &u, err
				}
				continue
			}
			rest = append(rest, u)
		}
		if len(rest) > 0 {
			if u, err := in.evalGroup(ctx, rest); err != nil {
				return u, err
			}
		}
	}
	return nil, nil
}

// multiValueVar rewrites a var declaration initialised by one call of
// several results:
//
//	var a, b = f()    ⇔  a, b := f()
//	var a, b T = f()  ⇔  var a, b T; a, b = f()
func multiValueVar(u Unit, decls *Decls) (string, bool) {
	g, ok := u.decl.(*ast.GenDecl)
	if !ok || g.Tok != token.VAR || len(g.Specs) != 1 {
		return "", false
	}
	spec := g.Specs[0].(*ast.ValueSpec)
	if len(spec.Names) < 2 || len(spec.Values) != 1 {
		return "", false
	}
	var lhs []string
	for _, id := range spec.Names {
		lhs = append(lhs, id.Name)
	}
	names, val := strings.Join(lhs, ", "), u.ExprText(spec.Values[0])
	if spec.Type != nil {
		return "var " + names + " " + u.ExprText(spec.Type) + "\n" + names + " = " + val, true
	}
	// the result types of a function declared in the shell: yaegi's
	// globals from `a, b := f()` read as invalid values in functions
	if call, ok := spec.Values[0].(*ast.CallExpr); ok {
		if id, ok := call.Fun.(*ast.Ident); ok && decls != nil {
			if fd := decls.Func(id.Name); fd != nil && fd.Type.TypeParams == nil && fd.Type.Results != nil {
				var types []string
				for _, f := range fd.Type.Results.List {
					n := max(len(f.Names), 1)
					for range n {
						types = append(types, u.ExprText(f.Type))
					}
				}
				if len(types) == len(lhs) {
					var decl []string
					for i, name := range lhs {
						decl = append(decl, "var "+name+" "+types[i])
					}
					return strings.Join(decl, "\n") + "\n" + names + " = " + val, true
				}
			}
		}
	}
	return names + " := " + val, true
}

// hasTypeAssert reports whether n holds a type assertion or a type switch.
func hasTypeAssert(n ast.Node) bool { return hasNode[*ast.TypeAssertExpr](n) }

// components returns the strongly connected components of the graph of
// the units' declarations (unit i uses a name unit j declares), each as
// indexes in source order, dependencies first (Tarjan's algorithm). A
// method is one node with the type of its receiver when the unit declares
// it.
func components(group []Unit) [][]int {
	n := len(group)
	owner := map[string]int{}
	for i, u := range group {
		for _, name := range declNames(u.decl) {
			if name != "init" && name != "_" {
				owner[name] = i
			}
		}
	}
	// node of each unit: a method joins its receiver's type
	node := make([]int, n)
	for i, u := range group {
		node[i] = i
		if fd, ok := u.decl.(*ast.FuncDecl); ok && fd.Recv != nil && len(fd.Recv.List) == 1 {
			if j, ok := owner[receiverName(fd.Recv.List[0].Type)]; ok {
				node[i] = j
			}
		}
	}
	edges := make([][]int, n)
	// a method of a type declared by an earlier entry: what the group
	// calls it on does not name it, so everything else depends on it (a
	// cycle puts them in one Eval)
	var orphans []int
	for i, u := range group {
		if fd, ok := u.decl.(*ast.FuncDecl); ok && fd.Recv != nil && node[i] == i {
			orphans = append(orphans, i)
		}
	}
	for i, u := range group {
		if fd, ok := u.decl.(*ast.FuncDecl); ok && fd.Recv != nil {
			continue
		}
		for _, m := range orphans {
			if node[i] != m {
				edges[node[i]] = append(edges[node[i]], m)
			}
		}
	}
	// a function with a type assertion or switch: its rewrite names the
	// declared types with methods that may be the value's (r.(error) is
	// tested against *InputError, declared later in the file: "undefined:
	// InputError"), so it goes after them
	withMethods := map[int]bool{}
	for i := range group {
		if node[i] != i {
			withMethods[node[i]] = true
		}
	}
	for i, u := range group {
		if _, isFunc := u.decl.(*ast.FuncDecl); !isFunc || !hasTypeAssert(u.decl) {
			continue
		}
		for j := range withMethods {
			if j != node[i] {
				edges[node[i]] = append(edges[node[i]], j)
			}
		}
	}
	for i, u := range group {
		for name := range usedNames(u.decl) {
			j, ok := owner[name]
			if !ok || node[j] == node[i] {
				continue
			}
			edges[node[i]] = append(edges[node[i]], node[j])
			if isVar(u.decl) && isVar(group[j].decl) {
				// variables using each other are declared in one Eval:
				// yaegi orders them there, and refuses a var whose type
				// or value reads a variable of an earlier Eval
				edges[node[j]] = append(edges[node[j]], node[i])
			}
		}
	}
	// Go initialises every package variable, then runs the init functions
	// in source order, then main: each init depends on every other
	// declaration and on the inits before it, and main on everything
	// (nothing names init, so no cycle is made; yaegi runs an Eval's inits
	// and main when it ends)
	var inits []int
	mainNode := -1
	for i, u := range group {
		if fd, ok := u.decl.(*ast.FuncDecl); ok && fd.Recv == nil {
			switch fd.Name.Name {
			case "init":
				inits = append(inits, i)
			case "main", mainName:
				mainNode = i
			}
		}
	}
	isInit := func(i int) bool { return slices.Contains(inits, i) }
	for k, i := range inits {
		for j := range group {
			if node[j] == j && j != i && j != mainNode && (!isInit(j) || slices.Index(inits, j) < k) {
				edges[i] = append(edges[i], j)
			}
		}
	}
	if mainNode >= 0 {
		for j := range group {
			if node[j] == j && j != mainNode {
				edges[mainNode] = append(edges[mainNode], j)
			}
		}
	}
	index, low := make([]int, n), make([]int, n)
	onStack := make([]bool, n)
	for i := range index {
		index[i] = -1
	}
	var stack []int
	var comps [][]int
	counter := 0
	var visit func(v int)
	visit = func(v int) {
		index[v], low[v] = counter, counter
		counter++
		stack = append(stack, v)
		onStack[v] = true
		for _, w := range edges[v] {
			if index[w] < 0 {
				visit(w)
				low[v] = min(low[v], low[w])
			} else if onStack[w] {
				low[v] = min(low[v], index[w])
			}
		}
		if low[v] == index[v] {
			var comp []int
			for {
				w := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				onStack[w] = false
				comp = append(comp, w)
				if w == v {
					break
				}
			}
			comps = append(comps, comp)
		}
	}
	for v := 0; v < n; v++ {
		if node[v] == v && index[v] < 0 {
			visit(v)
		}
	}
	// each component: its nodes and the methods joined to them, in
	// source order
	var out [][]int
	for _, comp := range comps {
		in := map[int]bool{}
		for _, v := range comp {
			in[v] = true
		}
		var units []int
		for i := range group {
			if in[node[i]] {
				units = append(units, i)
			}
		}
		out = append(out, units)
	}
	return out
}

// receiverName returns T for a receiver of type T, *T, T[P] or *T[P].
func receiverName(e ast.Expr) string {
	for {
		switch t := e.(type) {
		case *ast.StarExpr:
			e = t.X
		case *ast.IndexExpr:
			e = t.X
		case *ast.IndexListExpr:
			e = t.X
		case *ast.ParenExpr:
			e = t.X
		case *ast.Ident:
			return t.Name
		default:
			return ""
		}
	}
}

// usedNames is freeNames of a declaration without the name it declares
// (two func init would otherwise use each other).
func usedNames(d ast.Decl) map[string]bool {
	fd, ok := d.(*ast.FuncDecl)
	if !ok {
		return usesIn(d, true)
	}
	out := map[string]bool{}
	for _, n := range []ast.Node{fd.Recv, fd.Type, fd.Body} {
		if n == nil || reflect.ValueOf(n).IsNil() {
			continue
		}
		for k := range usesIn(n, true) {
			out[k] = true
		}
	}
	return out
}

func isVar(d ast.Decl) bool {
	g, ok := d.(*ast.GenDecl)
	return ok && g.Tok == token.VAR
}

// blankParams names _ the unnamed parameters of the functions and methods
// declared under n: yaegi wrote the argument of a method with unnamed
// parameters called through a method value (f := s.M; f(1)) into the
// receiver's first field ("reflect.Set: value of type int is not
// assignable to type bool"); with the names _ the call is right, and the
// parameters stay out of reach, as unnamed ones are.
func blankParams(n ast.Node) {
	ast.Inspect(n, func(n ast.Node) bool {
		fd, ok := n.(*ast.FuncDecl)
		if !ok || fd.Type.Params == nil {
			return true
		}
		for _, f := range fd.Type.Params.List {
			if len(f.Names) == 0 {
				f.Names = []*ast.Ident{{NamePos: f.Type.Pos(), Name: "_"}}
			}
		}
		return true
	})
}

// renameTypeParams gives the type parameters of generic declarations
// under n names of their own:
//
//	func Map[T, U any](xs []T, f func(T) U) []U  ⇔  func Map[__tpT, __tpU any](xs []__tpT, f func(__tpT) __tpU) []__tpU
//
// yaegi lets a type parameter's name reach the package scope: once Map is
// declared, a type T of the program is "undefined type" or takes "too many
// arguments".
func renameTypeParams(n ast.Node) {
	ast.Inspect(n, func(n ast.Node) bool {
		var params []*ast.Ident
		var scope ast.Node
		switch d := n.(type) {
		case *ast.FuncDecl:
			scope = d
			if d.Type.TypeParams != nil {
				for _, f := range d.Type.TypeParams.List {
					params = append(params, f.Names...)
				}
			}
			if d.Recv != nil && len(d.Recv.List) == 1 {
				t := d.Recv.List[0].Type
				if st, ok := t.(*ast.StarExpr); ok {
					t = st.X
				}
				var idx []ast.Expr
				switch x := t.(type) {
				case *ast.IndexExpr:
					idx = []ast.Expr{x.Index}
				case *ast.IndexListExpr:
					idx = x.Indices
				}
				for _, e := range idx {
					if id, ok := e.(*ast.Ident); ok && id.Name != "_" {
						params = append(params, id)
					}
				}
			}
		case *ast.TypeSpec:
			scope = d
			if d.TypeParams != nil {
				for _, f := range d.TypeParams.List {
					params = append(params, f.Names...)
				}
			}
		}
		if len(params) == 0 {
			return true
		}
		names := map[string]string{}
		for _, p := range params {
			if !strings.HasPrefix(p.Name, "__tp") {
				names[p.Name] = "__tp" + p.Name
			}
		}
		renameIdents(scope, names)
		return false
	})
}

// renameIdents renames the identifiers under n found in names, except
// selected names (x.T), the keys of composite literals and the names of
// struct fields.
func renameIdents(n ast.Node, names map[string]string) {
	ast.Inspect(n, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.SelectorExpr:
			renameIdents(x.X, names)
			return false
		case *ast.StructType:
			// field names are not renamed (type Pair[K, V any] struct{
			// K K; V V }: yaegi then wrote the type argument as the
			// field's name, "field 0 has invalid name")
			if x.Fields != nil {
				for _, f := range x.Fields.List {
					renameIdents(f.Type, names)
				}
			}
			return false
		case *ast.KeyValueExpr:
			if _, ok := x.Key.(*ast.Ident); !ok {
				renameIdents(x.Key, names)
			}
			renameIdents(x.Value, names)
			return false
		case *ast.Ident:
			if r, ok := names[x.Name]; ok {
				x.Name = r
			}
		}
		return true
	})
}

// zeroLiteral reports whether T{} is the zero value of type t: an array
// or a struct written out.
func zeroLiteral(t ast.Expr) bool {
	switch t := t.(type) {
	case *ast.ArrayType:
		return t.Len != nil
	case *ast.StructType:
		return true
	}
	return false
}

// splitVarSpecs writes a top-level var spec of several names, one value
// each, as one spec per name. Go orders the initialisation of package
// variables one variable at a time, so `var a, b = b + 1, 10` is valid and
// a is 11; yaegi orders whole specs and finds a "constant definition loop".
// Written in turn, the specs keep the declaration order that breaks ties.
//
//	var a, b = b + 1, 10  ⇔  var (a = b + 1; b = 10)
func splitVarSpecs(d ast.Decl) {
	g, ok := d.(*ast.GenDecl)
	if !ok || g.Tok != token.VAR {
		return
	}
	var specs []ast.Spec
	for _, s := range g.Specs {
		v := s.(*ast.ValueSpec)
		if len(v.Names) < 2 || len(v.Values) != len(v.Names) {
			specs = append(specs, s)
			continue
		}
		for i, name := range v.Names {
			typ := v.Type
			if typ != nil && i > 0 {
				typ = clone(typ)
			}
			specs = append(specs, &ast.ValueSpec{Names: []*ast.Ident{name}, Type: typ, Values: []ast.Expr{v.Values[i]}})
		}
	}
	if len(specs) > 1 && !g.Lparen.IsValid() {
		g.Lparen, g.Rparen = g.Pos(), g.End()
	}
	g.Specs = specs
}
