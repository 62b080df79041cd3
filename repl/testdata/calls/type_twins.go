// A type switch on one of two struct types with the same fields, neither
// with methods, is refused: yaegi sees one struct type.
package main

import "fmt"

type Vec struct{ X, Y int }

type Size struct{ X, Y int }

func name(v any) string {
	switch v.(type) {
	case Vec:
		return "vec"
	case Size:
		return "size"
	}
	return "other"
}

func main() {
	fmt.Println(name(Vec{1, 2}), name(Size{3, 4}))
}
