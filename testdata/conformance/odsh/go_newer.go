//go:build go1.26

// Go 1.22–1.26 in a program: generic type aliases, new(expr), iterators
// of the standard library, sync.WaitGroup.Go with loop variables,
// errors.AsType, time.AfterFunc callbacks made in a loop.
package main

import (
	"cmp"
	"errors"
	"fmt"
	"iter"
	"maps"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
)

type Set[T comparable] = map[T]struct{}

type Pair[K comparable, V any] = struct {
	Key K
	Val V
}

type NotFound struct{ Key string }

func (e *NotFound) Error() string { return "not found: " + e.Key }

type Config struct {
	Name *string
	Port *int
}

func Add[T comparable](s Set[T], v T) { s[v] = struct{}{} }

func Sorted[K cmp.Ordered, V any](m map[K]V) iter.Seq2[K, V] {
	return func(yield func(K, V) bool) {
		for _, k := range slices.Sorted(maps.Keys(m)) {
			if !yield(k, m[k]) {
				return
			}
		}
	}
}

func main() {
	s := Set[string]{}
	Add(s, "a")
	Add(s, "b")
	Add(s, "a")
	var plain map[string]struct{} = s
	fmt.Println(len(s), len(plain))
	ps := []Pair[string, int]{{"x", 1}, {"y", 2}}
	fmt.Println(ps)

	p := new(42)
	c := Config{Name: new("svc"), Port: new(8080)}
	*p++
	fmt.Println(*p, *c.Name, *c.Port, *new(len("four")))

	for k, v := range Sorted(map[string]int{"b": 2, "a": 1}) {
		fmt.Print(k, v, " ")
	}
	for line := range strings.Lines("l1\nl2\n") {
		fmt.Printf("%q ", line)
	}
	for part := range strings.SplitSeq("x,y", ",") {
		fmt.Print(part)
	}
	for ch := range slices.Chunk([]int{1, 2, 3}, 2) {
		fmt.Print(ch)
	}
	fmt.Println()

	var wg sync.WaitGroup
	var mu sync.Mutex
	var got []int
	for i := range 4 {
		wg.Go(func() {
			mu.Lock()
			got = append(got, i)
			mu.Unlock()
		})
	}
	wg.Wait()
	for _, w := range []int{10, 20} {
		wg.Add(1)
		time.AfterFunc(time.Millisecond, func() {
			mu.Lock()
			got = append(got, w)
			mu.Unlock()
			wg.Done()
		})
	}
	wg.Wait()
	sort.Ints(got)
	fmt.Println(got)

	err := fmt.Errorf("lookup: %w", &NotFound{"k"})
	if nf, ok := errors.AsType[*NotFound](err); ok {
		fmt.Println("found", nf.Key)
	}
	_, ok := errors.AsType[*NotFound](errors.New("other"))
	fmt.Println(ok, cmp.Or(0, 3), min(2, 1), max("a", "b"))
}
