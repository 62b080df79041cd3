package repl

// The arguments of fmt's print functions and of json.Marshal, as they
// should see them.
//
// Besides the wrappers (fmtshim.go), two yaegi representations reach
// compiled fmt where Go's fmt would print something else:
//
//   - interp.valueInterface, yaegi's representation of an interpreted value
//     with methods in an interface (`var x any = q`, `[]any{q}`): yaegi
//     wraps it for a print function only at the top level of an argument,
//     and only when its type has a method fmt uses (getBinValue in
//     interp/value.go); otherwise fmt prints the struct
//     `{0xc000… {0x11540e0 0xc000… 130}}`. fmtConv replaces it by the value
//     inside, or, when the type has Format, Error, String or GoString
//     (which only the interpreter can call: printerSource), by a wrapper
//     calling them.
//   - struct types with fields that markUnexportedFields marked
//     (unexported.go): they are printed through a copy whose type has the
//     declared, unexported, field names, so %+v prints `n:1`, not `Xn:1`,
//     and, as in Go, fmt calls no method on what such a field holds.
//
// Copies change addresses and types: a format with %p or %T gets only the
// top-level replacement of a yaegi value.
//
// json.Marshal wrote `{}` for a yaegi value (its fields are unexported):
// it gets the value inside, or a wrapper calling its MarshalJSON or
// MarshalText; unlike fmt, json follows pointers. Fields of declared
// types are seen with their type (typedValue), and so is the value of
// json.Marshal when the rewrite passes its declared type (jsonTyped: a
// []Money). Methods of pointer receivers are called only through a
// pointer or an addressable value, as Go does (yaegi gives values the
// methods of their pointers: valueMethods). A conversion that fails
// (a panic: a case not foreseen) leaves the arguments as they were.

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/types"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unsafe"
)

// fmtConv converts the arguments of the print functions of one
// interpreter. Its functions, set once before any user code runs, call
// the methods of interpreted values (printerSource); a nil fmtConv, or one
// without them, leaves values whose methods it cannot call as they are.
type fmtConv struct {
	types   typeConverters                 // of the declared types (typedfields.go)
	mu      sync.Mutex                     // serialises methods (installPrinter)
	methods func(x any) int                // bits: 1 Format, 2 Error, 4 String, 8 GoString
	call    func(x any, method int) string // Error, String or GoString, by its bit
	format  func(x any, s fmt.State, verb rune)
	marshal func(x any, method int) ([]byte, error) // MarshalJSON or MarshalText
	// UnmarshalJSON or UnmarshalText (bits 64, 128) of x, a pointer
	unmarshal func(x any, method int, data []byte) error
	// method reports whether the declared type named t has the method m,
	// and whether its receiver is a pointer: yaegi gives a value the
	// methods of its pointer too, which Go's fmt and json do not call
	method func(t, m string) (found, ptr bool)
	// typeSpec returns the declaration of the type named t, nil if none
	typeSpec func(t string) *ast.TypeSpec
	// ownMethod reports whether the type named t declares the method m
	// itself (method also finds those promoted from embedded fields)
	ownMethod func(t, m string) bool
	// twin reports whether another declared struct type has the fields
	// of the one named t (yaegi gives both one reflect type)
	twin func(t string) bool
}

func (p *fmtConv) setMethods(methods func(any) int, call func(any, int) string, format func(any, fmt.State, rune),
	marshal func(any, int) ([]byte, error), unmarshal func(any, int, []byte) error) {
	p.methods, p.call, p.format, p.marshal, p.unmarshal = methods, call, format, marshal, unmarshal
}

// The methods of interpreted values fmtConv calls, as bits.
const (
	hasFormat = 1 << iota
	hasError
	hasString
	hasGoString
	hasMarshalJSON
	hasMarshalText
	hasUnmarshalJSON
	hasUnmarshalText
	fmtMethods  = hasFormat | hasError | hasString | hasGoString
	jsonMethods = hasMarshalJSON | hasMarshalText
)

// convMode is whom values are converted for.
type convMode int

const (
	forFmt convMode = iota
	forJSON
	// anyMethods: (declaredStruct) whatever methods the type has
	anyMethods
)

// args returns the arguments of a print function converted; a is not
// modified (it may be the caller's slice, passed with `args...`).
func (p *fmtConv) args(a []any) []any { return p.convertArgs(a, true) }

