// JSON with tags, generic types and functions, maps of pointers, keys of
// struct type, closures, range copies.
package main

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
)

type Partner struct {
	ID      int      `json:"id"`
	Name    string   `json:"name"`
	Email   string   `json:"email,omitempty"`
	Tags    []string `json:"tags"`
	private int
}

type Stats struct {
	Count int
	Sum   float64
}

func (s *Stats) Add(v float64) { s.Count++; s.Sum += v }
func (s Stats) Mean() float64 {
	if s.Count == 0 {
		return 0
	}
	return s.Sum / float64(s.Count)
}

type Set[T comparable] map[T]struct{}

func (s Set[T]) Add(v T)      { s[v] = struct{}{} }
func (s Set[T]) Has(v T) bool { _, ok := s[v]; return ok }
func (s Set[T]) Len() int     { return len(s) }

func GroupBy[T any, K comparable](xs []T, key func(T) K) map[K][]T {
	out := map[K][]T{}
	for _, x := range xs {
		k := key(x)
		out[k] = append(out[k], x)
	}
	return out
}

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func main() {
	ps := []Partner{
		{1, "Azure", "a@x.com", []string{"vip"}, 0},
		{2, "Bob", "", nil, 1},
		{3, "Cara", "c@x.com", []string{"b2b", "vip"}, 2},
	}
	b, err := json.Marshal(ps)
	fmt.Println(string(b), err)
	var back []Partner
	if err := json.Unmarshal(b, &back); err != nil {
		fmt.Println(err)
	}
	fmt.Printf("%+v\n", back[2])
	bi, _ := json.MarshalIndent(map[string]any{"n": 1, "list": []int{1, 2}}, "", "  ")
	fmt.Println(string(bi))
	var generic map[string]any
	json.Unmarshal([]byte(`{"a": 1.5, "b": [1, "x"], "c": {"d": null}}`), &generic)
	fmt.Println(generic, generic["a"].(float64))
	stats := map[string]*Stats{}
	for _, p := range ps {
		for _, t := range p.Tags {
			if stats[t] == nil {
				stats[t] = &Stats{}
			}
			stats[t].Add(float64(p.ID))
		}
	}
	for _, k := range slices.Sorted(maps.Keys(stats)) {
		fmt.Println(k, *stats[k], stats[k].Mean())
	}
	s := Set[string]{}
	for _, p := range ps {
		for _, t := range p.Tags {
			s.Add(t)
		}
	}
	fmt.Println(s.Len(), s.Has("vip"), s.Has("x"))
	g := GroupBy(ps, func(p Partner) bool { return p.Email != "" })
	fmt.Println(len(g[true]), len(g[false]))
	names := Map(ps, func(p Partner) string { return strings.ToLower(p.Name) })
	fmt.Println(names, slices.Index(names, "bob"))
	ids := Map(ps, func(p Partner) int { return p.ID * 10 })
	fmt.Println(ids, slices.Max(ids), slices.Contains(ids, 20))
	sort.SliceStable(ps, func(i, j int) bool { return len(ps[i].Tags) > len(ps[j].Tags) })
	fmt.Println(Map(ps, func(p Partner) string { return p.Name }))
	type pair struct {
		a, b int
	}
	seen := map[pair]bool{}
	seen[pair{1, 2}] = true
	fmt.Println(seen[pair{1, 2}], seen[pair{2, 1}], len(seen))
	matrix := [][]int{{1, 2}, {3, 4}}
	for _, row := range matrix {
		row[0] *= 10
	}
	fmt.Println(matrix)
	grid := [2][2]int{{1, 2}, {3, 4}}
	for _, row := range grid {
		row[0] = 0
	}
	fmt.Println(grid)
	acc := func() func(int) int {
		sum := 0
		return func(x int) int { sum += x; return sum }
	}()
	acc(5)
	fmt.Println(acc(10))
	var iface any = ps[0]
	switch v := iface.(type) {
	case fmt.Stringer:
		fmt.Println("stringer", v)
	case Partner:
		fmt.Println("partner", v.Name)
	}
	fmt.Printf("%v %+v\n", Stats{2, 3}, &Stats{1, 1})
}
