// Range over functions whose type the shell learns from declarations:
// methods, generic functions, fields, nested ranges.
package main

import (
	"fmt"
	"iter"
)

type Bag struct {
	items []string
	Each  func(yield func(string) bool)
}

func (b Bag) All() iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		for i, s := range b.items {
			if !yield(i, s) {
				return
			}
		}
	}
}

func Count[T any](xs []T) iter.Seq[T] {
	return func(yield func(T) bool) {
		for _, x := range xs {
			if !yield(x) {
				return
			}
		}
	}
}

func upTo(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func main() {
	b := Bag{items: []string{"x", "y"}}
	for i, s := range b.All() {
		fmt.Println("all", i, s)
	}
	b.Each = func(yield func(string) bool) {
		for _, s := range b.items {
			if !yield(s + "!") {
				return
			}
		}
	}
	for s := range b.Each {
		fmt.Println("each", s)
	}
	for x := range Count([]float64{1.5, 2.5}) {
		fmt.Println("count", x*2)
	}
	for i := range upTo(3) {
		for j := range upTo(i) {
			fmt.Println("pair", i, j)
		}
	}
	gen := upTo(2)
	for x := range gen {
		fmt.Println("gen", x)
	}
	var total int
	add := func(s iter.Seq[int]) {
		for x := range s {
			total += x
		}
	}
	add(Count([]int{1, 2, 3}))
	fmt.Println("total", total)
}
