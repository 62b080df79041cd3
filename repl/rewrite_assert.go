package repl

import (
	"fmt"
	"go/ast"
	"go/token"
	"reflect"
	"slices"
	"strconv"
	"strings"
)

// Single-value type assertions to an interface (see rewrite_switch.go for
// the comma-ok form and type switches).
//
// yaegi builds the result of `v.(I)`, I a non-empty interface, from the
// node where the value was made: for a value of a type declared in the
// shell it panics ("reflect.Set: value of type interface {} is not
// assignable to type interp.valueInterface") or gives a nil interface
// whose method call panics; a method called on the assertion to a
// compiled interface fails for compiled values too ("reflect.Set: value of
// type time.Duration is not assignable to type string"). The comma-ok
// assertion, as commaOk rewrites it, is right: the single-value form is
// that, in a function literal, with Go's panic when it fails.
//
//	v.(I)  ⇔  func() I { <a, ok := v.(I), by commaOk>; if ok { return a }; <fail> }()
//
// where <fail> is, for an interface of a compiled package, the assertion
// made by compiled code (__odshrt.As, whose panic is Go's), and for one
// declared in the shell, or a nil value, a panic with the runtime.Error Go
// raises (assertionErrorHook).

// assertionErrorHook makes the panic value of a failed assertion.
const assertionErrorHook = bindAlias + ".AssertionError"

// singleAssert rewrites x, a single-value type assertion to a non-empty
// interface type, and reports whether it did.
func (c *callPass) singleAssert(x *ast.TypeAssertExpr) bool {
	if x.Type == nil {
		return false
	}
	switch p := c.parent().(type) {
	case *ast.AssignStmt:
		if len(p.Lhs) == 2 && len(p.Rhs) == 1 {
			return false // comma-ok: commaOk
		}
	case *ast.ValueSpec:
		if len(p.Names) == 2 && len(p.Values) == 1 {
			return false
		}
	}
	kind, methods := c.interfaceKind(x.Type)
	if kind != iface {
		if !x.Lparen.IsValid() {
			return false // one the rewrites made (commaOk's, keepError's)
		}
		if kind == concrete && c.declaredConcrete(x.Type) && c.shellOperand(x.X) {
			return c.replace(x, c.assertedValue(x, nil))
		}
		return false
	}
	return c.replace(x, c.assertedValue(x, methods))
}

// shellOperand reports whether the static type of x, an assertion's
// operand, is the empty interface, error or an interface declared in the
// shell (the assertion from a compiled interface, which holds yaegi's wrapper
// of a value, is yaegi's: w.(*T) with w an io.Writer).
func (c *callPass) shellOperand(x ast.Expr) bool {
	if call, ok := x.(*ast.CallExpr); ok && len(call.Args) == 1 {
		if id, ok := call.Fun.(*ast.Ident); ok && id.Name == anyFunc {
			return true // embeddingAssert's
		}
	}
	t := c.typeOf(x)
	if t == nil {
		return false
	}
	if id, ok := t.(*ast.Ident); ok && (c.shellInterface(id) || id.Name == "error" && !c.env.isLocal("error")) || c.isAnyType(t) {
		return true // (error: commaOk knows keepError's values)
	}
	it, ok := t.(*ast.InterfaceType)
	return ok && (it.Methods == nil || len(it.Methods.List) == 0)
}

// declaredConcrete reports whether t is a type declared in the shell
// that is no interface (or a pointer to one): a failed assertion to it
// panicked with yaegi's text, which writes the types by their structure
// ("interface {} is struct { W float64; H float64 }, not struct { S
// float64 }" for Go's "main.Shape is main.Rect, not main.Sq").
func (c *callPass) declaredConcrete(t ast.Expr) bool {
	if st, ok := t.(*ast.StarExpr); ok {
		t = st.X
	}
	id, ok := t.(*ast.Ident)
	if !ok || c.env.isLocal(id.Name) {
		return false
	}
	spec := c.decls.Type(id.Name)
	return spec != nil && spec.TypeParams == nil && !spec.Assign.IsValid()
}

