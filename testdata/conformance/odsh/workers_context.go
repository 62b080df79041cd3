// Worker pools with channels, context cancellation and deadlines, errors
// of declared types through channels, sync.Once, RWMutex, tickers.
package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"
)

type Job struct {
	ID   int
	Name string
}

type Result struct {
	Job Job
	Out string
	Err error
}

type TimeoutErr struct{ After time.Duration }

func (e TimeoutErr) Error() string { return "timeout after " + e.After.String() }

func work(ctx context.Context, j Job) (string, error) {
	if j.ID%3 == 0 {
		return "", TimeoutErr{time.Duration(j.ID) * time.Millisecond}
	}
	select {
	case <-ctx.Done():
		return "", ctx.Err()
	default:
	}
	return strings.Repeat(j.Name, 2), nil
}

func main() {
	jobs := make(chan Job)
	results := make(chan Result)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var wg sync.WaitGroup
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			for j := range jobs {
				out, err := work(ctx, j)
				results <- Result{j, out, err}
			}
		}(w)
	}
	go func() {
		for i := 1; i <= 6; i++ {
			jobs <- Job{i, fmt.Sprint("j", i)}
		}
		close(jobs)
	}()
	go func() { wg.Wait(); close(results) }()
	collected := map[int]Result{}
	for r := range results {
		collected[r.Job.ID] = r
	}
	for i := 1; i <= 6; i++ {
		r := collected[i]
		var te TimeoutErr
		switch {
		case errors.As(r.Err, &te):
			fmt.Println(i, "timeout", te.After)
		case r.Err != nil:
			fmt.Println(i, "error", r.Err)
		default:
			fmt.Println(i, r.Out)
		}
	}
	var once sync.Once
	for range 3 {
		once.Do(func() { fmt.Println("once") })
	}
	ctx2, cancel2 := context.WithTimeout(context.Background(), 5*time.Millisecond)
	defer cancel2()
	<-ctx2.Done()
	fmt.Println(ctx2.Err(), errors.Is(ctx2.Err(), context.DeadlineExceeded))
	ticker := time.NewTicker(time.Millisecond)
	n := 0
	for range ticker.C {
		n++
		if n == 3 {
			ticker.Stop()
			break
		}
	}
	fmt.Println("ticks", n)
	var rw sync.RWMutex
	cache := map[string]int{}
	get := func(k string) (int, bool) {
		rw.RLock()
		defer rw.RUnlock()
		v, ok := cache[k]
		return v, ok
	}
	rw.Lock()
	cache["a"] = 1
	rw.Unlock()
	fmt.Println(get("a"))
	fmt.Println(get("b"))
	errc := make(chan error, 2)
	errc <- TimeoutErr{time.Second}
	errc <- nil
	fmt.Println(<-errc, <-errc)
}
