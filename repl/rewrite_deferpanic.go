package repl

import (
	"bytes"
	"go/ast"
	"go/token"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// Deferred calls that panic.
//
// In Go, a deferred call that panics does not stop the calls deferred
// before it: they run, and recover in them returns the new panic (which
// replaces the one the function was in, if any). yaegi v0.16.1 runs a
// function's deferred calls in one loop (runCfg in run.go) that a panic
// leaves: the earlier deferred calls never run, and a recover among them
// never sees it (`defer func() { recover() }(); defer func() { panic(…)
// }()` failed; so did the common "recover, log, panic again" shape
// caught by an outer deferred recover).
//
// A function body with two deferred calls or more (loops count as one,
// their stack being one deferred call) is therefore rewritten so that each
// deferred call's panic is caught where it happens, kept by a guard of
// the call, and raised again once every deferred call has run, unless a
// recover took it:
//
//	func f() {                       func f() {
//	                                     var __ds1 __odshbind.DeferGuard; defer __ds1.End()
//	    defer func() {                   defer func() {
//	        r := recover()                   r := __ds1.Recover(recover())
//	        …                                …
//	    }()                              }()
//	    defer func() { … }()             defer func() { defer func() { __ds1.Catch(recover()) }(); … }()
//	    defer g()                        defer __ds1.Call(g)
//	    defer h(x, y+1)                  __a1 := y + 1; defer func() { defer func() { __ds1.Catch(recover()) }(); h(x, __a1) }()
//	    …                   ⇔            …
//	}                                }
//
// The first deferred call of the body (when it is a statement of the
// body itself) runs last of all: its panic goes on as Go's would, so it
// is left as written. A call without arguments of a declared function or
// of a method that is not a shell-declared method's name is made by the
// guard (Call), which catches its panic in compiled code; sync's Unlock
// and RUnlock, which cannot panic (a wrong unlock is a fatal error), are
// left as written.
//
// The catching literal is deferred in the deferred function (or in a
// literal around a deferred call), so yaegi's own recover takes the panic
// there and the function's loop goes on. recover in a deferred literal
// returns the caught panic first, else what yaegi's recover returns (the
// panic of the body). A call of a declared function or method that calls
// recover (`defer handle()`) stays as written, so that its recover sees
// the body's panic as yaegi gives it; the guard is armed with its name
// by a call deferred just after it (so run just before it) and disarmed
// by one deferred just before it, and the recover of a declared function
// asks the goroutine's guard holding a panic whether it is the one armed
// (recoverHook): a function it calls, which Go's recover would answer nil
// to, is not. A deferred call of a function variable stays as written too
// (it may hold a handler): its panic still skips the earlier deferred
// calls.
//
// When a panic is raised again at the end, it leaves yaegi's loop as any
// panic of a deferred call did before: the closures the function made
// then lock up when they return (yaegi keeps its frame locked).

const (
	deferGuardHook = bindAlias + ".DeferGuard"
	recoverHook    = bindAlias + ".Recover"
)

// deferGuard is the panic of a deferred call of one call of a function,
// not yet recovered.
type deferGuard struct {
	pending   any
	panicking bool
	gid       uint64 // goroutine it is listed under while panicking
	// list: the function defers declared handlers, whose recover looks
	// the guard up by goroutine (recoverDeclared)
	list bool
	// armed names the declared function or method deferred that runs
	// now, whose recover may take the pending panic
	armed string
}

// Handlers tells that the function defers declared handlers, whose
// recover looks the guard up by goroutine.
func (g *deferGuard) Handlers() { g.list = true }

// Catch records p, what recover returned in the literal around a
// deferred call: the call's panic, or nil when it returned.
func (g *deferGuard) Catch(p any) {
	if p == nil {
		return
	}
	p = unwrapRecovered(p)
	g.pending = p
	if !g.panicking {
		g.panicking = true
		if g.list {
			g.gid = goroutineID()
			guards.add(g.gid, g)
		}
	}
}

// Recover is recover in a deferred function literal of the function: the
// panic of a deferred call that ran before, else v, what yaegi's recover
// returned.
func (g *deferGuard) Recover(v any) any {
	if !g.panicking {
		return unwrapRecovered(v)
	}
	p := g.pending
	g.clear()
	return p
}

// Arm tells that the deferred call of the declared function or method
// name starts: its recover (and only its own) takes a pending panic.
func (g *deferGuard) Arm(name string) { g.armed = name }

// Disarm tells that the armed call returned.
func (g *deferGuard) Disarm() { g.armed = "" }

// Call calls fn, a function without parameters (its results are
// dropped), and catches its panic.
func (g *deferGuard) Call(fn any) {
	defer func() {
		if p := recover(); p != nil {
			g.Catch(p)
		}
	}()
	reflect.ValueOf(fn).Call(nil)
}

// End raises again the panic of a deferred call that nothing recovered.
func (g *deferGuard) End() {
	if !g.panicking {
		return
	}
	p := g.pending
	g.clear()
	panic(p)
}

func (g *deferGuard) clear() {
	if g.panicking && g.list {
		guards.remove(g.gid, g)
	}
	g.pending, g.panicking = nil, false
}

// guards lists, per goroutine, the guards holding a panic.
var guards goroutineLists[*deferGuard]

// goroutineLists keeps a list of values per goroutine, the latest last.
type goroutineLists[T comparable] struct {
	n  atomic.Int32 // values listed, for a look-up without the goroutine's number
	mu sync.Mutex
	by map[uint64][]T
}

func (l *goroutineLists[T]) add(gid uint64, x T) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.by == nil {
		l.by = map[uint64][]T{}
	}
	l.by[gid] = append(l.by[gid], x)
	l.n.Add(1)
}

