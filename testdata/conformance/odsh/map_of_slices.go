// Maps of slices: grouping records by key.
package main

import (
	"fmt"
	"sort"
)

type partner struct {
	Name, Country string
	Sales         float64
}

func main() {
	ps := []partner{{"Ann", "BE", 10}, {"Bob", "FR", 5}, {"Cid", "BE", 7.5}, {"Dee", "NL", 1}, {"Eve", "FR", 2}}
	byCountry := map[string][]partner{}
	for _, p := range ps {
		byCountry[p.Country] = append(byCountry[p.Country], p)
	}
	fmt.Println(len(byCountry), len(byCountry["BE"]), len(byCountry["XX"]))
	keys := make([]string, 0, len(byCountry))
	for k := range byCountry {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		total := 0.0
		var names []string
		for _, p := range byCountry[k] {
			total += p.Sales
			names = append(names, p.Name)
		}
		fmt.Printf("%s: %v %.2f\n", k, names, total)
	}
	ids := map[string][]int{}
	ids["x"] = append(ids["x"], 1, 2)
	ids["y"] = nil
	fmt.Println(ids, ids["y"] == nil, len(ids))
	delete(ids, "y")
	fmt.Printf("%v %d\n", ids, len(ids["x"]))
	nested := map[string]map[string]int{}
	for _, p := range ps {
		if nested[p.Country] == nil {
			nested[p.Country] = map[string]int{}
		}
		nested[p.Country][p.Name[:1]]++
	}
	fmt.Println(nested)
}
