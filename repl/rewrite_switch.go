package repl

import (
	"go/ast"
	"go/token"
	"strconv"
)

// Type switches and comma-ok type assertions (see rewrite_calls.go).

// typeSwitch rewrites a type switch into comma-ok assertions, which yaegi
// gets right where its type switch does not (run.go, _case): a clause
// without a bound variable matches only by the name of the dynamic type,
// so `case error:` and every other interface case never match; with a
// variable, `case error:` never matches (yaegi compares error's category,
// not its methods) and a case naming an interpreted type does not either.
// The value is evaluated once, the first clause that matches runs with the
// variable typed as Go types it, and default keeps its meaning wherever it
// stands:
//
//	switch x := v.(type) {     ⇔  {
//	case int, string: A        ⇔  	__v := v
//	case error: B              ⇔  	__c := -1
//	case nil: C                ⇔  	if __v == nil { __c = 2 } else if _, ok := __v.(int); ok { __c = 0 } else if …
//	default: D                 ⇔  	switch __c {
//	}                          ⇔  	case 0: x := __v; _ = x; A
//	                           ⇔  	case 1: x := __v.(error); _ = x; B
//	                           ⇔  	case 2: x := __v; _ = x; C
//	                           ⇔  	default: x := __v; _ = x; D
//	                           ⇔  	}
//	                           ⇔  }
//
// break in a clause leaves the inner switch, as it left the type switch; a
// label on the type switch moves to the inner switch.
func (c *callPass) typeSwitch(s *ast.TypeSwitchStmt, label *ast.Ident) ast.Stmt {
	var bound *ast.Ident
	var guard ast.Expr
	switch a := s.Assign.(type) {
	case *ast.AssignStmt:
		bound, guard = a.Lhs[0].(*ast.Ident), a.Rhs[0]
	case *ast.ExprStmt:
		guard = a.X
	}
	ta, ok := guard.(*ast.TypeAssertExpr)
	if !ok {
		return nil
	}
	v, cv := ident(c.r.names.next("v")), ident(c.r.names.next("c"))
	var block []ast.Stmt
	if s.Init != nil {
		block = append(block, s.Init)
	}
	block = append(block, define(v, ta.X), define(cv, &ast.UnaryExpr{Op: token.SUB, X: &ast.BasicLit{Kind: token.INT, Value: "1"}}))

	var chain *ast.IfStmt // the first test
	var last *ast.IfStmt  // where the next test goes (its Else)
	addTest := func(cond ast.Expr, init ast.Stmt, clause int) {
		test := &ast.IfStmt{Init: init, Cond: cond, Body: &ast.BlockStmt{List: []ast.Stmt{
			assign(token.ASSIGN, cv, &ast.BasicLit{Kind: token.INT, Value: strconv.Itoa(clause)}),
		}}}
		if last == nil {
			chain = test
		} else {
			last.Else = test
		}
		last = test
	}
	inner := &ast.SwitchStmt{Tag: cv, Body: &ast.BlockStmt{}}
	nilClause := -1
	for i, cl := range s.Body.List {
		cc := cl.(*ast.CaseClause)
		var body []ast.Stmt
		if bound != nil && bound.Name != "_" {
			var value ast.Expr = v
			if len(cc.List) == 1 && !isNilIdent(cc.List[0]) {
				value = &ast.TypeAssertExpr{X: v, Type: cc.List[0]}
			}
			body = append(body, define(ident(bound.Name), value), assign(token.ASSIGN, ident("_"), ident(bound.Name)))
		}
		body = append(body, cc.Body...)
		out := &ast.CaseClause{Body: body}
		if cc.List != nil {
			out.List = []ast.Expr{&ast.BasicLit{Kind: token.INT, Value: strconv.Itoa(i)}}
		}
		inner.Body.List = append(inner.Body.List, out)
		for _, t := range cc.List {
			if isNilIdent(t) {
				if nilClause < 0 {
					nilClause = i
				}
				continue
			}
			ok := ident("ok")
			init := &ast.AssignStmt{Lhs: []ast.Expr{ident("_"), ok}, Tok: token.DEFINE, Rhs: []ast.Expr{&ast.TypeAssertExpr{X: v, Type: t}}}
			c.done[init] = true
			addTest(ok, init, i)
		}
	}
	isNil := &ast.BinaryExpr{X: v, Op: token.EQL, Y: ident("nil")}
	nilTest := &ast.IfStmt{Cond: isNil, Body: &ast.BlockStmt{}}
	if nilClause >= 0 {
		nilTest.Body.List = []ast.Stmt{assign(token.ASSIGN, cv, &ast.BasicLit{Kind: token.INT, Value: strconv.Itoa(nilClause)})}
	}
	if chain != nil {
		nilTest.Else = chain
	}
	block = append(block, nilTest)
	var sw ast.Stmt = inner
	if label != nil {
		sw = &ast.LabeledStmt{Label: label, Stmt: inner}
	}
	block = append(block, sw)
	return &ast.BlockStmt{List: block}
}

