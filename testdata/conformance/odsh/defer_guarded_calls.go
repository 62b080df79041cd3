package main

// Deferred calls of a function deferring several: constants stay untyped
// (limit * 2 to a float64), methods through interfaces declared in the
// shell.

import (
	"fmt"
	"math"
)

const limit = 5

type Closer interface{ Close() }

type res struct{ name string }

func (r *res) Close() { fmt.Println("closed", r.name) }

type Shower interface{ Show() }
type val struct{ X int }

func (v val) Show() { fmt.Println("show", v.X) }

func scale(f float64)   { fmt.Println("scale", f) }
func scale32(f float32) { fmt.Println("scale32", f) }

func use(c Closer, s Shower) {
	defer fmt.Println("first")
	defer c.Close()
	defer s.Show()
	defer scale(limit * 2)
	defer scale32(math.Pi * 2)
	defer scale(limit)
}

func main() {
	use(&res{"a"}, val{7})
}
