// Values of declared types other than structs (type State int with
// methods) kept by compiled containers that take any and give it back:
// sync.Map, container/list, context values, atomic.Value, sync.Pool,
// container/heap's Push (whose Push method asserts it); they keep their
// type as in Go (yaegi handed them the underlying int: assertions failed,
// type switches took the default, and they printed as numbers). So do
// calls returning any printed directly (fmt.Println(av.Load())).
package main

import (
	"container/heap"
	"container/list"
	"context"
	"fmt"
	"sync"
	"sync/atomic"
)

type State int

func (s State) String() string { return [...]string{"draft", "done"}[s] }

type key string

type Item struct{ N int }

type states []State

func (h states) Len() int           { return len(h) }
func (h states) Less(i, j int) bool { return h[i] > h[j] }
func (h states) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *states) Push(x any)        { *h = append(*h, x.(State)) }
func (h *states) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

func main() {
	var m sync.Map
	m.Store("a", State(1))
	v, _ := m.Load("a")
	fmt.Println(v)
	s, ok := v.(State)
	fmt.Println(s, ok)
	done := State(1)
	prev, loaded := m.LoadOrStore("b", done)
	fmt.Println(prev, loaded)
	m.Store("i", Item{3})
	iv, _ := m.Load("i")
	it, ok := iv.(Item)
	fmt.Println(it, ok)

	l := list.New()
	l.PushBack(State(0))
	l.PushBack(Item{4})
	l.PushFront(done)
	for e := l.Front(); e != nil; e = e.Next() {
		switch x := e.Value.(type) {
		case State:
			fmt.Println("state", x)
		case Item:
			fmt.Println("item", x.N)
		default:
			fmt.Printf("other %T\n", x)
		}
	}

	ctx := context.WithValue(context.Background(), key("user"), Item{7})
	u, ok := ctx.Value(key("user")).(Item)
	fmt.Println(u, ok)
	ctx = context.WithValue(ctx, key("state"), State(1))
	st, ok := ctx.Value(key("state")).(State)
	fmt.Println(st, ok, ctx.Value(key("missing")))

	var av atomic.Value
	av.Store(State(0))
	fmt.Println(av.Load(), av.Load().(State) == 0)

	h := &states{}
	heap.Push(h, State(0))
	heap.Push(h, done)
	fmt.Println(h.Len(), (*h)[0])
	fmt.Println(get(), fmt.Sprint(get()))
}

func get() any { return State(1) }
