package main

// Generics with constraints, a generic set type, iterators (iter.Seq,
// range over func and int), slices and maps of Go 1.23+.

import (
	"cmp"
	"fmt"
	"iter"
	"maps"
	"slices"
	"strings"
)

type Number interface {
	~int | ~int64 | ~float64
}

func SumBy[T any, N Number](xs []T, f func(T) N) N {
	var s N
	for _, x := range xs {
		s += f(x)
	}
	return s
}

type Set[T comparable] map[T]struct{}

func (s Set[T]) Add(v T)      { s[v] = struct{}{} }
func (s Set[T]) Has(v T) bool { _, ok := s[v]; return ok }
func (s Set[T]) Len() int     { return len(s) }
func NewSet[T comparable](xs ...T) Set[T] {
	s := Set[T]{}
	for _, x := range xs {
		s.Add(x)
	}
	return s
}

func Enumerate[T any](xs []T) iter.Seq2[int, T] {
	return func(yield func(int, T) bool) {
		for i, x := range xs {
			if !yield(i, x) {
				return
			}
		}
	}
}

func Count(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

type Item struct {
	Name  string
	Price float64
	Qty   int
}

func main() {
	items := []Item{{"pen", 1.5, 10}, {"book", 12, 2}, {"bag", 30, 1}}
	fmt.Println(SumBy(items, func(i Item) float64 { return i.Price * float64(i.Qty) }))
	fmt.Println(SumBy(items, func(i Item) int { return i.Qty }))
	s := NewSet("a", "b", "a")
	fmt.Println(s.Len(), s.Has("b"), s.Has("z"))
	for i, it := range Enumerate(items) {
		if i == 2 {
			break
		}
		fmt.Println(i, it.Name)
	}
	total := 0
	for v := range Count(5) {
		total += v
	}
	fmt.Println(total)
	slices.SortFunc(items, func(a, b Item) int { return cmp.Compare(b.Price, a.Price) })
	fmt.Println(items[0].Name, slices.IndexFunc(items, func(i Item) bool { return i.Name == "pen" }))
	names := slices.Collect(func(yield func(string) bool) {
		for _, it := range items {
			if !yield(strings.ToUpper(it.Name)) {
				return
			}
		}
	})
	fmt.Println(names)
	m := map[string]int{"x": 1, "y": 2}
	keys := slices.Sorted(maps.Keys(m))
	fmt.Println(keys, slices.Max([]int{3, 9, 2}), min(3, 1, 2), max(2.5, 1))
	for k, v := range maps.All(m) {
		_ = k
		total += v
	}
	fmt.Println(total)
	byName := slices.Clone(items)
	slices.SortStableFunc(byName, func(a, b Item) int { return strings.Compare(a.Name, b.Name) })
	fmt.Println(byName)
	idx, found := slices.BinarySearchFunc(byName, "book", func(it Item, n string) int { return strings.Compare(it.Name, n) })
	fmt.Println(idx, found)
	for i := range 3 {
		fmt.Print(i)
	}
	fmt.Println()
	chunks := slices.Collect(slices.Chunk([]int{1, 2, 3, 4, 5}, 2))
	fmt.Println(chunks, slices.Repeat([]string{"ab"}, 2))
}