// assertedValue is the function literal's call replacing x.
func (c *callPass) assertedValue(x *ast.TypeAssertExpr, methods []string) ast.Expr {
	a, ok := ident(c.r.names.next("a")), ident(c.r.names.next("ok"))
	steps := c.commaOk(&ast.AssignStmt{Lhs: []ast.Expr{a, ok}, Tok: token.DEFINE, Rhs: []ast.Expr{&ast.TypeAssertExpr{X: x.X, Type: x.Type}}})
	v := steps[0].(*ast.AssignStmt).Lhs[0]
	names := ast.Expr(ident("nil"))
	if methods != nil {
		lit := &ast.CompositeLit{Type: &ast.ArrayType{Elt: ident("string")}}
		for _, m := range methods {
			lit.Elts = append(lit.Elts, &ast.BasicLit{Kind: token.STRING, Value: strconv.Quote(m)})
		}
		names = lit
	}
	failure := &ast.CallExpr{
		Fun:  ident(assertionErrorHook),
		Args: []ast.Expr{v, &ast.BasicLit{Kind: token.STRING, Value: strconv.Quote(c.assertedTypeName(x.Type))}, names},
	}
	if k, _ := c.interfaceKind(x.Type); k == concrete {
		// Go's text names the operand's static type and the value's
		failure = &ast.CallExpr{Fun: ident(conversionErrorHook), Args: []ast.Expr{v,
			&ast.BasicLit{Kind: token.STRING, Value: strconv.Quote(c.staticIfaceName(x.X))},
			&ast.BasicLit{Kind: token.STRING, Value: strconv.Quote(c.assertedTypeName(x.Type))}}}
	}
	fail := []ast.Stmt{&ast.ExprStmt{X: &ast.CallExpr{Fun: ident("panic"), Args: []ast.Expr{failure}}}}
	if c.compiledInterface(x.Type) {
		as := &ast.CallExpr{Fun: &ast.IndexExpr{X: sel(runtimePkg, "As"), Index: clone(x.Type)}, Args: []ast.Expr{v}}
		fail = append([]ast.Stmt{&ast.IfStmt{
			Cond: &ast.BinaryExpr{X: v, Op: token.NEQ, Y: ident("nil")},
			Body: &ast.BlockStmt{List: []ast.Stmt{&ast.ReturnStmt{Results: []ast.Expr{as}}}},
		}}, fail...)
	}
	body := append(steps, &ast.IfStmt{Cond: ok, Body: &ast.BlockStmt{List: []ast.Stmt{&ast.ReturnStmt{Results: []ast.Expr{a}}}}})
	lit := &ast.FuncLit{
		Type: &ast.FuncType{Params: &ast.FieldList{}, Results: &ast.FieldList{List: []*ast.Field{{Type: clone(x.Type)}}}},
		Body: &ast.BlockStmt{List: append(body, fail...)},
	}
	return &ast.CallExpr{Fun: lit}
}

// staticIfaceName is the name Go's panic gives the static type of x, the
// operand of a type assertion: interface {} for any (and when unknown),
// main.I, error, fmt.Stringer. An operand embeddingAssert made an any is
// named by its own type.
func (c *callPass) staticIfaceName(x ast.Expr) string {
	if call, ok := x.(*ast.CallExpr); ok && len(call.Args) == 1 {
		if id, ok := call.Fun.(*ast.Ident); ok && id.Name == anyFunc {
			x = call.Args[0]
		}
	}
	t := c.typeOf(x)
	if t == nil || c.isAnyType(t) {
		return "interface {}"
	}
	if it, ok := t.(*ast.InterfaceType); ok && (it.Methods == nil || len(it.Methods.List) == 0) {
		return "interface {}"
	}
	return c.assertedTypeName(t)
}

const conversionErrorHook = bindAlias + ".ConversionError"

// conversionError is the runtime.Error Go panics with when the value v of
// an interface of type iface is not of the type target.
func (p *fmtConv) conversionError(v any, iface, target string) error {
	if v == nil {
		return runtimePanic{"interface conversion: " + iface + " is nil, not " + target}
	}
	return runtimePanic{"interface conversion: " + iface + " is " + p.typeName(v) + ", not " + target}
}

