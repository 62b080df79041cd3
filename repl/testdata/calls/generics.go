// Calls of generic functions whose type arguments yaegi would infer by
// position.
package main

import (
	"fmt"
	"sort"
	"strconv"
)

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Filter[T any](xs []T, f func(T) bool) []T {
	var out []T
	for _, x := range xs {
		if f(x) {
			out = append(out, x)
		}
	}
	return out
}

func Keys[K comparable, V any](m map[K]V) []K {
	var out []K
	for k := range m {
		out = append(out, k)
	}
	return out
}

func Sum[T int | float64](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func SumOf[T int | float64](xs ...T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Reduce[T, A any](xs []T, init A, f func(A, T) A) A {
	acc := init
	for _, x := range xs {
		acc = f(acc, x)
	}
	return acc
}

type Pt struct{ X, Y int }

func labels(ps []Pt) []string {
	return Map(ps, func(p Pt) string { return fmt.Sprintf("(%d,%d)", p.X, p.Y) })
}

func main() {
	fmt.Println(Map([]int{1, 2}, func(i int) string { return fmt.Sprint(i * 2) }))
	fmt.Println(Filter([]int{1, 2, 3}, func(i int) bool { return i%2 == 1 }))
	ks := Keys(map[string]int{"b": 1, "a": 2})
	sort.Strings(ks)
	fmt.Println(ks)
	fmt.Println(Sum([]int{1, 2}), Sum([]float64{1.5, 2}))
	fmt.Println(SumOf(1, 2, 3), SumOf(1.5, 2))
	fmt.Println(Reduce([]int{1, 2, 3}, "", func(a string, x int) string { return a + fmt.Sprint(x) }))
	xs := []int{1, 2, 3}
	f := func(i int) string { return fmt.Sprint(i * 2) }
	fmt.Println(Map(xs, f))
	fmt.Println(Map(xs, strconv.Itoa))
	fmt.Println(Map([]string{"a", "bb"}, func(s string) int { return len(s) }))
	fmt.Println(Map(Filter(xs, func(i int) bool { return i > 1 }), func(i int) float64 { return float64(i) / 2 }))
	fmt.Println(labels([]Pt{{1, 2}, {3, 4}}))
	lens := Map([]string{"a", "bb"}, func(s string) int { return len(s) })
	fmt.Println(lens[1] + 1)
	fmt.Println(Map[int, string]([]int{7}, strconv.Itoa))
}
