//go:build !race

package repl

import "testing"

// TestGoroutineClosureInLoop checks that each goroutine started from a
// loop sees its own iteration's variable (Go 1.22 loop variables).
//
// It is left out of the -race run on purpose: yaegi v0.16.1 itself races
// when a func literal is made again while a goroutine running the previous
// one returns. getFunc reads the closure's frame slot without the frame's
// mutex (interp/run.go:1890) while the returning closure writes it back
// under the mutex (run.go:1922). The race is in the interpreter, not in
// odsh or in the program; README's "Go in the shell" notes it.
func TestGoroutineClosureInLoop(t *testing.T) {
	runSteps(t, []step{{src: "func() int { ch := make(chan int, 3); for i := range 3 { go func() { ch <- i }() }; return <-ch + <-ch + <-ch }()", want: "3"}})
}
