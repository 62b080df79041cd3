// nil interfaces, typed nil pointers in interfaces, nil maps and slices.
package main

import (
	"errors"
	"fmt"
)

type myErr struct{}

func (*myErr) Error() string { return "mine" }

func mayFail(fail bool) error {
	var e *myErr
	if fail {
		e = &myErr{}
	}
	return e // a typed nil is not a nil error
}

func realNil(fail bool) error {
	if fail {
		return &myErr{}
	}
	return nil
}

func main() {
	fmt.Println(mayFail(false) == nil, mayFail(true) == nil)
	fmt.Println(realNil(false) == nil, realNil(true))
	var m map[string]int
	fmt.Println(m["x"], len(m), m == nil)
	var s []int
	fmt.Println(s == nil, len(s), s, append(s, 1))
	var i any
	fmt.Println(i == nil, i)
	i = s
	fmt.Println(i == nil, i)
	var p *int
	i = p
	fmt.Println(i == nil, i, p == nil)
	var err error
	fmt.Println(errors.Is(err, nil), err)
	fmt.Printf("%v %T %v\n", nil, nil, []any{nil, s, m})
	var f func()
	fmt.Println(f == nil)
	var ch chan int
	fmt.Println(ch == nil, len(ch), cap(ch))
}
