// Each iteration of a loop has its own variables (Go 1.22): pointers to
// the loop variable of a three-clause loop or of a range loop (also
// through a method with a pointer receiver) taken in
// different iterations differ (yaegi gave one variable: 3 3 3, [2 2]);
// pointers to a variable of the body and values of declared types made
// in a loop and put into an interface declared in the shell (a
// conversion, a pointer, a field of a struct declared in the function)
// each keep their own; comparisons of interface values held in slices,
// maps and returned by calls.
package main

import "fmt"

type Named interface{ Name() string }

type State int

func (s State) Name() string { return fmt.Sprint("s", int(s)) }

type Z struct{ A int }

func (z Z) Name() string { return "z" }

type Cat struct{ n string }

func (c *Cat) Name() string { return c.n }

type P struct{ N int }

func (p *P) Self() *P { return p }
func (p *P) Inc()     { p.N++ }

func mk(i int) Named { return State(i) }

func main() {
	var ps []*int
	for i := 0; i < 3; i++ {
		x := i
		ps = append(ps, &x)
	}
	var qs []*int
	for i := 0; i < 3; i++ {
		qs = append(qs, &i)
	}
	var rs []*P
	for _, p := range []P{{1}, {2}} {
		rs = append(rs, &p)
	}
	var arrs [][]int
	for _, a := range [][2]int{{1, 2}, {3, 4}} {
		arrs = append(arrs, a[:])
	}
	fmt.Println(*ps[0], *ps[1], *ps[2], *qs[0], *qs[1], *qs[2], rs[0].N, rs[1].N, arrs)
	skip := []int{}
	for i := 0; i < 6; i++ {
		if i%2 == 1 {
			i++
			continue
		}
		p := &i
		skip = append(skip, *p)
	}
	fmt.Println(skip)
	var selves []*P
	for _, p := range []P{{7}, {8}} {
		selves = append(selves, p.Self())
	}
	var incs []*P
	for i := 0; i < 2; i++ {
		p := P{i}
		p.Inc()
		incs = append(incs, p.Self())
	}
	fmt.Println(selves[0].N, selves[1].N, incs[0].N, incs[1].N)

	type holder struct{ a Named }
	var hs []holder
	var ns []Named
	var xs []any
	for i, n := range []string{"c", "d"} {
		hs = append(hs, holder{State(i)})
		c := Cat{n}
		ns = append(ns, &c, Named(State(10+i)))
		xs = append(xs, &c)
	}
	fmt.Println(hs[0].a.Name(), hs[1].a.Name(), ns[0].Name(), ns[1].Name(), ns[2].Name(), ns[3].Name(), xs[0].(*Cat).n, xs[1].(*Cat).n)
	var last Named
	var pairs []string
	for _, k := range []int{1, 2, 3} {
		cur := Named(State(k))
		if last != nil {
			pairs = append(pairs, last.Name()+">"+cur.Name())
		}
		last = cur
	}
	fmt.Println(pairs)

	var n Named = State(3)
	fmt.Println(n == mk(3), mk(3) == n, mk(2) == mk(2), mk(1) != State(1))
	vals := []Named{State(1), Z{2}}
	fmt.Println(vals[0] == mk(1), vals[1] == Z{2}, vals[1] == n, vals[0] != vals[1])
	m := map[string]Named{"a": State(5)}
	fmt.Println(m["a"] == State(5), m["b"] == nil)
}
