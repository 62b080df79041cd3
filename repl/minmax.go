package repl

import (
	"context"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"reflect"
	"strings"
)

// yaegi cannot use a call of a generic function (min, max, slices.Max…) as the
// value of a top-level declaration ("nil reflect type"). Such a declaration
// goes through a temporary of type any, then takes the value's own type
// when it can be written from predeclared types:
//
//	m := min(a, b)  ⇔  __t := func() any { return min(a, b) }(); m := __t.(T)

// genericDecl recognises the failure of `name := expr` where expr calls
// another generic function (slices.Max, …): yaegi fails while compiling, so
// nothing ran and the declaration can be retried through a temporary.
func genericDecl(u Unit, err error) (name, rhs string, ok bool) {
	if err == nil || !strings.HasSuffix(err.Error(), "nil reflect type") {
		return "", "", false
	}
	return defineOf(u)
}

// minMaxDecl recognises `name := expr` where expr calls min or max.
func minMaxDecl(u Unit) (name string, ok bool) {
	if a, isAssign := u.stmt.(*ast.AssignStmt); !isAssign || len(a.Rhs) != 1 || !callsMinMax(a.Rhs[0]) {
		return "", false
	}
	name, _, ok = defineOf(u)
	return name, ok
}

// typedCall is func() T { return e }().
func typedCall(e, t ast.Expr) ast.Expr {
	ft := &ast.FuncType{Params: &ast.FieldList{}, Results: &ast.FieldList{List: []*ast.Field{{Type: t}}}}
	return &ast.CallExpr{Fun: &ast.FuncLit{Type: ft, Body: &ast.BlockStmt{List: []ast.Stmt{&ast.ReturnStmt{Results: []ast.Expr{e}}}}}}
}

// evalGenericDecl runs u, `name := expr` where expr calls a generic
// function the shell knows (minMaxDecl), through a function literal: of
// the value's type when the syntax tells it, as `name := func() T { return
// expr }()`, else through a temporary of type any (evalViaAny). Either is
// rewritten as any other code is (the type arguments of a generic call, …).
func (in *Interp) evalGenericDecl(ctx context.Context, u Unit, name string) error {
	rhs := u.stmt.(*ast.AssignStmt).Rhs[0]
	if t := localTypes(u.Node(), in.Decls()).typeOf(rhs); t != nil {
		typed := u
		typed.stmt = &ast.AssignStmt{Lhs: []ast.Expr{ast.NewIdent(name)}, Tok: token.DEFINE, Rhs: []ast.Expr{typedCall(clone(rhs), t)}}
		_, err := in.run(ctx, u, typed.lineCode(in))
		var ce *CompileError
		if !errors.As(err, &ce) {
			return err
		}
		// nothing ran: the type read from the syntax may be wrong
	}
	tmp := in.names.next("t")
	wrapped := u
	wrapped.stmt = &ast.AssignStmt{Lhs: []ast.Expr{ast.NewIdent(tmp)}, Tok: token.DEFINE, Rhs: []ast.Expr{typedCall(rhs, ast.NewIdent("any"))}}
	return in.evalViaAnyCode(ctx, u, name, tmp, wrapped.lineCode(in))
}

// defineOf splits a unit `name := expr`.
func defineOf(u Unit) (name, rhs string, ok bool) {
	a, isAssign := u.stmt.(*ast.AssignStmt)
	if !isAssign || a.Tok != token.DEFINE || len(a.Lhs) != 1 || len(a.Rhs) != 1 {
		return "", "", false
	}
	id, isIdent := a.Lhs[0].(*ast.Ident)
	if !isIdent {
		return "", "", false
	}
	return id.Name, u.ExprText(a.Rhs[0]), true
}

func callsMinMax(e ast.Expr) (found bool) {
	ast.Inspect(e, func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok {
			found = isGenericFunc(c.Fun)
		}
		return !found && !isFuncLitNode(n)
	})
	return found
}

// isGenericFunc reports whether fun names one of the generic functions the
// shell knows: min, max, and those of slices, maps and cmp.
func isGenericFunc(fun ast.Expr) bool {
	switch f := fun.(type) {
	case *ast.Ident:
		return f.Name == "min" || f.Name == "max"
	case *ast.SelectorExpr:
		pkg, ok := f.X.(*ast.Ident)
		return ok && (pkg.Name == "slices" || pkg.Name == "maps" || pkg.Name == "cmp" || pkg.Name == builtinAlias || pkg.Name == runtimePkg)
	}
	return false
}

func isFuncLitNode(n ast.Node) bool { _, ok := n.(*ast.FuncLit); return ok }

// evalViaAny declares name from rhs through a temporary (see above).
func (in *Interp) evalViaAny(ctx context.Context, u Unit, name, rhs string) error {
	tmp := in.names.next("t")
	return in.evalViaAnyCode(ctx, u, name, tmp, fmt.Sprintf("%s := func() any { return %s }()", tmp, rhs))
}

