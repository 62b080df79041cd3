// Type assertions and type switches from an interface value to a struct
// type that embeds an interface (type Named struct{ Shape; Name string }):
// yaegi refused s.(Named) as an "impossible type assertion" (it does not
// count the methods promoted from the embedded interface) and a type
// switch never matched the case.
package main

import "fmt"

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Rect struct{ W, H float64 }

func (r Rect) Area() float64      { return r.W * r.H }
func (r Rect) Perimeter() float64 { return 2 * (r.W + r.H) }

type Named struct {
	Shape
	Name string
}

type Tagged struct {
	Named
	Tag int
}

type Circle struct{ R float64 }

func (c *Circle) Area() float64      { return 3 * c.R * c.R }
func (c *Circle) Perimeter() float64 { return 6 * c.R }

func describe(s Shape) string {
	switch v := s.(type) {
	case Rect:
		return fmt.Sprint("rect ", v.W, "x", v.H)
	case *Circle:
		return fmt.Sprint("circle ", v.R)
	case Named:
		return fmt.Sprint("named ", v.Name, " ", v.Area())
	case *Named:
		return fmt.Sprint("*named ", v.Name)
	case Tagged:
		return fmt.Sprint("tagged ", v.Tag, " ", v.Name, " ", v.Perimeter())
	default:
		return fmt.Sprintf("other %T", v)
	}
}

func main() {
	var s Shape = Named{Rect{1, 2}, "unit"}
	fmt.Println(s.Area(), s.Perimeter())
	if n, ok := s.(Named); ok {
		fmt.Println("named", n.Name, n.Area())
	}
	_, isTagged := s.(Tagged)
	fmt.Println(isTagged, s.(Named).Name)
	shapes := []Shape{Rect{2, 3}, &Circle{1}, Named{Rect{1, 1}, "u"}, &Named{&Circle{2}, "p"}}
	total := 0.0
	for _, sh := range shapes {
		total += sh.Area()
		fmt.Println(describe(sh))
	}
	fmt.Println(total)
	defer func() { fmt.Println("recovered:", recover()) }()
	_ = shapes[0].(Named)
}
