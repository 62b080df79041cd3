package repl

import (
	"fmt"
	"go/ast"
	"go/token"
)

// goPanicHook is the interpreted function a rewritten go statement calls
// with the value of a panic recovered in its goroutine.
const goPanicHook = bindAlias + ".GoPanic"

// rewriter applies the statement rewrites described at the top of
// rewrite.go to every statement list of a unit.
type rewriter struct {
	oracle Oracle
	names  *counter
	fset   *token.FileSet
	// sourcePos prints //line directives (Unit.lineCode).
	sourcePos bool
	// hoisting prints instances of generic types through aliases, except
	// those naming instLocal, the names the unit declares
	// (rewrite_instances.go)
	hoisting  bool
	instLocal map[string]bool
	ints      map[string]bool // local names known to hold integers
	vars      map[string]bool // names the unit declares: true for variables (localVars)
	// recoverVars hold function literals that call recover (recoverVarsOf)
	recoverVars map[string]bool
	made        map[ast.Stmt]bool // statements this rewriter generated
	// madeBody are the bodies of function literals this rewriter generated,
	// which need no depth guard.
	madeBody map[*ast.BlockStmt]bool
	// refused is the first construct the statement rewrites cannot run
	// right; the call pass reports it.
	refused *RefusedError
	// topDefers: the unit is a statement run at top level, whose defer
	// statements are the entry's (topLevelDefers).
	topDefers bool
	// results answers for the results of functions only (localInts,
	// which runs no compile probe).
	results Oracle
}

// refuse notes a construct that cannot be rewritten right.
func (r *rewriter) refuse(construct, workaround string) {
	if r.refused == nil {
		r.refused = &RefusedError{Construct: construct, Workaround: workaround}
	}
}

// walk rewrites, in place, every statement list under n.
func (r *rewriter) walk(n ast.Node) {
	r.hoisting = false
	r.ints = localInts(n, r.oracle)
	r.refused = nil
	r.vars = r.localVars(n)
	r.recoverVars = recoverVarsOf(n)
	r.made = map[ast.Stmt]bool{}
	r.madeBody = map[*ast.BlockStmt]bool{}
	if b, ok := n.(*ast.BlockStmt); ok && r.topDefers {
		r.topLevelDefers(b)
	}
	comm := map[ast.Stmt]bool{}
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.BlockStmt:
			n.List = r.stmts(n.List)
		case *ast.CaseClause:
			n.Body = r.stmts(n.Body)
		case *ast.CommClause:
			r.freshCommVars(n)
			if n.Comm != nil {
				comm[n.Comm] = true // a receive of a select case stays one
			}
			n.Body = r.stmts(n.Body)
		case *ast.AssignStmt:
			parenBinaryRHS(n)
			if !comm[n] && len(n.Lhs) == 1 && len(n.Rhs) == 1 {
				parenRecv(n.Rhs)
			}
		case *ast.ValueSpec:
			if len(n.Names) == 1 && len(n.Values) == 1 {
				parenRecv(n.Values)
			}
		case *ast.BinaryExpr:
			recvOperands(n)
		case *ast.FuncDecl:
			r.closuresOutOfFrame(n.Body)
			if r.recursive(n) {
				r.guardDepth(n.Body)
			}
		case *ast.FuncLit:
			r.closuresOutOfFrame(n.Body)
			if !r.leaf(n.Body) {
				r.guardDepth(n.Body)
			}
		}
		return true
	})
	r.guardDefers(n)
	r.calls(n)
	// after the call rewrites, which make calls of their own
	ast.Inspect(n, func(n ast.Node) bool {
		if a, ok := n.(*ast.AssignStmt); ok {
			parenTupleCalls(a)
		}
		return true
	})
	// the code printed from here on is yaegi's: instances through
	// aliases; the probes and messages above saw them as written
	r.prepareInstances(n)
}

