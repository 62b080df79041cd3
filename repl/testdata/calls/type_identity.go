// Type tests on declared types: yaegi keeps the type of a value held in an
// interface only for types with methods, and the rewrites keep it where
// yaegi drops it (any(x), a literal assigned or returned as any).
package main

import (
	"fmt"
	"time"
)

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type Point struct{ X, Y int }

func (p Point) String() string { return fmt.Sprintf("(%d,%d)", p.X, p.Y) }

type Vec struct{ X, Y int }

type Buf []byte

func (b *Buf) Write(p []byte) (int, error) { *b = append(*b, p...); return len(p), nil }

type Temps map[string]Celsius

func (t Temps) Len() int { return len(t) }

func kind(v any) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case Celsius:
		return "Celsius " + x.String()
	case float64:
		return fmt.Sprint("float64 ", x)
	case Point:
		return "Point " + x.String()
	case Vec:
		return fmt.Sprint("Vec ", x.X, x.Y)
	case *Buf:
		return "Buf " + string(*x)
	case Temps:
		return fmt.Sprint("Temps ", x.Len())
	case fmt.Stringer:
		return "Stringer " + x.String()
	case time.Duration:
		return "Duration"
	case int:
		return "int"
	}
	return fmt.Sprintf("other %T", v)
}

func literal() any   { return Point{5, 6} }
func conv() any      { return Celsius(7) }
func pointer() any   { return &Buf{'z'} }
func asIface() error { return nil }

func main() {
	b := Buf("ab")
	var lit any = Point{1, 2}
	var c any = Celsius(3)
	vals := []any{1.5, Celsius(2), Point{1, 2}, Vec{1, 2}, &b, Temps{"a": 1}, time.Second, 4, nil, lit, c, any(Celsius(9)), literal(), conv(), pointer(), asIface()}
	for _, v := range vals {
		fmt.Println(kind(v))
	}
	_, ok1 := any(1.5).(Celsius)
	_, ok2 := any(Celsius(1)).(Celsius)
	_, ok3 := any(Vec{1, 2}).(Point)
	_, ok4 := any(Point{1, 2}).(Point)
	_, ok5 := lit.(Point)
	_, ok6 := any(&b).(*Buf)
	fmt.Println(ok1, ok2, ok3, ok4, ok5, ok6)
	if s, ok := c.(fmt.Stringer); ok {
		fmt.Println("stringer", s)
	}
}
