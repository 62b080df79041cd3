// Assertions and type switches of values of compiled types to interfaces
// declared here (the status; the shell refuses to make such an interface
// value from an interface value).
package main

import (
	"fmt"
	"strings"
	"time"
)

type Namer interface{ String() string }

type Lener interface{ Len() int }

type Writer interface {
	Write(p []byte) (int, error)
}

type VE struct{ c int }

func (e VE) String() string { return fmt.Sprint("ve ", e.c) }

func main() {
	var x any = time.Second
	_, ok := x.(Namer)
	fmt.Println(ok)
	switch x.(type) {
	case Namer:
		fmt.Println("namer")
	default:
		fmt.Println("default")
	}
	var r any = strings.NewReader("abc")
	_, isLen := r.(Lener)
	_, isW := r.(Writer)
	var b any = &strings.Builder{}
	_, bw := b.(Writer)
	_, bl := b.(Lener)
	fmt.Println(isLen, isW, bw, bl)
	var y any = VE{1}
	_, yok := y.(Namer)
	_, ylen := y.(Lener)
	fmt.Println(yok, ylen)
	if _, ok := x.(Lener); !ok {
		fmt.Println("not a Lener")
	}
}
