// Goroutines with sync.WaitGroup, a mutex and a channel of results.
package main

import (
	"fmt"
	"sort"
	"sync"
)

func square(n int) int { return n * n }

func main() {
	var wg sync.WaitGroup
	results := make([]int, 10)
	for i := range 10 {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			results[i] = square(i)
		}(i)
	}
	wg.Wait()
	fmt.Println(results)

	var mu sync.Mutex
	total := 0
	for i := 1; i <= 100; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			defer mu.Unlock()
			total += i
		}()
	}
	wg.Wait()
	fmt.Println(total)

	ch := make(chan string, 3)
	for _, w := range []string{"x", "y", "z"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ch <- w + w
		}()
	}
	go func() { wg.Wait(); close(ch) }()
	var got []string
	for s := range ch {
		got = append(got, s)
	}
	sort.Strings(got)
	fmt.Println(got)

	var once sync.Once
	for range 3 {
		once.Do(func() { fmt.Println("once") })
	}
}
