package repl

// The arguments of fmt's print functions, as fmt should see them.
//
// Besides the wrappers (fmtshim.go), two yaegi representations reach
// compiled fmt where Go's fmt would print something else:
//
//   - interp.valueInterface, yaegi's representation of an interpreted value
//     in an interface (`var x any = q` where q's type has methods): yaegi
//     hands it to compiled code as is when the type has no method fmt uses
//     (getBinValue in interp/value.go), and fmt prints the struct
//     `{0xc000… {0x11540e0 0xc000… 130}}`. At the top level of an
//     argument it is replaced by the value inside, which is what Go
//     prints. Inside a slice, map or struct (`[]any{q}`) it is left alone:
//     there compiled code cannot tell whether the type has a String or
//     Error method, which only the interpreter can call (and yaegi's own
//     wrapping of such a value evaluates it again in the wrong frame).
//   - struct types with fields that markUnexportedFields marked
//     (unexported.go): they are printed through a copy whose type has the
//     declared, unexported, field names, so %+v prints `n:1`, not `Xn:1`,
//     and, as in Go, fmt calls no method on the value of such a field.
//
// Copies change addresses and types, so a format with %p or %T gets only
// the first replacement.

import (
	"reflect"
	"sync"
	"unsafe"
)

// printables returns the arguments of a print function, with printable
// applied; a is not modified (it may be the caller's slice, passed with
// `args...`).
func printables(a []any) []any {
	return convertArgs(a, true)
}

// printablesf is printables for a format: no copies if it prints a %p or
// a %T.
func printablesf(format string, a []any) []any {
	return convertArgs(a, !hasVerb(format, "pT"))
}

func convertArgs(a []any, copies bool) []any {
	var out []any
	for i, x := range a {
		y := printableValue(x, copies)
		if out == nil {
			if sameAny(x, y) {
				continue
			}
			out = append(make([]any, 0, len(a)), a[:i]...)
		}
		out = append(out, y)
	}
	if out == nil {
		return a
	}
	return out
}

// sameAny reports whether printableValue returned its argument (it returns
// a different value only with a different type or a new pointer).
func sameAny(x, y any) bool {
	tx, ty := reflect.TypeOf(x), reflect.TypeOf(y)
	if tx != ty {
		return false
	}
	if tx == nil {
		return true
	}
	switch tx.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Slice:
		vx, vy := reflect.ValueOf(x), reflect.ValueOf(y)
		return vx.UnsafePointer() == vy.UnsafePointer() && (tx.Kind() != reflect.Slice || vx.Len() == vy.Len())
	}
	return false
}

// printable returns x as Go's fmt should see it (with copies).
func printable(x any) any { return printableValue(x, true) }

func printableValue(x any, copies bool) any {
	v := reflect.ValueOf(x)
	if !v.IsValid() {
		return x
	}
	if isYaegiInterface(v.Type()) {
		// at the top level yaegi has already wrapped a value whose type
		// has a method fmt uses: this one has none
		inner, ok := yaegiValue(v)
		switch {
		case !ok:
			return x
		case !inner.IsValid():
			return nil
		case !inner.CanInterface():
			return x
		}
		v, x = inner, inner.Interface()
	}
	if !copies || hasFmtMethods(v.Type()) {
		return x
	}
	if v.Kind() == reflect.Pointer {
		// fmt prints &{…} for a pointer to a struct, array, slice or map
		// at the top level, an address deeper
		if v.IsNil() {
			return x
		}
		switch v.Elem().Kind() {
		case reflect.Struct, reflect.Array, reflect.Slice, reflect.Map:
			if info := viewOf(v.Type().Elem()); info.walk && v.Elem().CanInterface() {
				p := reflect.New(info.typ)
				p.Elem().Set(view(v.Elem(), 1))
				return p.Interface()
			}
		}
		return x
	}
	if viewOf(v.Type()).walk {
		return view(v, 0).Interface()
	}
	return x
}

