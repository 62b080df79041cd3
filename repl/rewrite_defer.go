package repl

import (
	"fmt"
	"go/ast"
	"go/token"
	"strings"
)

// Deferred calls inside loops.
//
// yaegi runs a defer statement executed more than once in one call of a
// function wrong, in three ways (yaegi v0.16.1, run.go):
//
//   - a deferred function literal is wrapped when the function returns,
//     from the frame slot that held the literal: every deferred closure of
//     a loop runs as the last one made (`for i := range 3 { defer
//     func() { print(i) }() }` prints 222);
//   - the arguments of a deferred call of a compiled function are kept as
//     references to their variables, not as values (`defer fmt.Print(i)`
//     in a loop prints the value i has when the function returns);
//   - a closure made by the returning function and called while its
//     deferred calls run locks that function's frame, which yaegi holds
//     then: `fn := func() {…}; defer fn()` in a loop hangs.
//
// A loop whose body defers is therefore rewritten so that its deferred
// calls go on a stack of the host's, run by one defer placed just before
// the loop (so that the loop's calls run, last first, between those
// deferred after the loop and those deferred before it, as in Go):
//
//	for … { defer f(a, b) }
//	⇔
//	{ __d1 := __odshbind.Defers(); defer __d1.Run()
//	  for … { __d1.Push(func() func() { __f2, __a3, __a4 := f, a, b; return func() { __f2(__a3, __a4) } }()) } }
//
// The function and its arguments are evaluated where the defer statement
// is, as Go does, into variables of a literal called on the spot (its
// closure keeps them); the closure pushed is made in that literal's frame,
// not in the returning function's. Constants, nil and builtins stay in the
// call. A deferred function literal that calls recover is refused: run
// from the stack, it would not be called directly by the deferring
// function, and recover would return nil where Go stops the panic.

const deferStackHook = bindAlias + ".Defers"

// deferStack is what Defers returns: the deferred calls of one loop.
type deferStack struct{ calls []func() }

// Push defers f.
func (s *deferStack) Push(f func()) { s.calls = append(s.calls, f) }

// Run calls the deferred functions, last pushed first. A call that panics
// does not stop the others; the panic goes on after them, as Go's does.
func (s *deferStack) Run() {
	if len(s.calls) == 0 {
		return
	}
	f := s.calls[len(s.calls)-1]
	s.calls = s.calls[:len(s.calls)-1]
	defer s.Run()
	f()
}

func newDeferStack() *deferStack { return &deferStack{} }

// loopDefers returns loop (a for or range statement, possibly labeled, as
// rewritten so far) with its deferred calls on a stack, or loop itself
// when its body defers nothing. orig is the statement as written, whose
// body is searched.
func (r *rewriter) loopDefers(orig, loop ast.Stmt) ast.Stmt {
	if r.made[orig] || !defersInLoop(orig) {
		return loop
	}
	stack := ident(r.names.next("d"))
	push := &ast.SelectorExpr{X: ident(stack.Name), Sel: ident("Push")}
	replaceDefers(loop, func(d *ast.DeferStmt) ast.Stmt { return r.pushDeferred(push, d) })
	mk := define(stack, &ast.CallExpr{Fun: ident(deferStackHook)})
	run := &ast.DeferStmt{Call: &ast.CallExpr{Fun: &ast.SelectorExpr{X: ident(stack.Name), Sel: ident("Run")}}}
	out := &ast.BlockStmt{List: []ast.Stmt{mk, run, loop}}
	r.made[out] = true
	return out
}

// defersInLoop reports whether the body of the loop s has a defer
// statement of its own (not of a function literal in it).
func defersInLoop(s ast.Stmt) bool {
	var body *ast.BlockStmt
	switch x := s.(type) {
	case *ast.LabeledStmt:
		return defersInLoop(x.Stmt)
	case *ast.ForStmt:
		body = x.Body
	case *ast.RangeStmt:
		body = x.Body
	default:
		return false
	}
	return ownDefer(body)
}