// parenTupleCalls puts parentheses around the calls assigned by an
// assignment of several values:
//
//	x, y = 1, f()  ⇔  x, y = 1, (f())
//
// yaegi compiles such an assignment whose values include a call as the
// assignment of a call's several results: x took f's value and y kept its
// own (x, y = f(), 1 left y as it was; `i, j = i+1, f()` as a loop's post
// statement never advanced i). A parenthesised call is a value of its own.
func parenTupleCalls(a *ast.AssignStmt) {
	if a.Tok != token.ASSIGN || len(a.Lhs) < 2 || len(a.Lhs) != len(a.Rhs) {
		return
	}
	for i, x := range a.Rhs {
		if c, ok := x.(*ast.CallExpr); ok {
			a.Rhs[i] = &ast.ParenExpr{Lparen: c.Pos(), X: c, Rparen: c.End()}
		}
	}
}

// recvOperands rewrites a receive that is an operand of && or || into a
// comparison with true: `<-ch && ok` → `(<-ch == true) && ok`. yaegi
// compiles such a receive as a branch, and when run with a context (as the
// shell runs everything, for Ctrl-C) a receive that had to wait takes the
// right branch but never stores the value received, so `<-ch && true` is
// false after a goroutine sent true (recv in yaegi's run.go).
func recvOperands(b *ast.BinaryExpr) {
	if b.Op != token.LAND && b.Op != token.LOR {
		return
	}
	for _, x := range []*ast.Expr{&b.X, &b.Y} {
		if u, ok := ast.Unparen(*x).(*ast.UnaryExpr); ok && u.Op == token.ARROW {
			*x = &ast.ParenExpr{X: &ast.BinaryExpr{X: u, Op: token.EQL, Y: ident("true")}}
		}
	}
}

func (r *rewriter) stmts(list []ast.Stmt) []ast.Stmt {
	list = r.selectBreaks(list)
	for i, s := range list {
		list[i] = r.stmt(s)
	}
	return list
}

// stmt returns the rewritten form of one statement; the statements nested in
// the result are visited afterwards by walk.
func (r *rewriter) stmt(s ast.Stmt) ast.Stmt {
	switch s := s.(type) {
	case *ast.RangeStmt:
		if r.isInt(s.X) {
			return r.loopDefers(s, r.rangeInt(s, nil))
		}
		r.rangeAssign(s)
		r.copyRangeVars(s)
		return r.loopDefers(s, s)
	case *ast.ForStmt:
		r.copyForVar(s, nil)
		return r.loopDefers(s, s)
	case *ast.LabeledStmt:
		if rs, ok := s.Stmt.(*ast.RangeStmt); ok && r.isInt(rs.X) {
			return r.loopDefers(s, r.rangeInt(rs, s.Label))
		}
		if rs, ok := s.Stmt.(*ast.RangeStmt); ok {
			r.rangeAssign(rs)
		}
		if fs, ok := s.Stmt.(*ast.ForStmt); ok {
			r.copyForVar(fs, s.Label)
		}
		if d, ok := s.Stmt.(*ast.DeferStmt); ok {
			s.Stmt = r.deferNow(d)
			return s
		}
		return r.loopDefers(s, s)
	case *ast.GoStmt:
		if !r.made[s] {
			return r.goStmt(s)
		}
	case *ast.DeferStmt:
		return r.deferNow(s)
	}
	return s
}

// guardDepth makes a function body count its calls (escape.go), so that
// runaway recursion is an error and not a fatal stack overflow:
//
//	func f() { body }  ⇔  func f() { __odshbind.Enter(); defer __odshbind.Leave(); body }
//
// A body that calls only builtins and package functions cannot recurse and
// is left alone: a defer in a function that has unnamed parameters, or that
// receives an interpreted value with methods as an interface, makes yaegi
// store the wrong values in its frame (the function sees nil or panics in
// reflect.Set).
func (r *rewriter) guardDepth(body *ast.BlockStmt) {
	if body == nil || r.madeBody[body] {
		return
	}
	enter := &ast.ExprStmt{X: &ast.CallExpr{Fun: ident(depthHook)}}
	leave := &ast.DeferStmt{Call: &ast.CallExpr{Fun: ident(leaveHook)}}
	body.List = append([]ast.Stmt{enter, leave}, body.List...)
}

