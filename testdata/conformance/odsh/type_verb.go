// %T of values of declared types: named, pointers, containers, functions,
// constants, with flags; an interface's dynamic type; %% and other verbs
// around it.
package main

import (
	"errors"
	"fmt"
	"time"
)

type Weekday int

const (
	Sunday Weekday = iota
	Monday
)

type Money struct {
	Cents int
	Cur   string
}

func (m Money) Add(c int) Money { return Money{m.Cents + c, m.Cur} }

type IDs []int

type Shape interface{ Area() float64 }

type Square struct{ side float64 }

func (s Square) Area() float64 { return s.side * s.side }

func describe[T any](v T) string { return fmt.Sprintf("%T", v) }

func main() {
	m := Money{100, "EUR"}
	p := &m
	ids := IDs{1, 2}
	byDay := map[Weekday][]Money{Monday: {m}}
	var arr [2]Weekday
	f := m.Add
	g := Money.Add
	fmt.Printf("%T|%T|%T|%T\n", Monday, m, p, ids)
	fmt.Printf("%T|%T|%T\n", byDay, arr, []*Money{p})
	fmt.Printf("%T|%T\n", f, g)
	fmt.Printf("[%12T] [%-14T] %d%% %v\n", Sunday, m, 5, m)
	s := fmt.Sprintf("%v is a %T", Monday, Monday)
	fmt.Println(s)
	err := fmt.Errorf("bad %T", ids)
	fmt.Println(err, errors.Unwrap(err) == nil)
	var sh Shape = Square{2}
	_ = sh
	fmt.Printf("%T %T %T\n", 3, "x", time.Second)
	fmt.Println(describe(7))
}