func (p *fmtConv) convertArgs(a []any, copies bool) (out []any) {
	defer func() {
		if recover() != nil {
			out = a
		}
	}()
	for i, x := range a {
		y, changed := p.topValue(x, copies, forFmt)
		if out == nil {
			if !changed {
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

// value returns x as Go's fmt should see it.
func (p *fmtConv) value(x any) (y any) {
	defer func() {
		if recover() != nil {
			y = x
		}
	}()
	y, _ = p.topValue(x, true, forFmt)
	return y
}

// jsonValue returns x as encoding/json should see it.
func (p *fmtConv) jsonValue(x any) (y any) {
	defer func() {
		if recover() != nil {
			y = x
		}
	}()
	y, _ = p.topValue(x, true, forJSON)
	return y
}

// fmtTyped returns x, of the type written t (an instance of a generic
// type declared in the shell, or a slice, array, map or pointer of such),
// as fmt should see it (typedValue).
func (p *fmtConv) fmtTyped(x any, t string) any { return p.typedFor(x, t, forFmt) }

// jsonTyped returns x, of the type written t (a slice, array, map or
// pointer of declared types), as encoding/json should see it (typedValue).
func (p *fmtConv) jsonTyped(x any, t string) any { return p.typedFor(x, t, forJSON) }

func (p *fmtConv) typedFor(x any, t string, mode convMode) (y any) {
	defer func() {
		if recover() != nil {
			y = x
		}
	}()
	v := reflect.ValueOf(x)
	if !v.IsValid() {
		return x
	}
	return p.typedValue(typedExpr(t), v, 0, true, mode).Interface()
}

func (p *fmtConv) topValue(x any, copies bool, mode convMode) (any, bool) {
	v := reflect.ValueOf(x)
	if !v.IsValid() {
		return x, false
	}
	if isYaegiInterface(v.Type()) {
		// at the top level, yaegi has already wrapped the values whose type
		// has a method listed in the function's MapTypes
		w, ok := p.yaegiValue(v, true, mode)
		if !ok {
			return x, false
		}
		if !w.IsValid() {
			return nil, true
		}
		y, _ := p.topValue(w.Interface(), copies, mode)
		return y, true
	}
	if y, ok := p.pointerValue(v, mode); ok {
		// (above: the value's methods are called)
		return p.topValue(y.Interface(), copies, mode)
	}
	if !copies || hasMethods(v.Type(), mode) {
		return x, false
	}
	if v.Kind() == reflect.Pointer && mode == forFmt {
		// fmt prints &{…} for a pointer to a struct, array, slice or map
		// at the top level, an address deeper
		if v.IsNil() {
			return x, false
		}
		switch v.Elem().Kind() {
		case reflect.Struct, reflect.Array, reflect.Slice, reflect.Map:
			if info := p.viewOf(v.Type().Elem(), mode); info.walk && v.Elem().CanInterface() {
				ptr := reflect.New(info.typ)
				ptr.Elem().Set(p.view(v.Elem(), 1, true, mode))
				return ptr.Interface(), true
			}
		}
		return x, false
	}
	if p.viewOf(v.Type(), mode).walk {
		return p.view(v, 0, true, mode).Interface(), true
	}
	return x, false
}

// yaegiValue returns what stands for v, an interp.valueInterface: the
// value inside, or when methods is true and it has methods fmt (json)
// uses, an interpValue (interpJSON) calling them.
func (p *fmtConv) yaegiValue(v reflect.Value, methods bool, mode convMode) (reflect.Value, bool) {
	v = unnested(v)
	inner, ok := valueInside(v)
	if !ok || !inner.IsValid() || !inner.CanInterface() {
		return inner, ok && (!inner.IsValid() || inner.CanInterface())
	}
	if !methods {
		return inner, true
	}
	if p == nil || p.methods == nil {
		return v, false
	}
	x := v.Interface()
	k := p.typeMethods(v)
	switch {
	case mode == forJSON && k&jsonMethods != 0:
		return reflect.ValueOf(interpJSON{p: p, x: x, methods: k}), true
	case mode == forFmt && k&fmtMethods != 0:
		return reflect.ValueOf(interpValue{p: p, x: x, inner: inner.Interface(), methods: k}), true
	}
	if t := p.containerType(v); t != nil {
		// a value of a declared slice, array or map type (type Temps
		// []Celsius): its elements print by their type's methods
		return p.typedValue(t, inner, 0, methods, mode), true
	}
	return inner, true
}

// containerType returns the slice, array or map type literal that v, an
// interp.valueInterface of a declared type, is declared with, nil when it
// is of another type.
func (p *fmtConv) containerType(v reflect.Value) ast.Expr {
	name, ok := yaegiTypeName(v)
	if !ok {
		return nil
	}
	return p.declaredContainer(strings.TrimPrefix(name, "main."))
}

// typeMethods is valueMethods(v, methodsOf(v)) for v, an
// interp.valueInterface, cached by yaegi's type of its value (the bits
// are the type's; the interpreter's type switches cost about a
// microsecond each); the cache is forgotten when a type or method is
// declared (typeConverters.register).
func (p *fmtConv) typeMethods(v reflect.Value) int {
	if !isYaegiInterface(v.Type()) {
		return 0 // a declared type's value yaegi holds plain, without methods
	}
	t, ok := yaegiType(v)
	if !ok {
		return p.valueMethods(v, p.methodsOf(v.Interface()))
	}
	cache := &p.types.caches().bits
	if k, ok := cache.Load(t.Pointer()); ok {
		return k.(int)
	}
	k := p.valueMethods(v, p.methodsOf(v.Interface()))
	cache.Store(t.Pointer(), k)
	return k
}

// methodNames are the methods of the bits of methodsOf.
var methodNames = [...]string{"Format", "Error", "String", "GoString", "MarshalJSON", "MarshalText"}

// valueMethods returns the bits k of methodsOf for v, an
// interp.valueInterface, without the methods of pointer receivers when v
// holds a value of a declared type, not a pointer.
func (p *fmtConv) valueMethods(v reflect.Value, k int) int {
	if k == 0 || p.method == nil {
		return k
	}
	name, ok := yaegiTypeName(v)
	if !ok || !strings.HasPrefix(name, "main.") {
		return k
	}
	for i, m := range methodNames {
		if _, ptr := p.method(name[len("main."):], m); k&(1<<i) != 0 && ptr {
			k &^= 1 << i
		}
	}
	return k
}

// interpJSON is an interpreted value found in an interface, with a
// MarshalJSON or MarshalText method, which encoding/json calls in this
// order of preference.
type interpJSON struct {
	p       *fmtConv
	x       any // the interp.valueInterface
	methods int
}

// MarshalJSON calls the value's MarshalJSON, else its MarshalText; an
// error names the value's type (jsonError).
func (w interpJSON) MarshalJSON() ([]byte, error) {
	failed := func(method string, err error) error {
		name, _ := yaegiTypeName(reflect.ValueOf(w.x))
		return &jsonMethodError{msg: fmt.Sprintf("json: error calling %s for type %s: %v", method, name, err), err: err}
	}
	if w.methods&hasMarshalJSON != 0 {
		b, err := w.p.marshal(w.x, hasMarshalJSON)
		if err != nil {
			return nil, failed("MarshalJSON", err)
		}
		if !json.Valid(b) {
			err = json.Compact(new(bytes.Buffer), b)
			return nil, failed("MarshalJSON", err)
		}
		return b, nil
	}
	text, err := w.p.marshal(w.x, hasMarshalText)
	if err != nil {
		return nil, failed("MarshalText", err)
	}
	return json.Marshal(string(text))
}

// jsonMethodError is an error of encoding/json with a method of an
// interpreted value, or a map key, worded as Go's names the value's type:
// json itself would name the wrapper's (repl.interpJSON).
type jsonMethodError struct {
	msg string
	err error
}

func (e *jsonMethodError) Error() string { return e.msg }
func (e *jsonMethodError) Unwrap() error { return e.err }

// jsonError returns err, an error of json.Marshal, as Go's would read.
func jsonError(err error) error {
	var m *jsonMethodError
	if errors.As(err, &m) {
		return m
	}
	return err
}

// jsonFail is a value json fails to encode with err.
type jsonFail struct{ err error }

func (f jsonFail) MarshalJSON() ([]byte, error) { return nil, f.err }

func (p *fmtConv) methodsOf(x any) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.methods(x)
}

// interpValue is an interpreted value found in an interface, with the
// methods fmt uses: Format, Error, String, GoString (bits of methods).
type interpValue struct {
	p       *fmtConv
	x       any // the interp.valueInterface
	inner   any // the value inside
	methods int
}

// Format calls the value's Format, else formats as Go's fmt would with
// its Error, String and GoString methods.
func (w interpValue) Format(s fmt.State, verb rune) {
	if w.methods&hasFormat != 0 {
		defer func() {
			if r := recover(); r != nil {
				fmt.Fprintf(s, "%%!%c(PANIC=Format method: %v)", verb, w.p.value(r))
			}
		}()
		w.p.format(w.x, s, verb)
		return
	}
	m := methodSet{p: w.p, value: w.inner, nested: true}
	switch {
	case w.methods&hasError != 0:
		m.str, m.strName = func() string { return w.p.call(w.x, hasError) }, "Error"
	case w.methods&hasString != 0:
		m.str, m.strName = func() string { return w.p.call(w.x, hasString) }, "String"
	}
	if w.methods&hasGoString != 0 {
		m.goStr = func() string { return w.p.call(w.x, hasGoString) }
	}
	m.format(s, verb)
}

// viewInfo says how to print values of a type: typ is the type of the copy
// (the type itself unless it has marked fields somewhere), walk whether
// its values must be copied (a different typ, or interfaces inside).
type viewInfo struct {
	typ  reflect.Type
	walk bool
}

var viewCache [2]sync.Map // by convMode: reflect.Type → viewInfo

// viewOf is the viewInfo of t. For json it depends on the methods of the
// declared types of tagged fields, which the interpreter's declarations
// tell: cached by fmtConv, and forgotten when a type or a method is
// declared (typeConverters.register).
func (p *fmtConv) viewOf(t reflect.Type, mode convMode) viewInfo {
	cache := &viewCache[mode]
	switch {
	case p != nil && mode == forJSON:
		cache = &p.types.caches().views
	case p != nil:
		// pointers to declared structs with String (pointerValue)
		cache = &p.types.caches().fmtViews
	case mode == forJSON:
		return computeView(p, t, map[reflect.Type]bool{}, mode)
	}
	if v, ok := cache.Load(t); ok {
		return v.(viewInfo)
	}
	info := computeView(p, t, map[reflect.Type]bool{}, mode)
	cache.Store(t, info)
	return info
}

// computeView follows what fmt prints of a value: elements, keys, fields,
// interfaces' values; not pointers (an address below the top level),
// which json follows.
func computeView(p *fmtConv, t reflect.Type, seen map[reflect.Type]bool, mode convMode) viewInfo {
	if seen[t] {
		return viewInfo{typ: t}
	}
	seen[t] = true
	defer delete(seen, t)
	if isYaegiInterface(t) {
		// a value of an interface type declared in the shell, in a slice,
		// a map or a field ([]Namer): viewed as the interface it stands for
		return viewInfo{typ: anyType, walk: true}
	}
	switch t.Kind() {
	case reflect.Interface:
		return viewInfo{typ: t, walk: true}
	case reflect.Pointer:
		if mode == forFmt {
			if t.Elem().Kind() == reflect.Struct && p != nil && p.method != nil {
				if _, ok := p.declaredStruct(t.Elem(), mode); ok {
					return viewInfo{typ: anyType, walk: true}
				}
			}
			return viewInfo{typ: t}
		}
		e := computeView(p, t.Elem(), seen, mode)
		if e.typ == t.Elem() {
			return viewInfo{typ: t, walk: e.walk}
		}
		return viewInfo{typ: reflect.PointerTo(e.typ), walk: true}
	case reflect.Slice, reflect.Array:
		e := computeView(p, t.Elem(), seen, mode)
		if e.typ == t.Elem() {
			return viewInfo{typ: t, walk: e.walk}
		}
		if t.Kind() == reflect.Slice {
			return viewInfo{typ: reflect.SliceOf(e.typ), walk: true}
		}
		return viewInfo{typ: reflect.ArrayOf(t.Len(), e.typ), walk: true}
	case reflect.Map:
		k, e := computeView(p, t.Key(), seen, mode), computeView(p, t.Elem(), seen, mode)
		if k.typ == t.Key() && e.typ == t.Elem() {
			return viewInfo{typ: t, walk: k.walk || e.walk}
		}
		return viewInfo{typ: reflect.MapOf(k.typ, e.typ), walk: true}
	case reflect.Struct:
		if mode == forFmt && p != nil && p.method != nil {
			if _, ok := p.declaredStruct(t, mode); ok {
				return viewInfo{typ: anyType, walk: true}
			}
		}
		return computeStructView(p, t, seen, mode)
	}
	return viewInfo{typ: t}
}

// computeStructView gives a struct with marked fields (or fields of such
// types) a type with the declared names, for fmt (json skips the marked
// fields, and would not see the fields of an embedded one). Only structs
// of interpreted code are rebuilt: all their fields are exported at the
// reflect level.
func computeStructView(p *fmtConv, t reflect.Type, seen map[reflect.Type]bool, mode convMode) viewInfo {
	if hasMethods(t, mode) {
		return viewInfo{typ: t}
	}
	walk, rebuild, interpreted := false, false, true
	fields := make([]reflect.StructField, t.NumField())
	for i := range fields {
		f := t.Field(i)
		interpreted = interpreted && f.IsExported()
		e := computeView(p, f.Type, seen, mode)
		walk = walk || e.walk
		sf := reflect.StructField{Name: f.Name, Type: e.typ, Tag: f.Tag}
		if mode == forJSON {
			sf.Anonymous = f.Anonymous || jsonEmbedded(f)
			rebuild = rebuild || sf.Anonymous != f.Anonymous
			if tag, ok := f.Tag.Lookup(typedKey); ok && f.Type.Kind() != reflect.Interface && !sf.Anonymous && p.methodsIn(typedExpr(tag), forJSON) {
				// a field of a declared type, whose methods json calls
				sf.Type, walk, rebuild = anyType, true, true
			}
		} else if name, ok := unexportedName(f); ok {
			sf.Name, sf.PkgPath = name, "main"
			sf.Tag = reflect.StructTag(dropTagKeys(string(f.Tag), unexportedKey, "json", "xml"))
			rebuild = true
		} else if _, ok := f.Tag.Lookup(typedKey); ok && f.Type.Kind() != reflect.Interface {
			// a field of a declared type: an interface holding the value
			// with its type, when the interpreter converts it (viewTyped)
			sf.Type, walk, rebuild = anyType, true, true
		}
		rebuild = rebuild || e.typ != f.Type
		fields[i] = sf
	}
	if !interpreted {
		return viewInfo{typ: t, walk: walk && !rebuild}
	}
	if !rebuild {
		return viewInfo{typ: t, walk: walk}
	}
	return viewInfo{typ: reflect.StructOf(fields), walk: true}
}

// maxViewDepth bounds the copy of a value nested that deep (a map holding
// itself: Go's fmt would not end either).
const maxViewDepth = 100

// view returns a copy of v of type viewOf(v.Type()).typ, the interpreted
// values in its interfaces replaced (yaegiValue). Under a field the source
// declares unexported, methods is false: Go's fmt calls no method there
// (the value cannot be had as an interface), so a wrapper of yaegi's is
// replaced by the value inside as well.
func (p *fmtConv) view(v reflect.Value, depth int, methods bool, mode convMode) reflect.Value {
	info := p.viewOf(v.Type(), mode)
	if !info.walk || depth > maxViewDepth || !v.CanInterface() {
		return v
	}
	if isYaegiInterface(v.Type()) {
		r := reflect.New(anyType).Elem()
		w, ok := p.yaegiValue(v, methods, mode)
		switch {
		case !ok:
			r.Set(v)
		case w.IsValid():
			r.Set(p.view(w, depth+1, methods, mode))
		}
		return r
	}
	switch v.Kind() {
	case reflect.Interface:
		if v.IsNil() {
			return v
		}
		e := v.Elem()
		var ne reflect.Value
		if isYaegiInterface(e.Type()) {
			w, ok := p.yaegiValue(e, methods, mode)
			if !ok || !w.IsValid() {
				return v
			}
			ne = p.view(w, depth+1, methods, mode)
		} else if y, ok := p.pointerValue(e, mode); ok && methods {
			ne = p.view(y, depth+1, methods, mode)
		} else if x, ok := interpretedValue(e.Interface()); ok && !methods {
			if x == nil {
				return v
			}
			ne = p.view(reflect.ValueOf(x), depth+1, methods, mode)
		} else {
			ne = p.view(e, depth+1, methods, mode)
		}
		if !ne.Type().AssignableTo(v.Type()) {
			return v
		}
		r := reflect.New(v.Type()).Elem()
		r.Set(ne)
		return r
	case reflect.Pointer:
		if v.IsNil() {
			return reflect.Zero(info.typ)
		}
		if info.typ == anyType {
			return p.declaredView(v, depth, methods, mode) // (a pointer whose value has String)
		}
		r := reflect.New(info.typ.Elem())
		r.Elem().Set(p.view(v.Elem(), depth+1, methods, mode))
		return r
	case reflect.Slice:
		if v.IsNil() {
			return reflect.Zero(info.typ)
		}
		r := reflect.MakeSlice(info.typ, v.Len(), v.Len())
		for i := 0; i < v.Len(); i++ {
			r.Index(i).Set(p.view(v.Index(i), depth+1, methods, mode))
		}
		return r
	case reflect.Array:
		r := reflect.New(info.typ).Elem()
		for i := 0; i < v.Len(); i++ {
			r.Index(i).Set(p.view(v.Index(i), depth+1, methods, mode))
		}
		return r
	case reflect.Map:
		if v.IsNil() {
			return reflect.Zero(info.typ)
		}
		r := reflect.MakeMapWithSize(info.typ, v.Len())
		it := v.MapRange()
		for it.Next() {
			r.SetMapIndex(p.view(it.Key(), depth+1, methods, mode), p.view(it.Value(), depth+1, methods, mode))
		}
		return r
	case reflect.Struct:
		if info.typ == anyType {
			return p.declaredView(v, depth, methods, mode) // (a value of a declared type with String)
		}
		r := reflect.New(info.typ).Elem()
		if info.typ == v.Type() {
			// copied whole, its exported fields viewed (a compiled
			// struct's unexported fields are left as they are)
			r.Set(v)
			for i := 0; i < v.NumField(); i++ {
				if f := r.Field(i); f.CanSet() {
					f.Set(p.view(v.Field(i), depth+1, methods, mode))
				}
			}
			return r
		}
		for i := 0; i < v.NumField(); i++ {
			f := r.Field(i)
			if f.Kind() == reflect.Interface && v.Field(i).Kind() != reflect.Interface {
				f.Set(p.viewTyped(v.Type().Field(i).Tag, v.Field(i), depth, methods, mode))
				continue
			}
			fieldMethods := methods
			if !f.CanSet() {
				// a field with its unexported name: settable through its
				// address only
				f = reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem()
				fieldMethods = false
			}
			f.Set(p.view(v.Field(i), depth+1, fieldMethods, mode))
		}
		return r
	}
	return v
}

// declaredView is the view of v, a plain value of (or pointer to) a
// declared struct type with fmt's methods (computeView gave it an
// interface type): the value with its methods (pointerValue), or v
// itself under an unexported field, where Go's fmt calls none.
func (p *fmtConv) declaredView(v reflect.Value, depth int, methods bool, mode convMode) reflect.Value {
	r := reflect.New(anyType).Elem()
	if y, ok := p.pointerValue(v, mode); ok && methods {
		r.Set(p.view(y, depth+1, methods, mode))
	} else {
		r.Set(v)
	}
	return r
}

// viewTyped returns the view of v, the plain value of a field tagged with
// its declared type (typedfields.go), as an interface value: holding the
// value with that type when the interpreter converts it, so that its
// methods are called, or its elements so converted, else its own view.
// For json, a field omitempty (omitzero) omits when empty is left nil,
// and one with the string option is quoted unless a method encodes it.
func (p *fmtConv) viewTyped(tag reflect.StructTag, v reflect.Value, depth int, methods bool, mode convMode) reflect.Value {
	iv := reflect.New(anyType).Elem()
	if !v.CanInterface() {
		return iv
	}
	if mode == forJSON {
		_, opts, _ := strings.Cut(tag.Get("json"), ",")
		if hasOption(opts, "omitempty") && isEmptyJSON(v) || hasOption(opts, "omitzero") && v.IsZero() {
			return iv
		}
		x := p.typedValue(typedExpr(tag.Get(typedKey)), v, depth, methods, mode)
		if hasOption(opts, "string") && x.Type() == v.Type() {
			switch v.Kind() {
			case reflect.Bool, reflect.String, reflect.Float32, reflect.Float64,
				reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
				reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
				x = reflect.ValueOf(jsonQuoted{v.Interface()})
			}
		}
		iv.Set(x)
		return iv
	}
	iv.Set(p.typedValue(typedExpr(tag.Get(typedKey)), v, depth, methods, mode))
	return iv
}

// methodsIn reports whether t names a declared type with a method fmt
// (json) calls.
func (p *fmtConv) methodsIn(t ast.Expr, mode convMode) bool {
	if p == nil || p.method == nil || t == nil {
		return false
	}
	names := methodNames[:4]
	if mode == forJSON {
		names = methodNames[4:6]
	}
	found := false
	seen := map[string]bool{}
	var inspect func(t ast.Node)
	inspect = func(t ast.Node) {
		ast.Inspect(t, func(n ast.Node) bool {
			id, ok := n.(*ast.Ident)
			if !ok || predeclaredTypes[id.Name] || found {
				return !found
			}
			for _, m := range names {
				if has, _ := p.method(id.Name, m); has {
					found = true
				}
			}
			if c := p.declaredContainer(id.Name); c != nil && !found && !seen[id.Name] {
				// type Temps []Celsius: Celsius's methods
				seen[id.Name] = true
				inspect(c)
			}
			return !found
		})
	}
	inspect(t)
	return found
}

// declaredContainer returns the slice, array or map type literal the type
// named name is declared with, nil when it is declared otherwise or not.
func (p *fmtConv) declaredContainer(name string) ast.Expr {
	if p.typeSpec == nil {
		return nil
	}
	return containerOf(p.typeSpec(name))
}

// typedExprs caches typedExpr.
var typedExprs sync.Map // string → ast.Expr

// typedExpr is the type a field's tag names (T, *T, []T, …), nil if none.
func typedExpr(name string) ast.Expr {
	if t, ok := typedExprs.Load(name); ok {
		e, _ := t.(ast.Expr)
		return e
	}
	t := parseType(name)
	typedExprs.Store(name, t)
	return t
}

// typedValue returns v, a plain value whose declared type is t, as the
// value fmt (json) should see: a value of t's named type with its methods
// when the interpreter converts it (typeConverters), the elements of a
// slice or an array, the values of a map (and for json its keys, as
// strings) so converted in []any and map[K]any, a pointer's target for
// json; else v's view. For json a value whose pointer type has the
// methods is converted through its address when it has one, as json
// takes it.
func (p *fmtConv) typedValue(t ast.Expr, v reflect.Value, depth int, methods bool, mode convMode) reflect.Value {
	plain := func() reflect.Value { return p.view(v, depth+1, methods, mode) }
	if p == nil || !methods || depth > maxViewDepth || !v.CanInterface() || !p.methodsIn(t, mode) {
		return plain()
	}
	switch t := t.(type) {
	case *ast.Ident:
		if mode == forJSON && v.CanAddr() {
			if x, ok := p.types.typed("*"+t.Name, v.Addr().Interface()); ok && p.typeMethods(reflect.ValueOf(x))&jsonMethods != 0 {
				return p.view(reflect.ValueOf(&x).Elem(), depth+1, methods, mode)
			}
		}
		if x, ok := p.types.typed(t.Name, v.Interface()); ok {
			return p.view(reflect.ValueOf(&x).Elem(), depth+1, methods, mode)
		}
		if c := p.declaredContainer(t.Name); c != nil {
			return p.typedValue(c, v, depth+1, methods, mode)
		}
	case *ast.StarExpr:
		if id, ok := t.X.(*ast.Ident); ok {
			x, ok := p.types.typed("*"+id.Name, v.Interface())
			switch {
			case ok && (v.IsNil() || isYaegiInterface(reflect.TypeOf(x))):
				return p.view(reflect.ValueOf(&x).Elem(), depth+1, methods, mode)
			case ok:
				// a pointer to a type whose methods all have value
				// receivers, which yaegi holds plain: the methods are
				// the value's
				if y, ok := p.types.typed(id.Name, v.Elem().Interface()); ok && isYaegiInterface(reflect.TypeOf(y)) {
					return p.view(reflect.ValueOf(&y).Elem(), depth+1, methods, mode)
				}
			}
		} else if mode == forJSON && v.Kind() == reflect.Pointer && !v.IsNil() {
			return p.typedValue(t.X, v.Elem(), depth+1, methods, mode)
		} else if depth == 0 && v.Kind() == reflect.Pointer && !v.IsNil() {
			// a pointer to an instance, at the top: fmt prints &{…}
			// (below, the address)
			if base, _ := instanceParts(t.X); base != nil {
				x := p.typedValue(t.X, v.Elem(), depth+1, methods, mode)
				r := reflect.New(x.Type())
				r.Elem().Set(x)
				return r
			}
		}
	case *ast.ArrayType:
		if (v.Kind() != reflect.Slice || v.IsNil()) && v.Kind() != reflect.Array {
			break
		}
		out := make([]any, v.Len())
		for i := range out {
			out[i] = p.typedValue(t.Elt, v.Index(i), depth+1, methods, mode).Interface()
		}
		return reflect.ValueOf(out)
	case *ast.IndexExpr, *ast.IndexListExpr:
		// an instance of a generic type declared in the shell, whose
		// fields (elements) are of its type arguments: by its declared
		// type with the arguments written in (yaegi's instance has the
		// type parameter's name in its fields' tags)
		if u := p.instanceType(t); u != nil {
			return p.typedValue(u, v, depth, methods, mode)
		}
	case *ast.StructType:
		if r, ok := p.typedStruct(t, v, depth, methods, mode); ok {
			return r
		}
	case *ast.MapType:
		if v.Kind() != reflect.Map || v.IsNil() {
			break
		}
		keys := namesDeclared(t.Key)
		if keys && mode != forJSON {
			if !p.methodsIn(t.Key, mode) {
				break
			}
			// fmt sorts the keys by their values: as the print
			// arguments' maps (mapView)
			var pairs []any
			it := v.MapRange()
			for it.Next() {
				pairs = append(pairs, p.typedValue(t.Key, it.Key(), depth+1, methods, mode).Interface(),
					p.typedValue(t.Value, it.Value(), depth+1, methods, mode).Interface())
			}
			return reflect.ValueOf(mapView{p: p, pairs: pairs})
		}
		kt := v.Type().Key()
		if keys {
			kt = reflect.TypeOf("")
		}
		out := reflect.MakeMapWithSize(reflect.MapOf(kt, anyType), v.Len())
		it := v.MapRange()
		for it.Next() {
			k := it.Key()
			if keys {
				name, err := p.jsonKey(t.Key, k)
				if err != nil {
					return reflect.ValueOf(jsonFail{&jsonMethodError{
						msg: fmt.Sprintf("json: encoding error for type %q: %q", mainTypeString(v.Type(), t), err.Error()), err: err}})
				}
				k = reflect.ValueOf(name)
			}
			out.SetMapIndex(k, p.typedValue(t.Value, it.Value(), depth+1, methods, mode))
		}
		return out
	}
	return plain()
}

// instanceType returns the type the instance t (Box[State]) of a generic
// type declared in the shell stands for, its declared type with the
// arguments in place of the parameters (struct{ V State }), when the
// generic type has no method fmt (json) calls itself; else nil.
func (p *fmtConv) instanceType(t ast.Expr) ast.Expr {
	if p.typeSpec == nil {
		return nil
	}
	base, _ := instanceParts(t)
	id, ok := base.(*ast.Ident)
	if !ok || p.methodsIn(id, forFmt) || p.methodsIn(id, forJSON) {
		return nil
	}
	spec := p.typeSpec(id.Name)
	if spec == nil || spec.Assign.IsValid() {
		return nil
	}
	return expandInstance(spec, t)
}

// typedStruct is typedValue for v, a struct whose declared type is the
// struct type t (an instance's, instanceType): its exported fields of
// types with methods fmt (json) calls are converted as typedValue does,
// the others viewed. ok is false when v is no such struct.
func (p *fmtConv) typedStruct(t *ast.StructType, v reflect.Value, depth int, methods bool, mode convMode) (reflect.Value, bool) {
	if v.Kind() != reflect.Struct || t.Fields == nil {
		return v, false
	}
	var fts []ast.Expr
	for _, f := range t.Fields.List {
		for range max(1, len(f.Names)) {
			fts = append(fts, f.Type)
		}
	}
	if len(fts) != v.NumField() {
		return v, false
	}
	plain := p.view(v, depth+1, methods, mode)
	if plain.Kind() != reflect.Struct || plain.NumField() != len(fts) {
		return v, false
	}
	fields := make([]reflect.StructField, len(fts))
	typed := make([]bool, len(fts))
	changed := false
	for i := range fields {
		fields[i] = plain.Type().Field(i)
		f := v.Type().Field(i)
		if _, unexported := unexportedName(f); unexported || !f.IsExported() || !p.methodsIn(fts[i], mode) {
			continue
		}
		if mode == forJSON && (f.Anonymous || fields[i].Anonymous) {
			continue
		}
		fields[i].Type, typed[i], changed = anyType, true, true
	}
	if !changed {
		return plain, true
	}
	r := reflect.New(reflect.StructOf(fields)).Elem()
	for i := range fields {
		f := r.Field(i)
		if !f.CanSet() {
			f = reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem()
		}
		if typed[i] {
			f.Set(p.typedValue(fts[i], v.Field(i), depth+1, methods, mode))
		} else {
			pf := plain.Field(i)
			if !pf.CanInterface() {
				pf = reflect.NewAt(pf.Type(), unsafe.Pointer(pf.UnsafeAddr())).Elem()
			}
			f.Set(pf)
		}
	}
	return r, true
}

// jsonKey is the name json gives the map key k of declared type t: its
// string, its MarshalText, its decimal digits (resolveKeyName).
func (p *fmtConv) jsonKey(t ast.Expr, k reflect.Value) (string, error) {
	if k.Kind() == reflect.String {
		return k.String(), nil
	}
	if id, ok := t.(*ast.Ident); ok {
		if x, ok := p.types.typed(id.Name, k.Interface()); ok && p.typeMethods(reflect.ValueOf(x))&hasMarshalText != 0 {
			text, err := p.marshal(x, hasMarshalText)
			return string(text), err
		}
	}
	switch k.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(k.Int(), 10), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return strconv.FormatUint(k.Uint(), 10), nil
	}
	return "", fmt.Errorf("json: unsupported type: %s", k.Type())
}

// mainTypeString is t, the declared type of values of type rt, as
// reflect would write it: its declared names qualified by main.
func mainTypeString(rt reflect.Type, t ast.Expr) string {
	var str func(t ast.Expr) string
	str = func(t ast.Expr) string {
		switch t := t.(type) {
		case *ast.Ident:
			if predeclaredTypes[t.Name] {
				return t.Name
			}
			return "main." + t.Name
		case *ast.StarExpr:
			return "*" + str(t.X)
		case *ast.ArrayType:
			if t.Len == nil {
				return "[]" + str(t.Elt)
			}
			return fmt.Sprintf("[%d]%s", rt.Len(), str(t.Elt))
		case *ast.MapType:
			return "map[" + str(t.Key) + "]" + str(t.Value)
		}
		return types.ExprString(t)
	}
	return str(t)
}

// jsonQuoted is a value json encodes inside a string (the string option).
type jsonQuoted struct{ v any }

func (q jsonQuoted) MarshalJSON() ([]byte, error) {
	b, err := json.Marshal(q.v)
	if err != nil {
		return nil, err
	}
	return json.Marshal(string(b))
}

// hasOption reports whether the comma-separated options hold o.
func hasOption(opts, o string) bool {
	for opts != "" {
		var name string
		name, opts, _ = strings.Cut(opts, ",")
		if name == o {
			return true
		}
	}
	return false
}

// isEmptyJSON is encoding/json's empty value (omitempty).
func isEmptyJSON(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Interface, reflect.Pointer:
		return v.IsZero()
	}
	return false
}

var jsonIfaces = []reflect.Type{
	reflect.TypeOf((*json.Marshaler)(nil)).Elem(),
	reflect.TypeOf((*encoding.TextMarshaler)(nil)).Elem(),
}

// hasMethods reports whether fmt (json) calls a method of values of type t.
func hasMethods(t reflect.Type, mode convMode) bool {
	ifaces := printIfaces
	if mode == forJSON {
		ifaces = jsonIfaces
	}
	for _, i := range ifaces {
		if t.Implements(i) {
			return true
		}
	}
	return false
}

// isYaegiInterface reports whether t is interp.valueInterface, how yaegi
// represents an interpreted value with methods in an interface, and an
// interface type declared in interpreted code.
func isYaegiInterface(t reflect.Type) bool {
	return t.Kind() == reflect.Struct && t.Name() == "valueInterface" && t.PkgPath() == "github.com/traefik/yaegi/interp"
}

var reflectValueType = reflect.TypeOf(reflect.Value{})

// valueInside returns the value inside v, an interp.valueInterface: a
// struct{ node *node; value reflect.Value } in yaegi v0.16.1. The field is
// unexported: it is read through its address in a copy. If the layout
// differs (another yaegi), ok is false.
func valueInside(v reflect.Value) (inner reflect.Value, ok bool) {
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

// pointerValue returns, for v a plain pointer to a value of a struct type
// declared in the session whose fmt (json) methods have value receivers,
// the value as yaegi's interface value of that type, which has them:
// yaegi holds such a pointer in an interface plain, without its methods
// (its assertions do not find value methods on a pointer), so that
// fmt.Println of an []*Account printed addresses where Go calls String.
// The type is known by the reflect type of its values, when one declared
// type has it (structs of the same fields are one type to yaegi).
//
// A struct value yaegi holds plain in an interface (sync.Map's Store of
// an Account, an element of an []any) is such a value too.
func (p *fmtConv) pointerValue(v reflect.Value, mode convMode) (reflect.Value, bool) {
	if p == nil || p.method == nil || !v.IsValid() {
		return v, false
	}
	s := v
	if v.Kind() == reflect.Pointer && v.IsNil() && v.Type().Elem().Kind() == reflect.Struct && v.CanInterface() {
		// a nil pointer: its methods with pointer receivers are called
		// with it (Go's fmt prints what a nil *E's Error returns)
		name, ok := p.declaredStruct(v.Type().Elem(), anyMethods)
		if !ok || !p.pointerMethods(name, mode) {
			return v, false
		}
		y, ok := p.types.typed("*"+name, v.Interface())
		if !ok || y == nil || !isYaegiInterface(reflect.TypeOf(y)) {
			return v, false
		}
		return reflect.ValueOf(&y).Elem(), true
	}
	if v.Kind() == reflect.Pointer && !v.IsNil() {
		s = v.Elem()
	}
	if s.Kind() != reflect.Struct || !s.CanInterface() {
		return v, false
	}
	name, ok := p.declaredStruct(s.Type(), mode)
	var y any
	switch {
	case ok:
		if f, fname, promoted := p.promotedField(name, s, mode); promoted {
			// the method is an embedded field's (type Employee
			// struct{ Named }): called on that field, as Go does
			if f.Kind() == reflect.Pointer || f.Kind() == reflect.Struct {
				if w, ok := p.pointerValue(f, mode); ok {
					return w, true
				}
			}
			y, ok = p.types.typed(fname, f.Interface())
			break
		}
		y, ok = p.types.typed(name, s.Interface())
	case s != v:
		// a pointer whose type has the methods with pointer receivers
		// (a recovered panic(&InputError{…}) printed &{age too old})
		if name, ok = p.declaredStruct(s.Type(), anyMethods); ok && p.pointerMethods(name, mode) {
			y, ok = p.types.typed("*"+name, v.Interface())
		} else {
			ok = false
		}
	}
	if !ok || y == nil || !isYaegiInterface(reflect.TypeOf(y)) {
		return v, false
	}
	return reflect.ValueOf(&y).Elem(), true
}

// promotedField returns the embedded field of v, a struct of the declared
// type name, whose type gives name the fmt (json) methods of mode by
// promotion, and that type's name (*T for an embedded pointer), when name
// declares none of them itself.
func (p *fmtConv) promotedField(name string, v reflect.Value, mode convMode) (reflect.Value, string, bool) {
	if p.ownMethod == nil || p.typeSpec == nil {
		return v, "", false
	}
	names := methodNames[:4]
	if mode == forJSON {
		names = methodNames[4:6]
	}
	for _, m := range names {
		if p.ownMethod(name, m) {
			return v, "", false
		}
	}
	spec := p.typeSpec(name)
	if spec == nil {
		return v, "", false
	}
	st, ok := spec.Type.(*ast.StructType)
	if !ok || st.Fields == nil {
		return v, "", false
	}
	i := 0
	for _, f := range st.Fields.List {
		if len(f.Names) > 0 {
			i += len(f.Names)
			continue
		}
		e := embeddedName(f.Type)
		if i < v.NumField() && p.methodsIn(ident(e), mode) {
			if _, isPtr := f.Type.(*ast.StarExpr); isPtr {
				e = "*" + e
			}
			return v.Field(i), e, true
		}
		i++
	}
	return v, "", false
}

// pointerMethods reports whether the declared type name has a method of
// mode (fmt's or json's) with a pointer receiver.
func (p *fmtConv) pointerMethods(name string, mode convMode) bool {
	for i, m := range methodNames {
		if (1<<i&jsonMethods != 0) != (mode == forJSON) {
			continue
		}
		if found, ptr := p.method(name, m); found && ptr {
			return true
		}
	}
	return false
}

// declaredStruct returns the name of the struct type declared in the
// session whose values have the reflect type t and which has methods of
// mode with value receivers (any methods, for anyMethods), when exactly
// one has t.
func (p *fmtConv) declaredStruct(t reflect.Type, mode convMode) (string, bool) {
	caches := p.types.caches()
	caches.structsOnce.Do(func() { caches.structs = p.structIndex() })
	name := caches.structs[mode][t]
	return name, name != ""
}

// structIndex maps the reflect types of the declared struct types with
// value-receiver methods fmt (json) calls to their names ("" when several
// have one type).
func (p *fmtConv) structIndex() (index [3]map[reflect.Type]string) {
	for i := range index {
		index[i] = map[reflect.Type]string{}
	}
	seen := map[reflect.Type]int{}
	p.types.m.Range(func(key, _ any) bool {
		name := key.(string)
		x, ok := p.types.typed(name, nil)
		if !ok {
			return true
		}
		inner, ok := valueInside(reflect.ValueOf(x))
		if !ok || !inner.IsValid() || inner.Kind() != reflect.Struct {
			return true
		}
		t := inner.Type()
		seen[t]++
		if p.twin != nil && p.twin(name) {
			// a struct type without methods (not registered) has its
			// fields: its values are not this type's
			seen[t]++
		}
		index[anyMethods][t] = name
		for i, m := range methodNames {
			found, ptr := p.method(name, m)
			if !found || ptr {
				continue
			}
			mode := forFmt
			if 1<<i&jsonMethods != 0 {
				mode = forJSON
			}
			index[mode][t] = name
		}
		return true
	})
	for t, n := range seen {
		if n > 1 {
			for i := range index {
				index[i][t] = ""
			}
		}
	}
	return index
}

// unnested returns v, an interp.valueInterface, or the one it holds when
// it is one without a node around an interface holding another: yaegi
// wraps so a compiled function's result stored where such a value was
// (v, _ := m.Load(i) in a loop), which has the node that tells its type.
func unnested(v reflect.Value) reflect.Value {
	for isYaegiInterface(v.Type()) {
		if _, hasNode := yaegiNode(v); hasNode {
			return v
		}
		inner, ok := valueInside(v)
		if !ok || !inner.IsValid() || inner.Kind() != reflect.Interface || inner.IsNil() || !inner.CanInterface() {
			return v
		}
		e := inner.Elem()
		if !isYaegiInterface(e.Type()) {
			return v
		}
		v = e
	}
	return v
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

// yaegiTypeName returns the name Go's %T gives the value v, an
// interp.valueInterface, holds: its node's type as yaegi writes it
// (main.T, *main.T), read from yaegi's unexported fields (node.typ.str in
// v0.16.1). ok is false when the layout differs or the type has no name.
func yaegiTypeName(v reflect.Value) (name string, ok bool) {
	defer func() {
		if recover() != nil {
			name, ok = "", false
		}
	}()
	t, ok := yaegiType(v)
	if !ok {
		return "", false
	}
	s := t.Elem().FieldByName("str")
	if s.Kind() != reflect.String || s.String() == "" {
		return "", false
	}
	return s.String(), true
}

// yaegiNode returns the pointer to yaegi's node of v, an
// interp.valueInterface; ok is false when it has none.
func yaegiNode(v reflect.Value) (node reflect.Value, ok bool) {
	cp := reflect.New(v.Type()).Elem()
	cp.Set(v)
	n := cp.FieldByName("node")
	if n.Kind() != reflect.Pointer || n.IsNil() {
		return reflect.Value{}, false
	}
	return n, true
}

// yaegiType returns the pointer to yaegi's type of the value v, an
// interp.valueInterface, holds (node.typ).
func yaegiType(v reflect.Value) (typ reflect.Value, ok bool) {
	if !isYaegiInterface(v.Type()) {
		return reflect.Value{}, false
	}
	n, ok := yaegiNode(v)
	if !ok {
		return reflect.Value{}, false
	}
	t := n.Elem().FieldByName("typ")
	if t.Kind() != reflect.Pointer || t.IsNil() {
		return reflect.Value{}, false
	}
	return t, true
}

// shown returns x as the shell shows an entry's value: as fmt's %v sees
// it (value) when yaegi's representation of an interpreted value in an
// interface is somewhere inside, else x itself, whose identity the
// printer follows (a slice holding itself prints <cycle>).
func (p *fmtConv) shown(x any) any {
	if !holdsYaegiValue(reflect.ValueOf(x), 0, map[any]bool{}) && !p.typedFields(reflect.TypeOf(x)) && !p.declaredInside(reflect.ValueOf(x)) {
		return x
	}
	return p.value(x)
}

// declaredInside reports whether v is, or what fmt prints of it has, a
// plain value of (or pointer to) a declared struct type with String
// (pointerValue).
func (p *fmtConv) declaredInside(v reflect.Value) bool {
	if p == nil || !v.IsValid() {
		return false
	}
	if _, ok := p.pointerValue(v, forFmt); ok {
		return true
	}
	return p.viewOf(v.Type(), forFmt).typ != v.Type()
}

// typedFields reports whether values of t, or what fmt prints of them,
// have a struct field of a declared type with a method fmt calls (a Money
// field with String): shown as fmt's %v prints them, through the view.
func (p *fmtConv) typedFields(t reflect.Type) bool {
	if p == nil || t == nil {
		return false
	}
	cache := &p.types.caches().typed
	if v, ok := cache.Load(t); ok {
		return v.(bool)
	}
	found := p.computeTypedFields(t, map[reflect.Type]bool{})
	cache.Store(t, found)
	return found
}

func (p *fmtConv) computeTypedFields(t reflect.Type, seen map[reflect.Type]bool) bool {
	if seen[t] {
		return false
	}
	seen[t] = true
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Array:
		return p.computeTypedFields(t.Elem(), seen)
	case reflect.Map:
		return p.computeTypedFields(t.Key(), seen) || p.computeTypedFields(t.Elem(), seen)
	case reflect.Struct:
		for i := range t.NumField() {
			f := t.Field(i)
			if tag, ok := f.Tag.Lookup(typedKey); ok && p.methodsIn(typedExpr(tag), forFmt) {
				return true
			}
			if p.computeTypedFields(f.Type, seen) {
				return true
			}
		}
	}
	return false
}

// holdsYaegiValue reports whether v, or what fmt prints of it (elements,
// keys, fields, an interface's value, a pointer's target at the top),
// is an interp.valueInterface. seen holds the slices and maps already
// looked at.
func holdsYaegiValue(v reflect.Value, depth int, seen map[any]bool) bool {
	if !v.IsValid() || depth > maxViewDepth {
		return false
	}
	if isYaegiInterface(v.Type()) {
		return true
	}
	if v.Kind() == reflect.Pointer && depth == 0 && !v.IsNil() {
		return holdsYaegiValue(v.Elem(), depth+1, seen)
	}
	if !(*fmtConv)(nil).viewOf(v.Type(), forFmt).walk {
		return false
	}
	type key struct {
		p uintptr
		t reflect.Type
	}
	switch v.Kind() {
	case reflect.Interface:
		return !v.IsNil() && holdsYaegiValue(v.Elem(), depth+1, seen)
	case reflect.Slice, reflect.Map:
		if v.IsNil() {
			return false
		}
		k := key{v.Pointer(), v.Type()}
		if seen[k] {
			return false
		}
		seen[k] = true
		if v.Kind() == reflect.Map {
			it := v.MapRange()
			for it.Next() {
				if holdsYaegiValue(it.Key(), depth+1, seen) || holdsYaegiValue(it.Value(), depth+1, seen) {
					return true
				}
			}
			return false
		}
		fallthrough
	case reflect.Array:
		for i := 0; i < v.Len(); i++ {
			if holdsYaegiValue(v.Index(i), depth+1, seen) {
				return true
			}
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if holdsYaegiValue(v.Field(i), depth+1, seen) {
				return true
			}
		}
	}
	return false
}
