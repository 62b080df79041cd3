// Comparisons of values held in the empty interface and in interfaces
// declared in the program; switches on such values.
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

type State int

func (s State) String() string { return fmt.Sprint("S", int(s)) }

type Other int

func (o Other) String() string { return "o" }

type Named interface{ String() string }

type Z struct{ n int }

func (z Z) String() string { return fmt.Sprint("z", z.n) }

func main() {
	zv := Z{1}
	pz := &zv
	var jp Named = pz
	var jz Named = zv
	var iz any = zv
	fmt.Println(pz == jp, zv == jz, iz == zv, jz == Z{1}, jz == Z{2})
	switch i := interface{}("hello"); i {
	case 42:
		fmt.Println("42")
	case "hello":
		fmt.Println("hello")
	}
	var a any = State(1)
	b := any(State(1))
	fmt.Println(a == State(1), State(1) == a, a != State(2), a == b, a != b)
	fmt.Println(a == Other(1), a == any(Other(1)))
	var x, y any = 5, 5
	var z any = "5"
	fmt.Println(x == y, x == z, x == 5, x != 6)
	var n Named = State(3)
	fmt.Println(n == State(3), n == Named(State(3)), n == a)
	var e any
	fmt.Println(e == nil, a == nil, e == x)
	items := []any{State(1), "a", 2, State(2)}
	count := 0
	for _, it := range items {
		if it == State(1) || it == any(2) {
			count++
		}
	}
	fmt.Println(count)
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		var s1, s2 any = []int{1}, []int{1}
		fmt.Println(s1 == s2)
	}()
	func() {
		var data map[string]any
		json.Unmarshal([]byte(`{"state": "draft", "n": 2, "ok": true, "none": null}`), &data)
		for _, k := range []string{"state", "n", "ok", "none", "missing"} {
			switch v := data[k]; v {
			case "draft", "done":
				fmt.Println(k, "is a state", v)
			case 2.0:
				fmt.Println(k, "is two")
			case true:
				fmt.Println(k, "is true")
				fallthrough
			case false:
				fmt.Println(k, "is a bool")
			case nil:
				fmt.Println(k, "is nil")
			default:
				fmt.Println(k, "other")
			}
		}
		var x any = 5
		switch x {
		case 5:
			fmt.Println("five")
		}
		err := io.EOF
		switch err {
		case nil:
			fmt.Println("nil")
		case io.EOF:
			fmt.Println("eof")
		}
		wrapped := fmt.Errorf("w: %w", io.EOF)
		switch {
		case errors.Is(wrapped, io.EOF):
			fmt.Println("is eof")
		}
	outer:
		switch v := any("b"); v {
		case "a", "b":
			for range 3 {
				break outer
			}
			fmt.Println("not reached")
		}
		fmt.Println("end")
	}()
}
