package main

// Arrays and structs are values: assignment, calls, maps, slices,
// interfaces, channels and range copy them.

import "fmt"

type P struct {
	X   int
	Arr [2]int
}

func mod(a [3]int) { a[0] = 99 }

func modP(p P) { p.X = 99; p.Arr[0] = 99 }

func main() {
	a := [3]int{1, 2, 3}
	b := a
	b[0] = 100
	mod(a)
	fmt.Println(a, b)

	p := P{1, [2]int{1, 2}}
	q := p
	q.X, q.Arr[0] = 2, 2
	modP(p)
	fmt.Println(p, q)

	m := map[string]P{"k": p}
	p.X = 5
	fmt.Println(m["k"], p)

	s := []P{p}
	p.X = 6
	fmt.Println(s[0].X, p.X)

	var i any = p
	p.X = 7
	fmt.Println(i.(P).X, p.X)

	ch := make(chan P, 1)
	ch <- p
	p.X = 8
	fmt.Println((<-ch).X, p.X)

	arr := [3]int{1, 2, 3}
	for i, v := range arr {
		arr[2] = 100
		if i == 2 {
			fmt.Println("range copy", v)
		}
	}
	sl := []int{1, 2, 3}
	for i, v := range sl {
		sl[2] = 100
		if i == 2 {
			fmt.Println("range slice", v)
		}
	}
	ps := []P{{X: 1}, {X: 2}}
	for _, e := range ps {
		e.X = 50
	}
	fmt.Println(ps)
	pp := &ps[0]
	ps = append(ps, P{X: 3})
	pp.X = 77
	fmt.Println(ps[0].X == 77 || ps[0].X == 1)

	x := p
	f := func() P { return x }
	x.X = 9
	fmt.Println(f().X)

	arr2 := [2]P{{X: 1}, {X: 2}}
	arr3 := arr2
	arr3[0].X = 42
	fmt.Println(arr2[0].X, arr3[0].X, arr2 == [2]P{{X: 1}, {X: 2}})

	type W struct{ In P }
	w := W{p}
	w2 := w
	w2.In.Arr[1] = 1000
	fmt.Println(w.In.Arr, w2.In.Arr)

	ret := func() [2]int { return p.Arr }()
	p.Arr[0] = -1
	fmt.Println(ret)

	var iface fmt.Stringer
	_ = iface
	st := struct{ A [2]int }{[2]int{1, 2}}
	cp := st.A
	st.A[0] = 9
	fmt.Println(cp, st.A)
}
