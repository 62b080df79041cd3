// Select statements: a labeled break leaves the loop, constants are sent
// as the channel's element type, a receive may assign to existing
// variables or be parenthesized.
package main

import "fmt"

func main() {
	a := make(chan uint, 1)
	n := 0
LOOP:
	for {
		select {
		case a <- 1:
			n++
			a = nil
		default:
			break LOOP
		}
	}
	fmt.Println("sent", n)

	c := make(chan int32, 2)
	c <- 234
	c <- 7
	var x int32
	var ok bool
	select {
	case x = <-c:
	}
	fmt.Println(x)
	select {
	case x, ok = <-c:
	}
	fmt.Println(x, ok)
	close(c)
	select {
	case v, ok := (<-c):
		fmt.Println(v, ok)
	}

	done := make(chan bool, 1)
	done <- true
	rounds := 0
WAIT:
	for {
		rounds++
		select {
		case <-done:
			break WAIT
		}
	}
	fmt.Println("rounds", rounds)
}