func (l *goroutineLists[T]) remove(gid uint64, x T) {
	l.mu.Lock()
	defer l.mu.Unlock()
	list := l.by[gid]
	for i, y := range list {
		if y == x {
			l.by[gid] = append(list[:i:i], list[i+1:]...)
			if len(l.by[gid]) == 0 {
				delete(l.by, gid)
			}
			l.n.Add(-1)
			return
		}
	}
}

// top returns the calling goroutine's latest value, ok false if none.
// take, if not nil, says whether the value may be had, under the lock.
func (l *goroutineLists[T]) top(take func(T) bool) (x T, ok bool) {
	if l.n.Load() == 0 {
		return x, false
	}
	gid := goroutineID()
	l.mu.Lock()
	defer l.mu.Unlock()
	list := l.by[gid]
	if len(list) == 0 {
		return x, false
	}
	x = list[len(list)-1]
	return x, take == nil || take(x)
}

// recoverDeclared is recover in the declared function or method name:
// when it is the deferred call a guard of the goroutine armed, the panic
// of an earlier deferred call not yet recovered; else v, what yaegi's
// recover returned.
func recoverDeclared(v any, name string) any {
	if g, ok := guards.top(nil); ok && g.armed == name {
		return g.Recover(v)
	}
	return unwrapRecovered(v)
}

// unwrapRecovered is what __odshrt.Recovered makes of the value of yaegi's
// recover (recoverCall), which the calls of the guard and recoverHook
// take as it is.
func unwrapRecovered(v any) any {
	if v == nil {
		return nil
	}
	if rv, ok := v.(reflect.Value); ok && rv.IsValid() && rv.CanInterface() {
		return rv.Interface()
	}
	return recoveredRuntimeError(v)
}

// guardRecover reports whether the recover call whose parent is parent
// is taken as it is: by a guard's Catch or Recover, recoverHook,
// recoverLitHook or handHook.
func guardRecover(parent ast.Node) bool {
	x, ok := parent.(*ast.CallExpr)
	if !ok {
		return false
	}
	if k := exprKey(x.Fun); k == recoverLitHook || k == handHook {
		return true
	}
	return guardCall(x.Fun)
}

func guardCall(fun ast.Expr) bool {
	if id, ok := fun.(*ast.Ident); ok {
		return id.Name == recoverHook
	}
	s, ok := fun.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	x, ok := s.X.(*ast.Ident)
	return ok && strings.HasPrefix(x.Name, "__ds") && (s.Sel.Name == "Catch" || s.Sel.Name == "Recover")
}

// goroutineID reads the calling goroutine's number from its stack trace.
func goroutineID() uint64 {
	var buf [64]byte
	b := buf[:runtime.Stack(buf[:], false)]
	b = bytes.TrimPrefix(b, []byte("goroutine "))
	if i := bytes.IndexByte(b, ' '); i > 0 {
		b = b[:i]
	}
	id, _ := strconv.ParseUint(string(b), 10, 64)
	return id
}

