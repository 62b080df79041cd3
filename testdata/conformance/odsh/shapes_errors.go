package main

// Interfaces, type switches, embedded interfaces, pointer methods,
// custom errors with Unwrap, labels and fallthrough.

import (
	"errors"
	"fmt"
	"strings"
)

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Rect struct{ W, H float64 }
type Circle struct{ R float64 }

func (r Rect) Area() float64        { return r.W * r.H }
func (r Rect) Perimeter() float64   { return 2 * (r.W + r.H) }
func (c Circle) Area() float64      { return 3 * c.R * c.R }
func (c Circle) Perimeter() float64 { return 6 * c.R }
func (c *Circle) Grow(f float64)    { c.R *= f }

type Named struct {
	Shape
	Name string
}

type Counter struct {
	hits map[string]int
}

func NewCounter() *Counter { return &Counter{hits: map[string]int{}} }
func (c *Counter) Add(k string) int {
	c.hits[k]++
	return c.hits[k]
}

var ErrEmpty = errors.New("empty")

type ValidationError struct {
	Field string
	Err   error
}

func (v ValidationError) Error() string { return v.Field + ": " + v.Err.Error() }
func (v ValidationError) Unwrap() error { return v.Err }

func validate(s string) error {
	if s == "" {
		return ValidationError{"name", ErrEmpty}
	}
	return nil
}

func main() {
	shapes := []Shape{Rect{2, 3}, Circle{1}, &Circle{2}}
	total := 0.0
	for _, s := range shapes {
		total += s.Area()
		switch v := s.(type) {
		case Rect:
			fmt.Println("rect", v.W)
		case *Circle:
			v.Grow(2)
			fmt.Println("ptr circle", v.R)
		case Circle:
			fmt.Println("circle", v.R)
		}
	}
	fmt.Println(total)
	n := Named{Rect{1, 1}, "unit"}
	fmt.Println(n.Area(), n.Name)
	var s Shape = n
	fmt.Println(s.Perimeter())
	c := NewCounter()
	c.Add("a")
	fmt.Println(c.Add("a"), c.Add("b"))
	err := validate("")
	fmt.Println(err, errors.Is(err, ErrEmpty))
	var ve ValidationError
	fmt.Println(errors.As(err, &ve), ve.Field)
	words := strings.Fields(" the quick  brown fox ")
	freq := map[byte]int{}
	for _, w := range words {
		freq[w[0]]++
	}
	fmt.Println(freq, len(words))
	matrix := [][]int{{1, 2}, {3, 4}}
	for i := range matrix {
		for j := range matrix[i] {
			matrix[i][j] *= 10
		}
	}
	fmt.Println(matrix)
	fns := map[string]func(int) int{"dbl": func(x int) int { return 2 * x }}
	fmt.Println(fns["dbl"](21))
	var iface any = c
	if cc, ok := iface.(*Counter); ok {
		fmt.Println(len(cc.hits))
	}
	type kv struct {
		K string
		V int
	}
	kvs := []kv{{"a", 1}}
	kvs = append(kvs, kv{"b", 2})
	fmt.Printf("%v %+v\n", kvs, kvs[1])
labels:
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			if j == 2 {
				continue labels
			}
			if i == 2 {
				break labels
			}
			fmt.Print(i, j, " ")
		}
	}
	fmt.Println()
	switch x := 5; {
	case x > 3:
		fmt.Println("big")
		fallthrough
	case x > 1:
		fmt.Println("medium")
	default:
		fmt.Println("small")
	}
}
