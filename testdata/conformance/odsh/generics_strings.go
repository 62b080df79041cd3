// Generic functions calling the generic functions of slices and maps,
// conversions to type parameters constrained by ~string.
package main

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

func Norm[T ~string](xs []T) []T {
	out := slices.Clone(xs)
	slices.Sort(out)
	out = slices.Compact(out)
	out = slices.Insert(out, 0, T("first"))
	i := slices.Index(out, T("b"))
	return append(out, T(fmt.Sprint(i)))
}

func Merge[K comparable, V any](a, b map[K]V) map[K]V {
	out := maps.Clone(a)
	maps.Copy(out, b)
	return out
}

func Chunks[T any](xs []T, n int) [][]T {
	var out [][]T
	for c := range slices.Chunk(xs, n) {
		out = append(out, c)
	}
	return out
}

func Upper[T ~string](x T) T { return T(strings.ToUpper(string(x))) }

type Status string

func Join[T ~string](xs []T, sep string) T {
	var parts []string
	for _, x := range xs {
		parts = append(parts, string(x))
	}
	return T(strings.Join(parts, sep))
}
func Lit[T ~string]() T { return T("lit") }

func main() {
	fmt.Println(Norm([]string{"b", "a", "b", "c"}))
	fmt.Println(Merge(map[string]int{"a": 1}, map[string]int{"b": 2}))
	fmt.Println(Chunks([]int{1, 2, 3, 4, 5}, 2))
	fmt.Println(Upper("abc"))

	fmt.Println(Upper("abc"), Upper(Status("draft")))
	fmt.Printf("%v %T\n", Join([]Status{"a", "b"}, "|"), Join([]string{"x"}, ","))
	fmt.Println(Lit[Status](), Lit[string]())
}
