// The editing functions of slices and maps: aliasing, capacity, the tail
// they zero, NaN in Compare, and their panics.
package main

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
)

type IDs []int

func safe(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(name, "panicked")
		}
	}()
	f()
}

func main() {
	base := make([]int, 3, 8)
	copy(base, []int{1, 2, 3})
	grown := slices.Insert(base, 1, 10, 11)
	fmt.Println(grown, len(grown), cap(grown), base[:5])
	full := []int{1, 2, 3}
	out := slices.Insert(full, 3, 4)
	fmt.Println(out, full, slices.Insert(full, 0, full...))

	s := []int{0, 1, 2, 3, 4, 5}
	d := slices.Delete(s, 1, 3)
	fmt.Println(d, s)
	s = []int{1, 2, 2, 3, 3, 3, 4}
	c := slices.Compact(s)
	fmt.Println(c, s)
	s = []int{1, 2, 3, 4, 5, 6}
	e := slices.DeleteFunc(s, func(v int) bool { return v%2 == 0 })
	fmt.Println(e, s)
	s = []int{1, 2, 3, 4, 5}
	r := slices.Replace(s, 1, 4, 9)
	fmt.Println(r, s)
	s = []int{1, 2, 3}
	r = slices.Replace(s, 1, 2, 7, 8, 9)
	fmt.Println(r, s)
	words := []string{"a", "A", "b", "B", "b"}
	fmt.Println(slices.CompactFunc(words, func(x, y string) bool { return x == y || x == string(rune(y[0]+32)) || y == string(rune(x[0]+32)) }))

	g := slices.Grow([]int{1}, 10)
	fmt.Println(len(g), cap(g) >= 11)
	cl := slices.Clip(make([]int, 2, 10))
	fmt.Println(len(cl), cap(cl))
	fmt.Println(slices.Clone([]int(nil)) == nil, slices.Clone([]int{}) == nil)
	ids := IDs{3, 1, 2}
	cp := slices.Clone(ids)
	cp[0] = 99
	fmt.Println(ids, cp)

	nan := math.NaN()
	fmt.Println(slices.Compare([]float64{nan}, []float64{1}), slices.Compare([]float64{nan}, []float64{nan}), slices.Compare([]int{1, 2}, []int{1}), slices.Compare([]int{1}, []int{1, 2}))
	fmt.Println(slices.Equal([]float64{nan}, []float64{nan}), slices.Equal([]int{}, nil))
	fmt.Println(slices.EqualFunc([]int{1, 2}, []string{"1", "2"}, func(a int, b string) bool { return strconv.Itoa(a) == b }))
	fmt.Println(slices.CompareFunc([]int{1, 3}, []string{"1", "2"}, func(a int, b string) int { n, _ := strconv.Atoi(b); return a - n }))
	fmt.Println(slices.Index([]string{"x", "y"}, "y"), slices.Contains([]string{"x"}, "z"), slices.ContainsFunc([]int{4}, func(v int) bool { return v > 3 }))

	safe("insert", func() { slices.Insert([]int{1}, 3, 2) })
	safe("delete", func() { slices.Delete([]int{1, 2}, 2, 1) })
	safe("replace", func() { slices.Replace([]int{1, 2}, 1, 3) })
	safe("grow", func() { slices.Grow([]int{1}, -1) })

	m1 := map[string]int{"a": 1, "b": 2}
	m2 := map[string]int{"c": 3}
	maps.Copy(m2, m1)
	fmt.Println(len(m2), m2["a"], maps.Equal(m1, map[string]int{"b": 2, "a": 1}))
	fmt.Println(maps.EqualFunc(m1, map[string]string{"a": "1", "b": "2"}, func(v int, w string) bool { return strconv.Itoa(v) == w }))
	maps.DeleteFunc(m2, func(k string, v int) bool { return k != "c" })
	fmt.Println(m2)
}
