// Maps with struct and array keys: counting and de-duplicating records.
package main

import (
	"fmt"
	"sort"
)

type key struct {
	Country string
	Year    int
}

type sale struct {
	Country string
	Year    int
	Amount  int
}

func main() {
	sales := []sale{{"BE", 2023, 10}, {"FR", 2023, 5}, {"BE", 2024, 7}, {"BE", 2023, 3}, {"FR", 2024, 1}}
	totals := map[key]int{}
	for _, s := range sales {
		totals[key{s.Country, s.Year}] += s.Amount
	}
	fmt.Println(totals)
	ks := make([]key, 0, len(totals))
	for k := range totals {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(i, j int) bool {
		if ks[i].Country != ks[j].Country {
			return ks[i].Country < ks[j].Country
		}
		return ks[i].Year < ks[j].Year
	})
	for _, k := range ks {
		fmt.Printf("%s/%d=%d ", k.Country, k.Year, totals[k])
	}
	fmt.Println()
	fmt.Println(totals[key{"BE", 2023}], totals[key{"NL", 2023}])
	seen := map[[2]string]bool{}
	pairs := [][2]string{{"a", "b"}, {"b", "a"}, {"a", "b"}}
	n := 0
	for _, p := range pairs {
		if !seen[p] {
			seen[p] = true
			n++
		}
	}
	fmt.Println(n, len(seen), seen)
	type point struct{ X, Y int }
	grid := map[point]string{{0, 0}: "origin", {1, 2}: "p"}
	fmt.Println(grid[point{1, 2}], len(grid), grid)
	set := map[any]int{1: 1, "1": 2, key{"x", 1}: 3, 1.0: 4}
	fmt.Println(set[1], set["1"], set[key{"x", 1}], set[1.0], len(set))
}
