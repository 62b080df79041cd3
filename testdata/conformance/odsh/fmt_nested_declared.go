// Containers of values of a declared type with String nested in other
// containers print by String as in Go ([[1 2]] where Go prints [[S1 S2]]),
// slices of slices, maps of slices, slices of maps keyed by the type.
package main

import "fmt"

type State int

func (s State) String() string { return fmt.Sprint("S", int(s)) }

type Row struct {
	Name   string
	States []State
}

func main() {
	grid := [][]State{{1, 2}, {3}}
	fmt.Println(grid, len(grid))
	byName := map[string][]State{"a": {3}, "b": {1, 2}}
	fmt.Println(byName)
	fmt.Printf("%v|%d\n", [][]State{{4}}, [][]State{{4}})
	counts := []map[State]int{{2: 1, 1: 5}}
	fmt.Println(counts)
	rows := [][]Row{{{"r", []State{1}}}}
	fmt.Println(rows)
	arr := [2][]State{{5}, {6, 7}}
	fmt.Println(arr)
	s := fmt.Sprint(map[State][]State{1: {2}})
	fmt.Println(s)
}
