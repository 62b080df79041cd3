// Instances of generic types declared in the shell whose type arguments
// print by their methods (Box[State], Pair[string, State], Opt[Money]):
// fmt and json see the fields of the type parameter as values of the
// argument (printed {2} for {S2}, 199 for "1.99": yaegi's instance tags
// its fields with the parameter's name), in slices, maps, nested
// instances and fields of declared structs; a struct field of a map keyed
// by a declared Stringer prints its keys by String, in order.
package main

import (
	"encoding/json"
	"fmt"
)

type State int

func (s State) String() string { return fmt.Sprintf("S%d", int(s)) }

type Money int64

func (m Money) MarshalJSON() ([]byte, error) {
	return []byte(fmt.Sprintf(`"%d.%02d"`, m/100, m%100)), nil
}
func (m Money) String() string { return fmt.Sprintf("$%d.%02d", m/100, m%100) }

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

type Box[T any] struct {
	V    T
	Tags []T
	note T
}

type Stack[T any] []T

type Order struct {
	ID    int
	Price Box[Money]
	Hist  []Pair[string, State]
}

type Report struct {
	Name   string
	Counts map[State]int
	ByName map[string]State
}

type Opt[T any] struct {
	Val T
	Ok  bool
}

func Some[T any](v T) Opt[T] { return Opt[T]{v, true} }

func main() {
	b := Box[State]{V: 1, Tags: []State{2, 3}, note: 4}
	fmt.Println(b)
	fmt.Printf("%v|%+v|%T\n", b, b, b)
	pb := &b
	fmt.Println(pb.V, *pb)
	s := Stack[State]{5, 6}
	fmt.Println(s, len(s))
	o := Order{1, Box[Money]{V: 250}, []Pair[string, State]{{"a", 7}}}
	fmt.Println(o)
	fmt.Printf("%+v\n", o)
	j, err := json.Marshal(o)
	fmt.Println(string(j), err)
	j, _ = json.Marshal(Pair[string, Money]{"p", 199})
	fmt.Println(string(j))
	fmt.Println(Some(State(8)), Some(Money(5)), Some(3))
	x := Some(State(9))
	fmt.Println(x, x.Val)
	nested := Pair[string, Pair[int, State]]{"n", Pair[int, State]{1, 2}}
	fmt.Println(nested)
	m := map[State]Box[State]{1: {V: 2}}
	fmt.Println(m)
	fmt.Println(&Box[State]{V: 5}, Box[map[string]State]{V: map[string]State{"x": 3}})
	r := Report{"r", map[State]int{2: 5, 1: 3}, map[string]State{"x": 4}}
	fmt.Println(r)
	fmt.Printf("%v|%+v\n", r, []Report{r})
}
