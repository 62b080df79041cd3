// Range over functions (Go 1.23).
package main

import (
	"fmt"
	"iter"
)

func seq(yield func(int) bool) {
	for i := 0; i < 3; i++ {
		if !yield(i) {
			return
		}
	}
}

func pairs(yield func(string, int) bool) {
	for i, s := range []string{"a", "b", "c"} {
		if !yield(s, i) {
			return
		}
	}
}

func three(yield func() bool) {
	for i := 0; i < 3; i++ {
		if !yield() {
			return
		}
	}
}

func upTo(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		defer fmt.Println("upTo done")
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func first(s iter.Seq[int]) int {
	for x := range s {
		return x
	}
	return -1
}

func sum(s func(func(int) bool)) int {
	t := 0
	for x := range s {
		t += x
	}
	return t
}

func bad(yield func(int) bool) {
	yield(1)
	panic("bad iterator")
}

func main() {
	for x := range seq {
		fmt.Println("seq", x)
	}
	for k, v := range pairs {
		fmt.Println("pair", k, v)
	}
	for k := range pairs {
		fmt.Println("key", k)
	}
	n := 0
	for range three {
		n++
	}
	fmt.Println("three", n)
	for x := range upTo(5) {
		if x == 1 {
			continue
		}
		if x == 3 {
			break
		}
		fmt.Println("upTo", x)
	}
	fmt.Println("first", first(upTo(4)))
	fmt.Println("sum", sum(seq))
outer:
	for i := range seq {
		for j := range seq {
			if j == 2 {
				continue outer
			}
			if i == 2 {
				break outer
			}
			fmt.Println("nested", i, j)
		}
	}
	var k string
	var v int
	for k, v = range pairs {
	}
	fmt.Println("last", k, v)
	for x := range func(yield func(int) bool) { yield(10); yield(20) } {
		fmt.Println("literal", x)
	}
	var s iter.Seq[int] = upTo(2)
	for x := range s {
		fmt.Println("var", x)
	}
	funcs := []func() int{}
	for x := range seq {
		funcs = append(funcs, func() int { return x })
	}
	fmt.Println("closures", funcs[0](), funcs[1](), funcs[2]())
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		for x := range bad {
			fmt.Println("bad", x)
		}
	}()
	fmt.Println("end")
}