// viewInfo says how to print values of a type: typ is the type of the copy
// (the type itself unless it has marked fields somewhere), walk whether
// its values must be copied (a different typ, or interfaces inside).
type viewInfo struct {
	typ  reflect.Type
	walk bool
}

var viewCache sync.Map // reflect.Type → viewInfo

func viewOf(t reflect.Type) viewInfo {
	if v, ok := viewCache.Load(t); ok {
		return v.(viewInfo)
	}
	info := computeView(t, map[reflect.Type]bool{})
	viewCache.Store(t, info)
	return info
}

// computeView follows what fmt prints of a value: elements, keys, fields,
// interfaces' values; not pointers (an address below the top level).
func computeView(t reflect.Type, seen map[reflect.Type]bool) viewInfo {
	if seen[t] {
		return viewInfo{typ: t}
	}
	seen[t] = true
	defer delete(seen, t)
	switch t.Kind() {
	case reflect.Interface:
		return viewInfo{typ: t, walk: true}
	case reflect.Slice, reflect.Array:
		e := computeView(t.Elem(), seen)
		if e.typ == t.Elem() {
			return viewInfo{typ: t, walk: e.walk}
		}
		if t.Kind() == reflect.Slice {
			return viewInfo{typ: reflect.SliceOf(e.typ), walk: true}
		}
		return viewInfo{typ: reflect.ArrayOf(t.Len(), e.typ), walk: true}
	case reflect.Map:
		k, e := computeView(t.Key(), seen), computeView(t.Elem(), seen)
		if k.typ == t.Key() && e.typ == t.Elem() {
			return viewInfo{typ: t, walk: k.walk || e.walk}
		}
		return viewInfo{typ: reflect.MapOf(k.typ, e.typ), walk: true}
	case reflect.Struct:
		return computeStructView(t, seen)
	}
	return viewInfo{typ: t}
}

// computeStructView gives a struct with marked fields (or fields of such
// types) a type with the declared names. Only structs of interpreted code
// are rebuilt: all their fields are exported at the reflect level.
func computeStructView(t reflect.Type, seen map[reflect.Type]bool) viewInfo {
	if hasFmtMethods(t) {
		return viewInfo{typ: t}
	}
	walk, rebuild, interpreted := false, false, true
	fields := make([]reflect.StructField, t.NumField())
	for i := range fields {
		f := t.Field(i)
		interpreted = interpreted && f.IsExported()
		e := computeView(f.Type, seen)
		walk = walk || e.walk
		sf := reflect.StructField{Name: f.Name, Type: e.typ, Tag: f.Tag}
		if name, ok := unexportedName(f); ok {
			sf.Name, sf.PkgPath = name, "main"
			sf.Tag = reflect.StructTag(dropTagKeys(string(f.Tag), unexportedKey, "json", "xml"))
			rebuild = true
		}
		rebuild = rebuild || e.typ != f.Type
		fields[i] = sf
	}
	if !rebuild || !interpreted {
		return viewInfo{typ: t, walk: walk && (interpreted || !rebuild)}
	}
	return viewInfo{typ: reflect.StructOf(fields), walk: true}
}

// maxViewDepth bounds the copy of a value nested that deep (a map holding
// itself: Go's fmt would not end either).
const maxViewDepth = 100

