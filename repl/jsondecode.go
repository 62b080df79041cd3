package repl

import (
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"reflect"
	"strings"
)

// Decoding json into values of types declared in the session.
//
// Compiled code sees a value of `type Level int` as an int, without the
// UnmarshalJSON or UnmarshalText methods json should call: json failed
// with "cannot unmarshal string into Go value of type int". json.Unmarshal
// and a json.Decoder's Decode now decode into a mirror of the target, a
// value of a type json can fill, in which each place of a declared type
// with one of these methods is a json.RawMessage (a string key of a map),
// then copy the mirror back into the target, calling the methods with
// what the RawMessages caught, at the target's own memory. Places are
// found from the target's declared type where the rewrite passes it
// (jsonDecodeCall), and below it from the declared types struct fields
// are tagged with (typedfields.go). Maps are decoded as json does, into a
// fresh element per key; slices reuse their elements; absent fields keep
// their values.
//
// Differs from Go: json stops at the first error a method returns,
// leaving what follows in the text undecoded; here what json decoded is
// copied back whole, the methods called in the order of the fields, and
// the first method error is returned. A named type declared as a slice,
// map or array of such types (type Levels []Level) is decoded without the
// methods of its elements, as are types declared in functions.

// decodeKind is what a place of a decodePlan is.
type decodeKind int

const (
	decodeMethod decodeKind = iota // a declared type with the methods
	decodePointer
	decodeSlice
	decodeArray
	decodeMap
	decodeStruct
)

// decodePlan describes how a target type is mirrored: a nil plan is a
// place copied as it is.
type decodePlan struct {
	kind   decodeKind
	mirror reflect.Type
	name   string        // decodeMethod: the type; decodeStruct: its name, if known
	text   bool          // decodeMethod: UnmarshalText only
	elem   *decodePlan   // pointers, slices, arrays, map values
	key    *decodePlan   // maps: a key of a declared type with UnmarshalText
	fields []*decodePlan // structs, by field
	json   []string      // structs: the fields' json names, for errors
}

var rawMessageType = reflect.TypeOf(json.RawMessage(nil))

// decodePlan returns the plan of rt, whose declared type is t when known
// (else nil), nil when json needs no mirror of it.
func (p *fmtConv) decodePlan(rt reflect.Type, t ast.Expr, seen map[reflect.Type]bool) *decodePlan {
	name := ""
	if id, ok := t.(*ast.Ident); ok && !predeclaredTypes[id.Name] && p.method != nil {
		if found, _ := p.method(id.Name, "UnmarshalJSON"); found {
			return &decodePlan{kind: decodeMethod, mirror: rawMessageType, name: id.Name}
		}
		if found, _ := p.method(id.Name, "UnmarshalText"); found {
			return &decodePlan{kind: decodeMethod, mirror: rawMessageType, name: id.Name, text: true}
		}
		name, t = id.Name, nil
	}
	switch rt.Kind() {
	case reflect.Pointer:
		var et ast.Expr
		if st, ok := t.(*ast.StarExpr); ok {
			et = st.X
		}
		if e := p.decodePlan(rt.Elem(), et, seen); e != nil {
			return &decodePlan{kind: decodePointer, mirror: reflect.PointerTo(e.mirror), elem: e}
		}
	case reflect.Slice, reflect.Array:
		var et ast.Expr
		if at, ok := t.(*ast.ArrayType); ok {
			et = at.Elt
		}
		e := p.decodePlan(rt.Elem(), et, seen)
		switch {
		case e == nil:
		case rt.Kind() == reflect.Slice:
			return &decodePlan{kind: decodeSlice, mirror: reflect.SliceOf(e.mirror), elem: e}
		default:
			return &decodePlan{kind: decodeArray, mirror: reflect.ArrayOf(rt.Len(), e.mirror), elem: e}
		}
	case reflect.Map:
		var kt, vt ast.Expr
		if mt, ok := t.(*ast.MapType); ok {
			kt, vt = mt.Key, mt.Value
		}
		var key *decodePlan
		if id, ok := kt.(*ast.Ident); ok && !predeclaredTypes[id.Name] && p.method != nil {
			if found, _ := p.method(id.Name, "UnmarshalText"); found {
				key = &decodePlan{kind: decodeMethod, mirror: reflect.TypeOf(""), name: id.Name, text: true}
			}
		}
		e := p.decodePlan(rt.Elem(), vt, seen)
		if key == nil && e == nil {
			return nil
		}
		mk, me := rt.Key(), rt.Elem()
		if key != nil {
			mk = key.mirror
		}
		if e != nil {
			me = e.mirror
		}
		return &decodePlan{kind: decodeMap, mirror: reflect.MapOf(mk, me), key: key, elem: e}
	case reflect.Struct:
		return p.decodeStructPlan(rt, name, seen)
	}
	return nil
}

