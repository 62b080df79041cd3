package main

// Worker goroutines with context and select, a generic cache, generic
// Map/Filter, sync.Once, RWMutex, timers.

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"
)

type Result struct {
	ID  int
	Err error
}

type Cache[K comparable, V any] struct {
	mu   sync.Mutex
	data map[K]V
}

func NewCache[K comparable, V any]() *Cache[K, V] {
	return &Cache[K, V]{data: make(map[K]V)}
}

func (c *Cache[K, V]) Get(k K, load func(K) (V, error)) (V, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if v, ok := c.data[k]; ok {
		return v, nil
	}
	v, err := load(k)
	if err != nil {
		var zero V
		return zero, err
	}
	c.data[k] = v
	return v, nil
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

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func SortedPairs[K ~string, V any](m map[K]V) []Pair[K, V] {
	ps := make([]Pair[K, V], 0, len(m))
	for k, v := range m {
		ps = append(ps, Pair[K, V]{k, v})
	}
	sort.Slice(ps, func(i, j int) bool { return ps[i].Key < ps[j].Key })
	return ps
}

func worker(ctx context.Context, id int, jobs <-chan int, out chan<- Result) {
	for {
		select {
		case <-ctx.Done():
			return
		case j, ok := <-jobs:
			if !ok {
				return
			}
			var err error
			if j%4 == 0 {
				err = fmt.Errorf("job %d: %w", j, errBad)
			}
			out <- Result{j, err}
		}
	}
}

var errBad = errors.New("bad job")

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	jobs := make(chan int)
	out := make(chan Result, 16)
	var wg sync.WaitGroup
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			worker(ctx, id, jobs, out)
		}(w)
	}
	go func() {
		for i := 1; i <= 8; i++ {
			jobs <- i
		}
		close(jobs)
	}()
	go func() { wg.Wait(); close(out) }()
	var ok, bad []int
	for r := range out {
		if errors.Is(r.Err, errBad) {
			bad = append(bad, r.ID)
		} else {
			ok = append(ok, r.ID)
		}
	}
	sort.Ints(ok)
	sort.Ints(bad)
	fmt.Println(ok, bad)

	c := NewCache[string, int]()
	calls := 0
	load := func(k string) (int, error) {
		calls++
		if k == "" {
			return 0, errors.New("empty key")
		}
		return len(k), nil
	}
	a, _ := c.Get("abc", load)
	b, _ := c.Get("abc", load)
	_, err := c.Get("", load)
	fmt.Println(a, b, calls, err)

	words := []string{"go", "odoo", "shell", "orm"}
	lens := Map(words, func(s string) int { return len(s) })
	long := Filter(words, func(s string) bool { return len(s) > 3 })
	fmt.Println(lens, long, Map(long, strings.ToUpper))
	type Name string
	fmt.Println(SortedPairs(map[Name]int{"b": 2, "a": 1}))

	timer := time.NewTimer(10 * time.Millisecond)
	select {
	case <-timer.C:
		fmt.Println("timer fired")
	case <-time.After(2 * time.Second):
		fmt.Println("timeout")
	}
	var once sync.Once
	for i := 0; i < 3; i++ {
		once.Do(func() { fmt.Println("once", i) })
	}
	done := make(chan struct{})
	var mu sync.RWMutex
	shared := map[int]int{}
	for i := 0; i < 4; i++ {
		go func() {
			mu.Lock()
			shared[i] = i * i
			mu.Unlock()
			done <- struct{}{}
		}()
	}
	for i := 0; i < 4; i++ {
		<-done
	}
	mu.RLock()
	fmt.Println(len(shared), shared[3])
	mu.RUnlock()
	ctx2, cancel2 := context.WithCancel(context.Background())
	cancel2()
	<-ctx2.Done()
	fmt.Println(ctx2.Err(), errors.Is(ctx2.Err(), context.Canceled))
}
