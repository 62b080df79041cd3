// Generic helpers with type inference, and a generic type.
package main

import (
	"fmt"
	"strconv"
	"strings"
)

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Filter[T any](xs []T, keep func(T) bool) []T {
	var out []T
	for _, x := range xs {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}

func Reduce[T, A any](xs []T, init A, f func(A, T) A) A {
	acc := init
	for _, x := range xs {
		acc = f(acc, x)
	}
	return acc
}

type Number interface {
	~int | ~int64 | ~float64
}

func Sum[N Number](xs ...N) N {
	var t N
	for _, x := range xs {
		t += x
	}
	return t
}

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

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

type Cents int

func main() {
	ids := []int{3, 1, 4, 1, 5}
	strs := Map(ids, strconv.Itoa)
	fmt.Println(strings.Join(strs, ","), len(strs))
	fmt.Println(Map(strs, func(s string) string { return s + "!" }))
	fmt.Println(Filter(ids, func(i int) bool { return i > 2 }))
	fmt.Println(Reduce(ids, "", func(a string, i int) string { return a + strconv.Itoa(i) }))
	fmt.Println(Sum(1.5, 2.25), Sum[int](), Sum(Cents(10), Cents(5)))
	var s Stack[string]
	s.Push("a")
	s.Push("b")
	x, ok := s.Pop()
	fmt.Println(x, ok, len(s.items))
	p := Pair[string, []int]{"k", ids[:2]}
	fmt.Printf("%+v\n", p)
}
