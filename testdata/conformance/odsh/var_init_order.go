// Package-level var initialisers that depend on vars declared after them,
// and init functions, run in dependency order before main.
package main

import (
	"fmt"
	"strings"
)

var (
	greeting = strings.Join(parts, " ")
	parts    = []string{prefix, name}
	prefix   = "hello"
)

var name = computeName()

var trace []string

func computeName() string {
	trace = append(trace, "computeName")
	return strings.ToUpper(base)
}

var base = "world"

var a, b = b + 1, 10

var lookup = map[string]int{"x": len(greeting), "y": b}

func init() {
	trace = append(trace, "init1")
	counter += 5
}

var counter = initial * 2

const initial = 3

func init() {
	trace = append(trace, "init2")
}

func main() {
	fmt.Println(greeting)
	fmt.Println(a, b, lookup, counter)
	fmt.Println(trace)
}
