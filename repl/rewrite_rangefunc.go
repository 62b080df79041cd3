package repl

import (
	"go/ast"
	"go/token"
)

// Range over functions (Go 1.23).
//
// yaegi cannot range over a function: the range over `func(yield func(V)
// bool)` finds no key type and calls log.Panic("nil type") while compiling
// (cfg.go, scope.add), which also writes to the process's log. The range
// statement is rewritten into a loop pulling the values from the iterator,
// which runs in a goroutine of the runtime package (runtimeSources) and
// stops at the first yield after the loop is left, so that the body stays
// in the enclosing function and break, continue, return, goto, labels and
// defer keep their meaning:
//
//	L: for k, v := range f { body }
//	⇔
//	{
//		__next, __stop := __odshrt.Pull2[K, V](f)
//		defer __stop()
//		L: for {
//			__k, __v, __ok := __next()
//			if !__ok { break }
//			k, v := __k, __v
//			{ body }
//		}
//		__stop()
//	}
//
// A jump out of the body past the statement after the loop (continue or
// break to an outer label, goto) calls __stop first; a goto to the loop's
// own label jumps to the whole block, which starts the range again. The
// deferred __stop ends the goroutine when the loop is left by return or a
// panic. A panic of the iterator reaches the loop's goroutine from __next
// (or __stop). The types K, V are those of the
// yield function: the range expression's type is learnt from the unit's
// declarations or a compile probe (a function literal, a call of a known
// iterator function such as maps.Keys, or a name).

// runtimePkg is the interpreted package of helpers the rewrites call.
const runtimePkg = "__odshrt"

// runtimeSources are evaluated (not only compiled: Recovered needs its
// import of reflect) once per interpreter, before genericSources (the iter
// shim's Pull is PullSeq).
var runtimeSources = []string{`package __odshrt

import (
	"errors"
	"reflect"
	"sync"

	rtc "` + runtimeCompiledPath + `"
)

// SyncOnceValue, SyncOnceValues, ErrorsAsType and ReflectTypeFor are the
// generic functions of sync, errors and reflect (stdgeneric.go).

func SyncOnceValue[T any](f func() T) func() T {
	var once sync.Once
	var value T
	var failed bool
	var p any
	return func() T {
		once.Do(func() {
			failed = true
			defer func() {
				p = recover()
				if failed {
					if p == nil {
						p = "a goroutine called runtime.Goexit in the function given to sync.OnceValue"
					}
				}
			}()
			value = f()
			f = nil
			failed = false
		})
		if failed {
			panic(p)
		}
		return value
	}
}

func SyncOnceValues[T1, T2 any](f func() (T1, T2)) func() (T1, T2) {
	g := SyncOnceValue(func() pair[T1, T2] {
		a, b := f()
		return pair[T1, T2]{a, b}
	})
	return func() (T1, T2) {
		p := g()
		return p.k, p.v
	}
}

// ErrorsAsType is errors.AsType (Go 1.26).
func ErrorsAsType[E error](err error) (E, bool) {
	var target E
	ok := errors.As(err, &target)
	return target, ok
}

func ReflectTypeFor[T any]() reflect.Type {
	var zero T // yaegi fails on (*T)(nil) for a T that is not predeclared
	return reflect.TypeOf(&zero).Elem()
}

// Any returns v as an interface value (see variadicArgs).
func Any(v any) any { return v }

// As is v.(T) (see interfaceReceiver).
func As[T any](v any) T { return v.(T) }

// Recovered undoes yaegi's wrapping of a panic value in a reflect.Value,
// and gives a runtime failure that yaegi raised as reflect's panic back as
// the runtime.Error Go recovers.
func Recovered(v any) any {
	if rv, ok := v.(reflect.Value); ok && rv.IsValid() && rv.CanInterface() {
		return rv.Interface()
	}
	return rtc.RuntimeError(v)
}

// Pull0, Pull and Pull2 run an iterator in a goroutine and hand its values
// over one at a time (PullSeq), for a range over a function: a yield after
// the loop body stopped the range panics, as Go's range does.
func Pull[V any](seq func(yield func(V) bool)) (func() (V, bool), func()) {
	return PullSeq(func(yield func(V) bool) {
		stopped := false
		seq(func(v V) bool {
			if stopped {
				panic("range function continued iteration after function for loop body returned false")
			}
			stopped = !yield(v)
			return !stopped
		})
	})
}

// PullSeq is iter.Pull (the iter shim's): next reports false once the
// iterator has returned; stop makes the pending yield, and any later one,
// return false and waits for the iterator to return. A panic of the
// iterator is raised again by next or stop.
func PullSeq[V any](seq func(yield func(V) bool)) (func() (V, bool), func()) {
	req := make(chan bool)
	vals := make(chan V)
	end := make(chan any, 1)
	finished := false
	stopped := false
	go func() {
		defer func() {
			end <- Recovered(recover())
			close(vals)
		}()
		if !<-req {
			return
		}
		seq(func(v V) bool {
			if stopped {
				return false
			}
			vals <- v
			more := <-req
			return more
		})
	}()
	next := func() (V, bool) {
		var zero V
		if finished {
			return zero, false
		}
		req <- true
		v, ok := <-vals
		if ok {
			return v, true
		}
		finished = true
		if p := <-end; p != nil {
			panic(p)
		}
		return zero, false
	}
	stop := func() {
		if finished {
			return
		}
		finished = true
		stopped = true
		req <- false
		for range vals {
		}
		if p := <-end; p != nil {
			panic(p)
		}
	}
	return next, stop
}

type pair[K, V any] struct {
	k K
	v V
}

func Pull2[K, V any](seq func(yield func(K, V) bool)) (func() (K, V, bool), func()) {
	next, stop := Pull(func(yield func(pair[K, V]) bool) {
		seq(func(k K, v V) bool { return yield(pair[K, V]{k, v}) })
	})
	return func() (K, V, bool) {
		p, ok := next()
		return p.k, p.v, ok
	}, stop
}

// Pull2Seq is iter.Pull2.
func Pull2Seq[K, V any](seq func(yield func(K, V) bool)) (func() (K, V, bool), func()) {
	next, stop := PullSeq(func(yield func(pair[K, V]) bool) {
		seq(func(k K, v V) bool { return yield(pair[K, V]{k, v}) })
	})
	return func() (K, V, bool) {
		p, ok := next()
		return p.k, p.v, ok
	}, stop
}

func Pull0(seq func(yield func() bool)) (func() bool, func()) {
	next, stop := Pull(func(yield func(bool) bool) {
		seq(func() bool { return yield(true) })
	})
	return func() bool {
		_, ok := next()
		return ok
	}, stop
}
`}

