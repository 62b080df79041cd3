// Variables holding a value received from a channel: addressable, and a
// new one each time a select case declaring them runs.
package main

import "fmt"

func send(c chan int, x int) { c <- x }

func main() {
	var ps []*int
	for i := 0; i < 3; i++ {
		x := i * 10
		ps = append(ps, &x)
	}
	fmt.Println(*ps[0], *ps[1], *ps[2])
	c := make(chan int)
	var p [2]*int
	for i := 0; i < 2; i++ {
		go send(c, i+11)
		select {
		case req := <-c:
			p[i] = &req
		}
	}
	fmt.Println(*p[0], *p[1])
	var q []*int
	for i := 0; i < 2; i++ {
		go send(c, i+21)
		req := <-c
		q = append(q, &req)
	}
	fmt.Println(*q[0], *q[1])
	var r []*int
	for i := 0; i < 2; i++ {
		go send(c, i+31)
		switch v := <-c; {
		case v > 0:
			r = append(r, &v)
		}
	}
	fmt.Println(*r[0], *r[1])
	var s []*int
	for _, w := range []int{41, 42} {
		if v := w; v > 0 {
			s = append(s, &v)
		}
	}
	fmt.Println(*s[0], *s[1])
	func() {
		c := make(chan int)
		var q2 []*int
		for i := 0; i < 2; i++ {
			go send(c, i+21)
			req := (<-c)
			q2 = append(q2, &req)
		}
		fmt.Println(*q2[0], *q2[1])
		go send(c, 5)
		var v int
		v = <-c
		pv := &v
		fmt.Println(*pv)
		go send(c, 6)
		w, ok := <-c
		pw := &w
		fmt.Println(*pw, ok)
		go send(c, 7)
		var u = <-c
		fmt.Println(*(&u))
	}()
}