// commaOk guards a comma-ok type assertion against a nil operand: for a
// nil interface value, yaegi's assertion to an interface type panics
// ("reflect: call of reflect.Value.Type on zero Value", run.go,
// typeAssert) where Go gives the zero value and false, which `if e, ok :=
// recover().(error); ok` and `v, ok := m[k].(fmt.Stringer)` rely on:
//
//	a, ok := x.(T)  ⇔  __v := x; a, ok := *new(T), false; if __v != nil { __t, __ok := __v.(T); a, ok = __t, __ok }
//
// It returns the statements replacing s, nil if s is not such an assignment.
func (c *callPass) commaOk(s ast.Stmt) []ast.Stmt {
	a, ok := s.(*ast.AssignStmt)
	if !ok || c.done[s] || len(a.Lhs) != 2 || len(a.Rhs) != 1 || a.Tok != token.DEFINE && a.Tok != token.ASSIGN {
		return nil
	}
	ta, ok := ast.Unparen(a.Rhs[0]).(*ast.TypeAssertExpr)
	if !ok || ta.Type == nil {
		return nil
	}
	v, t, tok := ident(c.r.names.next("v")), ident(c.r.names.next("t")), ident(c.r.names.next("ok"))
	zero := &ast.StarExpr{X: &ast.CallExpr{Fun: ident("new"), Args: []ast.Expr{ta.Type}}}
	set := &ast.AssignStmt{Lhs: a.Lhs, Tok: a.Tok, Rhs: []ast.Expr{zero, ident("false")}}
	var lhs, rhs []ast.Expr
	for i, l := range a.Lhs {
		if id, ok := l.(*ast.Ident); ok && id.Name == "_" {
			continue
		}
		lhs = append(lhs, clone(l))
		rhs = append(rhs, []*ast.Ident{t, tok}[i])
	}
	body := []ast.Stmt{&ast.AssignStmt{Lhs: []ast.Expr{t, tok}, Tok: token.DEFINE, Rhs: []ast.Expr{&ast.TypeAssertExpr{X: v, Type: ta.Type}}}}
	c.done[body[0]] = true
	if len(lhs) > 0 {
		body = append(body, &ast.AssignStmt{Lhs: lhs, Tok: token.ASSIGN, Rhs: rhs})
	} else {
		body = append(body, assign(token.ASSIGN, ident("_"), t), assign(token.ASSIGN, ident("_"), tok))
	}
	guard := &ast.IfStmt{Cond: &ast.BinaryExpr{X: v, Op: token.NEQ, Y: ident("nil")}, Body: &ast.BlockStmt{List: body}}
	return []ast.Stmt{define(v, ta.X), set, guard}
}

// ifCommaOk applies commaOk to the init statements of an if and of the ifs
// chained in its else branches:
//
//	if a, ok := x.(T); ok { … }  ⇔  { <commaOk statements>; if ok { … } }
func (c *callPass) ifCommaOk(s *ast.IfStmt) ast.Stmt {
	for cur := s; cur != nil; {
		next, _ := cur.Else.(*ast.IfStmt)
		if next != nil {
			if out := c.ifCommaOkOne(next); out != next {
				cur.Else = out.(*ast.BlockStmt)
			}
		}
		cur = next
	}
	return c.ifCommaOkOne(s)
}

func (c *callPass) ifCommaOkOne(s *ast.IfStmt) ast.Stmt {
	if s.Init == nil {
		return s
	}
	list := c.commaOk(s.Init)
	if list == nil {
		return s
	}
	s.Init = nil
	return &ast.BlockStmt{List: append(list, s)}
}