// guardDefers rewrites the function bodies under root that defer two
// calls or more (see above), and the recover calls of declared functions
// and methods.
func (r *rewriter) guardDefers(root ast.Node) {
	ast.Inspect(root, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.FuncDecl:
			if x.Body != nil {
				name := &ast.BasicLit{Kind: token.STRING, Value: strconv.Quote(x.Name.Name)}
				recoverVia(x.Body, func(rec ast.Expr) ast.Expr {
					return &ast.CallExpr{Fun: ident(recoverHook), Args: []ast.Expr{rec, name}}
				})
				r.guardBody(x.Body)
			}
		case *ast.FuncLit:
			r.guardBody(x.Body)
		}
		return true
	})
}

// deferSite is a defer statement and the statement list holding it (nil
// for a labeled one).
type deferSite struct {
	d    *ast.DeferStmt
	list *[]ast.Stmt
}

func (r *rewriter) guardBody(body *ast.BlockStmt) {
	if body == nil || r.madeBody[body] {
		return
	}
	sites := r.ownDefers(body)
	if len(sites) < 2 {
		return
	}
	ds := r.names.next("ds")
	method := func(name string, args ...ast.Expr) *ast.CallExpr {
		return &ast.CallExpr{Fun: &ast.SelectorExpr{X: ident(ds), Sel: ident(name)}, Args: args}
	}
	catch := func() ast.Stmt {
		lit := &ast.FuncLit{Type: &ast.FuncType{Params: &ast.FieldList{}}, Body: &ast.BlockStmt{List: []ast.Stmt{
			&ast.ExprStmt{X: method("Catch", &ast.CallExpr{Fun: ident("recover")})},
		}}}
		r.madeBody[lit.Body] = true
		return &ast.DeferStmt{Call: &ast.CallExpr{Fun: lit}}
	}
	first := firstDefer(body)
	handlers := false
	for _, site := range sites {
		d := site.d
		if lit, ok := ast.Unparen(d.Call.Fun).(*ast.FuncLit); ok {
			recoverVia(lit.Body, func(rec ast.Expr) ast.Expr { return method("Recover", rec) })
			if d != first {
				lit.Body.List = append([]ast.Stmt{catch()}, lit.Body.List...)
			}
			continue
		}
		if name := r.recoveringDecl(d.Call.Fun); name != "" {
			// its own recover takes a pending panic: armed just before it
			// runs, disarmed after
			if site.list != nil {
				handlers = true
				arm := &ast.DeferStmt{Call: method("Arm", &ast.BasicLit{Kind: token.STRING, Value: strconv.Quote(name)})}
				disarm := &ast.DeferStmt{Call: method("Disarm")}
				replaceStmt(site.list, d, disarm, d, arm)
			}
			continue
		}
		if d == first || r.mayRecover(d.Call.Fun) || site.list == nil {
			continue
		}
		if r.plainCall(d.Call) {
			// defer g()  ⇔  defer __ds1.Call(g): the guard calls it and
			// catches its panic (no literal to make per call)
			d.Call = method("Call", d.Call.Fun)
			continue
		}
		// the literal calls it when the function returns: the operands
		// Go evaluates at the defer statement are evaluated there first
		// (deferNow took the variables already)
		tmps, ok := r.deferOperands(d.Call)
		if !ok {
			continue
		}
		if tmps != nil {
			replaceStmt(site.list, d, tmps, d)
		}
		lit := &ast.FuncLit{Type: &ast.FuncType{Params: &ast.FieldList{}}, Body: &ast.BlockStmt{List: []ast.Stmt{
			catch(), &ast.ExprStmt{X: d.Call},
		}}}
		r.madeBody[lit.Body] = true
		d.Call = &ast.CallExpr{Fun: lit}
	}
	end := &ast.DeferStmt{Call: method("End")}
	// var __ds1 __odshbind.DeferGuard: a value, no call to make it
	mk := &ast.DeclStmt{Decl: &ast.GenDecl{Tok: token.VAR, Specs: []ast.Spec{&ast.ValueSpec{Names: []*ast.Ident{ident(ds)}, Type: ident(deferGuardHook)}}}}
	r.made[end], r.made[mk] = true, true
	prologue := []ast.Stmt{mk, end}
	if handlers {
		prologue = append(prologue, &ast.ExprStmt{X: method("Handlers")})
	}
	body.List = append(prologue, body.List...)
}

