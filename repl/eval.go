package repl

import (
	"context"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"path"
	"reflect"
	"strconv"
	"strings"
)

// evalImport imports the packages of an import declaration that are not
// already imported under the same name, so `import "fmt"` is never an error.
func (in *Interp) evalImport(ctx context.Context, u Unit, g *ast.GenDecl) error {
	var lines []string
	added := map[string]string{}
	for _, s := range g.Specs {
		spec := s.(*ast.ImportSpec)
		p, _ := strconv.Unquote(spec.Path.Value)
		name := pkgName(p)
		if spec.Name != nil {
			name = spec.Name.Name
		}
		if in.imported[name] == p {
			continue
		}
		lines = append(lines, name+" "+strconv.Quote(p))
		if name != "_" && name != "." {
			added[name] = p
		}
		if name == "." {
			in.dotImports = true
		}
	}
	if len(lines) == 0 {
		return nil
	}
	if _, err := in.run(ctx, u, "import (\n"+strings.Join(lines, "\n")+"\n)"); err != nil {
		return err
	}
	for n, p := range added {
		in.imported[n] = p
	}
	return nil
}

// pkgName guesses a package's name from its import path: the last element,
// skipping a major version ("math/rand/v2" → rand).
func pkgName(p string) string {
	base := path.Base(p)
	if len(base) > 1 && base[0] == 'v' && strings.Trim(base[1:], "0123456789") == "" {
		return path.Base(path.Dir(p))
	}
	return base
}

// evalExpr evaluates the last bare expression of an entry and returns all
// its values. yaegi's Eval returns only the first result of a call, so a
// call with several results is assigned to temporaries that are read back
// one by one; a call with none yields no value.
func (in *Interp) evalExpr(ctx context.Context, u Unit) (Result, error) {
	if es, ok := u.stmt.(*ast.ExprStmt); ok && isNilIdent(es.X) && !in.Decls().Declares("nil") {
		// yaegi gives a typed nil that shows as [] (Go: untyped nil)
		return Result{Values: []any{nil}}, nil
	}
	if typed, t := in.shownWithMethods(u); typed != "" {
		return in.evalShown(ctx, u, typed, t)
	}
	code := func() string { return u.Code(in) }
	call := u.Call()
	if call == nil {
		c := code()
		if e, err := parser.ParseExpr(c); err == nil && hasFuncLit(e) {
			// an expression the shell rewrote with a function literal's
			// call inside (a conversion to error): yaegi's Eval of such
			// an expression at top level returns the wrong value
			// (error(np) != nil gave a pointer); held in a temporary
			return in.evalResults(ctx, u, 1)
		}
		v, err := in.run(ctx, u, c)
		return single(v), err
	}
	n, err := in.arity(ctx, u, call)
	if err != nil {
		return Result{}, err
	}
	switch {
	case n == 0:
		_, err := in.run(ctx, u, u.Code(in))
		return Result{}, err
	case n == 1 && FuncLitResults(call) < 0:
		v, err := in.run(ctx, u, code())
		return single(v), err
	case n < 0 && rewrittenFuncLit(u.Code(in)) == 1:
		// a conversion the shell rewrote into a function literal's call
		// (error(x) of a declared type): held in a temporary, as yaegi
		// replays a bare function literal that panicked on every later
		// entry
		return in.evalResults(ctx, u, 1)
	case n < 0:
		v, err := in.run(ctx, u, code())
		if err != nil || isVoidMarker(v) {
			return Result{}, err
		}
		return single(v), nil
	}
	return in.evalResults(ctx, u, n)
}

// evalShown evaluates u into a temporary, read back as it is (Values) and
// as shown (the format of shownWithMethods: a value converted to its type,
// as a call's result reaches an interface without its methods otherwise,
// and held in an interface; a slice or map as []any or map[K]any).
func (in *Interp) evalShown(ctx context.Context, u Unit, typed, t string) (Result, error) {
	// declared, then assigned: yaegi fails a global initialised by some
	// calls of generic functions (Sum(a, b): "definition loop"; Double(x):
	// "nil reflect type"; Pairs(xs): a nil pointer, all compiling it);
	// not declared with var, which makes yaegi read a file of
	// declarations
	tmp := in.names.next("r")
	pre, last := u.CodeSplit(in)
	code := tmp + " := *new(" + t + ")\n" + tmp + " = " + last
	if pre != "" {
		code = pre + "\n" + code
	}
	if _, err := in.run(ctx, u, code); err != nil {
		return Result{}, err
	}
	raw, err := in.run(ctx, u, tmp)
	if err != nil {
		return Result{}, err
	}
	res := Result{Values: []any{value(raw)}}
	if shown, err := in.run(ctx, u, fmt.Sprintf(typed, tmp)); err == nil {
		res.shown = []any{value(shown)}
	}
	return res, nil
}

