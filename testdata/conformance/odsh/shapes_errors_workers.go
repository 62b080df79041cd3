// Interfaces with value and pointer receivers in a type switch, wrapped
// errors with errors.Is/As, a mutex-guarded counter, channels, time.
package main

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
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

type ValidationError struct {
	Field string
	Err   error
}

func (e *ValidationError) Error() string { return e.Field + ": " + e.Err.Error() }
func (e *ValidationError) Unwrap() error { return e.Err }

var ErrEmpty = errors.New("empty")

func validate(name string) error {
	if name == "" {
		return &ValidationError{"name", ErrEmpty}
	}
	if _, err := strconv.Atoi(name); err == nil {
		return fmt.Errorf("validate %q: %w", name, &ValidationError{"name", errors.New("numeric")})
	}
	return nil
}

type Counter struct {
	mu sync.Mutex
	n  map[string]int
}

func (c *Counter) Inc(k string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n[k]++
}

func main() {
	shapes := []Shape{Rect{2, 3}, Circle{1}, &Circle{2}}
	total := 0.0
	for _, s := range shapes {
		total += s.Area()
		switch v := s.(type) {
		case Rect:
			fmt.Println("rect", v.W)
		case Circle:
			fmt.Println("circle", v.R)
		case *Circle:
			v.Grow(2)
			fmt.Println("*circle", v.R)
		}
	}
	fmt.Printf("%.2f\n", total)
	fmt.Println(shapes[2].Area())
	for _, n := range []string{"", "42", "bob"} {
		err := validate(n)
		var ve *ValidationError
		fmt.Println(err, errors.Is(err, ErrEmpty), errors.As(err, &ve))
		if ve != nil {
			fmt.Println(" field", ve.Field)
		}
	}
	c := Counter{n: map[string]int{}}
	var wg sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			c.Inc(strconv.Itoa(i % 3))
		}(i)
	}
	wg.Wait()
	fmt.Println(c.n)
	results := make(chan string, 3)
	go func() {
		defer close(results)
		for _, w := range strings.Fields("a b c") {
			results <- strings.ToUpper(w)
		}
	}()
	for r := range results {
		fmt.Print(r)
	}
	fmt.Println()
	select {
	case <-time.After(10 * time.Millisecond):
		fmt.Println("timeout")
	}
	d := 90 * time.Minute
	fmt.Println(d, d.Hours())
	t := time.Date(2024, 3, 1, 10, 0, 0, 0, time.UTC)
	fmt.Println(t.Format("2006-01-02 15:04"), t.AddDate(0, 1, 0).Weekday())
	defer fmt.Println("deferred")
	func() {
		defer func() {
			if r := recover(); r != nil {
				fmt.Println("recovered:", r)
			}
		}()
		var m map[string]int
		m["x"] = 1
	}()
	fmt.Fprintln(os.Stderr, "to stderr")
}