// plainCall reports whether c calls, without arguments, a function the
// guard can call as a value: a declared function, or a method or package
// function that is not a method declared in the shell (whose value yaegi
// may not make right).
func (r *rewriter) plainCall(c *ast.CallExpr) bool {
	if len(c.Args) > 0 {
		return false
	}
	p, ok := r.oracle.(Prober)
	if !ok {
		return false
	}
	switch x := ast.Unparen(c.Fun).(type) {
	case *ast.Ident:
		if _, local := r.vars[x.Name]; local {
			return false
		}
		fd := p.Decls().Func(x.Name)
		return fd != nil && fd.Type.TypeParams == nil
	case *ast.SelectorExpr:
		return !p.Decls().hasMethodNamed(x.Sel.Name)
	}
	return false
}

// deferOperands returns the assignment evaluating into fresh variables
// the arguments of the deferred call c that are neither constants nor
// names, and puts the variables in c; nil when there are none. It
// declines (false) a call whose only argument is a call, which may give
// several values.
func (r *rewriter) deferOperands(c *ast.CallExpr) (ast.Stmt, bool) {
	if len(c.Args) == 1 {
		if _, call := ast.Unparen(c.Args[0]).(*ast.CallExpr); call {
			return nil, false
		}
	}
	var lhs, rhs []ast.Expr
	for i, a := range c.Args {
		if r.pureExpr(a) {
			continue
		}
		t := ident(r.names.next("a"))
		lhs, rhs = append(lhs, t), append(rhs, a)
		c.Args[i] = ident(t.Name)
	}
	if len(lhs) == 0 {
		return nil, true
	}
	a := &ast.AssignStmt{Lhs: lhs, Tok: token.DEFINE, Rhs: rhs}
	r.made[a] = true
	return a, true
}

// pureExpr reports whether e reads no variable: literals, names that are
// not variables (constants, functions), selectors of such names
// (math.Pi, time.Second) and operators on them. It stays as written in
// the literal that calls it later: a variable would give an untyped
// constant its default type (`defer scale(limit * 2)` with scale taking
// a float64).
func (r *rewriter) pureExpr(e ast.Expr) bool {
	switch x := ast.Unparen(e).(type) {
	case *ast.BasicLit:
		return true
	case *ast.Ident:
		return !r.isVar(x.Name)
	case *ast.SelectorExpr:
		id, ok := x.X.(*ast.Ident)
		return ok && !r.isVar(id.Name)
	case *ast.BinaryExpr:
		return r.pureExpr(x.X) && r.pureExpr(x.Y)
	case *ast.UnaryExpr:
		return x.Op != token.ARROW && x.Op != token.AND && r.pureExpr(x.X)
	}
	return false
}

// firstDefer returns the defer statement of body deferred first whenever
// it runs: the first statement of body that defers, when it is a defer
// statement (or deferNow's block ending in one). Its panic, if any, goes
// on after it as Go's would: nothing deferred before it in the function
// is left to run but the guard's End, so it is neither wrapped nor given
// a catch (one deferred call fewer per call). nil when the first
// statement that defers holds its defer in an if, a switch or a block.
func firstDefer(body *ast.BlockStmt) *ast.DeferStmt {
	for _, s := range body.List {
		switch x := s.(type) {
		case *ast.DeferStmt:
			return x
		case *ast.BlockStmt:
			if n := len(x.List); n > 0 && !defersInStmt(&ast.BlockStmt{List: x.List[:n-1]}) {
				if d, ok := x.List[n-1].(*ast.DeferStmt); ok {
					return d
				}
			}
		}
		if defersInStmt(s) {
			return nil
		}
	}
	return nil
}

// replaceStmt replaces old in *list by with.
func replaceStmt(list *[]ast.Stmt, old ast.Stmt, with ...ast.Stmt) {
	for i, s := range *list {
		if s == old {
			out := append(append(append([]ast.Stmt(nil), (*list)[:i]...), with...), (*list)[i+1:]...)
			*list = out
			return
		}
	}
}

