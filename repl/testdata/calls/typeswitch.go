// Type switches and comma-ok assertions on error and other interfaces,
// values of compiled and interpreted types, recovered panic values.
package main

import (
	"errors"
	"fmt"
	"strconv"
)

type VE struct{ Msg string }

func (e *VE) Error() string { return e.Msg }

func classify(v any) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case int, string:
		return fmt.Sprintf("int or string %v", x)
	case *strconv.NumError:
		return "num " + x.Func
	case error:
		return "error " + x.Error()
	case fmt.Stringer:
		return "stringer " + x.String()
	default:
		return fmt.Sprintf("default %v", x)
	}
}

func kind(v any) string {
	switch v.(type) {
	case error:
		return "error"
	case bool:
		return "bool"
	}
	return "other"
}

func caught(f func()) (s string) {
	defer func() {
		r := recover()
		if e, ok := r.(error); ok {
			s = "recovered error: " + e.Error()
			return
		}
		if str, ok := r.(string); ok {
			s = "recovered string: " + str
			return
		}
		s = fmt.Sprint("recovered: ", r)
	}()
	f()
	return "no panic"
}

func main() {
	var v any = fmt.Errorf("x")
	switch v.(type) {
	case error:
		fmt.Println("error")
	default:
		fmt.Println("default")
	}
	_, numErr := strconv.Atoi("x")
	fmt.Println(classify(fmt.Errorf("e")))
	fmt.Println(classify(numErr))
	fmt.Println(classify(errors.New("n")))
	fmt.Println(classify(3), classify("s"), classify(nil), classify(2.5))
	fmt.Println(classify(&VE{"ve"}))
	fmt.Println(kind(errors.New("n")), kind(true), kind(1))
	var err error = &VE{"as error"}
	switch e := err.(type) {
	case *VE:
		fmt.Println("VE", e.Msg)
	default:
		fmt.Println("other")
	}
	fmt.Println(caught(func() { panic(fmt.Errorf("boom")) }))
	fmt.Println(caught(func() { panic(numErr) }))
	fmt.Println(caught(func() { panic("str") }))
	fmt.Println(caught(func() {}))
	if e, ok := v.(error); ok {
		fmt.Println("assert ok", e)
	}
	var none any
	if _, ok := none.(error); !ok {
		fmt.Println("nil is not an error")
	}
	s, ok := none.(fmt.Stringer)
	fmt.Println(s == nil, ok)
	n := 0
loop:
	for i := 0; i < 5; i++ {
		switch x := any(i).(type) {
		case int:
			if x == 1 {
				continue
			}
			if x == 3 {
				break loop
			}
			n += x
			break
		default:
			n = -100
		}
		n += 10
	}
	fmt.Println("n", n)
sw:
	switch v.(type) {
	default:
		fmt.Println("default first")
	case error:
		if v != nil {
			break sw
		}
		fmt.Println("not reached")
	}
	fmt.Println("end")
}