// recursive reports whether a declared function may call itself, as the
// oracle knows from the call graph; without one, any function that is not
// a leaf may.
func (r *rewriter) recursive(fd *ast.FuncDecl) bool {
	if o, ok := r.oracle.(interface{ Recursive(string, bool) bool }); ok {
		return o.Recursive(fd.Name.Name, fd.Recv != nil)
	}
	return !r.leaf(fd.Body)
}

// leaf reports whether body calls nothing but builtins, conversions to
// predeclared types and functions of packages.
func (r *rewriter) leaf(body *ast.BlockStmt) bool {
	pkg, _ := r.oracle.(interface{ IsPackage(string) bool })
	leaf := true
	ast.Inspect(body, func(n ast.Node) bool {
		c, ok := n.(*ast.CallExpr)
		if !ok {
			return leaf
		}
		switch f := ast.Unparen(c.Fun).(type) {
		case *ast.Ident:
			leaf = builtins[f.Name] || predeclaredTypes[f.Name]
		case *ast.SelectorExpr:
			x, ok := f.X.(*ast.Ident)
			leaf = ok && (x.Name == bindAlias || x.Name == builtinAlias || pkg != nil && pkg.IsPackage(x.Name))
		case *ast.ArrayType, *ast.MapType, *ast.ChanType, *ast.InterfaceType:
			// a conversion
		default:
			leaf = false
		}
		return leaf
	})
	return leaf
}

// parenBinaryRHS puts parentheses around an operation assigned to a map
// entry, a field or a pointee:
//
//	m[k] = a + b  ⇔  m[k] = (a + b)
//
// yaegi stores the result of an operation assigned to one destination
// straight in the destination's frame slot, typed as the destination; for
// an entry of a compiled map type with interface values (orm.Values) that
// step does nothing and ends the function there, silently. A parenthesised
// operand is a value of its own, stored by the assignment.
func parenBinaryRHS(a *ast.AssignStmt) {
	if a.Tok != token.ASSIGN || len(a.Lhs) != 1 || len(a.Rhs) != 1 {
		return
	}
	switch a.Lhs[0].(type) {
	case *ast.IndexExpr, *ast.SelectorExpr, *ast.StarExpr:
	default:
		return
	}
	if b, ok := a.Rhs[0].(*ast.BinaryExpr); ok {
		a.Rhs[0] = &ast.ParenExpr{X: b}
	}
}

// parenRecv puts parentheses around a receive assigned to one variable
// (values are the values of an assignment or a var declaration of one):
//
//	v = <-c  ⇔  v = (<-c)
//
// yaegi stores the value received in the variable's frame slot as a value
// that cannot be addressed: &v then panicked ("reflect.Value.Addr of
// unaddressable value"). A parenthesised receive is a value of its own.
func parenRecv(values []ast.Expr) {
	if u, ok := values[0].(*ast.UnaryExpr); ok && u.Op == token.ARROW {
		values[0] = &ast.ParenExpr{Lparen: u.Pos(), X: u, Rparen: u.End()}
	}
}

// selectBreaks rewrites, in a statement list, the labeled breaks out of a
// select to the loop or switch the label names into a goto to just after
// it: yaegi ran `break L` in a select case as if it did nothing (the loop
// went on, forever in `for { select { default: break L } }`):
//
//	L: for { select { case <-c: break L } }  ⇔  L: for { select { case <-c: goto __brk1 } }
//	                                         ⇔  __brk1: ;
func (r *rewriter) selectBreaks(list []ast.Stmt) []ast.Stmt {
	var out []ast.Stmt
	changed := false
	for _, s := range list {
		out = append(out, s)
		ls, ok := s.(*ast.LabeledStmt)
		if !ok {
			continue
		}
		switch ls.Stmt.(type) {
		case *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
		default:
			continue
		}
		target := ""
		label := ls.Label.Name
		var inSelect func(n ast.Node, depth int)
		inSelect = func(n ast.Node, depth int) {
			ast.Inspect(n, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.FuncLit:
					return false
				case *ast.LabeledStmt:
					if n.Label.Name == label {
						return false // shadowed (not valid Go, left as is)
					}
				case *ast.SelectStmt:
					if depth == 0 {
						for _, cc := range n.Body.List {
							for _, b := range cc.(*ast.CommClause).Body {
								inSelect(b, 1)
							}
						}
						return false
					}
				case *ast.BranchStmt:
					if depth > 0 && n.Tok == token.BREAK && n.Label != nil && n.Label.Name == label {
						if target == "" {
							target = r.names.next("brk")
						}
						n.Tok, n.Label = token.GOTO, ident(target)
					}
				}
				return true
			})
		}
		switch x := ls.Stmt.(type) {
		case *ast.ForStmt:
			inSelect(x.Body, 0)
		case *ast.RangeStmt:
			inSelect(x.Body, 0)
		case *ast.SwitchStmt:
			inSelect(x.Body, 0)
		case *ast.TypeSwitchStmt:
			inSelect(x.Body, 0)
		case *ast.SelectStmt:
			for _, cc := range x.Body.List {
				for _, b := range cc.(*ast.CommClause).Body {
					inSelect(b, 1)
				}
			}
		}
		if target != "" {
			out = append(out, &ast.LabeledStmt{Label: ident(target), Stmt: &ast.EmptyStmt{Implicit: true}})
			changed = true
		}
	}
	if !changed {
		return list
	}
	return out
}