// ownDefers returns the defer statements of body (not of the function
// literals in it) that defer the program's calls (not the depth guard's).
func (r *rewriter) ownDefers(body *ast.BlockStmt) []deferSite {
	var out []deferSite
	add := func(list *[]ast.Stmt) {
		for _, s := range *list {
			if d, ok := s.(*ast.DeferStmt); ok && !isHookCall(d.Call, leaveHook) {
				out = append(out, deferSite{d, list})
			}
		}
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.BlockStmt:
			add(&x.List)
		case *ast.CaseClause:
			add(&x.Body)
		case *ast.CommClause:
			add(&x.Body)
		case *ast.LabeledStmt:
			if d, ok := x.Stmt.(*ast.DeferStmt); ok {
				out = append(out, deferSite{d, nil})
			}
		}
		return true
	})
	return out
}

// isHookCall reports whether c calls the hook named hook.
func isHookCall(c *ast.CallExpr, hook string) bool {
	id, ok := c.Fun.(*ast.Ident)
	return ok && id.Name == hook
}

// recoveringDecl returns the name of the declared function or method
// (of any declared type) fun names when that function calls recover, ""
// otherwise.
func (r *rewriter) recoveringDecl(fun ast.Expr) string {
	p, ok := r.oracle.(Prober)
	if !ok {
		return ""
	}
	var name string
	switch x := ast.Unparen(fun).(type) {
	case *ast.Ident:
		if _, local := r.vars[x.Name]; local {
			return ""
		}
		name = x.Name
	case *ast.SelectorExpr:
		name = x.Sel.Name
	default:
		return ""
	}
	if p.Decls().Recovers(name) {
		return name
	}
	return ""
}

// mayRecover reports whether the deferred call of fun stays as written:
// it may call recover itself, as yaegi runs it (defer recover(), a
// function variable, which may hold a handler, a function value made by
// an expression), or cannot panic (sync's Unlock, RUnlock).
func (r *rewriter) mayRecover(fun ast.Expr) bool {
	switch x := ast.Unparen(fun).(type) {
	case *ast.Ident:
		if builtins[x.Name] {
			return x.Name == "recover"
		}
		if _, local := r.vars[x.Name]; local {
			return true
		}
		p, ok := r.oracle.(Prober)
		return ok && p.Decls().IsVar(x.Name)
	case *ast.SelectorExpr:
		// sync's Unlock and RUnlock do not panic: a wrong unlock is a
		// fatal error, which nothing recovers (a declared type's method
		// of that name is wrapped as any other)
		if x.Sel.Name == "Unlock" || x.Sel.Name == "RUnlock" {
			p, ok := r.oracle.(Prober)
			return ok && !p.Decls().hasMethodNamed(x.Sel.Name)
		}
		return false
	}
	return true
}

// recoverVia replaces the calls of recover in body (not in its function
// literals, nor defer recover()) by what via makes of them.
func recoverVia(body *ast.BlockStmt, via func(rec ast.Expr) ast.Expr) {
	isRecover := func(c *ast.CallExpr) bool {
		id, ok := ast.Unparen(c.Fun).(*ast.Ident)
		return ok && id.Name == "recover" && len(c.Args) == 0
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.DeferStmt:
			// defer recover() stays as yaegi runs it
			return !isRecover(x.Call)
		case *ast.CallExpr:
			if isRecover(x) {
				call := via(&ast.CallExpr{Fun: ident("recover")}).(*ast.CallExpr)
				*x = *call
				return false
			}
		}
		return true
	})
}

// A function literal held in a variable and deferred through it.
//
// recover in a function literal that yaegi calls as the value of a
// variable reads the frame the literal was made in as it was then: it
// returned nil in `h := func() { recover() … }; defer h()`, and the panic
// went on where Go stops it. The panic is handed over instead: the
// deferred call becomes a literal deferred in the function, whose own
// recover takes the panic and hands it to the goroutine's list; the
// literal's recover (of every literal assigned to a variable that calls
// recover: recoverLit) takes it from there. A panic nobody took is
// raised again when the call returns.
//
//	defer h()  ⇔  { __f1 := h; defer func() {
//	                  __h := __odshbind.Hand(recover()); defer __odshbind.Unhand(__h)
//	                  __f1()
//	                  if __p := __odshbind.Unclaimed(__h); __p != nil { panic(__p) } }() }

