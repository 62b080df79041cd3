// Closures that keep state: counters, memoisation, middleware chains.
package main

import (
	"fmt"
	"strings"
)

func counter() (func() int, func()) {
	n := 0
	return func() int { n++; return n }, func() { n = 0 }
}

func memo(f func(int) int) func(int) int {
	cache := map[int]int{}
	return func(n int) int {
		if v, ok := cache[n]; ok {
			return v
		}
		v := f(n)
		cache[n] = v
		return v
	}
}

type handler func(string) string

func chain(h handler, mws ...func(handler) handler) handler {
	for i := len(mws) - 1; i >= 0; i-- {
		h = mws[i](h)
	}
	return h
}

func main() {
	next, reset := counter()
	next()
	next()
	fmt.Println(next())
	reset()
	fmt.Println(next())

	calls := 0
	var fib func(int) int
	fib = memo(func(n int) int {
		calls++
		if n < 2 {
			return n
		}
		return fib(n-1) + fib(n-2)
	})
	fmt.Println(fib(40), calls)

	upper := func(h handler) handler { return func(s string) string { return strings.ToUpper(h(s)) } }
	bang := func(h handler) handler { return func(s string) string { return h(s) + "!" } }
	h := chain(func(s string) string { return "hi " + s }, upper, bang)
	fmt.Println(h("bob"))

	adders := map[string]func(int) int{}
	for _, k := range []int{1, 10, 100} {
		adders[fmt.Sprint(k)] = func(x int) int { return x + k }
	}
	fmt.Println(adders["1"](1), adders["10"](1), adders["100"](1))
}
