// sort.Slice with a custom less, stable sorting, and sort.Search.
package main

import (
	"fmt"
	"sort"
	"strings"
)

type line struct {
	Product string
	Qty     int
	Price   float64
}

func main() {
	ls := []line{{"pen", 3, 1.5}, {"ink", 1, 9}, {"pad", 3, 2}, {"cap", 2, 0.5}, {"box", 1, 9}}
	sort.Slice(ls, func(i, j int) bool {
		if ls[i].Qty != ls[j].Qty {
			return ls[i].Qty > ls[j].Qty
		}
		return ls[i].Product < ls[j].Product
	})
	fmt.Println(ls)
	sort.SliceStable(ls, func(i, j int) bool { return ls[i].Price < ls[j].Price })
	for _, l := range ls {
		fmt.Printf("%-4s %2d %5.2f\n", l.Product, l.Qty, l.Price)
	}
	words := strings.Fields("the quick brown fox jumps over the lazy dog")
	sort.Slice(words, func(i, j int) bool {
		if len(words[i]) != len(words[j]) {
			return len(words[i]) < len(words[j])
		}
		return words[i] < words[j]
	})
	fmt.Println(words)
	xs := []int{9, 1, 8, 2, 7}
	sort.Sort(sort.Reverse(sort.IntSlice(xs)))
	fmt.Println(xs, sort.IsSorted(sort.IntSlice(xs)))
	ys := []int{1, 3, 5, 7}
	fmt.Println(sort.SearchInts(ys, 5), sort.Search(len(ys), func(i int) bool { return ys[i] >= 4 }))
}
