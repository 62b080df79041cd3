package repl

// yaegi's own interpreted copies of the generic packages slices and maps
// miss functions (slices.Sort, slices.Max, maps.Keys, …) and cannot infer
// the type parameters of `func F[S ~[]E, E any](s S)`. genericSources adds
// the common ones to those packages, written with parameters yaegi infers
// ([]E, map[K]V). maps.Keys and maps.Values return slices rather than
// iterators (yaegi cannot range over functions); `for k := range
// maps.Keys(m)` and `slices.Sorted(maps.Keys(m))` read the same either way.
var genericSources = []string{`package slices

import "sort"

type ordered interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr | ~float32 | ~float64 | ~string
}

func Sort[E ordered](x []E) {
	sort.Slice(x, func(i, j int) bool { return x[i] < x[j] })
}

func SortFunc[E any](x []E, cmp func(a, b E) int) {
	sort.SliceStable(x, func(i, j int) bool { return cmp(x[i], x[j]) < 0 })
}

func SortStableFunc[E any](x []E, cmp func(a, b E) int) {
	sort.SliceStable(x, func(i, j int) bool { return cmp(x[i], x[j]) < 0 })
}

func Sorted[E ordered](x []E) []E {
	out := append([]E(nil), x...)
	Sort(out)
	return out
}

func Reverse[E any](x []E) {
	for i, j := 0, len(x)-1; i < j; i, j = i+1, j-1 {
		x[i], x[j] = x[j], x[i]
	}
}

func Max[E ordered](x []E) E {
	if len(x) == 0 {
		panic("slices.Max: empty list")
	}
	m := x[0]
	for _, v := range x[1:] {
		if v > m {
			m = v
		}
	}
	return m
}

func Min[E ordered](x []E) E {
	if len(x) == 0 {
		panic("slices.Min: empty list")
	}
	m := x[0]
	for _, v := range x[1:] {
		if v < m {
			m = v
		}
	}
	return m
}
`, `package maps

func Keys[K comparable, V any](m map[K]V) []K {
	out := make([]K, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

func Values[K comparable, V any](m map[K]V) []V {
	out := make([]V, 0, len(m))
	for _, v := range m {
		out = append(out, v)
	}
	return out
}

func Clone[K comparable, V any](m map[K]V) map[K]V {
	if m == nil {
		return nil
	}
	out := make(map[K]V, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}
`}