// freshCommVars gives the variables a select case declares a new variable
// each time the case runs, as Go does:
//
//	case v := <-c: body  ⇔  case __cv := <-c: v := __cv; _ = v; body
//
// yaegi used one variable for every run: pointers to it taken in a loop
// all pointed to the last value received.
func (r *rewriter) freshCommVars(cc *ast.CommClause) {
	// a parenthesized receive, case v := (<-c): yaegi fails on it
	// ("unsupported assign expression")
	if e, ok := cc.Comm.(*ast.ExprStmt); ok {
		e.X = ast.Unparen(e.X)
	}
	a, ok := cc.Comm.(*ast.AssignStmt)
	if !ok {
		return
	}
	if len(a.Rhs) == 1 {
		a.Rhs[0] = ast.Unparen(a.Rhs[0])
	}
	pos := cc.Colon
	if a.Tok == token.ASSIGN {
		// a receive assigned to existing variables (case x = <-c, case
		// *p, ok = <-c): yaegi panics ("reflect.Select: invalid Dir");
		// received into new variables, then assigned when the case is
		// selected, which is when Go evaluates the left-hand side
		lhs := a.Lhs
		tmps := make([]ast.Expr, len(lhs))
		for i := range lhs {
			tmps[i] = &ast.Ident{NamePos: pos, Name: r.names.next("cv")}
		}
		var keep []ast.Expr
		var vals []ast.Expr
		for i, l := range lhs {
			if id, ok := l.(*ast.Ident); ok && id.Name == "_" {
				continue
			}
			keep = append(keep, l)
			vals = append(vals, &ast.Ident{NamePos: pos, Name: tmps[i].(*ast.Ident).Name})
		}
		for i, l := range lhs {
			if id, ok := l.(*ast.Ident); ok && id.Name == "_" {
				tmps[i] = ident("_")
			}
		}
		a.Lhs, a.Tok = tmps, token.DEFINE
		if len(keep) > 0 {
			set := &ast.AssignStmt{Lhs: keep, TokPos: pos, Tok: token.ASSIGN, Rhs: vals}
			cc.Body = append([]ast.Stmt{set}, cc.Body...)
		}
		allBlank := len(keep) == 0
		if allBlank {
			a.Tok = token.ASSIGN
		}
		return
	}
	if a.Tok != token.DEFINE {
		return
	}
	var decls []ast.Stmt
	for i, l := range a.Lhs {
		id, ok := l.(*ast.Ident)
		if !ok || id.Name == "_" {
			continue
		}
		tmp := &ast.Ident{NamePos: id.NamePos, Name: r.names.next("cv")}
		a.Lhs[i] = tmp
		def := &ast.AssignStmt{Lhs: []ast.Expr{&ast.Ident{NamePos: pos, Name: id.Name}}, TokPos: pos, Tok: token.DEFINE, Rhs: []ast.Expr{&ast.Ident{NamePos: pos, Name: tmp.Name}}}
		use := &ast.AssignStmt{Lhs: []ast.Expr{&ast.Ident{NamePos: pos, Name: "_"}}, TokPos: pos, Tok: token.ASSIGN, Rhs: []ast.Expr{&ast.Ident{NamePos: pos, Name: id.Name}}}
		r.made[def], r.made[use] = true, true
		decls = append(decls, def, use)
	}
	cc.Body = append(decls, cc.Body...)
}

