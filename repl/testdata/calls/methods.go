// Method expressions, of interpreted and compiled types, as values and
// called.
package main

import (
	"fmt"
	"strings"
	"time"
)

type Sq struct{ S float64 }

func (s Sq) Area() float64 { return s.S * s.S }

func (s *Sq) Scale(k float64) { s.S *= k }

func (s Sq) Add(a, b float64) (float64, error) { return s.S + a + b, nil }

func (s Sq) Sum(xs ...float64) float64 {
	t := s.S
	for _, x := range xs {
		t += x
	}
	return t
}

type Shape interface{ Area() float64 }

func apply(f func(Sq) float64, s Sq) float64 { return f(s) }

func main() {
	f := Sq.Area
	fmt.Println(f(Sq{2}))
	g := (*Sq).Scale
	s := &Sq{3}
	g(s, 2)
	fmt.Println(s.S)
	h := (*Sq).Area
	fmt.Println(h(s))
	fmt.Println(Sq.Add(Sq{1}, 2, 3))
	add := Sq.Add
	fmt.Println(add(Sq{1}, 2, 3))
	fmt.Println(apply(Sq.Area, Sq{4}))
	sum := Sq.Sum
	fmt.Println(sum(Sq{1}, 1, 2, 3))
	area := Shape.Area
	fmt.Println(area(Sq{5}))
	fmt.Println(Sq.Area(Sq{5}))
	fs := []func(Sq) float64{Sq.Area, func(s Sq) float64 { return -s.S }}
	fmt.Println(fs[0](Sq{3}), fs[1](Sq{3}))
	d := time.Duration.String
	fmt.Println(d(time.Second))
	fmt.Println(time.Duration.String(time.Minute))
	w := (*strings.Builder).WriteString
	var b strings.Builder
	w(&b, "hi")
	fmt.Println(b.String())
	st := fmt.Stringer.String
	fmt.Println(st(time.Second))
	fmt.Println(time.Time.Year(time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)))
}
