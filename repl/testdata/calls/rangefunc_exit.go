// Leaving a range over a function early ends the iterator: no goroutine
// is left behind, whichever way the loop is left.
package main

import (
	"fmt"
	"runtime"
	"time"
)

func seq(yield func(int) bool) {
	for i := 0; ; i++ {
		if !yield(i) {
			return
		}
	}
}

// extra waits for goroutines that are ending (up to 10 s: a loaded machine
// under the race detector is slow), and returns how
// many there are beyond before.
func extra(before int) int {
	for i := 0; i < 10000 && runtime.NumGoroutine() > before; i++ {
		time.Sleep(time.Millisecond)
	}
	return runtime.NumGoroutine() - before
}

func find(n int) int {
	for x := range seq {
		if x == n {
			return x
		}
	}
	return -1
}

func deferred() {
	for x := range seq {
		defer fmt.Println("deferred", x)
		if x == 2 {
			break
		}
	}
	fmt.Println("loop left")
}

// settled returns the number of goroutines once it has not changed for
// 50 ms: goroutines of what ran before this program may still be ending.
func settled() int {
	n, same := runtime.NumGoroutine(), 0
	for i := 0; i < 10000 && same < 50; i++ {
		time.Sleep(time.Millisecond)
		if m := runtime.NumGoroutine(); m == n {
			same++
		} else {
			n, same = m, 0
		}
	}
	return n
}

func main() {
	before := settled()
	for x := range seq {
		if x == 3 {
			break
		}
	}
	fmt.Println("break", extra(before))
	fmt.Println("return", find(5), extra(before))
	func() {
		defer func() { fmt.Println("recovered", recover()) }()
		for x := range seq {
			if x == 2 {
				panic("in the body")
			}
		}
	}()
	fmt.Println("panic", extra(before))
	n := 0
outer:
	for i := 0; i < 3; i++ {
		for x := range seq {
			if x == 1 {
				continue outer
			}
			n++
		}
	}
	fmt.Println("labelled", n, extra(before))
	deferred()
	i := 0
again:
	for x := range seq {
		if x == 1 && i < 2 {
			i++
			goto again
		}
		if x == 2 {
			break
		}
	}
	fmt.Println("goto", i, extra(before))
}
