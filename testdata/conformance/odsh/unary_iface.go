// A negation, complement, logical not, remainder or shift stored into an
// interface: into a variable, a map or slice element, a field, a return
// value, a channel; comparisons and receives returned as an interface.
// (yaegi ended the function silently at `b = -x` or `b = x % 2` with b an
// any, and panicked on `return x > y` from a function returning any.)
package main

import "fmt"

type S struct{ v any }

func neg(x int) any { return -x }

func two() (any, error) { x := 4; return -x, nil }

func rem(x int) any { return x % 4 }

func shifts(x uint) (any, any) { return x << 2, x >> 1 }

func greater(x, y any) any { return x.(float64) > y.(float64) }

func same(x, y int) (any, error) { return x == y, nil }

func next(ch chan int) any { return <-ch }

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
	fmt.Println(greater(1.0, 2.0), greater(3.0, 2.0))
	fmt.Println(same(2, 2))
	ints := make(chan int, 1)
	ints <- 7
	fmt.Println(next(ints))
	fmt.Println("end")
}
