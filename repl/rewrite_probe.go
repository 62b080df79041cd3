package repl

import (
	"fmt"
	"go/ast"
	"reflect"
	"strings"

	"github.com/traefik/yaegi/interp"
)

// The Interp's side of the call rewrites (rewrite_calls.go): compile
// probes, the declarations of earlier entries, refusals.

// callsState is what the call rewrites keep between entries.
type callsState struct {
	decls   *Decls
	refusal error // set while rendering a unit that must not run
}

// Probe implements Prober: it compiles src without running anything.
func (in *Interp) Probe(src string) (err error) {
	defer func() {
		// yaegi panics on some code it cannot compile (log.Panic)
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	_, err = in.yi.Compile(src)
	return err
}

// Decls implements Prober.
func (in *Interp) Decls() *Decls {
	if in.calls.decls == nil {
		in.calls.decls = NewDecls()
		in.calls.decls.compiled = in.compiledResult
	}
	return in.calls.decls
}

// declaredMethod reports whether the type t declared in the session has
// the method m, and whether its receiver is a pointer.
func (in *Interp) declaredMethod(t, m string) (found, ptr bool) {
	// (promoted too: type Employee struct{ Named } prints by Named's
	// String)
	fd, ptr := in.Decls().PromotedMethod(t, m)
	return fd != nil, ptr
}

// FreshGlobal returns a name for a global the rewrites declare at top
// level, not used before in the session.
func (in *Interp) FreshGlobal() string { return in.names.next("odshg") }

// Refuse implements Prober: the next run fails with err, running nothing.
func (in *Interp) Refuse(err error) { in.calls.refusal = err }

// takeRefusal returns and forgets the refusal of the unit about to run.
func (in *Interp) takeRefusal() error {
	err := in.calls.refusal
	in.calls.refusal = nil
	return err
}

// evalRuntime declares the runtime package the rewrites call.
func (in *Interp) evalRuntime() error {
	rtc := map[string]reflect.Value{"RuntimeError": reflect.ValueOf(recoveredRuntimeError)}
	if err := in.yi.Use(interp.Exports{runtimeCompiledPath + "/rtc": rtc}); err != nil {
		return err
	}
	for _, src := range renamedRuntimeSources() {
		if _, err := in.yi.Eval(src); err != nil {
			return err
		}
	}
	return nil
}

var _ Prober = (*Interp)(nil)

// unwrapPanic returns the value interpreted code panicked with: yaegi's
// panic panics with the reflect.Value of its argument (see recoverCall), so
// that without this a panicked error would not be returned as is.
func unwrapPanic(v any) any {
	if rv, ok := v.(reflect.Value); ok && rv.IsValid() && rv.CanInterface() {
		return rv.Interface()
	}
	return v
}

// compiledResult returns the type of the one result of the function fun
// of the compiled package imported as pkg, written with the names the
// session imports (log.New: *log.Logger); nil when there is none or it
// cannot be written.
func (in *Interp) compiledResult(pkg, fun string) ast.Expr {
	ft, ok := in.CompiledSignature(pkg, "", fun)
	if !ok || ft.NumOut() != 1 {
		return nil
	}
	return in.typeExpr(ft.Out(0), 0)
}

// typeExpr writes t as Go source: predeclared types, named types of
// packages the session imports, pointers, slices, maps; nil otherwise.
func (in *Interp) typeExpr(t reflect.Type, depth int) ast.Expr {
	if depth > 5 {
		return nil
	}
	// an instance of a generic type (iter.Seq[string]) is written as
	// its underlying type: its name is not one the source can write
	if t.Name() != "" && !strings.Contains(t.Name(), "[") {
		if t.PkgPath() == "" {
			return ident(t.Name())
		}
		pkgPath, name := t.PkgPath(), t.Name()
		if pkgPath == "github.com/traefik/yaegi/stdlib" && name == "logLogger" {
			// yaegi's log.New returns its own logger, a *log.Logger
			pkgPath, name = "log", "Logger"
		}
		found := in.importedAs(pkgPath)
		if found == "" {
			return nil
		}
		return &ast.SelectorExpr{X: ident(found), Sel: ident(name)}
	}
	switch t.Kind() {
	case reflect.Interface:
		if t.NumMethod() == 0 {
			// heap.Pop's any: its values are printed as any's are
			return ident("any")
		}
	case reflect.Pointer:
		if e := in.typeExpr(t.Elem(), depth+1); e != nil {
			return &ast.StarExpr{X: e}
		}
	case reflect.Slice:
		if e := in.typeExpr(t.Elem(), depth+1); e != nil {
			return &ast.ArrayType{Elt: e}
		}
	case reflect.Map:
		k, e := in.typeExpr(t.Key(), depth+1), in.typeExpr(t.Elem(), depth+1)
		if k != nil && e != nil {
			return &ast.MapType{Key: k, Value: e}
		}
	case reflect.Func:
		// (strings.Lines's iter.Seq[string]: ranged over, its yield's
		// parameters are the loop's variables)
		ft := &ast.FuncType{Params: &ast.FieldList{}, Results: &ast.FieldList{}}
		for i := range t.NumIn() {
			p := in.typeExpr(t.In(i), depth+1)
			if p == nil {
				return nil
			}
			if t.IsVariadic() && i == t.NumIn()-1 {
				p = &ast.Ellipsis{Elt: p.(*ast.ArrayType).Elt}
			}
			ft.Params.List = append(ft.Params.List, &ast.Field{Type: p})
		}
		for i := range t.NumOut() {
			r := in.typeExpr(t.Out(i), depth+1)
			if r == nil {
				return nil
			}
			ft.Results.List = append(ft.Results.List, &ast.Field{Type: r})
		}
		if t.NumOut() == 0 {
			ft.Results = nil
		}
		return ft
	}
	return nil
}
