package repl

// Escapes: what user code may call to leave the shell or its entry.
//
// yaegi already turns os.Exit and log.Fatal into panics. The shell adds
// runtime.Goexit, which would end the goroutine running the entry without
// a panic: yaegi would report success for an entry that stopped half-way,
// and a script run with --commit would commit it. And it bounds the depth
// of interpreted calls: yaegi recurses on the Go stack (about 7 KB a call),
// so runaway recursion would hit Go's 1 GB limit, a fatal error no recover
// sees, killing the shell and its transaction.
//
//	os.Exit(n)        ⇒  panic: os.Exit(n) called: the shell does not exit from code …
//	runtime.Goexit()  ⇒  panic: runtime.Goexit called: …
//	MaxDepth nested interpreted calls  ⇒  panic: runtime error: stack overflow …

import (
	"fmt"
	"reflect"
	"runtime"
	"sync/atomic"

	"github.com/traefik/yaegi/interp"
)

// MaxDepth is the number of nested calls of interpreted functions of one
// goroutine beyond which a call panics with a stack overflow. yaegi
// unwinds a panic in time quadratic in the depth (about 0.7 s from 2000
// closure calls deep), so the bound is low, like Python's 1000.
//
// The calls in progress are counted for all goroutines together, which
// costs one atomic add a call; past MaxDepth (one deep goroutine, or many
// goroutines each inside a few calls) the calling goroutine's own stack
// decides: an interpreted call takes at least minFramesPerCall Go frames,
// so a goroutine with fewer than MaxDepth*minFramesPerCall frames is not
// MaxDepth calls deep. (Counted for all goroutines alone, 3000 goroutines
// each waiting inside a function made the next calls panic.)
const MaxDepth = 2000

// minFramesPerCall is the fewest Go frames yaegi's call of an interpreted
// function takes (2 for a plain call; a method through a closure takes 12).
const minFramesPerCall = 2

// depthHook and leaveHook are the compiled functions every interpreted
// function body starts with: `__odshbind.Enter(); defer
// __odshbind.Leave()` (rewrite_walk.go).
const (
	depthHook = bindAlias + ".Enter"
	leaveHook = bindAlias + ".Leave"
)

// escapeError is the panic value of os.Exit, runtime.Goexit and too deep a
// recursion. It is a runtime.Error so that it reads as a panic of user code.
type escapeError struct{ msg string }

func (e *escapeError) Error() string { return e.msg }

// RuntimeError marks escapeError as a runtime.Error.
func (e *escapeError) RuntimeError() {}

var _ runtime.Error = (*escapeError)(nil)

//go:generate go run ./internal/genstd

// guardedSymbols returns stdlib with os.Exit and runtime.Goexit replaced,
// and with what newer Go added to the standard library (newerStdlib,
// stdlib_newer.go, written by go generate).
func guardedSymbols(stdlib interp.Exports) interp.Exports {
	out := make(interp.Exports, len(stdlib))
	for k, v := range stdlib {
		out[k] = v
	}
	// what the Go building odsh added to the standard library since
	// yaegi's tables were generated (strings.Lines, …)
	for k, more := range newerStdlib {
		pkg := copySymbols(out[k])
		for name, v := range more {
			pkg[name] = v
		}
		out[k] = pkg
	}
	osPkg := copySymbols(out["os/os"])
	osPkg["Exit"] = reflect.ValueOf(func(code int) {
		panic(&escapeError{fmt.Sprintf("os.Exit(%d) called: the shell does not exit from code (the entry stops, its work is rolled back)", code)})
	})
	out["os/os"] = osPkg
	rt := copySymbols(out["runtime/runtime"])
	rt["Goexit"] = reflect.ValueOf(func() {
		panic(&escapeError{"runtime.Goexit called: the shell cannot stop its goroutine (the entry stops, its work is rolled back)"})
	})
	out["runtime/runtime"] = rt
	return out
}

func copySymbols(m map[string]reflect.Value) map[string]reflect.Value {
	out := make(map[string]reflect.Value, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// depthGuard counts the interpreted calls in progress.
type depthGuard struct{ n atomic.Int64 }

// enter counts one more call; past MaxDepth it panics, before the call
// defers its leave.
func (g *depthGuard) enter() {
	if g.n.Add(1) > MaxDepth && deepGoroutine() {
		g.n.Add(-1)
		panic(&escapeError{fmt.Sprintf("runtime error: stack overflow (more than %d nested calls: infinite recursion?)", MaxDepth)})
	}
}

// deepGoroutine reports whether the calling goroutine's stack has at least
// MaxDepth*minFramesPerCall frames.
func deepGoroutine() bool {
	var pcs [MaxDepth * minFramesPerCall]uintptr
	return runtime.Callers(3, pcs[:]) == len(pcs)
}

func (g *depthGuard) leave() { g.n.Add(-1) }

// reset forgets calls an interrupted entry left counted.
func (g *depthGuard) reset() { g.n.Store(0) }
