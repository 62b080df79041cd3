// Generic functions and types: constraints with ~, explicit and inferred
// type arguments (core types of constraints), generic methods, min and
// range over ints inside generic functions, conversions to instances.
package main

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
)

type Number interface {
	~int | ~int32 | ~int64 | ~float64
}

type Money int64

func (m Money) String() string { return fmt.Sprintf("%d.%02d", m/100, m%100) }

func Sum[T Number](xs ...T) (s T) {
	for _, x := range xs {
		s += x
	}
	return
}

func MaxBy[T any, K cmp.Ordered](xs []T, key func(T) K) (T, bool) {
	var best T
	if len(xs) == 0 {
		return best, false
	}
	best = xs[0]
	for _, x := range xs[1:] {
		if key(x) > key(best) {
			best = x
		}
	}
	return best, true
}

type Stack[T any] struct{ items []T }

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }
func (s *Stack[T]) Pop() (T, error) {
	var zero T
	if len(s.items) == 0 {
		return zero, errors.New("empty")
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, nil
}
func (s Stack[T]) Len() int { return len(s.items) }

type Pair[A, B any] struct {
	First  A
	Second B
}

func Zip[A, B any](as []A, bs []B) []Pair[A, B] {
	n := min(len(as), len(bs))
	out := make([]Pair[A, B], n)
	for i := range n {
		out[i] = Pair[A, B]{as[i], bs[i]}
	}
	return out
}

type List[T comparable] []T

func (l List[T]) Index(v T) int {
	for i, x := range l {
		if x == v {
			return i
		}
	}
	return -1
}

func Keys[M ~map[K]V, K cmp.Ordered, V any](m M) []K {
	ks := make([]K, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

type Cache[K comparable, V any] struct {
	data map[K]V
	miss func(K) V
}

func NewCache[K comparable, V any](miss func(K) V) *Cache[K, V] {
	return &Cache[K, V]{data: map[K]V{}, miss: miss}
}

func (c *Cache[K, V]) Get(k K) V {
	if v, ok := c.data[k]; ok {
		return v
	}
	v := c.miss(k)
	c.data[k] = v
	return v
}

func Count[T any](xs []T, f func(T) bool) int {
	n := 0
	for _, x := range xs {
		if f(x) {
			n++
		}
	}
	return max(n, 0)
}

func Firsts[A, B any](as []A, bs []B) []string {
	n := min(len(as), len(bs))
	var out []string
	for i := range n {
		out = append(out, fmt.Sprint(as[i], bs[i]))
	}
	return out
}

func main() {
	fmt.Println(Sum(1, 2, 3), Sum(1.5, 2.5), Sum[Money](150, 275))
	words := []string{"go", "odoo", "shell", "py"}
	w, ok := MaxBy(words, func(s string) int { return len(s) })
	fmt.Println(w, ok)
	var st Stack[string]
	for _, x := range words {
		st.Push(strings.ToUpper(x))
	}
	v, err := st.Pop()
	fmt.Println(v, err, st.Len())
	var empty Stack[int]
	_, err = empty.Pop()
	fmt.Println(err)
	zs := Zip([]int{1, 2, 3}, []string{"a", "b"})
	fmt.Printf("%v %+v\n", zs, zs[1])
	l := List[string](words)
	fmt.Println(l.Index("shell"), l.Index("x"))
	m := map[string]int{"b": 2, "a": 1, "c": 3}
	fmt.Println(Keys(m))
	calls := 0
	c := NewCache(func(k int) string { calls++; return strings.Repeat("*", k) })
	c.Get(3)
	c.Get(3)
	fmt.Println(c.Get(2), calls)
	type scored struct {
		name  string
		score float64
	}
	ss := []scored{{"x", 2.5}, {"y", 1}, {"z", 2.5}}
	slices.SortStableFunc(ss, func(a, b scored) int { return cmp.Compare(b.score, a.score) })
	fmt.Println(ss)
	idx, found := slices.BinarySearchFunc([]int{1, 3, 5, 7}, 5, func(a, b int) int { return a - b })
	fmt.Println(idx, found)
	fmt.Println(Count([]int{1, 2, 3, 4}, func(x int) bool { return x%2 == 0 }), Firsts([]int{1, 2, 3}, []string{"a", "b"}))
	fmt.Println(sort.IsSorted(sort.IntSlice([]int{1, 2})))
}
