package main

// Methods promoted from an interface embedded in a struct.

import "fmt"

type Shape interface {
	Area() float64
	Name() string
}

type Sized interface {
	Shape
	Size() int
}

type Rect struct{ W, H float64 }

func (r Rect) Area() float64 { return r.W * r.H }
func (r Rect) Name() string  { return "rect" }
func (r Rect) Size() int     { return int(r.W) }

type Named struct {
	Shape
	Label string
}

func (n Named) Name() string { return "named " + n.Label }

type Outer struct {
	Named
	Extra int
}

type Big struct {
	Sized
}

func main() {
	n := Named{Rect{1, 2}, "unit"}
	fmt.Println(n.Area(), n.Name())
	p := &n
	fmt.Println(p.Area())
	o := Outer{n, 1}
	fmt.Println(o.Area(), o.Name())
	f := n.Area
	fmt.Println(f())
	b := Big{Rect{3, 1}}
	fmt.Println(b.Size(), b.Area(), b.Name())
	areas := []func() float64{n.Area, o.Area}
	fmt.Println(areas[0](), areas[1]())
}
