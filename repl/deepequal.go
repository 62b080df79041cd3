package repl

import (
	"go/ast"
	"go/token"
	"reflect"
	"unsafe"
)

// reflect.DeepEqual of values of declared types.
//
// yaegi hands a value of a declared type with methods held in an
// interface to compiled code as its own wrapper, which holds the node
// that made the value: reflect.DeepEqual of two such values, or of slices
// and structs holding them in interfaces, compared the nodes and answered
// false for equal values (var x, y any = State(1), State(1)). The shell
// calls deepEqual instead, told the types of operands whose static type
// is a declared one (compareOperand):
//
//	reflect.DeepEqual(a, b)  ⇔  __odshbind.DeepEqual(a, b, "", "main.State")

const deepEqualHook = bindAlias + ".DeepEqual"

// deepEqualCall rewrites a call of reflect.DeepEqual (deepEqual).
func (c *callPass) deepEqualCall(call *ast.CallExpr) {
	if c.interp() == nil || exprKey(call.Fun) != "reflect.DeepEqual" || len(call.Args) != 2 || call.Ellipsis.IsValid() ||
		c.env.isLocal("reflect") || c.decls.Declares("reflect") {
		return
	}
	names := make([]ast.Expr, 2)
	for i, a := range call.Args {
		names[i] = &ast.BasicLit{Kind: token.STRING, Value: `""`}
		if op := c.compareOperand(a); op.kind == "declared" || op.kind == "shell" {
			names[i] = op.name
		}
	}
	c.replace(call, &ast.CallExpr{Fun: ident(deepEqualHook), Args: []ast.Expr{call.Args[0], call.Args[1], names[0], names[1]}})
}

// deepEqual is reflect.DeepEqual(a, b) where a value held in an interface
// is compared by its type (the declared type's name when yaegi kept it:
// valueIdentity) and by the value yaegi's wrapper holds. typeA and typeB
// name the type of an operand of a declared type, "" otherwise.
func deepEqual(a, b any, typeA, typeB string) bool {
	ta, va, exactA := anyIdentity(a)
	tb, vb, exactB := anyIdentity(b)
	return sameIdentity(ta, va, exactA, typeA, tb, vb, exactB, typeB) && deepValues(va, vb, map[deepVisit]bool{})
}

// deepVisit is a pair of references compared already (reflect's cycles).
type deepVisit struct {
	a, b unsafe.Pointer
	typ  reflect.Type
}

// deepValues is reflect.DeepEqual's rule on a and b, but for the values
// in interfaces (valueIdentity).
func deepValues(a, b reflect.Value, seen map[deepVisit]bool) bool {
	if !a.IsValid() || !b.IsValid() {
		return a.IsValid() == b.IsValid()
	}
	if a.Type() != b.Type() {
		return false
	}
	switch a.Kind() {
	case reflect.Map, reflect.Slice, reflect.Pointer, reflect.Interface:
		if a.Kind() != reflect.Interface && a.UnsafePointer() != nil && b.UnsafePointer() != nil {
			v := deepVisit{a.UnsafePointer(), b.UnsafePointer(), a.Type()}
			if seen[v] {
				return true
			}
			seen[v] = true
		}
	}
	switch a.Kind() {
	case reflect.Array:
		for i := range a.Len() {
			if !deepValues(a.Index(i), b.Index(i), seen) {
				return false
			}
		}
		return true
	case reflect.Slice:
		if a.IsNil() != b.IsNil() || a.Len() != b.Len() {
			return false
		}
		if a.UnsafePointer() == b.UnsafePointer() {
			return true
		}
		for i := range a.Len() {
			if !deepValues(a.Index(i), b.Index(i), seen) {
				return false
			}
		}
		return true
	case reflect.Interface:
		if a.IsNil() || b.IsNil() {
			return a.IsNil() == b.IsNil()
		}
		na, ea, _ := valueIdentity(a.Elem())
		nb, eb, _ := valueIdentity(b.Elem())
		return na == nb && deepValues(ea, eb, seen)
	case reflect.Pointer:
		if a.UnsafePointer() == b.UnsafePointer() {
			return true
		}
		return deepValues(a.Elem(), b.Elem(), seen)
	case reflect.Struct:
		for i := range a.NumField() {
			if !deepValues(a.Field(i), b.Field(i), seen) {
				return false
			}
		}
		return true
	case reflect.Map:
		if a.IsNil() != b.IsNil() || a.Len() != b.Len() {
			return false
		}
		if a.UnsafePointer() == b.UnsafePointer() {
			return true
		}
		it := a.MapRange()
		for it.Next() {
			w := b.MapIndex(it.Key())
			if !w.IsValid() || !deepValues(it.Value(), w, seen) {
				return false
			}
		}
		return true
	case reflect.Func:
		return a.IsNil() && b.IsNil()
	}
	if a.CanInterface() && b.CanInterface() {
		return reflect.DeepEqual(a.Interface(), b.Interface())
	}
	return a.Equal(b)
}
