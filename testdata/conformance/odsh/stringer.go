// A Stringer type printed with %v, %d, %s, %q and inside slices, maps,
// structs and pointers.
package main

import "fmt"

type State int

const (
	Draft State = iota
	Confirmed
	Done
)

func (s State) String() string {
	switch s {
	case Draft:
		return "draft"
	case Confirmed:
		return "confirmed"
	case Done:
		return "done"
	}
	return fmt.Sprintf("State(%d)", int(s))
}

type order struct {
	Name  string
	State State
}

type ptrStringer struct{ n int }

func (p *ptrStringer) String() string { return fmt.Sprintf("ptr#%d", p.n) }

func main() {
	s := Confirmed
	fmt.Println(s, Draft, State(7))
	fmt.Printf("%v %d %s %q %x\n", s, s, s, s, s)
	fmt.Printf("%v %+v\n", []State{Draft, Done}, map[State]int{Done: 2, Draft: 1})
	o := order{"SO001", Done}
	fmt.Printf("%v %+v\n", o, o)
	fmt.Println(&o.State, []*order{}, len(fmt.Sprint(o)))
	var st fmt.Stringer = s
	fmt.Println(st.String(), st)
	p := ptrStringer{3}
	fmt.Println(&p, p)
	fmt.Printf("%s|%v|%d\n", &p, []*ptrStringer{&p}, p)
}
