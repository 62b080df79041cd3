package main

import (
	"fmt"
	"strings"
)

// The function and arguments of a deferred call are evaluated where the
// defer statement is, not when the function returns.

type P struct{ X int }

func (p P) Show()   { fmt.Println("value receiver", p.X) }
func (p *P) ShowP() { fmt.Println("pointer receiver", p.X) }

const half = 0.5

var total = 1

func show(tag string, v any) { fmt.Println(tag, v) }

func scale(f float64) { fmt.Println("scale", f) }

func operands() {
	i := 1
	s := P{1}
	a := []int{1, 2}
	arr := [2]int{1, 2}
	m := map[string]int{"k": 1}
	p := &P{1}
	h := func() { fmt.Println("first h") }
	defer h()
	defer s.Show()
	defer p.ShowP()
	defer show("variable", i)
	defer show("field", s.X)
	defer show("element", a[0])
	defer show("array element", arr[0])
	defer show("array", arr)
	defer show("struct", s)
	defer show("map element", m["k"])
	defer show("pointee", *p)
	defer show("sum", i+0)
	defer show("package variable", total)
	defer scale(half)
	defer func(v int) { fmt.Println("literal argument", v, "variable now", i) }(i)
	i, s.X, a[0], arr[0], m["k"], p.X = 2, 2, 2, 2, 2, 2
	s = P{3}
	total = 2
	h = func() { fmt.Println("second h") }
}

func variadic() {
	parts := []string{"a", "b"}
	defer fmt.Println(strings.Join(parts, "+"))
	defer func(xs ...string) { fmt.Println("variadic", xs) }(parts...)
	parts = []string{"c"}
}

func results() (n int) {
	defer func(start int) { n += start * 10 }(n)
	n = 3
	return n + 1
}

func conditional(flag bool) {
	msg := "first"
	if flag {
		defer fmt.Println("in if:", msg)
	}
	switch {
	case flag:
		defer fmt.Println("in case:", msg)
	}
	msg = "second"
}

func main() {
	operands()
	variadic()
	fmt.Println(results())
	conditional(true)
}
