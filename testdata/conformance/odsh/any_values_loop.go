// Values of a declared type with methods put into any in a loop (appended
// to an []any, stored in a map or an array of any, passed to a function
// taking any, converted with any(…)) are each their own: yaegi's interface values
// referred to the storage of the expression that made them, so every one
// showed the last. A variable returned as any keeps its type, and a value
// returned as any and stored in a sync.Map keeps it too.
package main

import (
	"fmt"
	"sync"
)

type Num int

func (n Num) String() string { return fmt.Sprint("#", int(n)) }

type Plain int

type Item struct {
	Name string
	N    Num
}

func mk(v Num) any { return v }

func mk2(i int) any {
	v := Num(i)
	return v
}

func add(list []any, x any) []any { return append(list, x) }

func main() {
	var xs, ys, zs []any
	for i := 0; i < 3; i++ {
		xs = append(xs, Num(i))
		ys = append(ys, any(Num(i)))
		zs = add(zs, Num(i*10))
	}
	fmt.Println(xs, ys, zs)
	m := map[int]any{}
	var arr [3]any
	for i := 0; i < 3; i++ {
		m[i] = Num(i)
		arr[i] = Num(i + 5)
	}
	fmt.Println(m, arr)
	var items []any
	for i := 0; i < 2; i++ {
		items = append(items, Item{"x", Num(i)}, Plain(i))
	}
	fmt.Println(items)
	a, b := mk(Num(1)), mk2(2)
	f := func(v Num) any { return v }
	c := f(Num(3))
	_, ok1 := a.(Num)
	_, ok2 := b.(Num)
	_, ok3 := c.(Num)
	fmt.Println(a, b, c, ok1, ok2, ok3)
	var sm sync.Map
	sm.Store("k", mk(Num(4)))
	v, _ := sm.Load("k")
	n, ok := v.(Num)
	fmt.Println(n, ok)
}
