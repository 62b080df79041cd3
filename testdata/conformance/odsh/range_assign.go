// Range loops that assign existing variables (for k, v = range x): the
// variables hold the last values after the loop, as in Go.
package main

import "fmt"

type S struct{ k int }

func main() {
	i := 0
	for i = range [5]struct{}{} {
	}
	fmt.Println(i)
	j := 0
	for j = range []int{1, 2, 3} {
	}
	fmt.Println(j)
	var k, v int
	for k, v = range []int{7, 8} {
	}
	fmt.Println(k, v)
	var key string
	for key = range map[string]int{"only": 1} {
	}
	fmt.Println(key)
	n := 0
	for n = range 4 {
	}
	fmt.Println(n)
	func() {
		var s S
		m := map[string]int{}
		for s.k = range []int{4, 5, 6} {
		}
		for m["last"] = range [3]int{} {
		}
		fmt.Println(s, m)
		for _, _ = range []int{1} {
		}
		var r rune
		var at int
		for at, r = range "héllo" {
			if r == 'l' {
				break
			}
		}
		fmt.Println(at, string(r))
		total := 0
		var x int
	outer:
		for _, x = range []int{1, 2, 3, 4} {
			for y := range 3 {
				if y == 2 {
					continue outer
				}
				total += x * y
			}
		}
		fmt.Println(total, x)
		fs := []func() int{}
		var i int
		for i = range 3 {
			fs = append(fs, func() int { return i })
		}
		fmt.Println(fs[0](), fs[2](), i)
		var e int
		ch := make(chan int, 3)
		ch <- 7
		ch <- 8
		close(ch)
		for e = range ch {
		}
		fmt.Println(e)
	}()
}
