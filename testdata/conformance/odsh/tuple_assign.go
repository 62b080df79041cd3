// Assignments of several values, some of them calls (x, y = 1, f()), in
// statements, loops' post statements and with index expressions.
package main

import (
	"errors"
	"fmt"
	"strconv"
)

type NF struct{ k string }

func (e NF) Error() string { return "nf " + e.k }

func f() int              { return 9 }
func inc(x uint32) uint32 { return x + 1 }
func g() (int, error)     { return 4, nil }

func main() {
	var a uint32 = 5
	var want, got uint32
	if want, got = a+1, inc(a); got != want {
		fmt.Println("bad", want, got)
	}
	fmt.Println(want, got)
	want, got = a+2, inc(a)
	fmt.Println(want, got)
	var x, y int
	x, y = 1, len("ab")
	fmt.Println(x, y)
	var p, q uint32
	p, q = a+1, 3
	fmt.Println(p, q)
	func() {
		var x, y int
		x, y = f(), 1
		fmt.Println(x, y)
		x, y = 1, f()
		fmt.Println(x, y)
		a := []int{0, 0}
		a[0], a[1] = 8, f()
		fmt.Println(a)
		n := 0
		for i, j := 0, f(); i < 3; i, j = i+1, f() {
			n += i + j
		}
		fmt.Println(n)
		var e1, e2 error
		e1, e2 = NF{"a"}, errors.New("b")
		fmt.Println(e1, e2)
		var s string
		var err error
		x, err = g()
		s, x = strconv.Itoa(f()), len("abc")
		fmt.Println(x, s, err)
		i := 0
		i, a[i] = 1, f()
		fmt.Println(i, a)
	}()
}