// view returns a copy of v of type viewOf(v.Type()).typ, with the yaegi
// values found in its interfaces replaced (see the file comment).
func view(v reflect.Value, depth int) reflect.Value {
	info := viewOf(v.Type())
	if !info.walk || depth > maxViewDepth || !v.CanInterface() {
		return v
	}
	switch v.Kind() {
	case reflect.Interface:
		if v.IsNil() {
			return v
		}
		e := v.Elem()
		if isYaegiInterface(e.Type()) {
			// inside a slice, map or struct: it may have a String method
			// (see the file comment)
			return v
		}
		ne := view(e, depth+1)
		if !ne.Type().AssignableTo(v.Type()) {
			return v
		}
		r := reflect.New(v.Type()).Elem()
		r.Set(ne)
		return r
	case reflect.Slice:
		if v.IsNil() {
			return reflect.Zero(info.typ)
		}
		r := reflect.MakeSlice(info.typ, v.Len(), v.Len())
		for i := 0; i < v.Len(); i++ {
			r.Index(i).Set(view(v.Index(i), depth+1))
		}
		return r
	case reflect.Array:
		r := reflect.New(info.typ).Elem()
		for i := 0; i < v.Len(); i++ {
			r.Index(i).Set(view(v.Index(i), depth+1))
		}
		return r
	case reflect.Map:
		if v.IsNil() {
			return reflect.Zero(info.typ)
		}
		r := reflect.MakeMapWithSize(info.typ, v.Len())
		it := v.MapRange()
		for it.Next() {
			r.SetMapIndex(view(it.Key(), depth+1), view(it.Value(), depth+1))
		}
		return r
	case reflect.Struct:
		r := reflect.New(info.typ).Elem()
		if info.typ == v.Type() {
			// a compiled struct: copied whole, its exported fields viewed
			r.Set(v)
			for i := 0; i < v.NumField(); i++ {
				if f := r.Field(i); f.CanSet() {
					f.Set(view(v.Field(i), depth+1))
				}
			}
			return r
		}
		for i := 0; i < v.NumField(); i++ {
			f := r.Field(i)
			if !f.CanSet() {
				// a field with its unexported name: settable through its
				// address only
				f = reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem()
			}
			f.Set(view(v.Field(i), depth+1))
		}
		return r
	}
	return v
}

// hasFmtMethods reports whether fmt calls a method of values of type t.
func hasFmtMethods(t reflect.Type) bool {
	for _, i := range printIfaces {
		if t.Implements(i) {
			return true
		}
	}
	return false
}

// isYaegiInterface reports whether t is interp.valueInterface, how yaegi
// represents an interpreted value in an interface, and an interface type
// declared in interpreted code.
func isYaegiInterface(t reflect.Type) bool {
	return t.Kind() == reflect.Struct && t.Name() == "valueInterface" && t.PkgPath() == "github.com/traefik/yaegi/interp"
}

var reflectValueType = reflect.TypeOf(reflect.Value{})

// yaegiValue returns the value inside v, an interp.valueInterface, a
// struct{ node *node; value reflect.Value } in yaegi v0.16.1. The field is
// unexported: it is read through its address in a copy. If the layout
// differs (another yaegi), ok is false.
func yaegiValue(v reflect.Value) (inner reflect.Value, ok bool) {
	for isYaegiInterface(v.Type()) {
		f, found := v.Type().FieldByName("value")
		if !found || f.Type != reflectValueType || !v.CanInterface() {
			return reflect.Value{}, false
		}
		cp := reflect.New(v.Type()).Elem()
		cp.Set(v)
		v = *(*reflect.Value)(cp.FieldByIndex(f.Index).Addr().UnsafePointer())
		if !v.IsValid() {
			return v, true
		}
	}
	return v, true
}

// hasVerb reports whether format has a directive with one of verbs.
func hasVerb(format string, verbs string) bool {
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		// flags, argument indexes, width and precision come before the verb
		for i++; i < len(format); i++ {
			c := format[i]
			if c == '[' {
				for i < len(format) && format[i] != ']' {
					i++
				}
				continue
			}
			if c == '+' || c == '-' || c == '#' || c == ' ' || c == '0' || c == '.' || c == '*' || '1' <= c && c <= '9' {
				continue
			}
			break
		}
		if i < len(format) {
			for _, v := range verbs {
				if rune(format[i]) == v {
					return true
				}
			}
		}
	}
	return false
}