// shownWithMethods returns how to show u, an expression whose value the
// shell shows, as a format of the temporary holding it, when the value is
// of a type declared in the shell with a method fmt calls (String, Error,
// Format, GoString), or a slice or a map of such values: yaegi gives such
// a value without its methods (`Done` would show 1, not done); held in an
// interface it keeps them, and the shell shows it as fmt's %v does.
func (in *Interp) shownWithMethods(u Unit) (format, typ string) {
	es, ok := u.stmt.(*ast.ExprStmt)
	if !ok {
		return "", ""
	}
	decls := in.Decls()
	env := localTypes(u.stmt, decls)
	declared := func(t ast.Expr) bool {
		id, ok := t.(*ast.Ident)
		if !ok || env.isLocal(id.Name) || !printableType(decls, id) {
			return false
		}
		spec := decls.Type(id.Name)
		_, iface := spec.Type.(*ast.InterfaceType)
		return !iface && spec.TypeParams == nil
	}
	t := env.typeOf(es.X)
	if id, ok := t.(*ast.Ident); ok && !env.isLocal(id.Name) && !printableType(decls, id) {
		// a declared slice or map type (type Temps []Celsius): shown as
		// its type literal is
		if c := declaredContainer(decls, id.Name); c != nil {
			t = c
		}
	}
	if t != nil && (typedInstance(decls, env, t, 0) || nestedDeclared(decls, t) && !localIn(env, t)) {
		// an instance of a generic type with a type argument whose
		// values print by their methods (Box[State])
		written := types.ExprString(t)
		return fmtTypedHook + "(%s, " + strconv.Quote(written) + ")", written
	}
	switch t := t.(type) {
	case *ast.Ident:
		if declared(t) {
			return anyFunc + "(" + t.Name + "(%s))", t.Name
		}
	case *ast.ArrayType:
		if t.Len == nil && declared(t.Elt) {
			return builtinAlias + ".AnySlice(%s)", types.ExprString(t)
		}
	case *ast.StarExpr:
		// a pointer has the methods of its type's pointer and value;
		// yaegi finds those of the value only on the value
		if id, ok := t.X.(*ast.Ident); ok && declared(id) {
			if valueMethodsOnly(decls, id.Name) {
				// (a nil pointer fails, and shows as it is)
				return anyFunc + "(" + id.Name + "(*%s))", "*" + id.Name
			}
			return anyFunc + "((*" + id.Name + ")(%s))", "*" + id.Name
		}
	case *ast.MapType:
		if declared(t.Key) {
			// keys by their methods, in the order of their values, as
			// fmt prints them (mapView)
			return mapViewHook + "(" + builtinAlias + ".AnyPairs(%s))", types.ExprString(t)
		}
		if declared(t.Value) {
			return builtinAlias + ".AnyValues(%s)", types.ExprString(t)
		}
	}
	return "", ""
}

// valueMethodsOnly reports whether the methods fmt calls that the type
// named t declares all have value receivers.
func valueMethodsOnly(decls *Decls, t string) bool {
	for _, m := range []string{"String", "Error", "Format", "GoString"} {
		if fd := decls.Method(t, m); fd != nil && fd.Recv != nil && len(fd.Recv.List) == 1 {
			if _, ptr := fd.Recv.List[0].Type.(*ast.StarExpr); ptr {
				return false
			}
		}
	}
	return true
}

// rewrittenFuncLit returns the number of results of code when it is the
// call of a function literal, or -1.
func rewrittenFuncLit(code string) int {
	e, err := parser.ParseExpr(code)
	if err != nil {
		return -1
	}
	call, ok := e.(*ast.CallExpr)
	if !ok {
		return -1
	}
	return FuncLitResults(call)
}

// held is the unit `tmp := e`, e an expression of u, with u's position:
// its code is rewritten as the user's own statements are (a type
// assertion to an interface, a print call, … inside e).
func (u Unit) held(tmp string, e ast.Expr) Unit {
	h := u
	h.Kind = Decl
	h.decl = nil
	h.stmt = &ast.AssignStmt{Lhs: []ast.Expr{ident(tmp)}, Tok: token.DEFINE, Rhs: []ast.Expr{e}}
	return h
}