// decodeStructPlan is decodePlan of a struct type of interpreted code,
// by the declared types its fields are tagged with.
func (p *fmtConv) decodeStructPlan(rt reflect.Type, name string, seen map[reflect.Type]bool) *decodePlan {
	if seen[rt] || rt.NumMethod() > 0 {
		return nil
	}
	seen[rt] = true
	defer delete(seen, rt)
	plan := &decodePlan{kind: decodeStruct, name: name, fields: make([]*decodePlan, rt.NumField()), json: make([]string, rt.NumField())}
	fields := make([]reflect.StructField, rt.NumField())
	planned := false
	for i := range fields {
		f := rt.Field(i)
		if !f.IsExported() {
			return nil // a compiled struct
		}
		var ft ast.Expr
		if tag, ok := f.Tag.Lookup(typedKey); ok {
			ft = typedExpr(tag)
		}
		fp := p.decodePlan(f.Type, ft, seen)
		plan.fields[i] = fp
		plan.json[i] = f.Name
		if n, _, _ := strings.Cut(f.Tag.Get("json"), ","); n != "" && n != "-" {
			plan.json[i] = n
		}
		fields[i] = reflect.StructField{Name: f.Name, Type: embedMirror(f.Type, "json"), Tag: f.Tag, Anonymous: f.Anonymous || jsonEmbedded(f)}
		if fp != nil {
			fields[i].Type = fp.mirror
			planned = true
		}
	}
	if !planned {
		return nil
	}
	plan.mirror = reflect.StructOf(fields)
	return plan
}

// decodeInto decodes with decode into v, a pointer whose declared type is
// written t ("" when unknown), through a mirror when its type needs one.
func (p *fmtConv) decodeInto(v any, t string, decode func(target any) error) error {
	rv := reflect.ValueOf(v)
	if p == nil || p.unmarshal == nil || !rv.IsValid() || rv.Kind() != reflect.Pointer || rv.IsNil() {
		return decode(v)
	}
	var te ast.Expr
	if t != "" {
		te = typedExpr(t)
	}
	plan := p.decodePlan(rv.Type(), te, map[reflect.Type]bool{})
	if plan == nil {
		return decode(jsonTarget(v))
	}
	m := reflect.New(plan.elem.mirror)
	p.toMirror(plan.elem, rv.Elem(), m.Elem())
	err := decode(m.Interface())
	var typeErr *json.UnmarshalTypeError
	if err != nil && !errors.As(err, &typeErr) {
		return err // nothing decoded
	}
	d := decodeState{p: p}
	d.fromMirror(plan.elem, m.Elem(), rv.Elem())
	if d.err != nil {
		return d.err
	}
	if err != nil {
		return err
	}
	return d.saved
}

// toMirror sets m, of plan's mirror type, to a copy of v. The places of
// methods are left nil (nothing decoded), maps empty (json fills a fresh
// element per key).
func (p *fmtConv) toMirror(plan *decodePlan, v, m reflect.Value) {
	if plan == nil {
		m.Set(sameMemory(v, m.Type()))
		return
	}
	switch plan.kind {
	case decodePointer:
		if !v.IsNil() {
			m.Set(reflect.New(plan.elem.mirror))
			p.toMirror(plan.elem, v.Elem(), m.Elem())
		}
	case decodeSlice:
		if !v.IsNil() {
			m.Set(reflect.MakeSlice(plan.mirror, v.Len(), v.Cap()))
			full, mf := v.Slice(0, v.Cap()), m.Slice(0, v.Cap())
			for i := 0; i < full.Len(); i++ {
				p.toMirror(plan.elem, full.Index(i), mf.Index(i))
			}
		}
	case decodeArray:
		for i := 0; i < v.Len(); i++ {
			p.toMirror(plan.elem, v.Index(i), m.Index(i))
		}
	case decodeMap:
		if !v.IsNil() {
			m.Set(reflect.MakeMap(plan.mirror))
		}
	case decodeStruct:
		for i, fp := range plan.fields {
			p.toMirror(fp, v.Field(i), m.Field(i))
		}
	}
}

// sameMemory is v seen as t, a type of the same memory layout (an
// embedMirror), or v itself.
func sameMemory(v reflect.Value, t reflect.Type) reflect.Value {
	if v.Type() == t {
		return v
	}
	if !v.CanAddr() {
		c := reflect.New(v.Type())
		c.Elem().Set(v)
		v = c.Elem()
	}
	return reflect.NewAt(t, v.Addr().UnsafePointer()).Elem()
}

