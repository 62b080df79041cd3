// Copies of arrays and structs on assignment, call and range; struct and
// array map keys; slices of arrays; pointers into slices and arrays.
package main

import (
	"fmt"
	"sort"
	"strings"
)

type Point struct{ X, Y int }

type Grid [3][3]int

type Inventory struct {
	Items map[string]int
	Tags  []string
	Pos   Point
	Arr   [2]int
}

func modify(a [3]int) [3]int { a[0] = 100; return a }

func (g Grid) Set(i, j, v int) Grid { g[i][j] = v; return g }

func main() {
	a := [3]int{1, 2, 3}
	b := a
	b[0] = 9
	fmt.Println(a, b, modify(a), a)
	var g Grid
	g2 := g.Set(1, 1, 5)
	fmt.Println(g[1][1], g2[1][1])
	inv := Inventory{Items: map[string]int{"a": 1}, Tags: []string{"x"}, Pos: Point{1, 2}, Arr: [2]int{1, 2}}
	cp := inv
	cp.Pos.X = 99
	cp.Arr[0] = 99
	cp.Items["a"] = 42
	cp.Tags[0] = "y"
	fmt.Println(inv.Pos, inv.Arr, inv.Items["a"], inv.Tags, cp.Pos, cp.Arr)
	pts := []Point{{3, 1}, {1, 2}, {2, 0}}
	sort.Slice(pts, func(i, j int) bool { return pts[i].X < pts[j].X })
	fmt.Println(pts)
	m := map[Point]string{{1, 2}: "a"}
	m[Point{1, 2}] += "b"
	fmt.Println(m, m[Point{1, 2}])
	k := map[[2]int]int{{1, 2}: 3}
	k[[2]int{1, 2}]++
	fmt.Println(k)
	arrs := [][2]int{{1, 2}}
	for _, x := range arrs {
		x[0] = 7
	}
	fmt.Println(arrs)
	for i := range arrs {
		arrs[i][0] = 7
	}
	fmt.Println(arrs)
	ps := []Point{{1, 1}}
	for _, p := range ps {
		p.X = 50
	}
	fmt.Println(ps)
	pp := &ps[0]
	pp.Y = 8
	fmt.Println(ps, Point{1, 8} == ps[0])
	var sb strings.Builder
	for i := 0; i < 3; i++ {
		fmt.Fprintf(&sb, "%d,", i)
	}
	fmt.Println(sb.String())
	anon := struct {
		Name string
		Age  int
	}{"ann", 3}
	fmt.Printf("%v %+v\n", anon, anon)
	matrix := make([][]int, 2)
	for i := range matrix {
		matrix[i] = make([]int, 2)
	}
	matrix[1][0] = 5
	fmt.Println(matrix)
	s := a[:]
	s[1] = 77
	fmt.Println(a, len(s), cap(s))
	arrp := &a
	arrp[2] = 66
	fmt.Println(a, len(arrp))
	for i, v := range arrp {
		fmt.Print(i, v, " ")
	}
	fmt.Println()
}