// rangeInt rewrites a range over an integer:
//
//	for k := range n { body }  ⇔  { __n := n; for __i := __n - __n; __i < __n; __i++ { k := __i; _ = k; { body } } }
func (r *rewriter) rangeInt(s *ast.RangeStmt, label *ast.Ident) ast.Stmt {
	n, i := ident(r.names.next("n")), ident(r.names.next("i"))
	body := []ast.Stmt{}
	if k, ok := s.Key.(*ast.Ident); ok && k.Name != "_" {
		body = append(body, assign(s.Tok, k, i), assign(token.ASSIGN, ident("_"), k))
	}
	body = append(body, s.Body)
	loop := ast.Stmt(&ast.ForStmt{
		Init: define(i, &ast.BinaryExpr{X: n, Op: token.SUB, Y: n}),
		Cond: &ast.BinaryExpr{X: i, Op: token.LSS, Y: n},
		Post: &ast.IncDecStmt{X: i, Tok: token.INC},
		Body: &ast.BlockStmt{List: body},
	})
	if label != nil {
		loop = &ast.LabeledStmt{Label: label, Stmt: loop}
	}
	return &ast.BlockStmt{List: []ast.Stmt{define(n, s.X), loop}}
}

// rangeAssign rewrites a range loop that assigns its iteration values to
// existing variables, which yaegi runs on copies of its own (after the
// loop the variables kept their old values), into one that declares
// hidden ones and assigns them at the start of each iteration, as Go
// does:
//
//	for k, v = range x { body }  ⇔  for __k, __v := range x { k, v = __k, __v; body }
func (r *rewriter) rangeAssign(s *ast.RangeStmt) {
	if s.Tok != token.ASSIGN {
		return
	}
	pos := s.Body.Lbrace
	var lhs, rhs []ast.Expr
	for _, v := range []*ast.Expr{&s.Key, &s.Value} {
		if *v == nil {
			continue
		}
		if id, ok := (*v).(*ast.Ident); ok && id.Name == "_" {
			continue
		}
		h := &ast.Ident{NamePos: pos, Name: r.names.next("rv")}
		lhs, rhs = append(lhs, *v), append(rhs, ident(h.Name))
		*v = h
	}
	if len(lhs) == 0 {
		return // only blanks: nothing to assign
	}
	s.Tok = token.DEFINE
	as := &ast.AssignStmt{Lhs: lhs, TokPos: pos, Tok: token.ASSIGN, Rhs: rhs}
	r.made[as] = true
	s.Body.List = append([]ast.Stmt{as}, s.Body.List...)
}

// copyRangeVars gives each iteration its own variables (Go 1.22 rules) when
// the body has a closure that could capture them:
//
//	for k, v := range xs { body }  ⇔  for k, v := range xs { k := k; v := v; { body } }
func (r *rewriter) copyRangeVars(s *ast.RangeStmt) {
	if s.Tok != token.DEFINE || !hasFuncLit(s.Body) && !r.takesAddress(s.Body, []ast.Expr{s.Key, s.Value}) {
		return
	}
	s.Body = copyVars(s.Body, s.Key, s.Value)
}

