// maps and slices functions returning and taking iterators (Go 1.23).
package main

import (
	"fmt"
	"maps"
	"slices"
	"sort"
)

func main() {
	m := map[string]int{"b": 2, "a": 1, "c": 3}
	fmt.Println(slices.Sorted(maps.Keys(m)))
	var ks []string
	for k := range maps.Keys(m) {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	fmt.Println(ks)
	var vs []int
	for v := range maps.Values(m) {
		vs = append(vs, v)
	}
	sort.Ints(vs)
	fmt.Println(vs)
	total := 0
	for k, v := range maps.All(m) {
		total += v + len(k)
	}
	fmt.Println(total)
	xs := []string{"x", "y", "z"}
	for i, x := range slices.All(xs) {
		fmt.Println(i, x)
	}
	for x := range slices.Values(xs) {
		fmt.Print(x, " ")
	}
	fmt.Println()
	for i, x := range slices.Backward(xs) {
		fmt.Print(i, x, " ")
	}
	fmt.Println()
	fmt.Println(slices.Collect(slices.Values(xs)))
	fmt.Println(slices.Sorted(maps.Values(m)))
	fmt.Println(len(slices.Collect(maps.Keys(m))))
	m2 := maps.Collect(maps.All(m))
	fmt.Println(len(m2), m2["c"])
}