// replaceDefers replaces, in every statement list under n but not in
// function literals, each defer statement by what repl returns.
func replaceDefers(n ast.Node, repl func(*ast.DeferStmt) ast.Stmt) {
	list := func(l []ast.Stmt) {
		for i, s := range l {
			if d, ok := s.(*ast.DeferStmt); ok {
				l[i] = repl(d)
			}
		}
	}
	ast.Inspect(n, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.BlockStmt:
			list(x.List)
		case *ast.CaseClause:
			list(x.Body)
		case *ast.CommClause:
			list(x.Body)
		case *ast.LabeledStmt:
			if d, ok := x.Stmt.(*ast.DeferStmt); ok {
				x.Stmt = repl(d)
			}
		}
		return true
	})
}

// pushDeferred returns the statement passing the call d defers, as a
// func(), to push.
func (r *rewriter) pushDeferred(push ast.Expr, d *ast.DeferStmt) ast.Stmt {
	if lit, ok := ast.Unparen(d.Call.Fun).(*ast.FuncLit); ok && callsRecover(lit.Body) {
		what := r.print(d)
		if i := strings.IndexByte(what, '\n'); i >= 0 {
			what = what[:i] + " … }()"
		}
		r.refuse(fmt.Sprintf("%s (a deferred function that calls recover, in a loop)", what),
			"give each iteration a function of its own that defers the recover: func() { defer func() { … recover() … }(); … }()")
	}
	var lhs, rhs []ast.Expr
	call := &ast.CallExpr{Fun: d.Call.Fun, Ellipsis: d.Call.Ellipsis}
	if id, ok := ast.Unparen(d.Call.Fun).(*ast.Ident); !ok || !builtins[id.Name] {
		f := ident(r.names.next("f"))
		lhs, rhs, call.Fun = append(lhs, f), append(rhs, d.Call.Fun), ident(f.Name)
	}
	for _, a := range d.Call.Args {
		if r.pureExpr(a) {
			call.Args = append(call.Args, a)
			continue
		}
		t := ident(r.names.next("a"))
		lhs, rhs, call.Args = append(lhs, t), append(rhs, a), append(call.Args, ident(t.Name))
	}
	inner := &ast.FuncLit{Type: &ast.FuncType{Params: &ast.FieldList{}}, Body: &ast.BlockStmt{List: []ast.Stmt{&ast.ExprStmt{X: call}}}}
	var body []ast.Stmt
	if len(lhs) > 0 {
		body = append(body, &ast.AssignStmt{Lhs: lhs, Tok: token.DEFINE, Rhs: rhs})
	}
	body = append(body, &ast.ReturnStmt{Results: []ast.Expr{inner}})
	funcType := &ast.FuncType{Params: &ast.FieldList{}}
	outer := &ast.FuncLit{
		Type: &ast.FuncType{Params: &ast.FieldList{}, Results: &ast.FieldList{List: []*ast.Field{{Type: funcType}}}},
		Body: &ast.BlockStmt{List: body},
	}
	r.madeBody[inner.Body], r.madeBody[outer.Body] = true, true
	stmt := &ast.ExprStmt{X: &ast.CallExpr{Fun: clone(push), Args: []ast.Expr{&ast.CallExpr{Fun: outer}}}}
	r.made[stmt] = true
	return stmt
}

// topLevelDefers registers the defer statements of a statement unit that
// are not in a function literal (the unit itself, or in an if, a loop, a
// block at top level) for the end of the entry or script: the unit runs
// inside a function of its own, whose return would otherwise run them
// when the statement ends.
//
//	defer f(a)  ⇔  __odsh_defer(func() func() { __f, __a := f, a; return func() { __f(__a) } }())
func (r *rewriter) topLevelDefers(block *ast.BlockStmt) {
	replaceDefers(block, func(d *ast.DeferStmt) ast.Stmt { return r.pushDeferred(ident(topDeferFunc), d) })
}

