// A type test on a type declared without methods, whose values yaegi
// holds in an interface as plain values of its underlying type: the shell
// gives the type a method of its own, so the test runs as in Go.
package main

import "fmt"

type Meters float64

func isMeters(v any) bool {
	_, ok := v.(Meters)
	return ok
}

func main() {
	fmt.Println(isMeters(2.0), isMeters(Meters(2)))
}