// arity returns the number of results of call, or -1 when it cannot be
// known without running it (builtins, conversions). When the function
// expression has side effects (a method of a call's result), it is
// evaluated once into a temporary that the call then uses, so evaluation
// order and count stay those of Go.
func (in *Interp) arity(ctx context.Context, u Unit, call *ast.CallExpr) (int, error) {
	if n := FuncLitResults(call); n >= 0 {
		return n, nil
	}
	if id, ok := call.Fun.(*ast.Ident); ok && (builtins[id.Name] || predeclaredTypes[id.Name]) {
		return -1, nil
	}
	fun := u.ExprText(call.Fun)
	if !pure(call.Fun) && !callable(call.Fun) {
		return -1, nil
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && !pure(sel.X) {
		// hold the receiver, not the method value: yaegi mis-binds the
		// arguments of a compiled variadic method called through a method
		// value (Search(dom, orm.Limit(5)) would convert dom to SearchOpt)
		tmp := in.names.next("recv")
		recv := u.ExprText(sel.X)
		if err := in.Probe(tmp + " := " + recv); err == nil {
			if _, err := in.run(ctx, u, u.held(tmp, sel.X).Code(in)); err != nil {
				return 0, err
			}
			sel.X = ident(tmp)
			fun = tmp + "." + sel.Sel.Name
		}
	}
	if !pure(call.Fun) {
		tmp := in.names.next("fn")
		if err := in.Probe(tmp + " := " + fun); err != nil {
			return -1, nil
		}
		if _, err := in.run(ctx, u, u.held(tmp, call.Fun).Code(in)); err != nil {
			return 0, err
		}
		call.Fun, fun = ident(tmp), tmp
	}
	v, err := in.yi.EvalWithContext(ctx, fun)
	if err != nil || !v.IsValid() || v.Kind() != reflect.Func || v.Type() == typeMarker {
		return -1, nil
	}
	return v.Type().NumOut(), nil
}

// typeMarker is what yaegi gives for a type name used as a value.
var typeMarker = reflect.TypeOf(func(any) {})

// callable reports whether e, which is not pure, can be held in a variable
// to learn its type: a method of a computed value, a call's result, an
// element, an assertion's value. Type expressions (conversions) cannot.
func callable(e ast.Expr) bool {
	switch ast.Unparen(e).(type) {
	case *ast.SelectorExpr, *ast.CallExpr, *ast.IndexExpr, *ast.TypeAssertExpr:
		return true
	}
	return false
}

// predeclaredTypes are the names a conversion may call; yaegi evaluates
// them to a function value, which must not be taken for a call's arity.
var predeclaredTypes = map[string]bool{
	"bool": true, "string": true, "error": true, "any": true, "float32": true, "float64": true,
	"complex64": true, "complex128": true, "int": true, "int8": true, "int16": true, "int32": true,
	"int64": true, "rune": true, "byte": true, "uint": true, "uint8": true, "uint16": true,
	"uint32": true, "uint64": true, "uintptr": true,
}

// pure reports whether evaluating e has no effect: a name or a chain of
// field and package selectors.
func pure(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.Ident:
		return true
	case *ast.SelectorExpr:
		return pure(e.X)
	case *ast.ParenExpr:
		return pure(e.X)
	}
	return false
}

// evalResults assigns the n results of the unit's call to temporaries and
// reads each back.
func (in *Interp) evalResults(ctx context.Context, u Unit, n int) (Result, error) {
	tmps := make([]string, n)
	for i := range tmps {
		tmps[i] = in.names.next("r")
	}
	code := assignLast(u.CodeSplit(in))(strings.Join(tmps, ", "))
	if _, err := in.run(ctx, u, code); err != nil {
		return Result{}, err
	}
	var res Result
	for _, t := range tmps {
		v, err := in.run(ctx, u, t)
		if err != nil {
			return Result{}, err
		}
		res.Values = append(res.Values, value(v))
	}
	return res, nil
}

// assignLast returns the code that runs pre, then assigns the values of
// the expression last to the variables lhs declares ("__r1, __r2").
func assignLast(pre, last string) func(lhs string) string {
	return func(lhs string) string {
		if pre == "" {
			return lhs + " := " + last
		}
		return pre + "\n" + lhs + " := " + last
	}
}

func single(v reflect.Value) Result { return Result{Values: []any{value(v)}} }

func value(v reflect.Value) any {
	if !v.IsValid() || !v.CanInterface() {
		return nil
	}
	return v.Interface()
}

// isVoidMarker recognises what yaegi returns for a call without results.
func isVoidMarker(v reflect.Value) bool {
	return !v.IsValid() || v.Type() == reflect.PointerTo(anyType)
}
