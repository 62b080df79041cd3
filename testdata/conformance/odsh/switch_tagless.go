// A switch without a tag compares its cases with true, interface values
// included.
package main

import "fmt"

func describe(v any) string {
	switch ok := v; {
	case ok == nil:
		return "nil"
	case ok:
		return "true"
	case false:
		return "unreachable"
	default:
		return fmt.Sprint("other ", v)
	}
}

func main() {
	switch i := interface{}(true); {
	case i:
		fmt.Println("i is true")
	default:
		fmt.Println("default")
	}
	fmt.Println(describe(true), describe(false), describe(nil), describe(3))
}
