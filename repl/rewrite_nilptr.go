package repl

import (
	"go/ast"
	"go/token"
	"strconv"
)

// yaegi converts a nil pointer of an interpreted type to a nil interface
// when the interface is one of a compiled package (error, fmt.Stringer):
// its wrapper generation returns the zero interface for a nil value. Go
// keeps a non-nil interface holding the nil pointer, so
//
//	func find() error { var p *NotFound; return p }
//	find() == nil  // false in Go, true in yaegi
//
// would be a silent wrong answer. A return of a pointer of a declared type
// as such an interface is checked first, and a nil pointer panics with a
// message saying what to write instead:
//
//	return p  ⇔  { if p == nil { panic("…") }; return p }
//
// Only a value that can be evaluated twice (a name, a field) is checked,
// and only where the syntax tells its type.

// nilReturn returns the block that replaces ret, or nil.
func (c *callPass) nilReturn(ret *ast.ReturnStmt) ast.Stmt {
	ft := c.enclosingFuncType()
	if ft == nil {
		return nil
	}
	checks := c.nilChecks(flatFields(ft.Results), ret.Results, "returning")
	if checks == nil {
		return nil
	}
	c.made[ret] = true
	return &ast.BlockStmt{List: append(checks, ret)}
}

// nilAssign returns the checks to run before s, an assignment to
// variables or a var declaration, or nil.
func (c *callPass) nilAssign(s ast.Stmt) []ast.Stmt {
	switch s := s.(type) {
	case *ast.AssignStmt:
		if s.Tok != token.ASSIGN {
			return nil
		}
		types := make([]ast.Expr, len(s.Lhs))
		for i, l := range s.Lhs {
			types[i] = c.typeOf(l)
		}
		return c.nilChecks(types, s.Rhs, "assigning")
	case *ast.DeclStmt:
		g, ok := s.Decl.(*ast.GenDecl)
		if !ok || g.Tok != token.VAR {
			return nil
		}
		var checks []ast.Stmt
		for _, sp := range g.Specs {
			v := sp.(*ast.ValueSpec)
			if v.Type == nil {
				continue
			}
			types := make([]ast.Expr, len(v.Values))
			for i := range types {
				types[i] = v.Type
			}
			checks = append(checks, c.nilChecks(types, v.Values, "assigning")...)
		}
		return checks
	}
	return nil
}

// nilTopVar checks the values of a top-level var declaration, where no
// statement can go before it: the value becomes a function literal that
// checks it.
//
//	var err error = p  ⇔  var err error = func() error { if p == nil { panic("…") }; return p }()
func (c *callPass) nilTopVar(g *ast.GenDecl) {
	if g.Tok != token.VAR {
		return
	}
	for _, sp := range g.Specs {
		v := sp.(*ast.ValueSpec)
		if v.Type == nil {
			continue
		}
		for i, x := range v.Values {
			checks := c.nilChecks([]ast.Expr{v.Type}, []ast.Expr{x}, "assigning")
			if checks == nil {
				continue
			}
			ft := &ast.FuncType{Params: &ast.FieldList{}, Results: &ast.FieldList{List: []*ast.Field{{Type: clone(v.Type)}}}}
			body := append(checks, &ast.ReturnStmt{Results: []ast.Expr{x}})
			v.Values[i] = &ast.CallExpr{Fun: &ast.FuncLit{Type: ft, Body: &ast.BlockStmt{List: body}}}
		}
	}
}

// nilArgs checks the arguments of a call of a function the session
// declared that go to parameters of an interface type of a compiled
// package, as nilTopVar checks a value:
//
//	handle(p)  ⇔  handle(func() error { if p == nil { panic("…") }; return p }())
func (c *callPass) nilArgs(call *ast.CallExpr) {
	fd := c.env.funcDecl(call.Fun)
	if fd == nil || fd.Type.TypeParams != nil || call.Ellipsis.IsValid() {
		return
	}
	params := flatFields(fd.Type.Params)
	if len(params) != len(call.Args) {
		return
	}
	for i, x := range call.Args {
		if _, variadic := params[i].(*ast.Ellipsis); variadic {
			continue
		}
		checks := c.nilChecks([]ast.Expr{params[i]}, []ast.Expr{x}, "passing")
		if checks == nil {
			continue
		}
		ft := &ast.FuncType{Params: &ast.FieldList{}, Results: &ast.FieldList{List: []*ast.Field{{Type: clone(params[i])}}}}
		body := append(checks, &ast.ReturnStmt{Results: []ast.Expr{x}})
		call.Args[i] = &ast.CallExpr{Fun: &ast.FuncLit{Type: ft, Body: &ast.BlockStmt{List: body}}}
	}
}

// nilChecks returns, for the values going to the slots of the given types
// (by position), a check of each that is a pointer of a declared type going
// to an interface of a compiled package.
func (c *callPass) nilChecks(types, values []ast.Expr, doing string) []ast.Stmt {
	if len(types) != len(values) {
		return nil
	}
	var checks []ast.Stmt
	for i, x := range values {
		if types[i] == nil || !pure(x) || !c.compiledInterface(types[i]) {
			continue
		}
		if id, ok := ast.Unparen(types[i]).(*ast.Ident); ok && id.Name == "error" && c.keepType(x) != nil {
			continue // converted as Go does (rewrite_keep.go, keepNil)
		}
		ptr := c.declaredPointer(x)
		if ptr == "" {
			continue
		}
		checks = append(checks, nilCheck(x, ptr, c.r.print(types[i]), doing))
	}
	return checks
}

// nilCheck is `if x == nil { panic("…") }`, x a pointer of type ptr going
// to the interface iface.
func nilCheck(x ast.Expr, ptr, iface, doing string) ast.Stmt {
	msg := doing + " a nil " + ptr + " as " + iface + ": Go makes a non-nil " + iface +
		" holding the nil pointer, the shell would make a nil one; use nil, or a non-nil " + ptr
	return &ast.IfStmt{
		Cond: &ast.BinaryExpr{X: clone(x), Op: token.EQL, Y: ident("nil")},
		Body: &ast.BlockStmt{List: []ast.Stmt{&ast.ExprStmt{X: &ast.CallExpr{Fun: ident("panic"),
			Args: []ast.Expr{&ast.BasicLit{Kind: token.STRING, Value: strconv.Quote(msg)}}}}}},
	}
}

// enclosingFuncType is the type of the innermost function around the
// statement being rewritten.
func (c *callPass) enclosingFuncType() *ast.FuncType {
	for i := len(c.stack) - 1; i >= 0; i-- {
		switch f := c.stack[i].(type) {
		case *ast.FuncLit:
			return f.Type
		case *ast.FuncDecl:
			return f.Type
		}
	}
	return nil
}

// declaredPointer returns "*T" when x is, by the syntax, a pointer to a
// type the session declared, else "".
func (c *callPass) declaredPointer(x ast.Expr) string {
	star, ok := c.typeOf(x).(*ast.StarExpr)
	if !ok {
		return ""
	}
	id, ok := star.X.(*ast.Ident)
	if !ok || predeclaredTypes[id.Name] || (c.decls.Type(id.Name) == nil && !c.env.isLocal(id.Name)) {
		return ""
	}
	return "*" + id.Name
}
