// A multi-value call as the arguments of a variadic function over an
// empty interface: refused.
package main

import "fmt"

func count(kv ...any) int { return len(kv) }

func pair() (string, []any) { return "p", []any{7, 8} }

func main() {
	fmt.Println(count(pair()))
}
