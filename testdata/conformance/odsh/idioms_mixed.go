package main

// Everyday code: embedding, json tags, Stringers, sort, wrapped errors,
// generics, strings.Builder, tabwriter, time, strconv, fmt verbs.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
)

type Animal interface{ Sound() string }

type Base struct{ Name string }

func (b *Base) Rename(n string) { b.Name = n }
func (b Base) Hello() string    { return "hi " + b.Name }

type Dog struct {
	Base
	Age int `json:"age,omitempty"`
}

func (d Dog) Sound() string { return d.Name + " woof" }

type Temp float64

func (t Temp) String() string { return strconv.FormatFloat(float64(t), 'f', 1, 64) + "°" }

type NotFound struct{ ID int }

func (e *NotFound) Error() string { return fmt.Sprintf("id %d not found", e.ID) }

func find(id int) error {
	if id > 2 {
		return fmt.Errorf("find: %w", &NotFound{id})
	}
	return nil
}

type Number interface{ ~int | ~float64 }

func Sum[T Number](xs ...T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
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

func main() {
	d := Dog{Base{"rex"}, 3}
	d.Rename("max")
	var a Animal = d
	fmt.Println(a.Sound(), d.Hello())
	js, _ := json.Marshal(d)
	fmt.Println(string(js))
	var d2 Dog
	_ = json.Unmarshal([]byte(`{"Name":"bo","age":5}`), &d2)
	fmt.Printf("%+v\n", d2)

	temps := []Temp{21.5, 19, 23.25}
	sort.Slice(temps, func(i, j int) bool { return temps[i] < temps[j] })
	fmt.Println(temps, temps[0])
	fmt.Printf("%v %s %.2f\n", temps[1], temps[1], float64(temps[1]))

	err := find(5)
	var nf *NotFound
	fmt.Println(errors.As(err, &nf), nf.ID, err)

	fmt.Println(Sum(1, 2, 3), Sum(1.5, 2.5), Sum[Temp](1, 2))
	var st Stack[string]
	st.Push("a")
	st.Push("b")
	v, ok := st.Pop()
	fmt.Println(v, ok, len(st.items))

	m := map[string][]int{"b": {2}, "a": {1, 1}}
	m["c"] = append(m["c"], 3)
	fmt.Println(m, len(m["zz"]))

	var sb strings.Builder
	for i := 0; i < 3; i++ {
		fmt.Fprintf(&sb, "%d,", i)
	}
	fmt.Println(strings.TrimSuffix(sb.String(), ","))

	var buf bytes.Buffer
	tw := tabwriter.NewWriter(&buf, 0, 4, 1, ' ', 0)
	fmt.Fprintln(tw, "a\tbb\tccc")
	fmt.Fprintln(tw, "dddd\te\tf")
	tw.Flush()
	fmt.Print(buf.String())

	t := time.Date(2024, 2, 29, 13, 4, 5, 0, time.UTC)
	fmt.Println(t.Format("2006-01-02 15:04"), t.AddDate(1, 0, 0).Format(time.DateOnly), t.Weekday())
	dur := 90 * time.Minute
	fmt.Println(dur, dur.Hours())

	n, err := strconv.Atoi("12x")
	fmt.Println(n, err)
	fmt.Fprintln(os.Stderr, "to stderr")

	type pair struct {
		k string
		v int
	}
	counts := map[string]int{"x": 3, "y": 1, "z": 3}
	var ps []pair
	for k, v := range counts {
		ps = append(ps, pair{k, v})
	}
	sort.Slice(ps, func(i, j int) bool {
		if ps[i].v != ps[j].v {
			return ps[i].v > ps[j].v
		}
		return ps[i].k < ps[j].k
	})
	fmt.Println(ps)
	fmt.Printf("%5.2f|%-6s|%06d|%x|%q\n", 3.14159, "ab", 42, 255, "hi")
	var ip *int
	fmt.Println(ip == nil, fmt.Sprintf("%v", ip))
	r := []rune("héllo")
	fmt.Println(len("héllo"), len(r), string(r[1]), strings.ToUpper("héllo"))
	x := 7
	y := -7
	fmt.Println(x/2, y/2, x%3, y%3, x>>1, y>>1)
}
