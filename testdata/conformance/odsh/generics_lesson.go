// A generics lesson as people write it: Sum over a constraint, Map,
// Filter and GroupBy over words from strings.Fields (yaegi failed to
// infer from a value whose type a compiled function gave: a CFG panic),
// a generic Stack and Pair with String, SortedPairs, slices.SortFunc with
// cmp.Or, worker goroutines and a ticker.
package main

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
)

type Number interface {
	~int | ~int64 | ~float64
}

func Sum[T Number](xs ...T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

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

func GroupBy[T any, K comparable](xs []T, key func(T) K) map[K][]T {
	m := map[K][]T{}
	for _, x := range xs {
		k := key(x)
		m[k] = append(m[k], x)
	}
	return m
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
func (s Stack[T]) Len() int { return len(s.items) }

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func (p Pair[K, V]) String() string { return fmt.Sprintf("%v=%v", p.Key, p.Val) }

func SortedPairs[K cmp.Ordered, V any](m map[K]V) []Pair[K, V] {
	out := make([]Pair[K, V], 0, len(m))
	for k, v := range m {
		out = append(out, Pair[K, V]{k, v})
	}
	slices.SortFunc(out, func(a, b Pair[K, V]) int { return cmp.Compare(a.Key, b.Key) })
	return out
}

type Cents int64

type Employee struct {
	Name   string
	Dept   string
	Salary Cents
	Start  time.Time
}

func main() {
	fmt.Println(Sum(1, 2, 3), Sum(1.5, 2.5), Sum[Cents](100, 250))
	words := strings.Fields("the quick brown fox jumps over the lazy dog")
	lens := Map(words, func(s string) int { return len(s) })
	fmt.Println(lens, Filter(words, func(s string) bool { return len(s) > 4 }))
	g := GroupBy(words, func(s string) int { return len(s) })
	keys := slices.Sorted(maps.Keys(g))
	for _, k := range keys {
		fmt.Println(k, g[k])
	}
	var st Stack[string]
	st.Push("a")
	st.Push("b")
	v, ok := st.Pop()
	fmt.Println(v, ok, st.Len())
	fmt.Println(SortedPairs(map[string]int{"b": 2, "a": 1, "c": 3}))
	day := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	emps := []Employee{
		{"ann", "eng", 500000, day},
		{"bob", "ops", 300000, day.AddDate(0, 1, 0)},
		{"cy", "eng", 450000, day.AddDate(-1, 0, 0)},
	}
	slices.SortFunc(emps, func(a, b Employee) int {
		return cmp.Or(cmp.Compare(a.Dept, b.Dept), cmp.Compare(b.Salary, a.Salary))
	})
	for _, e := range emps {
		fmt.Printf("%-4s %s %8.2f %s\n", e.Name, e.Dept, float64(e.Salary)/100, e.Start.Format("2006-01-02"))
	}
	byDept := map[string]Cents{}
	for _, e := range emps {
		byDept[e.Dept] += e.Salary
	}
	fmt.Println(byDept)
	idx, found := slices.BinarySearch([]int{1, 3, 5, 7}, 5)
	fmt.Println(idx, found, slices.Max([]float64{1, 9, 2}))
	var mu sync.Mutex
	var wg sync.WaitGroup
	total := 0
	results := make([]int, 10)
	for i := range 10 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			total += i
			mu.Unlock()
			results[i] = i * i
		}()
	}
	wg.Wait()
	fmt.Println(total, results)
	ch := make(chan int)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for v := range ch {
			fmt.Print(v, ",")
		}
		fmt.Println()
	}()
	for i := 0; i < 5; i++ {
		ch <- i
	}
	close(ch)
	<-done
	sem := make(chan struct{}, 2)
	out := make(chan string, 6)
	for _, w := range []string{"x", "y", "z"} {
		sem <- struct{}{}
		go func(w string) {
			defer func() { <-sem }()
			out <- strings.ToUpper(w)
		}(w)
	}
	for range cap(sem) {
		sem <- struct{}{}
	}
	close(out)
	var got []string
	for s := range out {
		got = append(got, s)
	}
	sort.Strings(got)
	fmt.Println(got)
	timeout := time.After(50 * time.Millisecond)
	tick := time.NewTicker(10 * time.Millisecond)
	n := 0
loop:
	for {
		select {
		case <-tick.C:
			n++
			if n == 3 {
				break loop
			}
		case <-timeout:
			break loop
		}
	}
	tick.Stop()
	fmt.Println("ticks", n)
}