// rangeFunc rewrites a range over a function (see above); s is the
// statement in its list (x, or x under label). It returns nil when x does
// not range over a function.
func (c *callPass) rangeFunc(s ast.Stmt, x *ast.RangeStmt, label *ast.Ident) ast.Stmt {
	if !mayBeFunc(x.X) {
		return nil
	}
	t := c.env.typeOf(x.X)
	if t == nil {
		t = c.probeStmtType(s, x.X)
	}
	ft, ok := c.env.under(t).(*ast.FuncType)
	if !ok {
		return nil
	}
	yield := yieldParams(ft)
	if yield == nil {
		return nil
	}
	next, stop, okv := ident(c.r.names.next("next")), ident(c.r.names.next("stop")), ident(c.r.names.next("ok"))
	var pull ast.Expr
	switch len(yield) {
	case 0:
		pull = sel(runtimePkg, "Pull0")
	case 1:
		pull = &ast.IndexExpr{X: sel(runtimePkg, "Pull"), Index: clone(yield[0])}
	case 2:
		pull = &ast.IndexListExpr{X: sel(runtimePkg, "Pull2"), Indices: []ast.Expr{clone(yield[0]), clone(yield[1])}}
	default:
		return nil
	}
	call := &ast.CallExpr{Fun: pull, Args: []ast.Expr{x.X}}
	c.done[call] = true

	// the loop variables: fresh temporaries, then the user's names
	var got, vars, tmps []ast.Expr
	for i := range yield {
		var v ast.Expr
		switch i {
		case 0:
			v = x.Key
		case 1:
			v = x.Value
		}
		if v == nil || isBlank(v) {
			got = append(got, ident("_"))
			continue
		}
		tmp := ident(c.r.names.next("x"))
		got, vars, tmps = append(got, tmp), append(vars, v), append(tmps, tmp)
	}
	got = append(got, okv)
	body := []ast.Stmt{
		&ast.AssignStmt{Lhs: got, Tok: token.DEFINE, Rhs: []ast.Expr{&ast.CallExpr{Fun: next}}},
		&ast.IfStmt{Cond: &ast.UnaryExpr{Op: token.NOT, X: okv}, Body: &ast.BlockStmt{List: []ast.Stmt{&ast.BranchStmt{Tok: token.BREAK}}}},
	}
	if len(vars) > 0 {
		tok := x.Tok
		if tok != token.DEFINE {
			tok = token.ASSIGN
		}
		body = append(body, &ast.AssignStmt{Lhs: vars, Tok: tok, Rhs: tmps})
	}
	body = append(body, x.Body) // its own scope, as the body of a range
	var gotoLabel *ast.Ident
	if label != nil && c.retargetGotos(s, label) {
		gotoLabel = ident(c.r.names.next("g"))
	}
	stopJumps(x.Body, label, gotoLabel, stop)
	var loop ast.Stmt = &ast.ForStmt{Body: &ast.BlockStmt{List: body}}
	if label != nil {
		loop = &ast.LabeledStmt{Label: label, Stmt: loop}
	}
	var out ast.Stmt = &ast.BlockStmt{List: []ast.Stmt{
		&ast.AssignStmt{Lhs: []ast.Expr{next, stop}, Tok: token.DEFINE, Rhs: []ast.Expr{call}},
		&ast.DeferStmt{Call: &ast.CallExpr{Fun: stop}},
		loop,
		&ast.ExprStmt{X: &ast.CallExpr{Fun: stop}},
	}}
	if gotoLabel != nil {
		c.renameGotos(s, label.Name, gotoLabel.Name)
		out = &ast.LabeledStmt{Label: gotoLabel, Stmt: out}
	}
	return out
}

