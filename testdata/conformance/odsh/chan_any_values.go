// Values of declared types with methods sent on a chan of any: in a loop,
// from goroutines, from a variable assigned after the send, from a
// function called twice; each is received as it was sent.
package main

import (
	"fmt"
	"sort"
	"sync"
)

type State int

func (s State) String() string { return fmt.Sprint("S", int(s)) }

type Code int

type Word string

func send(ch chan any, v State) { ch <- v }

func produce(ch chan<- any, n int) {
	for i := 0; i < n; i++ {
		ch <- State(i)
	}
}

func main() {
	ch := make(chan any, 10)
	send(ch, 1)
	send(ch, 2)
	fmt.Println(<-ch, <-ch)

	var s State = 7
	ch <- s
	s = 8
	ch <- s
	fmt.Println(<-ch, <-ch)

	produce(ch, 3)
	fmt.Println(<-ch, <-ch, <-ch)

	for i := 0; i < 3; i++ {
		c := Code(i)
		ch <- c
	}
	a, b, c := <-ch, <-ch, <-ch
	fmt.Println(a, b, c)
	fmt.Printf("%T %v %v\n", a, a == any(Code(0)), b == any(1))

	for _, w := range []string{"x", "yy"} {
		ch <- Word(w)
	}
	w1, w2 := <-ch, <-ch
	fmt.Println(w1, w2, len(w2.(Word)))

	res := make(chan any)
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			res <- State(i * 10)
		}(i)
	}
	go func() { wg.Wait(); close(res) }()
	var got []int
	for v := range res {
		got = append(got, int(v.(State)))
	}
	sort.Ints(got)
	fmt.Println(got)
}
