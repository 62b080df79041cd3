// Type switches without a variable on struct types declared without
// methods, and pointers to them, at top level and inside a function.
package main

import (
	"errors"
	"fmt"
)

type Order struct {
	ID    int
	Total float64
}

type Line struct {
	Product string
	Qty     int
}

type Tagged struct{ Tag string }

func (t Tagged) String() string { return "#" + t.Tag }

func kind(v any) string {
	switch v.(type) {
	case Order:
		return "order"
	case *Order:
		return "*order"
	case Line, *Line:
		return "line"
	case Tagged:
		return "tagged"
	case nil:
		return "nil"
	case error:
		return "error"
	case fmt.Stringer:
		return "stringer"
	}
	return "other"
}

func main() {
	o := Order{1, 9.5}
	items := []any{o, &o, Line{"pen", 2}, &Line{"ink", 1}, Tagged{"x"}, nil, errors.New("e"), 3, "s"}
	for _, it := range items {
		fmt.Print(kind(it), " ")
	}
	fmt.Println()

	type point struct{ X, Y int }
	counts := map[string]int{}
	for _, it := range []any{point{1, 2}, o, point{3, 4}, 1.5} {
		switch it.(type) {
		case point:
			counts["point"]++
		case Order:
			counts["order"]++
		default:
			counts["other"]++
		}
	}
	fmt.Println(counts["point"], counts["order"], counts["other"])
}
