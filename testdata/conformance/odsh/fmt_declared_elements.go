// fmt prints the elements of slices, arrays and maps of declared Stringer types held in struct fields by their String method.
package main

import "fmt"

type State int

func (s State) String() string { return [...]string{"draft", "done"}[s] }

type Plain int

type Order struct {
	Name    string
	States  []State
	ByName  map[string]State
	Fixed   [2]State
	Ptrs    []*State
	Plains  []Plain
	Matrix  [][]State
	private []State
}

func main() {
	d := State(1)
	o := Order{Name: "SO1", States: []State{0, 1}, ByName: map[string]State{"a": 1, "b": 0}, Fixed: [2]State{1, 1}, Ptrs: []*State{&d}, Plains: []Plain{3}, Matrix: [][]State{{1}, {0, 1}}, private: []State{1}}
	fmt.Println(o)
	fmt.Printf("%v\n%+v\n%d\n", o, o, o.States)
	var empty Order
	fmt.Println(empty)
	fmt.Printf("%s|%v|%q\n", o.States, o.States, o.States)
}
