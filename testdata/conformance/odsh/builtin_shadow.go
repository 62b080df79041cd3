// A package-level function named like a builtin (min, max) is the one
// called, as in Go.
package main

import "fmt"

func min(xs []int) int {
	m := xs[0]
	for _, x := range xs[1:] {
		if x < m {
			m = x
		}
	}
	return m
}

func main() {
	xs := []int{3, 1, 2}
	fmt.Println(min(xs), max(4, 9, 2))
	lowest := min([]int{8, 5})
	fmt.Println(lowest)
}
