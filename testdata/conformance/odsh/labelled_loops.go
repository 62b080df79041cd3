// Labelled break and continue, goto-free searches in nested loops.
package main

import "fmt"

func main() {
	grid := [][]int{{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}
	found := false
search:
	for i, row := range grid {
		for j, v := range row {
			if v == 5 {
				fmt.Println("found at", i, j)
				found = true
				break search
			}
		}
	}
	fmt.Println(found)

outer:
	for i := 0; i < 4; i++ {
		for j := 0; j < 4; j++ {
			if j > i {
				continue outer
			}
			if i == 3 {
				break outer
			}
			fmt.Print(i, j, " ")
		}
	}
	fmt.Println()

	n := 0
loop:
	for {
		switch {
		case n > 4:
			break loop
		case n%2 == 0:
			n += 3
			continue loop
		}
		n++
	}
	fmt.Println(n)

	ch := make(chan int, 5)
	for i := range 5 {
		ch <- i
	}
	close(ch)
	sum := 0
recv:
	for {
		select {
		case v, ok := <-ch:
			if !ok {
				break recv
			}
			sum += v
		}
	}
	fmt.Println(sum)
}