// topDeferFunc registers a function to run at the end of the entry
// (deferPrelude).
const topDeferFunc = "__odsh_defer"

// constantArg reports whether a is a literal constant or nil, which the
// deferred call may keep as is (and must: a variable would give an
// untyped constant its default type).
func constantArg(a ast.Expr) bool {
	switch x := ast.Unparen(a).(type) {
	case *ast.BasicLit:
		return true
	case *ast.Ident:
		return x.Name == "nil" || x.Name == "true" || x.Name == "false"
	case *ast.UnaryExpr:
		return (x.Op == token.SUB || x.Op == token.ADD) && constantArg(x.X)
	}
	return false
}

// callsRecover reports whether body calls recover itself (not in a
// function literal of its own).
func callsRecover(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if id, ok := ast.Unparen(x.Fun).(*ast.Ident); ok && id.Name == "recover" && len(x.Args) == 0 {
				found = true
			}
		}
		return !found
	})
	return found
}

// closuresOutOfFrame makes each function literal of a function body that
// defers in a frame of its own, so that the function's deferred calls
// can call it:
//
//	fn := func(x int) { body }  ⇔  fn := func() func(x int) { return func(x int) { body } }()
//
// yaegi's closure locks the frame that made it each time it returns, and
// holds the frame of a function while that function's deferred calls run:
// `fn := func() {…}; defer fn()` hangs. The literal's captures are the
// same (a closure sees the variables of the frames it was made in). Not
// rewritten: a literal that is itself deferred or started (`defer func()
// {…}()`, which yaegi wraps without that lock) and the literals of other
// functions.
func (r *rewriter) closuresOutOfFrame(body *ast.BlockStmt) {
	if body == nil || !ownDefer(body) {
		return
	}
	type site struct {
		parent ast.Node
		lit    *ast.FuncLit
	}
	var sites []site
	skip := map[*ast.FuncLit]bool{}
	var stack []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		switch x := n.(type) {
		case *ast.DeferStmt:
			if lit, ok := ast.Unparen(x.Call.Fun).(*ast.FuncLit); ok {
				skip[lit] = true
			}
		case *ast.GoStmt:
			if lit, ok := ast.Unparen(x.Call.Fun).(*ast.FuncLit); ok {
				skip[lit] = true
			}
		case *ast.FuncLit:
			if !skip[x] && !r.madeBody[x.Body] && len(stack) > 0 {
				sites = append(sites, site{stack[len(stack)-1], x})
			}
			// its own literals are made in its frame
			return false
		}
		stack = append(stack, n)
		return true
	})
	for _, s := range sites {
		outer := &ast.FuncLit{
			Type: &ast.FuncType{Params: &ast.FieldList{}, Results: &ast.FieldList{List: []*ast.Field{{Type: clone(s.lit.Type)}}}},
			Body: &ast.BlockStmt{List: []ast.Stmt{&ast.ReturnStmt{Results: []ast.Expr{s.lit}}}},
		}
		r.madeBody[outer.Body] = true
		replaceChild(s.parent, s.lit, &ast.CallExpr{Fun: outer})
	}
}

// ownDefer reports whether body has a defer statement of its own (not of
// a function literal in it).
func ownDefer(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.DeferStmt:
			found = true
		}
		return !found
	})
	return found
}

// defersInStmt reports whether s has a defer statement of its own (not of
// a function literal in it).
func defersInStmt(s ast.Stmt) bool {
	return ownDefer(&ast.BlockStmt{List: []ast.Stmt{s}})
}

