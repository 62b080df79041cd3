// Assertions and type switch cases to interface type literals: the status
// for compiled and declared types, the value for declared types.
package main

import (
	"errors"
	"fmt"
)

type Opt struct{ set bool }

func (o Opt) IsSet() bool { return o.set }

func main() {
	var err error
	_, ok := err.(interface{ IsSet() bool })
	fmt.Println(ok)
	var x any = Opt{true}
	s, ok := x.(interface{ IsSet() bool })
	fmt.Println(ok, s.IsSet())
	fmt.Println(x.(interface{ IsSet() bool }).IsSet())
	w := fmt.Errorf("w: %w", errors.New("inner"))
	_, isW := w.(interface{ Unwrap() error })
	fmt.Println(isW)
	switch w.(type) {
	case interface{ Unwrap() []error }:
		fmt.Println("many")
	case interface{ Unwrap() error }:
		fmt.Println("one")
	}
	switch v := x.(type) {
	case interface{ IsSet() bool }:
		fmt.Println("isset", v.IsSet())
	}
}