// typeName is the name %T gives v: its declared type's (also for a plain
// struct of one, declaredStruct), else reflect's (for %T, not the type of
// the view fmt is given of v: repl.interpValue).
func (p *fmtConv) typeName(v any) string {
	if n, ok := declaredTypeName(v); ok {
		return n
	}
	rv := reflect.ValueOf(v)
	if !rv.IsValid() {
		return "<nil>" // as %T prints nil
	}
	s, star := rv, ""
	if rv.Kind() == reflect.Pointer && !rv.IsNil() {
		s, star = rv.Elem(), "*"
	}
	if p != nil && p.method != nil && s.Kind() == reflect.Struct {
		if name, ok := p.declaredStruct(s.Type(), anyMethods); ok {
			return star + "main." + name
		}
	}
	return rv.Type().String()
}

// assertedTypeName is the name Go's panic gives the interface type t:
// main.I for one declared in the shell, pkg.I, error.
func (c *callPass) assertedTypeName(t ast.Expr) string {
	if st, ok := ast.Unparen(t).(*ast.StarExpr); ok {
		return "*" + c.assertedTypeName(st.X)
	}
	if id, ok := ast.Unparen(t).(*ast.Ident); ok && c.decls.Type(id.Name) != nil {
		return "main." + id.Name
	}
	return c.r.print(t)
}

// assertionError is the runtime.Error Go panics with when a value does
// not hold an interface's methods (a *runtime.TypeAssertionError, which
// only the runtime makes): target is the interface's name, methods the
// names of its methods when known.
func assertionError(v any, target string, methods []string) error {
	if v == nil {
		return runtimePanic{"interface conversion: interface is nil, not " + target}
	}
	t := reflect.TypeOf(v)
	msg := fmt.Sprintf("interface conversion: %s is not %s", t, target)
	sorted := slices.Sorted(slices.Values(methods))
	for _, m := range sorted {
		if _, ok := t.MethodByName(m); !ok {
			return runtimePanic{msg + ": missing method " + m}
		}
	}
	return runtimePanic{msg}
}

// compiledImplementsHook and compiledInShellIfaceHook answer for a value
// of a compiled type asserted to an interface declared in the shell.
const (
	compiledImplementsHook   = bindAlias + ".CompiledImplements"
	compiledInShellIfaceHook = bindAlias + ".CompiledInShellInterface"
)

// compiledImplements reports whether v is a value of a compiled type
// with the methods named, of the signatures given (as reflect writes
// them).
func compiledImplements(v any, methods, sigs []string) bool {
	rv := reflect.ValueOf(v)
	if !rv.IsValid() || isYaegiInterface(rv.Type()) || len(methods) != len(sigs) {
		return false
	}
	t := rv.Type()
	for i, name := range methods {
		m, ok := t.MethodByName(name)
		if !ok {
			return false
		}
		ft := m.Type // the receiver first
		in := make([]reflect.Type, 0, ft.NumIn())
		for j := 1; j < ft.NumIn(); j++ {
			in = append(in, ft.In(j))
		}
		out := make([]reflect.Type, 0, ft.NumOut())
		for j := 0; j < ft.NumOut(); j++ {
			out = append(out, ft.Out(j))
		}
		if reflect.FuncOf(in, out, ft.IsVariadic()).String() != sigs[i] {
			return false
		}
	}
	return true
}

// compiledInShellInterface is the refusal of an assertion that would
// make a value of an interface type declared in the shell from a value
// of a compiled type.
func compiledInShellInterface(v any, iface string) string {
	what := "an interface declared in the shell"
	if strings.HasPrefix(iface, "interface") {
		what = "an interface type literal"
	}
	return fmt.Sprintf("the shell cannot make a value of %s, %s, of a %T asserted from an interface value "+
		"(yaegi cannot hold it so): assert to %T itself, or to an interface of a compiled package with those methods (fmt.Stringer), "+
		"or, for an error's Unwrap, call errors.Unwrap", iface, what, v, v)
}
