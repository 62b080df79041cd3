package repl

// Static types for completion, hints and :doc.
//
// Completing `time.Now().` or `env.Model("res.partner").Search("[]").At(0).`
// must not run the calls: the type of an expression is worked out from the
// compiled symbol tables instead, the way the compiler would, without
// evaluating anything but the current value of a variable:
//
//	typeOf(name)        = the dynamic type of the global variable name
//	typeOf(pkg.Name)    = the type of the function, variable or type Name
//	typeOf(x.Name)      = the type of method or field Name of typeOf(x)
//	typeOf(f(…))        = the first result of typeOf(f), or the type f names
//	typeOf(x[i])        = the element type of typeOf(x)
//	typeOf(T{…}), &x, *x, (x) as in Go
//
// Types declared in the shell are known only by the reflect type of their
// values (no methods): they get the fields reflect sees.

import (
	"context"
	"go/ast"
	"go/constant"
	"go/parser"
	"go/token"
	"reflect"
	"sort"
	"strings"
)

// PackageSymbols returns the exported names of the compiled package a
// name denotes at the prompt: one imported under that name, or one that
// would be imported on first use. A global of the session hides a package.
func (in *Interp) PackageSymbols(name string) (map[string]reflect.Value, bool) {
	if _, ok := in.globals()[in.globalName(name)]; ok {
		return nil, false
	}
	p, ok := in.imported[name]
	if !ok {
		p = in.packageFor(name)
	}
	syms, ok := in.exports[p]
	return syms, ok && p != ""
}

// globalName is the name under which the session's global name lives: a
// name that was a package's is renamed (renamePackageNames).
func (in *Interp) globalName(name string) string {
	if r, ok := in.renames[name]; ok {
		return r
	}
	return name
}