// retargetGotos reports whether a goto of the enclosing function jumps to
// label: it must then jump to the whole rewritten statement, so that the
// range starts again with a new iterator.
func (c *callPass) retargetGotos(s ast.Stmt, label *ast.Ident) (found bool) {
	inspectFunc(c.enclosingBody(s), func(b *ast.BranchStmt) {
		found = found || b.Tok == token.GOTO && b.Label.Name == label.Name
	})
	return found
}

// renameGotos makes the gotos to label of the enclosing function jump to
// name instead.
func (c *callPass) renameGotos(s ast.Stmt, label, name string) {
	inspectFunc(c.enclosingBody(s), func(b *ast.BranchStmt) {
		if b.Tok == token.GOTO && b.Label.Name == label {
			b.Label = ident(name)
		}
	})
}

// enclosingBody is the body of the innermost function holding s, or the
// unit.
func (c *callPass) enclosingBody(s ast.Stmt) ast.Node {
	path := pathTo(c.root, s)
	for i := len(path) - 1; i >= 0; i-- {
		switch f := path[i].(type) {
		case *ast.FuncLit:
			return f.Body
		case *ast.FuncDecl:
			return f.Body
		}
	}
	return c.root
}

// inspectFunc calls f for the labelled branch statements of n, outside
// nested function literals.
func inspectFunc(n ast.Node, f func(*ast.BranchStmt)) {
	if n == nil {
		return
	}
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.BranchStmt:
			if n.Label != nil {
				f(n)
			}
		}
		return true
	})
}

// stopJumps makes the jumps out of a range body that skip the statement
// after the loop stop the iterator first: a break, continue or goto to a
// label outside the body, and a goto to the loop's own label.
//
//	continue outer  ⇔  { __stop(); continue outer }
func stopJumps(body *ast.BlockStmt, label, gotoLabel, stop *ast.Ident) {
	inner := map[string]bool{}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.LabeledStmt:
			inner[n.Label.Name] = true
		}
		return true
	})
	var stack []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		if b, ok := n.(*ast.BranchStmt); ok && b.Label != nil && !inner[b.Label.Name] {
			own := label != nil && b.Label.Name == label.Name
			if !own || b.Tok == token.GOTO || gotoLabel != nil && b.Label.Name == gotoLabel.Name {
				jump := &ast.BranchStmt{Tok: b.Tok, Label: b.Label}
				replaceChild(stack[len(stack)-1], b, &ast.BlockStmt{List: []ast.Stmt{&ast.ExprStmt{X: &ast.CallExpr{Fun: stop}}, jump}})
			}
		}
		stack = append(stack, n)
		return true
	})
}

func isBlank(e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == "_"
}

// mayBeFunc reports whether a range expression can be a function: not a
// literal of another type, a conversion, a slice or an operation.
func mayBeFunc(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.BasicLit, *ast.CompositeLit, *ast.SliceExpr, *ast.BinaryExpr:
		return false
	case *ast.UnaryExpr:
		return e.Op == token.ARROW || e.Op == token.MUL
	case *ast.CallExpr:
		if id, ok := e.Fun.(*ast.Ident); ok && (builtins[id.Name] || predeclaredTypes[id.Name]) {
			return false
		}
		return !isTypeSyntax(ast.Unparen(e.Fun)) || isFuncType(e.Fun)
	}
	return true
}

func isFuncType(e ast.Expr) bool {
	_, ok := ast.Unparen(e).(*ast.FuncType)
	return ok
}
