// Instances of generic types whose type arguments are instances too
// (Box[Pair[int, bool]], Cache[string, Result[int]]): yaegi crashed
// compiling some, and skipped statements when one was written both
// through an alias and directly; %T of instances.
package main

import "fmt"

type Pair[A comparable, B any] struct {
	Key A
	Val B
}

func (p Pair[A, B]) String() string { return fmt.Sprintf("%v=%v", p.Key, p.Val) }

type Box[T any] struct{ V T }

func (b Box[T]) Get() T { return b.V }

type List[T any] []T

type Result[T any] struct {
	Val T
	Err error
}

type Cache[K comparable, V any] struct{ m map[K]V }

func NewCache[K comparable, V any]() *Cache[K, V] { return &Cache[K, V]{m: map[K]V{}} }

func (c *Cache[K, V]) Put(k K, v V) { c.m[k] = v }
func (c *Cache[K, V]) Get(k K) (V, bool) {
	v, ok := c.m[k]
	return v, ok
}

type K string

type PSI = Pair[string, int]

func show(b Box[Pair[int, bool]]) { fmt.Println(b.Get().Key, b.Get().Val) }

func wrap[T any](v T) Box[T] { return Box[T]{v} }

func main() {
	x := Box[Pair[int, bool]]{}
	x.V.Key = 3
	fmt.Println(x.V.Key, x.V.Val)
	var y Box[Pair[int, bool]]
	y.V.Val = true
	show(y)

	l := List[PSI]{{"a", 1}}
	fmt.Println("before append")
	l = append(l, Pair[string, int]{"b", 2})
	fmt.Println(l, len(l))
	m := map[string]Box[PSI]{"k": {V: Pair[string, int]{"z", 9}}}
	fmt.Println(m["k"].Get())

	c := NewCache[string, Result[int]]()
	c.Put("a", Result[int]{Val: 1})
	v, ok := c.Get("a")
	fmt.Println(v, ok)
	fmt.Printf("%T\n", c)

	type local struct{ N int }
	var rs []Result[local]
	rs = append(rs, Result[local]{Val: local{2}})
	fmt.Println(rs)

	w := wrap(Pair[int, bool]{1, true})
	fmt.Println(w.Get())
	p := Pair[K, []int]{"a", nil}
	b := Box[map[string]K]{}
	var pb *Box[int]
	fmt.Printf("%T|%T|%T|%T\n", p, b, pb, []Box[float64]{})
	fmt.Printf("%T %v\n", Box[Pair[int, bool]]{}, Box[Pair[int, bool]]{}.V)
	nested := Box[Box[Box[int]]]{}
	nested.V.V.V = 7
	fmt.Println(nested.V.V.V)
}
