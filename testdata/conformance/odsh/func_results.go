// Declared functions returned as values of function types (strategies,
// handlers), called straight away or stored first.
package main

import (
	"fmt"
	"strings"
)

type Handler func(string) string

func double(x int) int { return 2 * x }
func triple(x int) int { return 3 * x }

func pick(name string) func(int) int {
	if name == "double" {
		return double
	}
	v := triple
	return v
}

func upper(s string) string { return strings.ToUpper(s) }

func handler(loud bool) Handler {
	if loud {
		return upper
	}
	return strings.TrimSpace
}

func sum(xs ...int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func summer() func(...int) int { return sum }

var ok [2]bool

func f() func() { ok[0] = true; return g }
func g()        { ok[1] = true }

func main() {
	fmt.Println(pick("double")(4), pick("x")(4))
	h := pick("double")
	fmt.Println(h(5))
	fmt.Println(handler(true)("hi"), handler(false)("  x  "))
	fmt.Println(summer()(1, 2, 3))
	f()()
	fmt.Println(ok)
}
