// Package variables of anonymous struct types whose fields are named like
// other package variables.
package main

import "fmt"

var c chan int
var name = "global"

var f struct {
	c    int
	name string
}

var cfg = struct {
	name string
	c    float64
}{"cfg", 1.5}

func main() {
	f.c = 2
	f.name = "field"
	c = make(chan int, 1)
	fmt.Println(f.c, f.name, len(c), name, cfg.name, cfg.c)
}
