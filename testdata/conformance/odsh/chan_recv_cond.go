// A receive from a channel a goroutine sends on, used as an operand of &&
// and ||, negated, as a condition, and of a named bool type.
package main

import "fmt"

type flag bool

func main() {
	m := make(chan bool)
	go func() { m <- true }()
	w := <-m && true
	fmt.Println(w)
	go func() { m <- true }()
	fmt.Println(!<-m)
	go func() { m <- true }()
	fmt.Println(true && <-m)
	go func() { m <- false }()
	fmt.Println(<-m || false)
	go func() { m <- true }()
	if <-m {
		fmt.Println("if")
	}
	f := make(chan flag)
	go func() { f <- true }()
	g := <-f && true
	fmt.Printf("%v\n", g)
	go func() { m <- true }()
	fmt.Println(<-m == true)
}
