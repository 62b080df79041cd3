// Ranging over function iterators (iter.Seq, iter.Seq2), with break.
package main

import (
	"fmt"
	"iter"
)

func Count(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := range n {
			if !yield(i) {
				return
			}
		}
	}
}

func Enumerate[T any](xs []T) iter.Seq2[int, T] {
	return func(yield func(int, T) bool) {
		for i, x := range xs {
			if !yield(i, x) {
				return
			}
		}
	}
}

func fib(yield func(int) bool) {
	a, b := 0, 1
	for {
		if !yield(a) {
			fmt.Println("fib stopped")
			return
		}
		a, b = b, a+b
	}
}

func main() {
	for i := range Count(3) {
		fmt.Print(i, " ")
	}
	fmt.Println()
	for i, s := range Enumerate([]string{"a", "b", "c"}) {
		if i == 2 {
			break
		}
		fmt.Print(i, s, " ")
	}
	fmt.Println()
	for f := range fib {
		if f > 20 {
			break
		}
		fmt.Print(f, " ")
	}
	fmt.Println()
	next, stop := iter.Pull(Count(2))
	defer stop()
	a, ok1 := next()
	b, ok2 := next()
	_, ok3 := next()
	fmt.Println(a, ok1, b, ok2, ok3)
}
