// Values of declared types with methods stored in compiled containers of
// any in a loop (sync.Map, container/list, atomic.Value) each keep their
// own value (every one was the last: S2 S2 S2), and values coming back
// from them or from container/heap's Pop print by their methods wherever
// they go: printed directly, appended to an []any in a loop, as a list
// element's Value, with %T (printed <nil>, yaegi internals or
// repl.fmtStringer).
package main

import (
	"container/heap"
	"container/list"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
)

type State int

func (s State) String() string { return fmt.Sprintf("S%d", int(s)) }

type Name string

func (n Name) String() string { return strings.ToUpper(string(n)) }

type StateHeap []State

func (h StateHeap) Len() int           { return len(h) }
func (h StateHeap) Less(i, j int) bool { return h[i] < h[j] }
func (h StateHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *StateHeap) Push(x any)        { *h = append(*h, x.(State)) }
func (h *StateHeap) Pop() any {
	old := *h
	n := len(old)
	x := old[n-1]
	*h = old[0 : n-1]
	return x
}

type Item struct {
	value    string
	priority int
}

type PQ []*Item

func (pq PQ) Len() int           { return len(pq) }
func (pq PQ) Less(i, j int) bool { return pq[i].priority > pq[j].priority }
func (pq PQ) Swap(i, j int)      { pq[i], pq[j] = pq[j], pq[i] }
func (pq *PQ) Push(x any)        { *pq = append(*pq, x.(*Item)) }
func (pq *PQ) Pop() any {
	old := *pq
	n := len(old)
	it := old[n-1]
	*pq = old[:n-1]
	return it
}

func show(v any) string { return fmt.Sprint("<", v, ">") }

func main() {
	h := &StateHeap{}
	for i := 8; i > 0; i-- {
		heap.Push(h, State(i))
	}
	v := heap.Pop(h)
	fmt.Println(v, show(v))
	fmt.Printf("%v %T\n", v, v)
	fmt.Println(heap.Pop(h))
	w := heap.Pop(h).(State)
	fmt.Println(w, w.String())
	got := []any{}
	for h.Len() > 3 {
		x := heap.Pop(h)
		got = append(got, x)
	}
	fmt.Println(got...)
	fmt.Println(got)
	m := map[string]any{"k": heap.Pop(h)}
	fmt.Println(m)
	fmt.Println(fmt.Sprintf("%v|%s|%d", heap.Pop(h), State(9), State(9)))

	pq := PQ{}
	for i, name := range []string{"pear", "apple", "fig"} {
		heap.Push(&pq, &Item{name, i * 3 % 5})
	}
	for pq.Len() > 0 {
		it := heap.Pop(&pq).(*Item)
		fmt.Printf("%d:%s ", it.priority, it.value)
	}
	fmt.Println()

	var sm sync.Map
	l := list.New()
	var values []*atomic.Value
	for i := 0; i < 3; i++ {
		s := State(i)
		sm.Store(i, s)
		l.PushBack(s)
		a := &atomic.Value{}
		a.Store(State(10 + i))
		values = append(values, a)
	}
	for _, s := range []State{4, 5, 6} {
		sm.Store(int(s), s)
		l.PushBack(Name(fmt.Sprint("n", s)))
	}
	a, _ := sm.Load(0)
	b, _ := sm.Load(5)
	fmt.Println(a, b)
	loaded := []any{}
	for i := 0; i < 7; i++ {
		v, ok := sm.Load(i)
		if !ok {
			continue
		}
		s, isState := v.(State)
		fmt.Print(v, " ", s, isState, " ")
		loaded = append(loaded, v)
	}
	fmt.Println()
	fmt.Println(loaded)
	for _, a := range values {
		fmt.Print(a.Load(), " ")
	}
	fmt.Println()
	for e := l.Front(); e != nil; e = e.Next() {
		fmt.Printf("%v(%T) ", e.Value, e.Value)
	}
	fmt.Println()
}