// Packages returns the names of the packages an entry can use without an
// import: those imported and those imported on first use.
func (in *Interp) Packages() []string {
	out := make([]string, 0, len(in.packages))
	for name := range in.imported {
		out = append(out, name)
	}
	for name := range in.packages {
		if in.packageFor(name) != "" {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

// staticType is what typeOf finds: the type of a value, or a type itself
// (orm.Values in orm.Values{…}).
type staticType struct {
	t      reflect.Type
	isType bool
}

// staticTyper works out types with the session's interpreter.
type staticTyper struct{ in *Interp }

// TypeOf parses expr and returns its type.
func (st staticTyper) TypeOf(expr string) (reflect.Type, bool) {
	e, err := parser.ParseExpr(expr)
	if err != nil {
		return nil, false
	}
	et, ok := st.typeOf(e)
	if !ok || et.isType {
		return nil, false
	}
	return et.t, true
}

func (st staticTyper) typeOf(e ast.Expr) (staticType, bool) {
	switch e := e.(type) {
	case *ast.Ident:
		return st.ident(e.Name)
	case *ast.SelectorExpr:
		return st.selector(e)
	case *ast.CallExpr:
		return st.call(e)
	case *ast.IndexExpr:
		x, ok := st.typeOf(e.X)
		if !ok || x.isType {
			return staticType{}, false
		}
		return elem(x.t)
	case *ast.ParenExpr:
		return st.typeOf(e.X)
	case *ast.StarExpr:
		x, ok := st.typeOf(e.X)
		if ok && x.t.Kind() == reflect.Pointer {
			return staticType{t: x.t.Elem(), isType: x.isType}, true
		}
	case *ast.UnaryExpr:
		x, ok := st.typeOf(e.X)
		if ok && !x.isType && e.Op.String() == "&" {
			return staticType{t: reflect.PointerTo(x.t)}, true
		}
	case *ast.CompositeLit:
		if e.Type != nil {
			x, ok := st.typeOf(e.Type)
			if ok && x.isType {
				return staticType{t: x.t}, true
			}
		}
	case *ast.BasicLit:
		if e.Kind.String() == "STRING" {
			return staticType{t: reflect.TypeOf("")}, true
		}
	}
	return staticType{}, false
}

// ident is a global variable's dynamic type.
func (st staticTyper) ident(name string) (staticType, bool) {
	v, ok := st.in.Global(st.in.globalName(name))
	if !ok {
		v, ok = st.evalName(name)
	}
	if !ok || !v.IsValid() {
		return staticType{}, false
	}
	if v.Kind() == reflect.Interface {
		if v.IsNil() {
			return staticType{}, false
		}
		v = v.Elem()
	}
	return staticType{t: v.Type()}, true
}

// evalName reads a variable by evaluating its name, for when yaegi's
// table of globals is not readable (after some failed entries).
func (st staticTyper) evalName(name string) (reflect.Value, bool) {
	if _, isPkg := st.in.PackageSymbols(name); isPkg || !token.IsIdentifier(name) {
		return reflect.Value{}, false
	}
	res, err := st.in.Eval(context.Background(), name)
	if err != nil || len(res.Values) != 1 || res.Values[0] == nil {
		return reflect.Value{}, false
	}
	return reflect.ValueOf(res.Values[0]), true
}

// selector is a package member, or a method or field.
func (st staticTyper) selector(e *ast.SelectorExpr) (staticType, bool) {
	if id, ok := e.X.(*ast.Ident); ok {
		if syms, ok := st.in.PackageSymbols(id.Name); ok {
			return symbolType(syms[e.Sel.Name])
		}
	}
	x, ok := st.typeOf(e.X)
	if !ok || x.isType {
		return staticType{}, false
	}
	return memberType(x.t, e.Sel.Name)
}

// symbolType is the type of an export table entry (see SymbolKind).
func symbolType(v reflect.Value) (staticType, bool) {
	switch {
	case !v.IsValid():
		return staticType{}, false
	case v.Kind() == reflect.Pointer && v.IsNil() && !v.CanAddr():
		return staticType{t: v.Type().Elem(), isType: true}, true
	case v.CanInterface():
		if _, isConst := v.Interface().(constant.Value); isConst {
			return staticType{}, false
		}
	}
	return staticType{t: v.Type()}, true
}

// memberType is the type of method or field name of a value of type t.
func memberType(t reflect.Type, name string) (staticType, bool) {
	if m, ok := t.MethodByName(name); ok {
		return staticType{t: m.Type}, true
	}
	if t.Kind() != reflect.Pointer && t.Kind() != reflect.Interface {
		if m, ok := reflect.PointerTo(t).MethodByName(name); ok {
			return staticType{t: m.Type}, true
		}
	}
	s := t
	if s.Kind() == reflect.Pointer {
		s = s.Elem()
	}
	if s.Kind() == reflect.Struct {
		if f, ok := s.FieldByName(name); ok && f.IsExported() {
			return staticType{t: f.Type}, true
		}
	}
	return staticType{}, false
}

// call is a function's first result, or a conversion's type.
func (st staticTyper) call(e *ast.CallExpr) (staticType, bool) {
	f, ok := st.typeOf(e.Fun)
	switch {
	case !ok:
		return staticType{}, false
	case f.isType:
		return staticType{t: f.t}, true
	case f.t.Kind() == reflect.Func && f.t.NumOut() > 0:
		return staticType{t: f.t.Out(0)}, true
	}
	return staticType{}, false
}

func elem(t reflect.Type) (staticType, bool) {
	switch t.Kind() {
	case reflect.Slice, reflect.Array, reflect.Map:
		return staticType{t: t.Elem()}, true
	case reflect.Pointer:
		if t.Elem().Kind() == reflect.Array {
			return staticType{t: t.Elem().Elem()}, true
		}
	case reflect.String:
		return staticType{t: reflect.TypeOf(byte(0))}, true
	}
	return staticType{}, false
}

// typeMembers lists the exported methods (of t and *t) and fields of t.
func typeMembers(t reflect.Type) []string {
	out := exportedMembers(t)
	if t.Kind() != reflect.Pointer && t.Kind() != reflect.Interface {
		out = append(out, exportedMembers(reflect.PointerTo(t))...)
	}
	return out
}

// packageMembers lists the exported names of an export table.
func packageMembers(syms map[string]reflect.Value) []string {
	out := make([]string, 0, len(syms))
	for name := range syms {
		if !strings.HasPrefix(name, "_") {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}
