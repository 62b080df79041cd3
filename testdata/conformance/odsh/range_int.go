// Ranging over integers.
package main

import "fmt"

type ID int

func main() {
	for i := range 3 {
		fmt.Print(i, " ")
	}
	fmt.Println()
	n := 0
	for range 5 {
		n++
	}
	fmt.Println(n)
	var last ID
	for id := range ID(4) {
		last = id
	}
	fmt.Printf("%T %v\n", last, last)
	for i := range 0 {
		fmt.Println("never", i)
	}
	total := 0
	for i := range int64(10) {
		total += int(i)
	}
	fmt.Println(total)
	xs := make([]string, 3)
	for i := range len(xs) {
		xs[i] = fmt.Sprint(i * i)
	}
	fmt.Println(xs)
}
