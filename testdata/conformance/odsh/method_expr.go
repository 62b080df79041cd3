// Method expressions (T.M, (*T).M) and method values.
package main

import (
	"fmt"
	"strings"
)

type Money struct {
	Cents int
	Cur   string
}

func (m Money) String() string { return fmt.Sprintf("%d.%02d %s", m.Cents/100, m.Cents%100, m.Cur) }

func (m Money) Add(n int) Money { return Money{m.Cents + n, m.Cur} }

func (m *Money) Scale(f int) { m.Cents *= f }

func apply(ms []Money, f func(Money) string) []string {
	var out []string
	for _, m := range ms {
		out = append(out, f(m))
	}
	return out
}

func main() {
	f := Money.String
	add := Money.Add
	scale := (*Money).Scale
	m := Money{1234, "EUR"}
	fmt.Println(f(m), add(m, 66))
	scale(&m, 2)
	fmt.Println(m)
	bound := m.Add
	m.Cents = 0
	fmt.Println(bound(1), m)
	ptrBound := m.Scale
	m.Cents = 5
	ptrBound(3)
	fmt.Println(m.Cents)
	fmt.Println(apply([]Money{{100, "USD"}, {5, "GBP"}}, Money.String))
	up := strings.ToUpper
	fmt.Println(strings.Map(func(r rune) rune { return r + 1 }, "HAL"), up("x"))
	fmt.Printf("%T\n", f)
}
