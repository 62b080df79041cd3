// The rows of the issue "The shell runs Go as Go does" as one program.
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
)

type State int

const (
	Draft State = iota
	Done
)

func (s State) String() string { return [...]string{"draft", "done"}[s] }

func count(kv ...any) int { return len(kv) }

type MyErr struct{ Code int }

func (e *MyErr) Error() string { return fmt.Sprintf("code %d", e.Code) }

type Sq struct{ S float64 }

func (s Sq) Area() float64 { return s.S * s.S }

type T struct {
	a int
	B int
}

func Map[T, U any](xs []T, f func(T) U) []U {
	var out []U
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func seq(yield func(int) bool) {
	for i := 0; i < 3; i++ {
		if !yield(i) {
			return
		}
	}
}

func main() {
	fmt.Println(count("a", "b", []any{1, 2}))
	fmt.Println([]State{Draft, Done})
	fmt.Printf("%d\n", Done)
	var err error = fmt.Errorf("wrap: %w", &MyErr{3})
	var target *MyErr
	fmt.Println(errors.As(err, &target), target)
	fmt.Println(Map([]int{1, 2}, func(i int) string { return fmt.Sprint(i * 2) }))
	for x := range seq {
		fmt.Println(x)
	}
	m := map[string]int{"a": 1}
	for k := range maps.Keys(m) {
		fmt.Println(k)
	}
	var v any = fmt.Errorf("x")
	switch v.(type) {
	case error:
		fmt.Println("error")
	default:
		fmt.Println("default")
	}
	_, ok := v.(error)
	fmt.Println(ok)
	f := Sq.Area
	fmt.Println(f(Sq{2}))
	fmt.Printf("%+v\n", T{1, 2})
	b, _ := json.Marshal(T{1, 2})
	fmt.Println(string(b))
}