// decodeState collects the errors of copying a mirror back: err, the
// first a method returned, which json returns at once; saved, the first
// value of the wrong kind for UnmarshalText, which json returns at the
// end.
type decodeState struct {
	p      *fmtConv
	err    error
	saved  error
	fields []string // the json names of the fields being copied
	inside string   // the innermost struct's declared name
}

// fromMirror copies m, decoded by json, back into dst.
func (d *decodeState) fromMirror(plan *decodePlan, m, dst reflect.Value) {
	if plan == nil {
		dst.Set(sameMemory(m, dst.Type()))
		return
	}
	switch plan.kind {
	case decodeMethod:
		d.method(plan, m.Bytes(), dst)
	case decodePointer:
		if m.IsNil() {
			dst.SetZero()
			return
		}
		if dst.IsNil() {
			dst.Set(reflect.New(dst.Type().Elem()))
		}
		d.fromMirror(plan.elem, m.Elem(), dst.Elem())
	case decodeSlice:
		if m.IsNil() {
			dst.SetZero()
			return
		}
		n := m.Len()
		if dst.IsNil() || n > dst.Cap() {
			grown := reflect.MakeSlice(dst.Type(), n, max(n, m.Cap()))
			if !dst.IsNil() {
				reflect.Copy(grown, dst)
			}
			dst.Set(grown)
		} else {
			dst.Set(dst.Slice(0, n))
		}
		for i := 0; i < n; i++ {
			d.fromMirror(plan.elem, m.Index(i), dst.Index(i))
		}
	case decodeArray:
		for i := 0; i < m.Len(); i++ {
			d.fromMirror(plan.elem, m.Index(i), dst.Index(i))
		}
	case decodeMap:
		if m.IsNil() {
			dst.SetZero()
			return
		}
		if dst.IsNil() {
			dst.Set(reflect.MakeMap(dst.Type()))
		}
		it := m.MapRange()
		for it.Next() {
			k := reflect.New(dst.Type().Key()).Elem()
			if plan.key != nil {
				d.text(plan.key, it.Key().String(), k)
			} else {
				k.Set(it.Key())
			}
			e := reflect.New(dst.Type().Elem()).Elem()
			d.fromMirror(plan.elem, it.Value(), e)
			dst.SetMapIndex(k, e)
		}
	case decodeStruct:
		outer := d.inside
		if plan.name != "" {
			d.inside = plan.name
		}
		for i, fp := range plan.fields {
			d.fields = append(d.fields, plan.json[i])
			d.fromMirror(fp, m.Field(i), dst.Field(i))
			d.fields = d.fields[:len(d.fields)-1]
		}
		d.inside = outer
	}
}

// method calls UnmarshalJSON with raw, the text json caught for dst, or
// UnmarshalText with the string it holds; nil raw was not in the text.
func (d *decodeState) method(plan *decodePlan, raw []byte, dst reflect.Value) {
	if raw == nil || d.err != nil {
		return
	}
	if !plan.text {
		d.call(plan, hasUnmarshalJSON, raw, dst)
		return
	}
	var s string
	switch {
	case string(raw) == "null":
		switch dst.Kind() {
		case reflect.Interface, reflect.Pointer, reflect.Map, reflect.Slice:
			dst.SetZero()
		}
	case json.Unmarshal(raw, &s) == nil:
		d.text(plan, s, dst)
	default:
		kind := map[byte]string{'{': "object", '[': "array", 't': "bool", 'f': "bool"}[raw[0]]
		if kind == "" {
			kind = "number"
		}
		if d.saved == nil {
			into := "Go value"
			if d.inside != "" && len(d.fields) > 0 {
				into = "Go struct field " + d.inside + "." + strings.Join(d.fields, ".")
			}
			d.saved = fmt.Errorf("json: cannot unmarshal %s into %s of type main.%s", kind, into, plan.name)
		}
	}
}

// text calls UnmarshalText of dst with s.
func (d *decodeState) text(plan *decodePlan, s string, dst reflect.Value) {
	if d.err == nil {
		d.call(plan, hasUnmarshalText, []byte(s), dst)
	}
}

// call calls the method (a bit of methodsOf) of the declared type
// plan.name through dst's address.
func (d *decodeState) call(plan *decodePlan, method int, data []byte, dst reflect.Value) {
	x, ok := d.p.types.typed("*"+plan.name, dst.Addr().Interface())
	if !ok {
		d.err = fmt.Errorf("json: the shell cannot call the methods of main.%s here", plan.name)
		return
	}
	d.err = d.p.unmarshal(x, method, data)
}
