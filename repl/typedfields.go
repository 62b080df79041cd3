package repl

// Struct fields of types declared in the shell, printed by fmt and
// encoded by json.
//
// yaegi builds an interpreted struct type with reflect.StructOf from the
// reflect types of its fields, which for a declared type are those of its
// underlying type: in `type Order struct{ Name string; State State }`, the
// field State is a plain int to compiled code, and fmt prints
// {SO001 1} where Go calls State's String and prints {SO001 done}. Two
// pieces give the print shims the field's declared type back:
//
//   - markTypedFields tags each exported, named field whose type names a
//     type that is not predeclared, directly or through pointers, slices,
//     arrays and maps, with that type: `odshtype:"State"` (`"*State"`,
//     `"[]State"`, `"map[string]State"`), before the user's own tag keys;
//   - a top-level type declaration registers, with the declaration, a
//     converter from a plain value to a value of the declared type
//     (typeRegistration), which yaegi then hands to compiled code with its
//     methods, inside an []any.
//
// printable.go prints a tagged field through such converters when there
// are some for its names (computeStructView, viewTyped, typedValue: the
// elements of a []State field are printed as an []any of States), json
// encodes it so (calling MarshalJSON and MarshalText) and jsondecode.go
// decodes into it calling UnmarshalJSON and UnmarshalText. Not covered:
// types declared inside functions (their name may find a top-level type
// of the same name: its converter fails on another reflect type, and the
// field prints as before), and for fmt the keys of maps (fmt sorts them
// by their values; see rewrite_print.go for the arguments themselves).

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"strconv"
	"strings"
	"sync"
)

// typedKey is the tag key naming a field's declared type.
const typedKey = "odshtype"

// markTypedFields tags the fields of the struct types in node with their
// declared type (see above); the rewrite is idempotent.
func markTypedFields(node ast.Node) {
	ast.Inspect(node, func(n ast.Node) bool {
		st, ok := n.(*ast.StructType)
		if !ok || st.Fields == nil {
			return true
		}
		for _, f := range st.Fields.List {
			markTypedField(f)
		}
		return true
	})
}

func markTypedField(f *ast.Field) {
	if len(f.Names) == 0 || !f.Names[0].IsExported() {
		return // embedded, or unexported: Go's fmt calls no method there
	}
	name := typedName(f.Type)
	if name == "" {
		return
	}
	user := ""
	if f.Tag != nil {
		s, err := strconv.Unquote(f.Tag.Value)
		if err != nil {
			return
		}
		user = s
	}
	if _, ok := reflect.StructTag(user).Lookup(typedKey); ok {
		return
	}
	tag := typedKey + `:"` + name + `"`
	if user != "" {
		tag += " " + user
	}
	setTag(f, tag)
}

// typedName is the field type t written as Go does (T, *T, []T,
// map[string]T, [3]*T, …) when it names a type that is not predeclared
// nor of a package, through pointers, slices, arrays and maps; else "".
func typedName(t ast.Expr) string {
	if !namesDeclared(t) {
		return ""
	}
	return types.ExprString(t)
}

// namesDeclared reports whether t, a name, pointer, slice, array or map
// type, names a type that is not predeclared nor of a package.
func namesDeclared(t ast.Expr) bool {
	switch t := t.(type) {
	case *ast.Ident:
		return !predeclaredTypes[t.Name] && t.Name != "any" && t.Name != "error"
	case *ast.StarExpr:
		return namesDeclared(t.X)
	case *ast.ArrayType:
		if _, ok := t.Len.(*ast.Ellipsis); ok {
			return false
		}
		return namesDeclared(t.Elt)
	case *ast.MapType:
		return namesDeclared(t.Key) || namesDeclared(t.Value)
	case *ast.IndexExpr:
		// an instance of a generic type (Box[State]: typedValue expands it)
		return namesDeclared(t.X)
	case *ast.IndexListExpr:
		return namesDeclared(t.X)
	}
	return false
}

const (
	registerTypeHook = bindAlias + ".RegisterType"
	setValueHook     = bindAlias + ".SetValue"
)

