// A negation, complement, logical not, remainder or shift stored into an
// interface: into a variable, a map or slice element, a field, a return
// value, a channel. (yaegi ended the function silently at `b = -x` or
// `b = x % 2` with b an any.)
package main

import "fmt"

type S struct{ v any }

func neg(x int) any { return -x }

func two() (any, error) { x := 4; return -x, nil }

func rem(x int) any { return x % 4 }

func shifts(x uint) (any, any) { return x << 2, x >> 1 }

func main() {
	x, t := 5, true
	var b any
	b = -x
	fmt.Println("after", b)
	b = ^x
	fmt.Println(b)
	b = !t
	fmt.Println(b)
	a := interface{}(false)
	for i := 0; i < 3; i++ {
		a = !a.(bool)
	}
	fmt.Println(a)
	m := map[string]any{}
	m["k"] = -x
	xs := []any{nil, nil}
	xs[1] = -float64(x)
	fmt.Println(m, xs)
	p := &S{}
	p.v = !t
	fmt.Println(p.v, S{v: -x}.v)
	v, err := two()
	fmt.Println(neg(3), v, err)
	ch := make(chan any, 1)
	ch <- -x
	fmt.Println(<-ch)
	b = x % 2
	fmt.Println(b)
	b = x << 3
	fmt.Println(b)
	m["r"], m["s"] = x%3, x>>1
	fmt.Println(m["r"], m["s"], rem(11))
	fmt.Println(shifts(5))
	fmt.Println("end")
}
