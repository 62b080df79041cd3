// Promoted String methods of embedded types (a value and a pointer),
// an embedded compiled interface overridden by a method, a generic
// function constrained by fmt.Stringer.
package main

import (
	"fmt"
	"io"
	"os"
	"strings"
)

type State int

func (s State) String() string { return [...]string{"draft", "done"}[s] }

type Outer struct {
	State
	N int
}

type Named struct {
	Name string
}

func (n *Named) String() string { return "named:" + n.Name }

type Wrap struct {
	*Named
	Extra int
}

type logged struct {
	io.Writer
	n int
}

func (l *logged) Write(p []byte) (int, error) {
	l.n += len(p)
	return l.Writer.Write(p)
}

func Stringify[T fmt.Stringer](xs []T) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = x.String()
	}
	return out
}

type Number interface{ ~int | ~float64 }

func Max[T Number](a, b T) T {
	if a > b {
		return a
	}
	return b
}

func main() {
	o := Outer{State(1), 5}
	fmt.Println(o)
	fmt.Printf("%v %+v %s\n", o, o, o)
	w := Wrap{&Named{"x"}, 1}
	fmt.Println(w)
	l := &logged{Writer: os.Stdout}
	fmt.Fprintln(l, "hello")
	fmt.Println(l.n)
	fmt.Println(Stringify([]State{0, 1}))
	fmt.Println(strings.Join(Stringify([]*Named{{"a"}, {"b"}}), ","))
	fmt.Println(Max(3, 7), Max(State(0), State(1)))
}
