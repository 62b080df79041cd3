// iter.Pull and iter.Pull2: values one at a time, stop, a sequence that
// ignores stop, a panic of the sequence.
package main

import (
	"fmt"
	"iter"
	"maps"
	"slices"
)

func count(n int, log *[]string) iter.Seq[int] {
	return func(yield func(int) bool) {
		defer func() { *log = append(*log, "seq returned") }()
		for i := range n {
			if !yield(i) {
				*log = append(*log, fmt.Sprint("stopped at ", i))
				return
			}
		}
	}
}

func main() {
	var log []string
	next, stop := iter.Pull(count(3, &log))
	for {
		v, ok := next()
		if !ok {
			break
		}
		fmt.Print(v, " ")
	}
	fmt.Println(log)
	v, ok := next()
	fmt.Println(v, ok)
	stop()
	stop()

	log = nil
	next, stop = iter.Pull(count(10, &log))
	a, _ := next()
	b, _ := next()
	stop()
	c, okc := next()
	fmt.Println(a, b, c, okc, log)

	log = nil
	_, stop = iter.Pull(count(10, &log))
	stop()
	fmt.Println(len(log))

	stubborn := func(yield func(string) bool) {
		r1 := yield("x")
		r2 := yield("y")
		r3 := yield("z")
		fmt.Println("stubborn got", r1, r2, r3)
	}
	nx, st := iter.Pull(iter.Seq[string](stubborn))
	s, _ := nx()
	fmt.Println(s)
	st()

	boom := func(yield func(int) bool) {
		yield(1)
		panic("seq failed")
	}
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		nb, sb := iter.Pull(iter.Seq[int](boom))
		defer sb()
		x, _ := nb()
		fmt.Println("got", x)
		nb()
		fmt.Println("not reached")
	}()

	m := map[string]int{"a": 1, "b": 2}
	n2, s2 := iter.Pull2(maps.All(m))
	defer s2()
	var keys []string
	sum := 0
	for {
		k, v, ok := n2()
		if !ok {
			break
		}
		keys = append(keys, k)
		sum += v
	}
	slices.Sort(keys)
	fmt.Println(keys, sum)
	k, v2, ok2 := n2()
	fmt.Printf("%q %d %v\n", k, v2, ok2)
}
