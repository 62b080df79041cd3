// init functions run after every package variable is initialised and
// before main, wherever they stand in the file.
package main

import "fmt"

var table [3]int

func main() {
	fmt.Println(table, ready)
}

func init() {
	table[1] = 5
}

var ready = compute()

func compute() string { return fmt.Sprint("ready:", table[1]) }

func init() {
	table[2] = table[1] * 2
}
