// Method values of methods with unnamed parameters, stored and called
// later (callbacks), change their receiver and nothing else.
package main

import "fmt"

type S struct {
	m1Called, m2Called bool
	hits               int
}

func (s *S) M1(int) (int, int) {
	s.m1Called = true
	return 1, 2
}

func (s *S) M2(int, string) {
	s.m2Called = true
}

func (s *S) Hit(...int) { s.hits++ }

func main() {
	s := &S{}
	calls := []func(int) (int, int){s.M1}
	for _, fn := range calls {
		a, b := fn(0)
		fmt.Println(a, b)
	}
	m2 := s.M2
	m2(3, "x")
	hit := s.Hit
	hit(1, 2, 3)
	hit()
	fmt.Println(s.m1Called, s.m2Called, s.hits)
}
