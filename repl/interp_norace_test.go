//go:build !race

package repl

import (
	"context"
	"errors"
	"testing"
	"time"
)

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

// TestWaitGroupGoInLoop checks that a function literal passed to a
// compiled function in a loop (sync.WaitGroup.Go, Go 1.25) sees its own
// iteration's variable: every callback saw the last one (loopFuncArgs).
// Out of the -race run: the callbacks' reads of a global race, in yaegi,
// with the frame resize of the next Eval, as above.
func TestWaitGroupGoInLoop(t *testing.T) {
	runSteps(t, []step{
		{src: "var wg sync.WaitGroup; var mu sync.Mutex; got := []int{}"},
		{src: "for i := range 3 { wg.Go(func() { mu.Lock(); got = append(got, i); mu.Unlock() }) }; wg.Wait()"},
		{src: "slices.Sort(got); fmt.Sprint(got)", want: "[0 1 2]"},
	})
}

// TestFmtShimsAfterCancel: the print shims still work after an entry was
// cancelled. Out of the -race run: the cancelled entry's goroutine, which
// yaegi does not wait for, resized the global frame under the frame's
// mutex, and yaegi's Globals (which the next entry's rewrite reads) reads
// it without that mutex (interp/scope.go:248 vs interp.go:486): no
// happens-before edge, though the write was long done.
func TestFmtShimsAfterCancel(t *testing.T) {
	var out syncBuffer
	in, err := New(Options{Stdout: &out, Stderr: &out})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := in.Eval(context.Background(), "type State int\nfunc (s State) String() string { return fmt.Sprint(\"s\", int(s)) }"); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if _, err := in.Eval(ctx, "for {}"); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("got %v, want context.DeadlineExceeded", err)
	}
	if _, err := in.Eval(context.Background(), "fmt.Println([]any{State(1)}, State(2))"); err != nil {
		t.Fatal(err)
	}
	if got, want := out.String(), "[s1] s2\n"; got != want {
		t.Errorf("printed %q, want %q", got, want)
	}
}
