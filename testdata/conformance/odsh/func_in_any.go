// Functions declared at top level, returned or converted as interface
// values, keep their function type.
package main

import "fmt"

func half(i int) interface{} { return i / 2 }

func pick(i int) interface{} {
	if i == 0 {
		return half
	}
	return pick
}

func main() {
	for i := 0; i < 2; i++ {
		switch f := pick(i).(type) {
		case func(int) interface{}:
			fmt.Printf("%T\n", f)
			if i == 0 {
				fmt.Println(f(10))
			}
		default:
			fmt.Println("unknown")
		}
	}
	g := interface{}(half)
	_, ok := g.(func(int) interface{})
	fmt.Println(ok)
	h := any(half)
	fmt.Printf("%T\n", h)
}