// copyForVar does the same for a three-clause loop. When the body assigns
// a loop variable, the loop itself runs on hidden variables, and the
// body's copies are written back to them at the end of the body and at
// each continue of this loop, as Go 1.22 carries a variable's value from
// one iteration's copy to the next:
//
//	for i := 0; i < n; i++ { body }  ⇔  for __i1 := 0; __i1 < n; __i1++ { i := __i1; _ = i; { body' }; __i1 = i }
//
// where body' is body with each `continue` of the loop preceded by
// `__i1 = i`.
func (r *rewriter) copyForVar(s *ast.ForStmt, label *ast.Ident) {
	init, ok := s.Init.(*ast.AssignStmt)
	if !ok || init.Tok != token.DEFINE || !hasFuncLit(s.Body) && !r.takesAddress(s.Body, init.Lhs) {
		return
	}
	if !assigns(s.Body, init.Lhs) {
		s.Body = copyVars(s.Body, init.Lhs...)
		return
	}
	hidden := map[string]string{}
	var inner, outer []ast.Expr
	for _, v := range init.Lhs {
		if id, ok := v.(*ast.Ident); ok && id.Name != "_" {
			h := r.names.next(id.Name)
			hidden[id.Name] = h
			inner, outer = append(inner, ident(id.Name)), append(outer, ident(h))
		}
	}
	if len(inner) == 0 {
		return
	}
	renameIdents(init, hidden)
	if s.Cond != nil {
		renameIdents(s.Cond, hidden)
	}
	if s.Post != nil {
		renameIdents(s.Post, hidden)
	}
	back := func() ast.Stmt {
		return &ast.AssignStmt{Lhs: cloneExprs(outer), Tok: token.ASSIGN, Rhs: cloneExprs(inner)}
	}
	var list []ast.Stmt
	for i := range inner {
		list = append(list, define(ident(inner[i].(*ast.Ident).Name), ident(outer[i].(*ast.Ident).Name)),
			assign(token.ASSIGN, ident("_"), ident(inner[i].(*ast.Ident).Name)))
	}
	s.Body.List = writeBackContinues(s.Body.List, label, false, back)
	s.Body = &ast.BlockStmt{List: append(list, s.Body, back())}
}

func cloneExprs(list []ast.Expr) []ast.Expr {
	out := make([]ast.Expr, len(list))
	for i, e := range list {
		out[i] = clone(e)
	}
	return out
}

// writeBackContinues puts back() before each continue of the loop whose
// body list is: an unlabeled one outside nested loops, or one naming
// label. Function literals are not entered (a continue cannot cross them).
func writeBackContinues(list []ast.Stmt, label *ast.Ident, nested bool, back func() ast.Stmt) []ast.Stmt {
	for i, st := range list {
		list[i] = writeBackStmt(st, label, nested, back)
	}
	return list
}

func writeBackStmt(st ast.Stmt, label *ast.Ident, nested bool, back func() ast.Stmt) ast.Stmt {
	switch x := st.(type) {
	case *ast.BranchStmt:
		if x.Tok == token.CONTINUE && (x.Label == nil && !nested || x.Label != nil && label != nil && x.Label.Name == label.Name) {
			return &ast.BlockStmt{List: []ast.Stmt{back(), x}}
		}
	case *ast.BlockStmt:
		x.List = writeBackContinues(x.List, label, nested, back)
	case *ast.LabeledStmt:
		x.Stmt = writeBackStmt(x.Stmt, label, nested, back)
	case *ast.IfStmt:
		writeBackStmt(x.Body, label, nested, back)
		if x.Else != nil {
			x.Else = writeBackStmt(x.Else, label, nested, back)
		}
	case *ast.CaseClause:
		x.Body = writeBackContinues(x.Body, label, nested, back)
	case *ast.CommClause:
		x.Body = writeBackContinues(x.Body, label, nested, back)
	case *ast.SwitchStmt:
		writeBackStmt(x.Body, label, nested, back)
	case *ast.TypeSwitchStmt:
		writeBackStmt(x.Body, label, nested, back)
	case *ast.SelectStmt:
		writeBackStmt(x.Body, label, nested, back)
	case *ast.ForStmt:
		writeBackStmt(x.Body, label, true, back)
	case *ast.RangeStmt:
		writeBackStmt(x.Body, label, true, back)
	}
	return st
}

func copyVars(body *ast.BlockStmt, vars ...ast.Expr) *ast.BlockStmt {
	var list []ast.Stmt
	for _, v := range vars {
		if id, ok := v.(*ast.Ident); ok && id.Name != "_" {
			list = append(list, define(ident(id.Name), ident(id.Name)), assign(token.ASSIGN, ident("_"), ident(id.Name)))
		}
	}
	return &ast.BlockStmt{List: append(list, body)}
}

