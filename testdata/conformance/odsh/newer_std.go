// Functions of slices, cmp and strings that Go added after the symbol
// tables and package copies yaegi ships: the shell has them too.
package main

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

type P struct {
	Name string
	Age  int
}

func main() {
	xs := []int{1, 3, 5, 7}
	fmt.Println(slices.BinarySearch(xs, 5))
	fmt.Println(slices.BinarySearch(xs, 4))
	ps := []P{{"a", 30}, {"b", 20}, {"c", 40}}
	byAge := func(p, q P) int { return p.Age - q.Age }
	fmt.Println(slices.MaxFunc(ps, byAge), slices.MinFunc(ps, byAge), slices.IsSortedFunc(ps, byAge))
	slices.SortFunc(ps, byAge)
	fmt.Println(ps, slices.IsSortedFunc(ps, byAge), slices.IsSorted(xs), slices.IsSorted([]string{"b", "a"}))
	i, ok := slices.BinarySearchFunc(ps, 30, func(p P, age int) int { return p.Age - age })
	fmt.Println(i, ok)
	fmt.Println(slices.Repeat([]string{"x", "y"}, 3), slices.Concat([]int{1}, nil, []int{2, 3}))
	fmt.Println(cmp.Or("", "default"), cmp.Or(0, 0, 7), cmp.Compare("a", "b"))
	for c := range slices.Chunk([]int{1, 2, 3, 4, 5}, 2) {
		fmt.Print(c, len(c), cap(c), " ")
	}
	fmt.Println()
	fmt.Println(slices.SortedStableFunc(slices.Values(ps), func(p, q P) int { return strings.Compare(q.Name, p.Name) }))
	for l := range strings.Lines("one\ntwo") {
		fmt.Printf("%q ", l)
	}
	fmt.Println()
}