const (
	handHook       = bindAlias + ".Hand"
	unhandHook     = bindAlias + ".Unhand"
	unclaimedHook  = bindAlias + ".Unclaimed"
	recoverLitHook = bindAlias + ".RecoverLit"
)

// hand is a panic handed to the literal a deferred variable holds.
type hand struct {
	value any
	taken bool
	gid   uint64
}

// hands lists, per goroutine, the panics handed over.
var hands goroutineLists[*hand]

// handPanic lists v, what recover returned in the literal deferring a
// variable, for the goroutine; nil when there is no panic.
func handPanic(v any) *hand {
	if v == nil {
		return nil
	}
	h := &hand{value: unwrapRecovered(v), gid: goroutineID()}
	hands.add(h.gid, h)
	return h
}

// unhand takes h off the goroutine's list.
func unhand(h *hand) {
	if h != nil {
		hands.remove(h.gid, h)
	}
}

// unclaimed returns the panic of h if no recover took it.
func unclaimed(h *hand) any {
	if h == nil || h.taken {
		return nil
	}
	return h.value
}

// recoverLit is recover in a function literal assigned to a variable: the
// panic handed to the goroutine's latest deferred variable call, once,
// else v, what yaegi's recover returned.
func recoverLit(v any) any {
	h, ok := hands.top(func(h *hand) bool {
		if h.taken {
			return false
		}
		h.taken = true
		return true
	})
	if ok {
		return h.value
	}
	return unwrapRecovered(v)
}

// recoverVarsOf returns the variables the unit n assigns a function
// literal that calls recover itself, and makes those literals' recover
// ask recoverLit.
func recoverVarsOf(n ast.Node) map[string]bool {
	vars := map[string]bool{}
	note := func(lhs []ast.Expr, rhs []ast.Expr) {
		if len(lhs) != len(rhs) {
			return
		}
		for i, r := range rhs {
			lit, ok := ast.Unparen(r).(*ast.FuncLit)
			id, isName := lhs[i].(*ast.Ident)
			if !ok || !isName || id.Name == "_" || !callsRecover(lit.Body) {
				continue
			}
			vars[id.Name] = true
			recoverVia(lit.Body, func(rec ast.Expr) ast.Expr {
				return &ast.CallExpr{Fun: ident(recoverLitHook), Args: []ast.Expr{rec}}
			})
		}
	}
	ast.Inspect(n, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.AssignStmt:
			note(x.Lhs, x.Rhs)
		case *ast.ValueSpec:
			names := make([]ast.Expr, len(x.Names))
			for i, id := range x.Names {
				names[i] = id
			}
			note(names, x.Values)
		}
		return true
	})
	return vars
}

// handCall returns the call of a literal, to defer, that hands the panic
// to call (a call of a variable of recoverVars) and raises it again if
// nothing took it.
func (r *rewriter) handCall(call *ast.CallExpr) *ast.CallExpr {
	h, p := ident(r.names.next("h")), ident(r.names.next("p"))
	body := []ast.Stmt{
		define(h, &ast.CallExpr{Fun: ident(handHook), Args: []ast.Expr{&ast.CallExpr{Fun: ident("recover")}}}),
		&ast.DeferStmt{Call: &ast.CallExpr{Fun: ident(unhandHook), Args: []ast.Expr{ident(h.Name)}}},
		&ast.ExprStmt{X: call},
		&ast.IfStmt{
			Init: define(p, &ast.CallExpr{Fun: ident(unclaimedHook), Args: []ast.Expr{ident(h.Name)}}),
			Cond: &ast.BinaryExpr{X: ident(p.Name), Op: token.NEQ, Y: ident("nil")},
			Body: &ast.BlockStmt{List: []ast.Stmt{&ast.ExprStmt{X: &ast.CallExpr{Fun: ident("panic"), Args: []ast.Expr{ident(p.Name)}}}}},
		},
	}
	lit := &ast.FuncLit{Type: &ast.FuncType{Params: &ast.FieldList{}}, Body: &ast.BlockStmt{List: body}}
	r.madeBody[lit.Body] = true
	return &ast.CallExpr{Fun: lit}
}