// deferNow evaluates, at a defer statement of a function body, what Go
// evaluates there: the deferred function when it is a variable, and the
// arguments that are variables or parts of variables (a field, an
// element, *p).
//
//	defer f(x, s.f, a[i])  ⇔  { __a1, __a2, __a3 := x, s.f, a[i]; defer f(__a1, __a2, __a3) }
//	defer h()              ⇔  { __f1 := h; defer __f1() }
//	defer s.Show()         ⇔  { __f1 := s.Show; defer __f1() }  (Show has a value receiver)
//	defer f(x, xs...)      ⇔  { __f1, __a2, __a3 := f, x, xs; defer func() { __f1(__a2, __a3...) }() }
//
// yaegi keeps such operands as references to the variables and reads
// them when the function returns: `i := 1; defer fmt.Println(i); i = 2`
// printed 2, a deferred `func(v int) {…}(i)` saw the last i, `defer h()`
// called the function h held at the end. The fresh variables are assigned
// once, so the reference yaegi keeps is the value Go would pass.
// Other operands (calls, operators, literals) are values of their own
// already; constants stay as written (a variable would give an untyped
// constant its default type). Defers in loops and at top level take
// another way (loopDefers, topLevelDefers), which evaluates everything.
func (r *rewriter) deferNow(d *ast.DeferStmt) ast.Stmt {
	if r.made[d] {
		return d
	}
	variadic := d.Call.Ellipsis.IsValid()
	var lhs, rhs []ast.Expr
	call := &ast.CallExpr{Fun: d.Call.Fun, Lparen: d.Call.Lparen, Ellipsis: d.Call.Ellipsis, Rparen: d.Call.Rparen}
	if variadic || r.deferredValue(d.Call.Fun) {
		f := ident(r.names.next("f"))
		fun := d.Call.Fun
		if lit, ok := ast.Unparen(fun).(*ast.FuncLit); ok {
			if callsRecover(lit.Body) {
				r.refuse("defer func(…) { … recover() … }(xs...) (a deferred function that calls recover, given a slice for its variadic parameter)",
					"pass the elements one by one, or give the function a slice parameter: func(xs []T)")
			}
			// made in a frame of its own, as closuresOutOfFrame does: a
			// closure of this frame called by its deferred calls hangs
			outer := &ast.FuncLit{
				Type: &ast.FuncType{Params: &ast.FieldList{}, Results: &ast.FieldList{List: []*ast.Field{{Type: clone(lit.Type)}}}},
				Body: &ast.BlockStmt{List: []ast.Stmt{&ast.ReturnStmt{Results: []ast.Expr{lit}}}},
			}
			r.madeBody[outer.Body] = true
			fun = &ast.CallExpr{Fun: outer}
		}
		lhs, rhs, call.Fun = append(lhs, f), append(rhs, fun), ident(f.Name)
	}
	for _, a := range d.Call.Args {
		if !r.varOperand(a) && !(variadic && !r.pureExpr(a)) {
			call.Args = append(call.Args, a)
			continue
		}
		t := ident(r.names.next("a"))
		lhs, rhs, call.Args = append(lhs, t), append(rhs, a), append(call.Args, ident(t.Name))
	}
	if len(lhs) == 0 {
		return d
	}
	if id, ok := ast.Unparen(d.Call.Fun).(*ast.Ident); ok && r.handlerVar(id.Name) {
		call = r.handCall(call)
	} else if variadic {
		// yaegi cannot defer f(xs...) of an interpreted f ("reflect:
		// cannot use []string as type string in Call"); a literal calls it
		lit := &ast.FuncLit{Type: &ast.FuncType{Params: &ast.FieldList{}}, Body: &ast.BlockStmt{List: []ast.Stmt{&ast.ExprStmt{X: call}}}}
		r.madeBody[lit.Body] = true
		call = &ast.CallExpr{Fun: lit}
	}
	nd := &ast.DeferStmt{Defer: d.Defer, Call: call}
	block := &ast.BlockStmt{List: []ast.Stmt{&ast.AssignStmt{Lhs: lhs, Tok: token.DEFINE, Rhs: rhs}, nd}}
	r.made[nd], r.made[block] = true, true
	return block
}

// handlerVar reports whether the variable name holds a function literal
// that calls recover: assigned one in the unit, or a top-level variable
// declared with one (and not declared again in the unit).
func (r *rewriter) handlerVar(name string) bool {
	if r.recoverVars[name] {
		return true
	}
	if _, local := r.vars[name]; local {
		return false
	}
	p, ok := r.oracle.(Prober)
	return ok && p.Decls().Handler(name)
}

