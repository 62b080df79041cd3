// make with a size out of range panics with the runtime.Error Go
// recovers, and so does a nil pointer dereferenced into _, and a slice
// converted to a longer array or array pointer; a nil array pointer has
// a length and indices.
package main

import "fmt"

func try(name string, f func()) {
	defer func() {
		r := recover()
		_, isErr := r.(error)
		fmt.Printf("%s: %v (error %v)\n", name, r, isErr)
	}()
	f()
}

func main() {
	n := -1
	try("makechan", func() { _ = make(chan int, n) })
	try("makeslice", func() { _ = make([]int, n) })
	try("makeslice cap", func() { _ = make([]int, 5, 2+n) })
	try("makemap", func() { _ = make(map[int]int, n) })
	var ip *int
	try("blank deref", func() { _ = *ip })
	short := []int{1, 2}
	try("to array", func() { _ = [3]int(short) })
	try("to array pointer", func() { _ = (*[3]int)(short) })
	var p *[10]int
	try("range nil array ptr", func() {
		s := 0
		for _, v := range p {
			s += v
		}
	})
	// the indices and the length of a nil array pointer need no array
	s := 0
	for i := range p {
		s += i
	}
	for i := 0; i < len(p); i++ {
		s += i
	}
	fmt.Println(s, len(p), cap(p))
}