// evalViaAnyCode declares name from the temporary tmp that code declares.
func (in *Interp) evalViaAnyCode(ctx context.Context, u Unit, name, tmp, code string) error {
	if _, err := in.run(ctx, u, code); err != nil {
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
	if v.IsValid() && writable(v.Type().String()) {
		conv = fmt.Sprintf("%s.(%s)", tmp, v.Type())
	}
	_, err = in.run(ctx, u, fmt.Sprintf("%s := %s", name, conv))
	return err
}

// writable reports whether a reflect type name is also Go source naming the
// same type: built only from predeclared types ("[]string", "map[string]int").
func writable(typ string) bool {
	e, err := parser.ParseExpr(typ)
	if err != nil {
		return false
	}
	ok := true
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			ok = ok && predeclaredTypes[n.Name]
		case *ast.SelectorExpr, *ast.StructType, *ast.InterfaceType:
			ok = false
		}
		return ok
	})
	return ok
}

// rewriteMinMax replaces, in place, the calls of the builtins min and max
// under n by calls of the interpreted package that defines them (see
// builtinSource), unless n declares a min or max of its own, or the
// package does (declared, whose names the session's top-level
// declarations shadow: a user's func min is called as declared).
func rewriteMinMax(n ast.Node, declared func(name string) bool) {
	if declaresMinMax(n) {
		return
	}
	generic := false
	if fd, ok := n.(*ast.FuncDecl); ok {
		generic = fd.Type.TypeParams != nil
		if fd.Recv != nil && len(fd.Recv.List) == 1 {
			switch t := fd.Recv.List[0].Type.(type) {
			case *ast.StarExpr:
				_, ix := t.X.(*ast.IndexExpr)
				_, ixl := t.X.(*ast.IndexListExpr)
				generic = generic || ix || ixl
			case *ast.IndexExpr, *ast.IndexListExpr:
				generic = true
			}
		}
	}
	var ints map[string]bool
	if generic {
		ints = localInts(n, nil)
	}
	ast.Inspect(n, func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok {
			if id, ok := c.Fun.(*ast.Ident); ok && (id.Name == "min" || id.Name == "max") && !declared(id.Name) {
				if generic && !c.Ellipsis.IsValid() && allInts(c.Args, ints) {
					// in a generic function: see intMinMaxPrelude
					c.Fun = ident(intMinMax + id.Name)
					return true
				}
				name := strings.ToUpper(id.Name[:1]) + id.Name[1:]
				c.Fun = &ast.SelectorExpr{X: ident(builtinAlias), Sel: ident(name)}
			}
		}
		return true
	})
}

// allInts reports whether the syntax tells that each of args is an int:
// len and cap, integer constants, local names holding ints (ints, from
// localInts), and arithmetic of them.
func allInts(args []ast.Expr, ints map[string]bool) bool {
	var isInt func(e ast.Expr) bool
	isInt = func(e ast.Expr) bool {
		switch e := ast.Unparen(e).(type) {
		case *ast.Ident:
			return ints[e.Name]
		case *ast.BasicLit:
			return e.Kind == token.INT
		case *ast.CallExpr:
			id, ok := e.Fun.(*ast.Ident)
			return ok && (id.Name == "len" || id.Name == "cap")
		case *ast.BinaryExpr:
			switch e.Op {
			case token.ADD, token.SUB, token.MUL, token.QUO, token.REM:
				return isInt(e.X) && isInt(e.Y)
			}
		case *ast.UnaryExpr:
			return e.Op == token.SUB && isInt(e.X)
		}
		return false
	}
	for _, a := range args {
		if !isInt(a) {
			return false
		}
	}
	return len(args) > 0
}

// minMaxDeclared returns the test of rewriteMinMax for code run with the
// units (an entry or a script): whether they or an earlier entry declare
// name at top level.
func (in *Interp) minMaxDeclared(units []Unit) func(string) bool {
	own := map[string]bool{}
	for _, u := range units {
		if u.decl != nil && u.Import() == nil {
			for _, n := range declNames(u.decl) {
				own[n] = true
			}
		}
		if u.stmt != nil && u.Kind == Decl {
			if d, ok := u.stmt.(*ast.DeclStmt); ok {
				for _, n := range declNames(d.Decl) {
					own[n] = true
				}
			}
		}
	}
	return func(name string) bool { return own[name] || in.Decls().Declares(name) }
}

// declaresMinMax reports whether n declares the name min or max.
func declaresMinMax(n ast.Node) (found bool) {
	is := func(id *ast.Ident) bool { return id != nil && (id.Name == "min" || id.Name == "max") }
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncDecl:
			found = found || n.Recv == nil && is(n.Name)
		case *ast.Field:
			for _, id := range n.Names {
				found = found || is(id)
			}
		case *ast.ValueSpec:
			for _, id := range n.Names {
				found = found || is(id)
			}
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE {
				for _, l := range n.Lhs {
					id, _ := l.(*ast.Ident)
					found = found || is(id)
				}
			}
		}
		return !found
	})
	return found
}

// intMinMaxPrelude declares min and max of ints in package main, for the
// body of a generic function, where yaegi fails on the generic builtin
// when ranging over its result ("CFG post-order panic: nil type"), and a
// function of another package returns 0.
const intMinMax = "__odsh_int"

const intMinMaxPrelude = `func __odsh_intmin(x int, ys ...int) int {
	for _, y := range ys {
		if y < x {
			x = y
		}
	}
	return x
}

func __odsh_intmax(x int, ys ...int) int {
	for _, y := range ys {
		if y > x {
			x = y
		}
	}
	return x
}`
