// defer order, recover, named results changed by a deferred call.
package main

import (
	"errors"
	"fmt"
)

func safeDiv(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	return a / b, nil
}

func counted() (n int) {
	defer func() { n *= 2 }()
	n = 3
	return n + 1
}

func mustPositive(x int) int {
	if x < 0 {
		panic(errors.New("negative"))
	}
	return x
}

func tryIt(f func()) (msg string) {
	defer func() {
		switch r := recover().(type) {
		case nil:
			msg = "ok"
		case error:
			msg = "error: " + r.Error()
		default:
			msg = fmt.Sprintf("%T: %v", r, r)
		}
	}()
	f()
	return "unreachable?"
}

func main() {
	for i := range 3 {
		defer fmt.Println("deferred", i)
	}
	fmt.Println(safeDiv(7, 2))
	fmt.Println(safeDiv(1, 0))
	fmt.Println(counted())
	fmt.Println(tryIt(func() {}))
	fmt.Println(tryIt(func() { mustPositive(-1) }))
	fmt.Println(tryIt(func() { panic("boom") }))
	fmt.Println(tryIt(func() { panic(42) }))
	fmt.Println(tryIt(func() {
		var m map[string]int
		m["x"] = 1
	}))
	fmt.Println(tryIt(func() {
		var xs []int
		_ = xs[3]
	}))
}