// goStmt makes a panic in the goroutine harmless; the function and its
// arguments are still evaluated by the caller, as Go requires:
//
//	go f(a, b)  ⇔  { __f, __a, __b := f, a, b; go func() { defer …recover…; __f(__a, __b) }() }
func (r *rewriter) goStmt(s *ast.GoStmt) ast.Stmt {
	if lit, ok := ast.Unparen(s.Call.Fun).(*ast.FuncLit); ok {
		return r.goFuncLit(s, lit)
	}
	var lhs, rhs []ast.Expr
	call := &ast.CallExpr{Fun: s.Call.Fun, Ellipsis: s.Call.Ellipsis}
	if id, ok := s.Call.Fun.(*ast.Ident); !ok || !builtins[id.Name] {
		f := ident(r.names.next("f"))
		lhs, rhs, call.Fun = append(lhs, f), append(rhs, s.Call.Fun), f
	}
	for _, a := range s.Call.Args {
		if r.pureExpr(a) {
			// constants stay untyped (go scale(limit * 2) to a float64)
			call.Args = append(call.Args, a)
			continue
		}
		t := ident(r.names.next("a"))
		lhs, rhs, call.Args = append(lhs, t), append(rhs, a), append(call.Args, t)
	}
	body := []ast.Stmt{&ast.DeferStmt{Call: recoverCall()}, &ast.ExprStmt{X: call}}
	lit := &ast.FuncLit{Type: &ast.FuncType{Params: &ast.FieldList{}}, Body: &ast.BlockStmt{List: body}}
	g := &ast.GoStmt{Call: &ast.CallExpr{Fun: lit}}
	r.made[g], r.madeBody[lit.Body] = true, true
	r.madeBody[body[0].(*ast.DeferStmt).Call.Fun.(*ast.FuncLit).Body] = true
	if len(lhs) == 0 {
		return g
	}
	return &ast.BlockStmt{List: []ast.Stmt{&ast.AssignStmt{Lhs: lhs, Tok: token.DEFINE, Rhs: rhs}, g}}
}

// goFuncLit is goStmt for a function literal, which needs no temporaries:
// its parameters say the types of the arguments.
//
//	go func(i int) { body }(x)  ⇔  go func(__p0 int) { defer …recover…; func(i int) { body }(__p0) }(x)
//
// A temporary holding the function would be a slot yaegi reuses: in a
// loop, a goroutine that starts late calls a later iteration's closure.
func (r *rewriter) goFuncLit(s *ast.GoStmt, lit *ast.FuncLit) ast.Stmt {
	params := &ast.FieldList{}
	call := &ast.CallExpr{Fun: lit}
	n := 0
	for _, f := range lit.Type.Params.List {
		count := len(f.Names)
		if count == 0 {
			count = 1
		}
		field := &ast.Field{Type: f.Type}
		for range count {
			p := ident(fmt.Sprintf("__p%d", n))
			n++
			field.Names = append(field.Names, p)
			call.Args = append(call.Args, ident(p.Name))
		}
		params.List = append(params.List, field)
	}
	if _, variadic := lastParamType(lit).(*ast.Ellipsis); variadic {
		call.Ellipsis = 1
	}
	body := []ast.Stmt{&ast.DeferStmt{Call: recoverCall()}, &ast.ExprStmt{X: call}}
	wrap := &ast.FuncLit{Type: &ast.FuncType{Params: params}, Body: &ast.BlockStmt{List: body}}
	g := &ast.GoStmt{Call: &ast.CallExpr{Fun: wrap, Args: s.Call.Args, Ellipsis: s.Call.Ellipsis}}
	r.made[g], r.madeBody[wrap.Body] = true, true
	r.madeBody[body[0].(*ast.DeferStmt).Call.Fun.(*ast.FuncLit).Body] = true
	return g
}

func lastParamType(lit *ast.FuncLit) ast.Expr {
	if l := lit.Type.Params.List; len(l) > 0 {
		return l[len(l)-1].Type
	}
	return nil
}

