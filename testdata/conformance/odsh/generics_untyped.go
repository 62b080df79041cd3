// Generic functions called with untyped constants whose default type is
// not int (Max(2.5, 1.5), Pair('x', 1.5), a const k = 1.25): Go infers
// float64, rune, complex128; yaegi failed (untyped float does not
// implement Number).
package main

import "fmt"

type Number interface{ ~int | ~float32 | ~float64 }

func Max[T Number](a, b T) T {
	if a > b {
		return a
	}
	return b
}

func Sum[T Number](xs ...T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Pair[A, B any](a A, b B) string { return fmt.Sprintf("%T %T", a, b) }

const k = 1.25

const f32 float32 = 0.5

func main() {
	fmt.Println(Max(2.5, 1.5), Max(3, 7), Max(2.5, 3))
	fmt.Println(Sum(1.5, 2), Sum(1, 2))
	fmt.Println(Pair('x', 1.5), Pair("s", true), Pair(1, 2i))
	fmt.Println(Max(k, 1), Max(f32, 2))
	fmt.Printf("%T %T\n", Max(k, 1), Max(f32, 2))
}
