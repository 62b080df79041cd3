// Values of declared types held in fmt.Stringer keep their type: type
// switches and assertions find it (case State matched nothing), %T names
// it, == compares the value, and a struct's fields are its own.
package main

import (
	"fmt"
	"sort"
	"strings"
)

type State int

func (s State) String() string { return [...]string{"draft", "done"}[s] }

type Point struct{ X, Y int }

func (p Point) String() string { return fmt.Sprintf("(%d,%d)", p.X, p.Y) }

type Temp float64

func (t Temp) String() string { return fmt.Sprintf("%.1f°", float64(t)) }

func describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case int, int64:
		return fmt.Sprintf("integer %v", x)
	case State:
		return "state " + x.String()
	case fmt.Stringer:
		return "stringer " + x.String()
	case error:
		return "error " + x.Error()
	case []any:
		return fmt.Sprintf("list of %d", len(x))
	case map[string]any:
		return fmt.Sprintf("object with %d", len(x))
	case func() int:
		return fmt.Sprintf("func giving %d", x())
	default:
		return fmt.Sprintf("other %T", x)
	}
}

func main() {
	var s fmt.Stringer = State(1)
	fmt.Println(s)
	fmt.Printf("%v|%s|%d|%q|%x|%T\n", s, s, s, s, s, s)
	p, ok := s.(State)
	fmt.Println(p, ok, s == State(1), s == State(0))
	list := []fmt.Stringer{State(0), Point{1, 2}, Temp(21.5)}
	for _, x := range list {
		switch v := x.(type) {
		case State:
			fmt.Println("state", int(v))
		case Point:
			fmt.Println("point", v.X, v.Y)
		case Temp:
			fmt.Println("temp", float64(v))
		}
	}
	pt, ok := list[1].(Point)
	fmt.Println(pt, ok, pt.X)
	var parts []string
	for _, x := range list {
		parts = append(parts, x.String())
	}
	fmt.Println(strings.Join(parts, " "))
	m := map[string]fmt.Stringer{"p": Point{3, 4}}
	fmt.Println(m["p"], m)
	sort.Slice(list, func(i, j int) bool { return list[i].String() < list[j].String() })
	fmt.Println(list)
	var nothing fmt.Stringer
	fmt.Println(nothing == nil, s != nil)
	func(x fmt.Stringer) { fmt.Printf("%v %T\n", x, x) }(Temp(3))
	fmt.Println(describe(State(1)))
	var st fmt.Stringer = State(0)
	fmt.Println(describe(st))
	fmt.Println(describe(list[0]))
}