// recoverCall is `func() { if r := recover(); r != nil { __odshbind.GoPanic(r) } }()`.
func recoverCall() *ast.CallExpr {
	rv := ident("r")
	check := &ast.IfStmt{
		Init: define(rv, &ast.CallExpr{Fun: ident("recover")}),
		Cond: &ast.BinaryExpr{X: rv, Op: token.NEQ, Y: ident("nil")},
		Body: &ast.BlockStmt{List: []ast.Stmt{&ast.ExprStmt{X: &ast.CallExpr{Fun: ident(goPanicHook), Args: []ast.Expr{rv}}}}},
	}
	lit := &ast.FuncLit{Type: &ast.FuncType{Params: &ast.FieldList{}}, Body: &ast.BlockStmt{List: []ast.Stmt{check}}}
	return &ast.CallExpr{Fun: lit}
}

var builtins = map[string]bool{
	"append": true, "cap": true, "clear": true, "close": true, "complex": true, "copy": true,
	"delete": true, "imag": true, "len": true, "make": true, "max": true, "min": true, "new": true,
	"panic": true, "print": true, "println": true, "real": true, "recover": true,
}

func ident(name string) *ast.Ident { return &ast.Ident{Name: name} }

func define(lhs, rhs ast.Expr) *ast.AssignStmt { return assign(token.DEFINE, lhs, rhs) }

func assign(tok token.Token, lhs, rhs ast.Expr) *ast.AssignStmt {
	return &ast.AssignStmt{Lhs: []ast.Expr{lhs}, Tok: tok, Rhs: []ast.Expr{rhs}}
}

func hasFuncLit(n ast.Node) bool { return hasNode[*ast.FuncLit](n) }

// hasNode reports whether n holds a node of type T.
func hasNode[T ast.Node](n ast.Node) (found bool) {
	ast.Inspect(n, func(n ast.Node) bool {
		if _, ok := n.(T); ok {
			found = true
		}
		return !found
	})
	return found
}

// takesAddress reports whether n takes the address of one of the named
// variables, or of a part of one (&v, &v.f, &v[i], v[:], or calls a
// method of it that a declared type has with a pointer receiver): yaegi's loop
// variable is one for all iterations, so that pointers to it taken in
// different iterations were one (for i := 0; i < 3; i++ { ps =
// append(ps, &i) } gave 3 3 3 where Go 1.22 gives 0 1 2).
func (r *rewriter) takesAddress(n ast.Node, vars []ast.Expr) (found bool) {
	var decls *Decls
	if p, ok := r.oracle.(Prober); ok {
		decls = p.Decls()
	}
	names := map[string]bool{}
	for _, v := range vars {
		if id, ok := v.(*ast.Ident); ok && id.Name != "_" {
			names[id.Name] = true
		}
	}
	root := func(e ast.Expr) string {
		for {
			switch x := ast.Unparen(e).(type) {
			case *ast.Ident:
				return x.Name
			case *ast.SelectorExpr:
				e = x.X
			case *ast.IndexExpr:
				e = x.X
			default:
				return ""
			}
		}
	}
	ast.Inspect(n, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.UnaryExpr:
			if x.Op == token.AND && names[root(x.X)] {
				found = true
			}
		case *ast.SliceExpr:
			if names[root(x.X)] {
				found = true // (of an array: its address)
			}
		case *ast.CallExpr:
			// v.M(), M a method of a declared type with a pointer
			// receiver: it takes v's address (compiled types' methods
			// are left: r.Str() in a loop over records copies nothing)
			if sel, ok := x.Fun.(*ast.SelectorExpr); ok && names[root(sel.X)] && decls.HasPointerMethod(sel.Sel.Name) {
				found = true
			}
		}
		return !found
	})
	return found
}

// assigns reports whether n assigns to, increments or takes the address of
// one of the named variables.
func assigns(n ast.Node, vars []ast.Expr) (found bool) {
	names := map[string]bool{}
	for _, v := range vars {
		if id, ok := v.(*ast.Ident); ok {
			names[id.Name] = true
		}
	}
	hit := func(e ast.Expr) bool { id, ok := e.(*ast.Ident); return ok && names[id.Name] }
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				found = found || n.Tok != token.DEFINE && hit(l)
			}
		case *ast.IncDecStmt:
			found = found || hit(n.X)
		case *ast.UnaryExpr:
			found = found || n.Op == token.AND && hit(n.X)
		}
		return !found
	})
	return found
}
