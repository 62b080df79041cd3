// Generic types and functions with methods fmt calls, iterators, sorting.
package main

import (
	"cmp"
	"fmt"
	"iter"
	"maps"
	"slices"
	"strconv"
	"strings"
)

type Number interface {
	~int | ~int64 | ~float64
}

func Sum[T Number](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func (p Pair[K, V]) String() string { return fmt.Sprintf("%v=%v", p.Key, p.Val) }

type Stack[T any] struct{ items []T }

func (s *Stack[T]) Push(x T) { s.items = append(s.items, x) }
func (s *Stack[T]) Pop() (T, bool) {
	var zero T
	if len(s.items) == 0 {
		return zero, false
	}
	x := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return x, true
}

type Money int64

func (m Money) String() string { return fmt.Sprintf("$%d.%02d", m/100, m%100) }

func Filter[T any](seq iter.Seq[T], f func(T) bool) iter.Seq[T] {
	return func(yield func(T) bool) {
		for x := range seq {
			if f(x) && !yield(x) {
				return
			}
		}
	}
}

func main() {
	fmt.Println(Sum([]int{1, 2, 3}), Sum([]float64{1.5, 2}))
	fmt.Println(Sum([]Money{150, 275}))
	p := Pair[string, int]{"a", 1}
	fmt.Println(p, []Pair[string, int]{p})
	var st Stack[string]
	st.Push("x")
	st.Push("y")
	v, ok := st.Pop()
	fmt.Println(v, ok, len(st.items))
	m := map[string]int{"b": 2, "a": 1, "c": 3}
	keys := slices.Sorted(maps.Keys(m))
	fmt.Println(keys)
	evens := slices.Collect(Filter(slices.Values([]int{1, 2, 3, 4}), func(x int) bool { return x%2 == 0 }))
	fmt.Println(evens)
	type row struct {
		name string
		n    int
	}
	rows := []row{{"b", 2}, {"a", 2}, {"c", 1}}
	slices.SortFunc(rows, func(a, b row) int {
		return cmp.Or(cmp.Compare(a.n, b.n), strings.Compare(a.name, b.name))
	})
	fmt.Println(rows)
	counter := func() func() int {
		c := 0
		return func() int { c++; return c }
	}()
	counter()
	fmt.Println(counter())
	n, err := strconv.Atoi("12x")
	fmt.Println(n, err)
	var sb strings.Builder
	for i := range 3 {
		fmt.Fprintf(&sb, "%d;", i)
	}
	fmt.Println(sb.String())
	prices := map[string]Money{"tea": 250}
	fmt.Println(prices, prices["tea"])
	fmt.Printf("%v %d %s\n", Money(1999), Money(1999), Money(5))
	total := Money(0)
	for _, pr := range prices {
		total += pr
	}
	fmt.Println("total:", total)
	idx, found := slices.BinarySearch(keys, "b")
	fmt.Println(idx, found)
	fmt.Println(strings.Fields(" a b  c "), strings.Title("x"))
}
