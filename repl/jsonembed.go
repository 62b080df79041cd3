package repl

import (
	"encoding/xml"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"strconv"
	"strings"
	"sync"
)

// Embedded fields for encoding/json.
//
// yaegi builds a struct type with an embedded field and other fields as
// a struct whose field is not embedded at the reflect level (only a sole
// field is: golang/go#15924), so json nested the embedded struct's fields
// under its type's name where Go promotes them. markEmbedded tags such
// fields (`odshembed:"1"`); json.Marshal and MarshalIndent see values
// through the shims' view, whose struct types make them embedded again
// (computeStructView), and json.Unmarshal decodes into the value seen as
// a type of the same layout with them embedded (jsonTarget); the calls
// of a json.Encoder's Encode and a json.Decoder's Decode pass their
// argument through the same (jsonCodec). Not done: values reached through
// maps or interfaces when decoding.

// jsonEmbedded reports whether json should see f as embedded: a field
// the source embeds, without a json name of its own (a named embedded
// field is an ordinary one to json), of a struct type or a pointer to
// one without methods (reflect cannot make an embedded field of a type
// with methods but the first).
func jsonEmbedded(f reflect.StructField) bool { return embeddedFor(f, "json") }

// embeddedFor is jsonEmbedded for the encoding whose tag key is key
// (json, xml).
func embeddedFor(f reflect.StructField, key string) bool {
	if f.Anonymous {
		return false
	}
	if _, ok := f.Tag.Lookup(embeddedKey); !ok {
		return false
	}
	if name, _, _ := strings.Cut(f.Tag.Get(key), ","); name != "" {
		return false
	}
	t := f.Type
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t.Kind() == reflect.Struct && f.Type.NumMethod() == 0 && t.NumMethod() == 0
}

// embedMirrors caches embedMirror by encoding (json, xml).
var embedMirrors = map[string]*sync.Map{"json": {}, "xml": {}}

// embedMirror returns t with the embedded fields the encoding key (json,
// xml) should see embedded (embeddedFor) made so, through structs,
// pointers, slices and arrays: a type of the same memory layout. It
// returns t itself when nothing changes, and for recursive types.
func embedMirror(t reflect.Type, key string) reflect.Type {
	if m, ok := embedMirrors[key].Load(t); ok {
		return m.(reflect.Type)
	}
	m := computeEmbedMirror(t, key, map[reflect.Type]bool{})
	embedMirrors[key].Store(t, m)
	return m
}

func computeEmbedMirror(t reflect.Type, key string, seen map[reflect.Type]bool) (m reflect.Type) {
	if seen[t] {
		return t
	}
	seen[t] = true
	defer delete(seen, t)
	defer func() {
		if recover() != nil { // a type reflect cannot build
			m = t
		}
	}()
	switch t.Kind() {
	case reflect.Pointer:
		if e := computeEmbedMirror(t.Elem(), key, seen); e != t.Elem() {
			return reflect.PointerTo(e)
		}
	case reflect.Slice:
		if e := computeEmbedMirror(t.Elem(), key, seen); e != t.Elem() {
			return reflect.SliceOf(e)
		}
	case reflect.Array:
		if e := computeEmbedMirror(t.Elem(), key, seen); e != t.Elem() {
			return reflect.ArrayOf(t.Len(), e)
		}
	case reflect.Struct:
		if t.NumMethod() > 0 {
			return t
		}
		changed := false
		fields := make([]reflect.StructField, t.NumField())
		for i := range fields {
			f := t.Field(i)
			if !f.IsExported() {
				return t // not a struct of interpreted code
			}
			sf := reflect.StructField{Name: f.Name, Type: computeEmbedMirror(f.Type, key, seen), Tag: f.Tag, Anonymous: f.Anonymous || embeddedFor(f, key)}
			changed = changed || sf.Type != f.Type || sf.Anonymous != f.Anonymous
			fields[i] = sf
		}
		if changed {
			return reflect.StructOf(fields)
		}
	}
	return t
}

// jsonTarget returns the pointer v as json.Unmarshal should see it: a
// pointer to the same memory, of a type whose embedded fields are
// embedded (embedMirror), or v itself.
func jsonTarget(v any) any { return embedTarget(v, "json") }

func embedTarget(v any, key string) any {
	rv := reflect.ValueOf(v)
	if !rv.IsValid() || rv.Kind() != reflect.Pointer || rv.IsNil() {
		return v
	}
	m := embedMirror(rv.Type().Elem(), key)
	if m == rv.Type().Elem() {
		return v
	}
	return reflect.NewAt(m, rv.UnsafePointer()).Interface()
}

