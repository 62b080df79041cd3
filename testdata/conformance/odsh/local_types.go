package main

// %T names types declared inside functions main.T, as Go does.

import "fmt"

type Top struct{ A int }

func main() {
	type pair struct {
		k string
		v int
	}
	ps := []pair{{"a", 1}}
	fmt.Printf("%T %T %v\n", ps, ps[0], ps)
	type ID int
	var id ID = 3
	fmt.Printf("%T %d %T\n", id, id, Top{})
	m := map[string]pair{}
	fmt.Printf("%T\n", m)
	fmt.Println(fmt.Sprintf("%T", &ps[0]))
}
