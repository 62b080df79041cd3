// Embedding, promoted methods, value and pointer receivers, method values
// and expressions, assertions to interfaces of an interface's value.
package main

import (
	"fmt"
	"sort"
	"strings"
)

type Animal interface {
	Sound() string
	Name() string
}

type Base struct{ name string }

func (b Base) Name() string { return b.name }

type Dog struct {
	Base
	breed string
}

func (d Dog) Sound() string { return "woof" }

type Cat struct {
	*Base
}

func (c Cat) Sound() string { return "meow" }

type Counter struct {
	mu    map[string]int
	order []string
}

func (c *Counter) Inc(k string) {
	if c.mu == nil {
		c.mu = map[string]int{}
	}
	if _, ok := c.mu[k]; !ok {
		c.order = append(c.order, k)
	}
	c.mu[k]++
}

type Point struct{ X, Y int }

func (p Point) Add(q Point) Point { return Point{p.X + q.X, p.Y + q.Y} }
func (p *Point) Scale(k int)      { p.X *= k; p.Y *= k }

func main() {
	animals := []Animal{Dog{Base{"rex"}, "lab"}, Cat{&Base{"tom"}}}
	for _, a := range animals {
		fmt.Println(a.Name(), a.Sound())
	}
	var sb strings.Builder
	for i, a := range animals {
		if i > 0 {
			sb.WriteString(", ")
		}
		fmt.Fprintf(&sb, "%s:%s", a.Name(), a.Sound())
	}
	fmt.Println(sb.String())
	var c Counter
	for _, w := range strings.Fields("a b a c b a") {
		c.Inc(w)
	}
	fmt.Println(c.order, c.mu)
	p := Point{1, 2}
	q := p
	q.X = 10
	p.Scale(3)
	fmt.Println(p, q, p.Add(q))
	pts := []Point{{3, 1}, {1, 2}, {2, 0}}
	sort.Slice(pts, func(i, j int) bool { return pts[i].X < pts[j].X })
	fmt.Println(pts)
	for i := range pts {
		pts[i].Scale(2)
	}
	fmt.Println(pts)
	for _, pt := range pts {
		pt.Scale(100)
	}
	fmt.Println(pts)
	mp := map[string]Point{"a": {1, 1}}
	v := mp["a"]
	v.X = 9
	fmt.Println(mp, v)
	arr := [3]int{1, 2, 3}
	arr2 := arr
	arr2[0] = 100
	fmt.Println(arr, arr2, arr == [3]int{1, 2, 3})
	s := []int{1, 2, 3, 4, 5}
	t := s[1:3]
	t = append(t, 99)
	fmt.Println(s, t, len(t), cap(t))
	u := make([]int, 2, 10)
	copy(u, s)
	fmt.Println(u)
	var fns []func() int
	for i := 0; i < 3; i++ {
		fns = append(fns, func() int { return i * i })
	}
	for _, f := range fns {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	m := p.Add
	p.X = 1000
	fmt.Println(m(Point{0, 0}))
	sc := (*Point).Scale
	sc(&p, 2)
	fmt.Println(p)
	add := Point.Add
	fmt.Println(add(Point{1, 1}, Point{2, 2}))
	type kv struct {
		k string
		v int
	}
	var kvs []kv
	for k, v := range c.mu {
		kvs = append(kvs, kv{k, v})
	}
	sort.Slice(kvs, func(i, j int) bool { return kvs[i].v > kvs[j].v || kvs[i].v == kvs[j].v && kvs[i].k < kvs[j].k })
	fmt.Printf("%v %+v\n", kvs, kvs[0])
	d := Dog{Base{"fido"}, "pug"}
	fmt.Printf("%v %+v\n", d, d)
	var a Animal = d
	if dd, ok := a.(Dog); ok {
		fmt.Println(dd.breed, dd.name)
	}
	fmt.Println(a.(interface{ Name() string }).Name())
}
