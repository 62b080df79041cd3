package repl

import (
	"bytes"
	"go/format"
	"go/parser"
	"go/token"
	"sync"

	gen "github.com/traefik/yaegi/stdlib/generic"
)

// yaegi's own interpreted copies of the generic packages slices and maps
// miss functions (slices.Sort, slices.Max, maps.Keys, …) and cannot infer
// the type parameters of `func F[S ~[]E, E any](s S)`. genericSources adds
// the common ones to those packages, written with parameters yaegi infers
// ([]E, map[K]V), and the package iter, which yaegi lacks. The iterator
// functions are those of Go 1.23 (maps.Keys, maps.Values, maps.All,
// slices.All, slices.Values, slices.Collect, slices.Sorted, …): they
// return and take functions func(yield func(…) bool), which a range
// statement can use since the shell rewrites ranges over functions
// (rewrite_rangefunc.go). Their type parameters are written so that
// yaegi's positional inference gets them right (see genericCall).
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

func Sorted[E ordered](seq func(yield func(E) bool)) []E {
	out := Collect(seq)
	Sort(out)
	return out
}

func SortedFunc[E any](seq func(yield func(E) bool), cmp func(E, E) int) []E {
	out := Collect(seq)
	SortFunc(out, cmp)
	return out
}

func All[E any](s []E) func(yield func(int, E) bool) {
	return func(yield func(int, E) bool) {
		for i, v := range s {
			if !yield(i, v) {
				return
			}
		}
	}
}

func Values[E any](s []E) func(yield func(E) bool) {
	return func(yield func(E) bool) {
		for _, v := range s {
			if !yield(v) {
				return
			}
		}
	}
}

func Backward[E any](s []E) func(yield func(int, E) bool) {
	return func(yield func(int, E) bool) {
		for i := len(s) - 1; i >= 0; i-- {
			if !yield(i, s[i]) {
				return
			}
		}
	}
}

func AppendSeq[E any](s []E, seq func(yield func(E) bool)) []E {
	seq(func(v E) bool {
		s = append(s, v)
		return true
	})
	return s
}

