// Generic functions and types, iota Stringers, embedding and method values,
// integer arithmetic, fmt verbs, sorting, labels, fallthrough, runes.
package main

import (
	"cmp"
	"fmt"
	"maps"
	"math"
	"slices"
	"sort"
	"strings"
)

type Number interface {
	~int | ~int64 | ~float64
}

func Sum[T Number](xs ...T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

type Stack[T any] struct{ items []T }

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }
func (s *Stack[T]) Pop() (T, bool) {
	var zero T
	if len(s.items) == 0 {
		return zero, false
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, true
}

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
	_
	Thursday
)

var names = [...]string{"Sun", "Mon", "Tue", "Wed", "Thu"}

func (d Weekday) String() string { return names[d] }

type Base struct{ ID int }

func (b Base) Describe() string { return fmt.Sprintf("base %d", b.ID) }
func (b *Base) SetID(id int)    { b.ID = id }

type Product struct {
	Base
	Name  string
	Price float64
}

func (p Product) Describe() string { return "product " + p.Name + " " + p.Base.Describe() }

type Money int64

func (m Money) String() string { return fmt.Sprintf("$%d.%02d", m/100, m%100) }

func main() {
	fmt.Println(Sum(1, 2, 3), Sum(1.5, 2.5), Sum[Money](150, 275))
	fmt.Println(Map([]int{1, 2, 3}, func(i int) string { return strings.Repeat("*", i) }))
	var st Stack[string]
	st.Push("a")
	st.Push("b")
	v, ok := st.Pop()
	fmt.Println(v, ok, len(st.items))
	fmt.Println(Monday, Thursday, []Weekday{Sunday, Tuesday})
	fmt.Printf("%v %d %s %q\n", Tuesday, Tuesday, Tuesday, Tuesday)
	p := Product{Base{1}, "pen", 2.5}
	p.SetID(7)
	fmt.Println(p.Describe(), p.ID)
	describe := p.Describe
	p.Name = "ink"
	fmt.Println(describe())
	var u8 uint8 = 250
	u8 += 10
	fmt.Println(u8, -7/2, -7%2, 7>>1, 1<<10, math.MaxInt64, math.Inf(1))
	fmt.Printf("%08.3f|%-6s|%6s|%x|%X|%o|%b|%e|%g\n", 3.14159, "ab", "cd", 255, "hi", 8, 5, 1234.5678, 0.000001)
	fmt.Printf("%5.1f%%|%+d|%c|%U|%t|%v|%p\n", 99.5, 3, 'A', 'é', true, nil, nil)
	words := []string{"pear", "apple", "fig", "banana"}
	slices.SortFunc(words, func(a, b string) int { return cmp.Compare(len(a), len(b)) })
	fmt.Println(words, slices.Index(words, "fig"), slices.Contains(words, "kiwi"))
	m := map[string][]int{"b": {2}, "a": {1, 1}}
	keys := slices.Sorted(maps.Keys(m))
	fmt.Println(keys)
	for _, k := range keys {
		m[k] = append(m[k], 0)
	}
	fmt.Println(m)
	people := []struct {
		Name string
		Age  int
	}{{"b", 30}, {"a", 30}, {"c", 20}}
	sort.SliceStable(people, func(i, j int) bool { return people[i].Age < people[j].Age })
	fmt.Println(people)
outer:
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			if j == 2 {
				continue outer
			}
			if i == 2 {
				break outer
			}
			fmt.Print(i, j, ";")
		}
	}
	fmt.Println()
	switch x := 2; x {
	case 2:
		fmt.Println("two")
		fallthrough
	case 3:
		fmt.Println("three")
	default:
		fmt.Println("def")
	}
	fmt.Println(strings.Map(func(r rune) rune {
		if r == 'a' {
			return -1
		}
		return r + 1
	}, "banana"))
	for i, r := range "héllo" {
		fmt.Print(i, ":", string(r), " ")
	}
	fmt.Println()
	var total Money
	for _, c := range []Money{199, 1} {
		total += c
	}
	fmt.Println(total, fmt.Sprint(total), fmt.Sprintf("%v|%s|%d", total, total, total))
}
