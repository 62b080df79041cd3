package main

// Single-value type assertions to interfaces, of values of declared types
// held in any, in an interface declared here and in compiled ones.

import (
	"fmt"
	"runtime"
	"time"
)

type VE struct{ c int }

func (e VE) String() string { return fmt.Sprint("ve ", e.c) }

type PE struct{ c int }

func (e *PE) String() string { return fmt.Sprint("pe ", e.c) }

type Namer interface{ String() string }

type Closer interface {
	Close() error
	Name() string
}

func get() any { return VE{8} }

func use(s fmt.Stringer) string { return s.String() }

func try(f func()) {
	defer func() {
		r := recover()
		_, isRT := r.(runtime.Error)
		fmt.Println("recovered:", r, isRT)
	}()
	f()
}

func main() {
	var a any = &PE{6}
	u := a.(Namer)
	fmt.Println(u.String())
	fmt.Println(get().(Namer).String())
	var n Namer = VE{4}
	fmt.Println(n.(fmt.Stringer).String(), use(n.(fmt.Stringer)))
	var t fmt.Stringer
	t = n.(fmt.Stringer)
	fmt.Println(t)
	for _, x := range []any{VE{1}, &PE{2}} {
		fmt.Println(x.(fmt.Stringer).String(), x.(Namer).String())
	}
	fmt.Println(any(time.Second).(fmt.Stringer).String())
	try(func() { var z any = 3; _ = z.(Namer) })
	try(func() { var z any; _ = z.(Namer) })
	try(func() { var z any = 3; _ = z.(fmt.Stringer) })
	try(func() { var z any = time.Second; _ = z.(Closer) })
	try(func() { var e error; _ = e.(fmt.Stringer) })
}
