// The builtins print and println: standard error, no spaces between the
// operands of print, the runtime's formats.
package main

import "fmt"

func main() {
	fmt.Println("stdout first")
	println(1)
	println("a", 2, true)
	print("x", 1, "\n")
	var x int64 = -9223372036854775808
	println(x)
	println()
	println(2.5, 1e21)

	println(2.5, float32(1.25), 1e100, -0.0, complex(1, 2))
	var p *int
	var s []int
	var m map[int]int
	var e error
	var a any = 3
	println(p, s, m, e, a == nil, "str", byte(7), rune(65), uintptr(0))
	y := 5
	println(&y != nil)
	fmt.Println("stdout last")
}
