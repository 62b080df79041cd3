package main

// A method value copies its receiver when it is made; through a pointer,
// a method with a value receiver copies the value pointed to.

import "fmt"

type P struct{ X int }

func (p P) Show() string   { return fmt.Sprint("value receiver ", p.X) }
func (p *P) ShowP() string { return fmt.Sprint("pointer receiver ", p.X) }

func main() {
	s := P{1}
	f := s.Show
	g := s.ShowP
	q := &P{1}
	h := q.Show
	k := q.ShowP
	s.X, q.X = 2, 2
	fmt.Println(f(), g(), h(), k())
	fns := []func() string{q.Show, s.Show}
	q.X, s.X = 3, 3
	fmt.Println(fns[0](), fns[1]())
	var np *P
	func() {
		defer func() { fmt.Println("method value of a nil pointer panics:", recover() != nil) }()
		m := np.Show
		fmt.Println("not reached", m())
	}()
	pm := np.ShowP
	fmt.Println(pm != nil)
}