// embedValue returns v as the encoder key (xml) should see it: a copy
// of v seen through embedMirror, or v itself.
func embedValue(v any, key string) any {
	rv := reflect.ValueOf(v)
	if !rv.IsValid() {
		return v
	}
	if rv.Kind() == reflect.Pointer {
		return embedTarget(v, key)
	}
	m := embedMirror(rv.Type(), key)
	if m == rv.Type() {
		return v
	}
	p := reflect.New(rv.Type())
	p.Elem().Set(rv)
	return reflect.NewAt(m, p.UnsafePointer()).Elem().Interface()
}

// xmlShims are encoding/xml's functions seeing embedded fields as
// embedded (as json's do; xml has no view of interpreted values in
// interfaces).
func xmlShims() map[string]any {
	return map[string]any{
		"Marshal": func(v any) ([]byte, error) { return xml.Marshal(embedValue(v, "xml")) },
		"MarshalIndent": func(v any, prefix, indent string) ([]byte, error) {
			return xml.MarshalIndent(embedValue(v, "xml"), prefix, indent)
		},
		"Unmarshal": func(data []byte, v any) error { return xml.Unmarshal(data, embedTarget(v, "xml")) },
	}
}

const (
	jsonViewHook   = bindAlias + ".JSONView"
	jsonTargetHook = bindAlias + ".JSONTarget"
	xmlValueHook   = bindAlias + ".XMLValue"
	xmlTargetHook  = bindAlias + ".XMLTarget"
)

func xmlValue(v any) any  { return embedValue(v, "xml") }
func xmlTarget(v any) any { return embedTarget(v, "xml") }

// jsonCodec passes the value of a json.Encoder's Encode through the json
// view (as json.Marshal's shim does) and the pointer of a json.Decoder's
// Decode through jsonTarget, whose methods the shell cannot replace (and
// so for xml's Encoder and Decoder):
//
//	enc.Encode(v)  ⇔  enc.Encode(__odshbind.JSONView(v))
//	dec.Decode(&v) ⇔  dec.Decode(__odshbind.JSONTarget(&v))
//
// The receiver's type comes from the declarations or a probe; only calls
// of methods so named with one argument are looked at.
func (c *callPass) jsonCodec(call *ast.CallExpr) {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || len(call.Args) != 1 || call.Ellipsis.IsValid() || sel.Sel.Name != "Encode" && sel.Sel.Name != "Decode" {
		return
	}
	t, ok := c.typeOf(sel.X).(*ast.StarExpr)
	if !ok {
		return
	}
	hook := ""
	switch key := exprKey(t.X); key {
	case "json.Encoder", "xml.Encoder":
		if sel.Sel.Name == "Encode" {
			hook = map[string]string{"json.Encoder": jsonViewHook, "xml.Encoder": xmlValueHook}[key]
		}
	case "json.Decoder", "xml.Decoder":
		if sel.Sel.Name == "Decode" {
			hook = map[string]string{"json.Decoder": jsonDecodeHook, "xml.Decoder": xmlTargetHook}[key]
		}
	}
	if pkg := exprKey(t.X); hook != "" {
		if name := pkg[:strings.IndexByte(pkg, '.')]; c.env.isLocal(name) || c.decls.Declares(name) {
			return
		}
	}
	if hook == "" {
		return
	}
	if inner, ok := call.Args[0].(*ast.CallExpr); ok && (exprKey(inner.Fun) == hook || exprKey(inner.Fun) == jsonTypedHook) {
		return
	}
	if hook == jsonViewHook && c.jsonTypedArg(call, 0) {
		return
	}
	if hook == jsonDecodeHook {
		// dec.Decode(&v)  ⇔  __odshbind.JSONDecode(dec, &v, "*T")
		call.Args = []ast.Expr{sel.X, call.Args[0], c.declaredTypeLit(call.Args[0])}
		call.Fun = ident(hook)
		return
	}
	call.Args[0] = &ast.CallExpr{Fun: ident(hook), Args: []ast.Expr{call.Args[0]}}
}

const (
	jsonDecodeHook    = bindAlias + ".JSONDecode"
	jsonUnmarshalHook = bindAlias + ".JSONUnmarshal"
)

// jsonUnmarshal passes to json.Unmarshal's shim the declared type of its
// target, a pointer, when the syntax tells it (jsondecode.go):
//
//	json.Unmarshal(data, &levels)  ⇔  __odshbind.JSONUnmarshal(data, &levels, "*[]Level")
func (c *callPass) jsonUnmarshal(call *ast.CallExpr) {
	if exprKey(call.Fun) != "json.Unmarshal" || len(call.Args) != 2 || call.Ellipsis.IsValid() || !c.encodingJSON() {
		return
	}
	if lit := c.declaredTypeLit(call.Args[1]); lit.Value != `""` {
		call.Fun = ident(jsonUnmarshalHook)
		call.Args = append(call.Args, lit)
	}
}

