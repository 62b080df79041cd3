// A failed single-value type assertion to a type declared in the shell
// panics with the text of Go's runtime.TypeAssertionError, naming the
// operand's static type and the value's (yaegi wrote both by their
// structure: "interface {} is struct { W float64; H float64 }, not struct
// { S float64 }").
package main

import (
	"errors"
	"fmt"
)

type Shape interface{ Area() float64 }
type Rect struct{ W, H float64 }

func (r Rect) Area() float64 { return r.W * r.H }

type Sq struct{ S float64 }

func (r *Sq) Area() float64 { return r.S * r.S }

type State int

func (s State) String() string { return "st" }

type Plain struct{ A int }
type Code int

type MyErr struct{ Msg string }

func (e *MyErr) Error() string { return e.Msg }

func try(f func()) {
	defer func() { fmt.Println("recovered:", recover()) }()
	f()
}

func main() {
	var s Shape = Rect{1, 2}
	var a any = State(1)
	var nilShape Shape
	var err error = &MyErr{"x"}
	try(func() { _ = s.(*Sq) })
	try(func() { _ = a.(Rect) })
	try(func() { _ = a.(Plain) })
	try(func() { _ = nilShape.(Rect) })
	try(func() { _ = errors.New("e").(*MyErr) })
	r := s.(Rect)
	fmt.Println(r.W, a.(State), err.(*MyErr).Msg)
}
