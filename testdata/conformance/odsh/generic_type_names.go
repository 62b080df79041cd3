// Types of the program named as the type parameters of the standard
// library's generic functions (T, K, V, S, E) used with slices, maps and
// cmp: yaegi instantiated those functions by name ("undefined type for
// T" as soon as cmp.Compare(1, 2) ran beside a type T; a CFG panic for
// []S). cmp.Or with the results of cmp.Compare infers its type argument
// (was refused: "write them: cmp.Or[T](…)").
package main

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"
)

type T int
type K string
type V float64
type S []int
type E struct {
	Name string
	Dept string
	Age  int
}
type M map[string]int

func main() {
	fmt.Println(cmp.Compare(1, 2), cmp.Less("a", "b"))
	ts := []T{3, 1, 2}
	slices.Sort(ts)
	fmt.Println(ts, cmp.Or(T(0), T(4)), cmp.Compare(T(1), T(2)), slices.Max(ts), slices.Index(ts, 2), slices.Contains(ts, 5))
	m := map[K]V{"b": 1.5, "a": 2}
	keys := slices.Collect(maps.Keys(m))
	slices.Sort(keys)
	fmt.Println(keys, slices.Sorted(maps.Values(m)))
	es := []E{{"ann", "eng", 40}, {"bob", "ops", 30}, {"cy", "eng", 35}}
	slices.SortFunc(es, func(a, b E) int {
		return cmp.Or(cmp.Compare(a.Dept, b.Dept), cmp.Compare(a.Age, b.Age))
	})
	fmt.Println(es)
	slices.SortFunc(es, func(a, b E) int { return strings.Compare(b.Name, a.Name) })
	fmt.Println(es, slices.ContainsFunc(es, func(e E) bool { return e.Age > 39 }))
	i := slices.IndexFunc(es, func(e E) bool { return e.Dept == "ops" })
	fmt.Println(i, es[i].Name)
	ss := []S{{1}, {2, 3}}
	fmt.Println(slices.IndexFunc(ss, func(s S) bool { return len(s) == 2 }))
	m2 := maps.Clone(m)
	m2["c"] = 3
	fmt.Println(len(m2), maps.Equal(m, m2))
	mm := M{"x": 1}
	fmt.Println(slices.Collect(maps.Keys(mm)), cmp.Or("", "fallback"))
}
