// Method expressions: on interfaces declared in the shell (called and
// stored), and (*T).m of a method with a value receiver.
package main

import "fmt"

type Shape interface {
	Area(scale float64) float64
}

type Sq struct{ side float64 }

func (s Sq) Area(scale float64) float64 { return s.side * s.side * scale }

type Label string

func (l Label) Len() int { return len(l) }

func main() {
	fmt.Println(Shape.Area(Sq{2}, 1.5))
	area := Shape.Area
	fmt.Println(area(Sq{3}, 2))
	fmt.Println(Sq.Area(Sq{1}, 10))
	l := Label("hello")
	fmt.Println((*Label).Len(&l), Label.Len(l))
	lens := []func(Label) int{Label.Len}
	fmt.Println(lens[0]("abc"))
}
