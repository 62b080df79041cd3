package repl

import (
	"context"
	"fmt"
	"go/ast"
	"go/token"
	"reflect"
)

// yaegi cannot use a call of a generic function (our min and max) as the
// value of a top-level declaration ("nil reflect type"). Such a declaration
// goes through a temporary of type any, then takes the value's own type
// when it is a predeclared one:
//
//	m := min(a, b)  ⇔  __t := func() any { return min(a, b) }(); m := __t.(T)

// minMaxDecl recognises `name := expr` where expr calls min or max.
func minMaxDecl(u Unit) (name, rhs string, ok bool) {
	a, isAssign := u.stmt.(*ast.AssignStmt)
	if !isAssign || a.Tok != token.DEFINE || len(a.Lhs) != 1 || len(a.Rhs) != 1 {
		return "", "", false
	}
	id, isIdent := a.Lhs[0].(*ast.Ident)
	if !isIdent || !callsMinMax(a.Rhs[0]) {
		return "", "", false
	}
	return id.Name, u.ExprText(a.Rhs[0]), true
}

func callsMinMax(e ast.Expr) (found bool) {
	ast.Inspect(e, func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok {
			if id, ok := c.Fun.(*ast.Ident); ok && (id.Name == "min" || id.Name == "max") {
				found = true
			}
		}
		return !found && !isFuncLitNode(n)
	})
	return found
}

func isFuncLitNode(n ast.Node) bool { _, ok := n.(*ast.FuncLit); return ok }

// evalViaAny declares name from rhs through a temporary (see above).
func (in *Interp) evalViaAny(ctx context.Context, u Unit, name, rhs string) error {
	tmp := in.names.next("t")
	if _, err := in.run(ctx, u, fmt.Sprintf("%s := func() any { return %s }()", tmp, rhs)); err != nil {
		return err
	}
	v, err := in.run(ctx, u, tmp)
	if err != nil {
		return err
	}
	conv := tmp
	if v.IsValid() && v.Kind() == reflect.Interface && !v.IsNil() {
		v = v.Elem()
	}
	if v.IsValid() && predeclaredTypes[v.Type().String()] {
		conv = fmt.Sprintf("%s.(%s)", tmp, v.Type())
	}
	_, err = in.run(ctx, u, fmt.Sprintf("%s := %s", name, conv))
	return err
}
