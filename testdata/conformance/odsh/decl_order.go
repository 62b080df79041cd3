// Package-level declarations used before they are declared: functions,
// types, constants, methods.
package main

import "fmt"

func main() {
	s := newShop("corner")
	s.add(item{"tea", price})
	fmt.Println(s.describe(), total(s), limit)
	fmt.Println(isEven(10), isOdd(7))
}

func newShop(name string) *shop { return &shop{name: name} }

func (s *shop) add(it item) { s.items = append(s.items, it) }

func (s *shop) describe() string { return fmt.Sprintf("%s: %d items", s.name, len(s.items)) }

func total(s *shop) int {
	t := 0
	for _, it := range s.items {
		t += it.cents
	}
	return t
}

type shop struct {
	name  string
	items []item
}

type item struct {
	name  string
	cents int
}

const price = limit / 4

const limit = 1000

func isEven(n int) bool {
	if n == 0 {
		return true
	}
	return isOdd(n - 1)
}

func isOdd(n int) bool {
	if n == 0 {
		return false
	}
	return isEven(n - 1)
}
