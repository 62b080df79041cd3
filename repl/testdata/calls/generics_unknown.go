// A generic call yaegi infers by position, inside a generic function where
// the type of an argument cannot be learnt: refused.
package main

import (
	"fmt"
	"strings"
)

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Upper[T any](x T, s string) []string {
	ws := strings.Fields(s + fmt.Sprint(x))
	up := strings.ToUpper
	return Map(ws, up)
}

func main() {
	fmt.Println(Upper(1, "a b"))
}