func Collect[E any](seq func(yield func(E) bool)) []E {
	return AppendSeq([]E(nil), seq)
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

func Concat[E any](ss ...[]E) []E {
	n := 0
	for _, s := range ss {
		n += len(s)
	}
	out := make([]E, 0, n)
	for _, s := range ss {
		out = append(out, s...)
	}
	return out
}

func MaxFunc[E any](x []E, cmp func(a, b E) int) E {
	if len(x) == 0 {
		panic("slices.MaxFunc: empty list")
	}
	m := x[0]
	for _, v := range x[1:] {
		if cmp(v, m) > 0 {
			m = v
		}
	}
	return m
}

func MinFunc[E any](x []E, cmp func(a, b E) int) E {
	if len(x) == 0 {
		panic("slices.MinFunc: empty list")
	}
	m := x[0]
	for _, v := range x[1:] {
		if cmp(v, m) < 0 {
			m = v
		}
	}
	return m
}

func IsSorted[E ordered](x []E) bool {
	for i := len(x) - 1; i > 0; i-- {
		if x[i] < x[i-1] {
			return false
		}
	}
	return true
}

func IsSortedFunc[E any](x []E, cmp func(a, b E) int) bool {
	for i := len(x) - 1; i > 0; i-- {
		if cmp(x[i], x[i-1]) < 0 {
			return false
		}
	}
	return true
}

func BinarySearch[E ordered](x []E, target E) (int, bool) {
	i := sort.Search(len(x), func(i int) bool { return x[i] >= target })
	return i, i < len(x) && x[i] == target
}

func BinarySearchFunc[E, T any](x []E, target T, cmp func(E, T) int) (int, bool) {
	i := sort.Search(len(x), func(i int) bool { return cmp(x[i], target) >= 0 })
	return i, i < len(x) && cmp(x[i], target) == 0
}

func SortedStableFunc[E any](seq func(yield func(E) bool), cmp func(E, E) int) []E {
	out := Collect(seq)
	SortStableFunc(out, cmp)
	return out
}

func Repeat[E any](x []E, count int) []E {
	if count < 0 {
		panic("cannot be negative")
	}
	out := make([]E, 0, len(x)*count)
	for i := 0; i < count; i++ {
		out = append(out, x...)
	}
	return out
}

func Chunk[E any](s []E, n int) func(yield func([]E) bool) {
	if n < 1 {
		panic("cannot be less than 1")
	}
	return func(yield func([]E) bool) {
		for i := 0; i < len(s); i += n {
			end := i + n
			if end > len(s) {
				end = len(s)
			}
			if !yield(s[i:end:end]) {
				return
			}
		}
	}
}
func Equal[E comparable](s1, s2 []E) bool {
	if len(s1) != len(s2) {
		return false
	}
	for i := range s1 {
		if s1[i] != s2[i] {
			return false
		}
	}
	return true
}

func EqualFunc[E1, E2 any](s1 []E1, s2 []E2, eq func(E1, E2) bool) bool {
	if len(s1) != len(s2) {
		return false
	}
	for i := range s1 {
		if !eq(s1[i], s2[i]) {
			return false
		}
	}
	return true
}

// compare is cmp.Compare: a NaN is below every other value and equal to
// another NaN.
func compare[E ordered](x, y E) int {
	xNaN, yNaN := x != x, y != y
	switch {
	case xNaN && yNaN:
		return 0
	case xNaN || x < y:
		return -1
	case yNaN || x > y:
		return +1
	}
	return 0
}

func Compare[E ordered](s1, s2 []E) int {
	for i := range s1 {
		if i >= len(s2) {
			return +1
		}
		if c := compare(s1[i], s2[i]); c != 0 {
			return c
		}
	}
	if len(s1) < len(s2) {
		return -1
	}
	return 0
}

func CompareFunc[E1, E2 any](s1 []E1, s2 []E2, cmp func(E1, E2) int) int {
	for i := range s1 {
		if i >= len(s2) {
			return +1
		}
		if c := cmp(s1[i], s2[i]); c != 0 {
			return c
		}
	}
	if len(s1) < len(s2) {
		return -1
	}
	return 0
}

func Index[E comparable](s []E, v E) int {
	for i := range s {
		if v == s[i] {
			return i
		}
	}
	return -1
}

func IndexFunc[E any](s []E, f func(E) bool) int {
	for i := range s {
		if f(s[i]) {
			return i
		}
	}
	return -1
}

func Contains[E comparable](s []E, v E) bool {
	return Index(s, v) >= 0
}

func ContainsFunc[E any](s []E, f func(E) bool) bool {
	return IndexFunc(s, f) >= 0
}

// zeroTail zeroes s[len(s):oldLen], the elements a shrinking function
// leaves behind, as Go's slices do so that they can be collected.
func zeroTail[E any](s []E, oldLen int) {
	var zero E
	full := s[:oldLen]
	for k := len(s); k < oldLen; k++ {
		full[k] = zero
	}
}

func Insert[E any](s []E, i int, v ...E) []E {
	_ = s[i:] // bounds check, as Go's
	if len(v) == 0 {
		return s
	}
	vs := append([]E(nil), v...) // v may be a part of s
	n := len(s) + len(vs)
	if n <= cap(s) {
		s2 := s[:n]
		copy(s2[i+len(vs):], s[i:])
		copy(s2[i:], vs)
		return s2
	}
	s2 := append(s[:i], make([]E, n-i)...)
	copy(s2[i:], vs)
	copy(s2[i+len(vs):], s[i:])
	return s2
}

func Delete[E any](s []E, i, j int) []E {
	_ = s[i:j:len(s)] // bounds check, as Go's
	if i == j {
		return s
	}
	oldLen := len(s)
	s = append(s[:i], s[j:]...)
	zeroTail(s, oldLen)
	return s
}

func DeleteFunc[E any](s []E, del func(E) bool) []E {
	i := IndexFunc(s, del)
	if i == -1 {
		return s
	}
	for j := i + 1; j < len(s); j++ {
		if v := s[j]; !del(v) {
			s[i] = v
			i++
		}
	}
	zeroTail(s[:i], len(s))
	return s[:i]
}

func Replace[E any](s []E, i, j int, v ...E) []E {
	_ = s[i:j] // bounds check, as Go's
	vs := append([]E(nil), v...)       // v may be a part of s
	tail := append([]E(nil), s[j:]...) // and so may the destination
	oldLen := len(s)
	n := i + len(vs) + len(tail)
	var s2 []E
	if n <= cap(s) {
		s2 = s[:n]
	} else {
		s2 = append(s[:i], make([]E, n-i)...)
	}
	copy(s2[i:], vs)
	copy(s2[i+len(vs):], tail)
	if n < oldLen {
		zeroTail(s2, oldLen)
	}
	return s2
}

func Clone[E any](s []E) []E {
	if s == nil {
		return nil
	}
	return append([]E{}, s...)
}

func Compact[E comparable](s []E) []E {
	if len(s) < 2 {
		return s
	}
	i := 1
	for k := 1; k < len(s); k++ {
		if s[k] != s[k-1] {
			if i != k {
				s[i] = s[k]
			}
			i++
		}
	}
	zeroTail(s[:i], len(s))
	return s[:i]
}

func CompactFunc[E any](s []E, eq func(E, E) bool) []E {
	if len(s) < 2 {
		return s
	}
	i := 1
	for k := 1; k < len(s); k++ {
		if !eq(s[k], s[k-1]) {
			if i != k {
				s[i] = s[k]
			}
			i++
		}
	}
	zeroTail(s[:i], len(s))
	return s[:i]
}

func Grow[E any](s []E, n int) []E {
	if n < 0 {
		panic("cannot be negative")
	}
	if n -= cap(s) - len(s); n > 0 {
		s = append(s[:cap(s)], make([]E, n)...)[:len(s)]
	}
	return s
}

func Clip[E any](s []E) []E {
	return s[:len(s):len(s)]
}
`, `package maps

func Keys[K comparable, V any](m map[K]V) func(yield func(K) bool) {
	return func(yield func(K) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

func Values[K comparable, V any](m map[K]V) func(yield func(V) bool) {
	return func(yield func(V) bool) {
		for _, v := range m {
			if !yield(v) {
				return
			}
		}
	}
}

func All[K comparable, V any](m map[K]V) func(yield func(K, V) bool) {
	return func(yield func(K, V) bool) {
		for k, v := range m {
			if !yield(k, v) {
				return
			}
		}
	}
}

func Insert[K comparable, V any](m map[K]V, seq func(yield func(K, V) bool)) {
	seq(func(k K, v V) bool {
		m[k] = v
		return true
	})
}

func Collect[K comparable, V any](seq func(yield func(K, V) bool)) map[K]V {
	m := map[K]V{}
	Insert(m, seq)
	return m
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
func Equal[K, V comparable](m1, m2 map[K]V) bool {
	if len(m1) != len(m2) {
		return false
	}
	for k, v1 := range m1 {
		if v2, ok := m2[k]; !ok || v1 != v2 {
			return false
		}
	}
	return true
}

func EqualFunc[K comparable, V1, V2 any](m1 map[K]V1, m2 map[K]V2, eq func(V1, V2) bool) bool {
	if len(m1) != len(m2) {
		return false
	}
	for k, v1 := range m1 {
		if v2, ok := m2[k]; !ok || !eq(v1, v2) {
			return false
		}
	}
	return true
}

func Copy[K comparable, V any](dst, src map[K]V) {
	for k, v := range src {
		dst[k] = v
	}
}

func DeleteFunc[K comparable, V any](m map[K]V, del func(K, V) bool) {
	for k, v := range m {
		if del(k, v) {
			delete(m, k)
		}
	}
}
`, `package cmp

func Or[T comparable](vals ...T) T {
	var zero T
	for _, v := range vals {
		if v != zero {
			return v
		}
	}
	return zero
}
`, `package iter

import rt "` + runtimePkg + `"

type Seq[V any] func(yield func(V) bool)

type Seq2[K, V any] func(yield func(K, V) bool)

func Pull[V any](seq func(yield func(V) bool)) (func() (V, bool), func()) {
	return rt.PullSeq(seq)
}

func Pull2[K, V any](seq func(yield func(K, V) bool)) (func() (K, V, bool), func()) {
	return rt.Pull2Seq(seq)
}
`}

// renamedGenericSources and renamedRuntimeSources are genericSources and
// runtimeSources with their type parameters renamed (renameTypeParams):
// yaegi instantiates a generic function by the names of its type
// arguments, so that a type of the program named as a parameter (type E
// struct, sorted by slices.SortFunc[E any]) was "undefined type for E".
//
// yaegi's own generic packages (cmp, maps, slices: stdlib/generic), which
// it compiles as the standard library is loaded, are renamed so once, in
// place, before the first interpreter loads it (type T int beside
// cmp.Compare(1, 2): "undefined type for T").
var (
	renameYaegiGenerics   sync.Once
	renamedGenericSources = sync.OnceValue(func() []string { return renamedSources(genericSources) })
	renamedRuntimeSources = sync.OnceValue(func() []string { return renamedSources(runtimeSources) })
	renamedYaegiSources   = sync.OnceValue(func() []string { return renamedSources(gen.Sources[:]) })
)

func renamedSources(srcs []string) []string {
	out := make([]string, len(srcs))
	for i, src := range srcs {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, "", src, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			panic("repl: a shim source does not parse: " + err.Error())
		}
		renameTypeParams(f)
		var b bytes.Buffer
		if err := format.Node(&b, fset, f); err != nil {
			panic("repl: a shim source does not print: " + err.Error())
		}
		out[i] = b.String()
	}
	return out
}