// deferredValue reports whether the deferred function fun is a value to
// evaluate at the defer statement: a variable, or a method of a variable
// with a value receiver (whose receiver is copied where the defer
// statement is: `defer s.Show(); s.X = 2` shows the old X).
func (r *rewriter) deferredValue(fun ast.Expr) bool {
	switch x := ast.Unparen(fun).(type) {
	case *ast.Ident:
		return r.isVar(x.Name)
	case *ast.SelectorExpr:
		p, ok := r.oracle.(Prober)
		return ok && r.varOperand(x.X) && p.Decls().HasValueMethod(x.Sel.Name)
	}
	return false
}

// varOperand reports whether e reads a variable in place: a variable, or
// a field, element or pointee reached from one.
func (r *rewriter) varOperand(e ast.Expr) bool {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		return r.isVar(x.Name)
	case *ast.SelectorExpr:
		return r.varOperand(x.X)
	case *ast.IndexExpr:
		return r.varOperand(x.X)
	case *ast.StarExpr:
		return r.varOperand(x.X)
	}
	return false
}

// isVar reports whether name is a variable: declared as one in the unit
// being rewritten (and never as a constant there), or a top-level
// variable of an earlier entry.
func (r *rewriter) isVar(name string) bool {
	if v, ok := r.vars[name]; ok {
		return v
	}
	if p, ok := r.oracle.(Prober); ok {
		return p.Decls().IsVar(name)
	}
	return false
}

// localVars maps each name the unit n declares to whether it is only
// ever a variable (parameter, result, receiver, var, :=, range) and not a
// constant. On the way it refuses a variable, parameter or result named
// iota or nil: yaegi reads the name as the predeclared constant wherever
// it is used (`iota := 5; fmt.Println(iota)` printed 0, a parameter named
// nil read as nil), where Go lets the declaration hide it.
func (r *rewriter) localVars(n ast.Node) map[string]bool {
	vars := map[string]bool{}
	eachDeclared(n, func(id *ast.Ident, isVar bool) {
		if isVar && (id.Name == "iota" || id.Name == "nil") {
			r.refuse(fmt.Sprintf("a variable named %s (yaegi reads the name as the predeclared %s wherever it is used)", id.Name, id.Name),
				"give it another name")
		}
		if id.Name == "_" {
			return
		}
		if prev, seen := vars[id.Name]; seen && !prev {
			return
		}
		vars[id.Name] = isVar
	})
	return vars
}

// eachDeclared calls fn with each variable (receiver, parameter, result,
// var, :=, range) and constant the unit n declares, isVar false for a
// constant.
func eachDeclared(n ast.Node, fn func(id *ast.Ident, isVar bool)) {
	fields := func(fl *ast.FieldList) {
		if fl == nil {
			return
		}
		for _, f := range fl.List {
			for _, id := range f.Names {
				fn(id, true)
			}
		}
	}
	idents := func(list ...ast.Expr) {
		for _, e := range list {
			if id, ok := e.(*ast.Ident); ok {
				fn(id, true)
			}
		}
	}
	ast.Inspect(n, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.FuncDecl:
			fields(x.Recv)
		case *ast.FuncType:
			fields(x.Params)
			fields(x.Results)
		case *ast.GenDecl:
			if x.Tok == token.VAR || x.Tok == token.CONST {
				for _, spec := range x.Specs {
					for _, id := range spec.(*ast.ValueSpec).Names {
						fn(id, x.Tok == token.VAR)
					}
				}
			}
		case *ast.AssignStmt:
			if x.Tok == token.DEFINE {
				idents(x.Lhs...)
			}
		case *ast.RangeStmt:
			if x.Tok == token.DEFINE {
				idents(x.Key, x.Value)
			}
		}
		return true
	})
}