// typeRegistration returns the declaration registering the converters of
// the types a top-level type declaration declares (not generic, not
// aliases), or of the receiver type of a method declaration, "" when there
// are none:
//
//	var _ = __odshbind.RegisterType("T", func(ptr bool, v any) any { … return []any{t} })
//
// A type without methods yet (decls tells; the identity method the shell
// declares with it, identityMethod, does not count) and without embedded
// fields is registered with its first method instead: the converter makes a value of
// the type, after which yaegi builds the type again when a later Eval adds
// a method, and values made by the two builds were mixed up (a field read
// another's memory: "reflect.Set: value of type string is not assignable
// to type bool"); its values print as their underlying type meanwhile,
// which is what they are.
func typeRegistration(decl ast.Decl, decls *Decls) string {
	var names []string
	var b strings.Builder
	switch d := decl.(type) {
	case *ast.GenDecl:
		if d.Tok != token.TYPE {
			return ""
		}
		for _, s := range d.Specs {
			ts := s.(*ast.TypeSpec)
			if ts.TypeParams != nil || ts.Assign.IsValid() || ts.Name.Name == "_" {
				continue
			}
			if _, isIface := ts.Type.(*ast.InterfaceType); isIface {
				continue
			}
			if decls.Method(ts.Name.Name, identityMethod) != nil {
				fmt.Fprintf(&b, "\nfunc (%s) %s() {}", ts.Name.Name, identityMethod)
			}
			if decls != nil && !decls.HasDeclaredMethods(ts.Name.Name) && !embedsFields(ts.Type) {
				continue
			}
			names = append(names, ts.Name.Name)
		}
	case *ast.FuncDecl:
		// a method declared after its type (at the prompt, in a later
		// entry): the converter registered with the type was compiled
		// when the type had not this method, and makes values without
		// it; registered again, it makes values with it
		if d.Recv == nil || len(d.Recv.List) != 1 {
			return ""
		}
		t := d.Recv.List[0].Type
		if st, ok := t.(*ast.StarExpr); ok {
			t = st.X
		}
		id, ok := ast.Unparen(t).(*ast.Ident)
		if !ok || id.Name == "_" {
			return ""
		}
		names = append(names, id.Name)
	}
	for _, n := range names {
		fmt.Fprintf(&b, "\nvar _ = %s(%q, func(__p bool, __v any) any { if __p { var __t *%s; %s(&__t, __v); return []any{__t} }; var __t %s; %s(&__t, __v); return []any{__t} })",
			registerTypeHook, n, n, setValueHook, n, setValueHook)
	}
	return b.String()
}

// embedsFields reports whether t is a struct type with an embedded field
// (whose methods the struct's values have).
func embedsFields(t ast.Expr) bool {
	st, ok := t.(*ast.StructType)
	if !ok || st.Fields == nil {
		return false
	}
	for _, f := range st.Fields.List {
		if len(f.Names) == 0 {
			return true
		}
	}
	return false
}

// typeConverters are the converters of one interpreter, by type name,
// and caches of what depends on the declared types' methods.
type typeConverters struct {
	m      sync.Map // string → func(bool, any) any
	mu     sync.Mutex
	cached *methodCaches
}

// methodCaches are forgotten when a type or a method is declared.
type methodCaches struct {
	views    sync.Map // reflect.Type → viewInfo, for json (fmtConv.viewOf)
	fmtViews sync.Map // reflect.Type → viewInfo, for fmt
	bits     sync.Map // yaegi's type (a pointer) → methods (fmtConv.typeMethods)
	typed    sync.Map // reflect.Type → bool (fmtConv.typedFields)
	// structs: the declared struct types by their values' reflect type
	// (fmtConv.declaredStruct), by convMode
	structsOnce sync.Once
	structs     [3]map[reflect.Type]string
}

func (c *typeConverters) register(name string, conv func(bool, any) any) bool {
	c.m.Store(name, conv)
	c.mu.Lock()
	c.cached = nil
	c.mu.Unlock()
	return true
}

// caches returns the current caches.
func (c *typeConverters) caches() *methodCaches {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.cached == nil {
		c.cached = new(methodCaches)
	}
	return c.cached
}

// setValue stores v in *dst, dst a pointer to a variable of a declared
// type whose reflect type is v's.
func setValue(dst, v any) {
	d := reflect.ValueOf(dst).Elem()
	if v == nil {
		d.Set(reflect.Zero(d.Type()))
		return
	}
	d.Set(reflect.ValueOf(v))
}

// typed returns v, a plain value of a field tagged name, as a value of the
// declared type when a converter is registered (an interp.valueInterface
// that keeps the type's methods), else v itself; ok reports a conversion.
func (c *typeConverters) typed(name string, v any) (out any, ok bool) {
	ptr := strings.HasPrefix(name, "*")
	conv, found := c.m.Load(strings.TrimPrefix(name, "*"))
	if !found {
		return v, false
	}
	defer func() {
		if recover() != nil {
			out, ok = v, false // another type of that name (declared in a function)
		}
	}()
	xs, isSlice := conv.(func(bool, any) any)(ptr, v).([]any)
	if !isSlice || len(xs) != 1 {
		return v, false
	}
	return xs[0], true
}
