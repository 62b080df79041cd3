package printer

// Values that contain themselves.
//
// fmt's %v follows maps, slices, arrays, interfaces and struct fields to
// any depth (pointers only at the top: deeper ones print as addresses), so
// a slice or a map that holds itself makes it recurse until the stack
// overflows, a fatal error that would end the shell. sprint checks first
// and formats such a value itself, printing a repeated container as
// <cycle>:
//
//	s := []any{1, nil}; s[1] = s   ⇒  [1 <cycle>]

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
)

// sprint is fmt.Sprint(v), safe for values that contain themselves.
func sprint(v any) string {
	if !cyclic(reflect.ValueOf(v), 0, map[container]bool{}) {
		return fmt.Sprint(v)
	}
	var b strings.Builder
	writeCyclic(&b, reflect.ValueOf(v), 0, map[container]bool{})
	return b.String()
}

// container identifies a map or a slice's backing array (with its length:
// s and s[:1] print differently).
type container struct {
	ptr uintptr
	n   int
}

// key returns v's identity when v is a non-empty map or slice.
func key(v reflect.Value) (container, bool) {
	switch v.Kind() {
	case reflect.Map, reflect.Slice:
		if v.IsNil() || v.Len() == 0 {
			return container{}, false
		}
		return container{uintptr(v.UnsafePointer()), v.Len()}, true
	}
	return container{}, false
}

// cyclic reports whether printing v with %v would reach a container it is
// already inside.
func cyclic(v reflect.Value, depth int, path map[container]bool) bool {
	if k, ok := key(v); ok {
		if path[k] {
			return true
		}
		path[k] = true
		defer delete(path, k)
	}
	found := false
	children(v, depth, func(c reflect.Value) bool {
		found = cyclic(c, depth+1, path)
		return !found
	})
	return found
}

// children calls f on what %v prints inside v, until f returns false.
func children(v reflect.Value, depth int, f func(reflect.Value) bool) {
	switch v.Kind() {
	case reflect.Interface:
		if !v.IsNil() {
			f(v.Elem())
		}
	case reflect.Pointer:
		if depth == 0 && !v.IsNil() {
			f(v.Elem())
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len() && f(v.Index(i)); i++ {
		}
	case reflect.Struct:
		for i := 0; i < v.NumField() && f(v.Field(i)); i++ {
		}
	case reflect.Map:
		for it := v.MapRange(); it.Next() && f(it.Value()); {
		}
	}
}

// writeCyclic writes v as %v would, with <cycle> for a container met again
// inside itself. Map keys are sorted by their text.
func writeCyclic(b *strings.Builder, v reflect.Value, depth int, path map[container]bool) {
	if k, ok := key(v); ok {
		if path[k] {
			b.WriteString("<cycle>")
			return
		}
		path[k] = true
		defer delete(path, k)
	}
	switch v.Kind() {
	case reflect.Interface:
		if v.IsNil() {
			b.WriteString("<nil>")
			return
		}
		writeCyclic(b, v.Elem(), depth, path)
	case reflect.Pointer:
		if depth > 0 || v.IsNil() {
			fmt.Fprint(b, v)
			return
		}
		b.WriteString("&")
		writeCyclic(b, v.Elem(), depth+1, path)
	case reflect.Slice, reflect.Array, reflect.Struct:
		writeItems(b, v, depth, path)
	case reflect.Map:
		writeMap(b, v, depth, path)
	default:
		fmt.Fprint(b, v)
	}
}

// writeItems writes a slice or array as [a b], a struct as {a b}.
func writeItems(b *strings.Builder, v reflect.Value, depth int, path map[container]bool) {
	open, close := "[", "]"
	if v.Kind() == reflect.Struct {
		open, close = "{", "}"
	}
	b.WriteString(open)
	i := 0
	children(v, 1, func(c reflect.Value) bool {
		if i > 0 {
			b.WriteString(" ")
		}
		i++
		writeCyclic(b, c, depth+1, path)
		return true
	})
	b.WriteString(close)
}

// writeMap writes map[k:v k:v], keys sorted by their text.
func writeMap(b *strings.Builder, v reflect.Value, depth int, path map[container]bool) {
	type entry struct {
		k string
		v reflect.Value
	}
	var entries []entry
	for it := v.MapRange(); it.Next(); {
		entries = append(entries, entry{fmt.Sprint(it.Key()), it.Value()})
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].k < entries[j].k })
	b.WriteString("map[")
	for i, e := range entries {
		if i > 0 {
			b.WriteString(" ")
		}
		b.WriteString(e.k + ":")
		writeCyclic(b, e.v, depth+1, path)
	}
	b.WriteString("]")
}
