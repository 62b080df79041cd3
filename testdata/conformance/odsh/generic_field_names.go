// Generic structs whose fields are named as their type parameters
// (type Pair[K comparable, V any] struct{ K K; V V }, Node[T] with a
// field T): the field names stay (the renaming of type parameters renamed
// them too, and yaegi then wrote the type argument as a field name:
// "field 0 has invalid name", "duplicate field Xstring").
package main

import "fmt"

type State int

func (s State) String() string { return fmt.Sprint("S", int(s)) }

type Pair[K comparable, V any] struct {
	K K
	V V
}

func (p Pair[K, V]) Swap() Pair[string, K] { return Pair[string, K]{fmt.Sprint(p.V), p.K} }

type Node[T any] struct {
	T    T
	Next *Node[T]
}

func main() {
	p := Pair[string, int]{"a", 1}
	fmt.Println(p.K, p.V, p, p.Swap())
	n := &Node[int]{T: 1, Next: &Node[int]{T: 2}}
	fmt.Println(n.T, n.Next.T, n.Next.Next == nil)
	m := map[string]Pair[int, bool]{"x": {K: 3, V: true}}
	fmt.Println(m["x"].K, m)
	fmt.Println(Pair[State, []State]{1, []State{2}})
}
