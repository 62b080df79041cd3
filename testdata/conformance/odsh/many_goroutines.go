// Thousands of goroutines each inside a function call at once: the shell's
// guard against runaway recursion counts the calls of each goroutine, not
// of all together.
package main

import (
	"fmt"
	"sync"
)

func wait(start <-chan struct{}, wg *sync.WaitGroup, n *int64, mu *sync.Mutex) {
	defer wg.Done()
	<-start
	mu.Lock()
	*n++
	mu.Unlock()
}

func depth(n int) int {
	if n == 0 {
		return 0
	}
	return 1 + depth(n-1)
}

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	var n int64
	start := make(chan struct{})
	for i := 0; i < 3000; i++ {
		wg.Add(1)
		go func() {
			wait(start, &wg, &n, &mu)
		}()
	}
	ready := make(chan int)
	go func() { ready <- depth(500) }()
	close(start)
	wg.Wait()
	fmt.Println(n, <-ready)
}
