// Function types with methods, iota expressions, embedding and shadowed
// fields, closures, defers changing named results, type switches with
// several types per case, goto, slice aliasing, anonymous structs.
package main

import (
	"fmt"
	"sort"
	"strings"
)

type HandlerFunc func(string) string

func (f HandlerFunc) Handle(s string) string { return "[" + f(s) + "]" }

type Handler interface{ Handle(string) string }

type Size int

const (
	_       = iota
	KB Size = 1 << (10 * iota)
	MB
	GB
)

type Shape interface {
	Area() float64
}

type Rect struct{ W, H float64 }
type Square struct{ Rect }

func (r Rect) Area() float64 { return r.W * r.H }

type Named struct {
	Rect
	Name string
	W    string
}

func counter() (func() int, func()) {
	c := 0
	return func() int { c++; return c }, func() { c = 0 }
}

func deferred() (out []string) {
	for i := range 3 {
		defer func() { out = append(out, fmt.Sprint("d", i)) }()
	}
	x := 1
	defer fmt.Sprint(x)
	x = 2
	return []string{"body"}
}

func triple(x int) (r int) {
	defer func() { r *= 3 }()
	return x + 1
}

func classify(vs ...any) string {
	var parts []string
	for _, v := range vs {
		switch x := v.(type) {
		case int, int64:
			parts = append(parts, fmt.Sprintf("int:%v", x))
		case string:
			parts = append(parts, "str:"+x)
		case nil:
			parts = append(parts, "nil")
		case error:
			parts = append(parts, "err:"+x.Error())
		case fmt.Stringer:
			parts = append(parts, "stringer:"+x.String())
		default:
			parts = append(parts, fmt.Sprintf("other:%T", x))
		}
	}
	return strings.Join(parts, " ")
}

func main() {
	var h Handler = HandlerFunc(strings.ToUpper)
	fmt.Println(h.Handle("go"))
	fmt.Println(KB, MB, GB)
	shapes := []Shape{Rect{2, 3}, Square{Rect{2, 2}}, &Rect{1, 1}}
	total := 0.0
	for _, s := range shapes {
		total += s.Area()
	}
	fmt.Println(total)
	n := Named{Rect{1, 2}, "n", "shadow"}
	fmt.Println(n.W, n.Rect.W, n.Area())
	next, reset := counter()
	next()
	next()
	fmt.Println(next())
	reset()
	fmt.Println(next())
	fmt.Println(deferred(), triple(2))
	fmt.Println(classify(1, int64(2), "s", nil, fmt.Errorf("e"), 2.5, []int{}))
	var fib func(int) int
	fib = func(n int) int {
		if n < 2 {
			return n
		}
		return fib(n-1) + fib(n-2)
	}
	fmt.Println(fib(15))
	anon := []struct {
		K string
		V int
	}{{"b", 2}, {"a", 1}}
	sort.Slice(anon, func(i, j int) bool { return anon[i].K < anon[j].K })
	fmt.Println(anon)
	if v, err := fmt.Sscanf("12 ab", "%d %s", new(int), new(string)); err != nil {
		fmt.Println("err", err)
	} else if v == 2 {
		fmt.Println("scanned", v)
	}
	i := 0
loop:
	if i < 3 {
		i++
		goto loop
	}
	fmt.Println("i", i)
	grid := make([][]rune, 2)
	for r := range grid {
		grid[r] = []rune(strings.Repeat(".", 3))
	}
	grid[1][2] = '#'
	for _, row := range grid {
		fmt.Println(string(row))
	}
	a := []int{1, 2, 3}
	b := a[:2]
	b = append(b, 10)
	c := append(a[:1:1], 20)
	fmt.Println(a, b, c)
	m := map[string][]string{}
	m["x"] = append(m["x"], "1")
	m["x"] = append(m["x"], "2")
	fmt.Println(m, len(m["y"]))
	var iface any = Rect{1, 2}
	r := iface.(Rect)
	r.W = 100
	fmt.Println(iface, r)
	type pt struct{ x, y int }
	pts := map[pt]string{{1, 2}: "a"}
	fmt.Println(pts[pt{1, 2}])
	x := 10
	if x := 5; x > 3 {
		fmt.Println("inner", x)
	}
	fmt.Println("outer", x)
	switch {
	case x > 5 && x < 20:
		fmt.Println("mid")
	}
	fs := map[string]func(int, int) int{"add": func(a, b int) int { return a + b }, "mul": func(a, b int) int { return a * b }}
	keys := make([]string, 0, len(fs))
	for k := range fs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Print(k, "=", fs[k](3, 4), " ")
	}
	fmt.Println()
}
