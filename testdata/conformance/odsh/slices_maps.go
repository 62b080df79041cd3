// The slices and maps packages, iterators included.
package main

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

func main() {
	m := map[string]int{"b": 2, "a": 1, "c": 3}
	keys := slices.Sorted(maps.Keys(m))
	fmt.Println(keys)
	n := 0
	for k := range maps.Keys(m) {
		n += len(k)
	}
	fmt.Println(n)
	vals := slices.Collect(maps.Values(m))
	slices.Sort(vals)
	fmt.Println(vals, slices.Max(vals), slices.Min(vals))
	xs := []int{5, 2, 8, 2}
	fmt.Println(slices.Index(xs, 8), slices.Contains(xs, 3), slices.Compact(slices.Sorted(slices.Values(xs))))
	ys := slices.Clone(xs)
	slices.Reverse(ys)
	fmt.Println(xs, ys, slices.Equal(xs, ys))
	i, found := slices.BinarySearch([]int{1, 3, 5}, 4)
	fmt.Println(i, found)
	words := []string{"pear", "Apple", "fig"}
	slices.SortFunc(words, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) })
	fmt.Println(words, slices.IndexFunc(words, func(s string) bool { return len(s) == 3 }))
	m2 := maps.Clone(m)
	m2["d"] = 4
	fmt.Println(len(m), len(m2), maps.Equal(m, m2))
	maps.DeleteFunc(m2, func(k string, v int) bool { return v%2 == 0 })
	fmt.Println(m2)
	for i, w := range slices.All(words) {
		fmt.Print(i, w, " ")
	}
	fmt.Println()
	fmt.Println(slices.Insert([]int{1, 4}, 1, 2, 3), slices.Delete([]int{1, 2, 3, 4}, 1, 3))
	fmt.Println(slices.Repeat([]string{"ab"}, 3), slices.Concat([]int{1}, []int{2, 3}))
}