// declaredTypeLit is the type of x as a string literal when it names
// types declared at top level (namesDeclared), else "".
func (c *callPass) declaredTypeLit(x ast.Expr) *ast.BasicLit {
	t := c.typeOf(x)
	if t == nil || !namesDeclared(t) || c.localTypeIn(t) {
		return &ast.BasicLit{Kind: token.STRING, Value: `""`}
	}
	return &ast.BasicLit{Kind: token.STRING, Value: strconv.Quote(types.ExprString(t))}
}

// encodingJSON reports whether json is the unit's name of encoding/json.
func (c *callPass) encodingJSON() bool {
	if c.env.isLocal("json") || c.decls.Declares("json") {
		return false
	}
	p, ok := c.p.(interface{ ImportPath(name string) string })
	return ok && p.ImportPath("json") == "encoding/json"
}

const jsonTypedHook = bindAlias + ".JSONTyped"

// jsonTyped passes the value json.Marshal and MarshalIndent encode through
// JSONTyped with its type, when that type is a slice, array, map or
// pointer of types declared in the session: compiled code sees []Money
// as []int64, and json would not call Money's MarshalJSON (struct fields
// carry their declared type in their tags: typedfields.go):
//
//	json.Marshal(prices)  ⇔  json.Marshal(__odshbind.JSONTyped(prices, "[]Money"))
func (c *callPass) jsonTyped(call *ast.CallExpr) {
	switch exprKey(call.Fun) {
	case "json.Marshal", "json.MarshalIndent":
	default:
		return
	}
	if len(call.Args) == 0 || call.Ellipsis.IsValid() || !c.encodingJSON() {
		return
	}
	if !c.jsonTypedArg(call, 0) && c.isAnyType(c.env.typeOf(call.Args[0])) {
		// a value in an any: passed to json.Marshal, yaegi's wrapper
		// would read it again in the frame of the call, another
		// variable when another function made it (reflect.Set panic);
		// the hook takes it as it is (printArgs does so for fmt)
		call.Args[0] = &ast.CallExpr{Fun: ident(jsonViewHook), Args: []ast.Expr{call.Args[0]}}
	}
}

// isAnyType reports whether t is the empty interface: written any or
// interface{}, or named by a type declared in the shell as one.
func (c *callPass) isAnyType(t ast.Expr) bool {
	switch t := t.(type) {
	case *ast.Ident:
		if c.env.isLocal(t.Name) {
			return false
		}
		spec := c.decls.Type(t.Name)
		if spec == nil {
			return t.Name == "any"
		}
		// an empty interface declared in the shell (type I0 interface{},
		// type A = any)
		if id, ok := spec.Type.(*ast.Ident); ok && (id.Name == t.Name || !spec.Assign.IsValid()) {
			return false
		}
		return spec.TypeParams == nil && c.isAnyType(spec.Type)
	case *ast.InterfaceType:
		return t.Methods == nil || len(t.Methods.List) == 0
	}
	return false
}

// jsonTypedArg wraps the argument i of call in JSONTyped when its type is
// a composite of declared types (see jsonTyped), and reports whether it
// did.
func (c *callPass) jsonTypedArg(call *ast.CallExpr, i int) bool {
	x := call.Args[i]
	if inner, ok := x.(*ast.CallExpr); ok && exprKey(inner.Fun) == jsonTypedHook {
		return true
	}
	t := c.typeOf(x)
	if id, ok := t.(*ast.Ident); ok && !c.env.isLocal(id.Name) && c.decls.Method(id.Name, "MarshalJSON") == nil && c.decls.Method(id.Name, "MarshalText") == nil {
		// a declared slice or map type (type Levels []Level): its
		// elements by their methods
		if ct := declaredContainer(c.decls, id.Name); ct != nil {
			t = ct
		}
	}
	switch t.(type) {
	case *ast.ArrayType, *ast.MapType, *ast.StarExpr:
	case *ast.IndexExpr, *ast.IndexListExpr: // Pair[string, Money] (typedValue expands it)
	default:
		return false
	}
	if st, ok := t.(*ast.StarExpr); ok {
		if _, named := st.X.(*ast.Ident); named {
			return false // yaegi hands *T with its methods
		}
	}
	if !namesDeclared(t) || c.localTypeIn(t) {
		return false
	}
	call.Args[i] = &ast.CallExpr{Fun: ident(jsonTypedHook), Args: []ast.Expr{x, &ast.BasicLit{Kind: token.STRING, Value: strconv.Quote(types.ExprString(t))}}}
	return true
}

// localTypeIn reports whether t names a type declared in a function (the
// converters are those of top-level types).
func (c *callPass) localTypeIn(t ast.Expr) bool { return localIn(c.env, t) }

// localIn is localTypeIn with the unit's type environment.
func localIn(env *typeEnv, t ast.Expr) bool {
	local := false
	ast.Inspect(t, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && (env.isLocal(id.Name) || env.decls.Type(id.Name) == nil && !predeclaredTypes[id.Name]) {
			local = true
		}
		return !local
	})
	return local
}
