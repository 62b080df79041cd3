package repl

// Errors of types declared in interpreted code, in compiled code.
//
// Wherever yaegi converts an interpreted value to error (a variable or
// field of type error, an argument of a compiled function, a result) it
// wraps the value in the struct registered as "_error" in the
// interpreter's own symbols, which has only an Error method: the
// interpreted Unwrap and Is methods are lost, and fmt prints the wrapper's
// fields for %d. installFmtShims registers errorWrap instead, and composites
// that keep Unwrap and Is (getWrapper in interp/use.go picks the first
// composite whose methods the type has).
//
// errors.As, errors.Is and errors.Unwrap are replaced: the real ones
// compare the wrapper, not the interpreted value inside it, so errors.Is
// never finds an interpreted sentinel and errors.As panics ("*target must
// be interface or implement error") for a target of an interpreted type,
// whose reflect type has no methods. The shims walk the chain as the real
// ones do (Unwrap() error and Unwrap() []error, Is and As methods), looking
// at the value inside each wrapper too.
//
// Limits: yaegi gives interpreted types with the same layout the same
// reflect type (`type A struct{ c int }` and `type B struct{ c int }` are
// both struct{ Xc int }), so errors.As cannot tell them apart (yaegi's own
// err.(*A) cannot either), nor `type Code int` from int. A target of an
// interface type declared in interpreted code panics with an explanation
// (its methods are invisible here), and an interpreted As method is not
// called. A target of a struct type declared in the shell whose Error has a
// value receiver panics with an explanation: yaegi keeps only the last
// field of such a value inside an error.

import (
	"errors"
	"fmt"
	"reflect"
)

// errorWrap wraps an interpreted value with an Error method.
type errorWrap struct {
	IValue any
	WError func() string
}

func (w errorWrap) Error() string                 { return w.WError() }
func (w errorWrap) Format(s fmt.State, verb rune) { errorFormat(s, verb, w.IValue, w.WError) }
func (w errorWrap) ivalue() any                   { return w.IValue }

// errorWrapUnwrap keeps the Unwrap method (either form: the field is any).
type errorWrapUnwrap struct {
	IValue  any
	WError  func() string
	WUnwrap any
}

func (w errorWrapUnwrap) Error() string                 { return w.WError() }
func (w errorWrapUnwrap) Format(s fmt.State, verb rune) { errorFormat(s, verb, w.IValue, w.WError) }
func (w errorWrapUnwrap) Unwrap() error                 { return unwrapOne(w.WUnwrap) }
func (w errorWrapUnwrap) ivalue() any                   { return w.IValue }
func (w errorWrapUnwrap) unwrapMethod() any             { return w.WUnwrap }

// errorWrapIs keeps the Is method.
type errorWrapIs struct {
	IValue any
	WError func() string
	WIs    any
}

func (w errorWrapIs) Error() string                 { return w.WError() }
func (w errorWrapIs) Format(s fmt.State, verb rune) { errorFormat(s, verb, w.IValue, w.WError) }
func (w errorWrapIs) Is(target error) bool          { return callIs(w.WIs, target) }
func (w errorWrapIs) ivalue() any                   { return w.IValue }

// errorWrapUnwrapIs keeps Unwrap and Is.
type errorWrapUnwrapIs struct {
	IValue  any
	WError  func() string
	WUnwrap any
	WIs     any
}

func (w errorWrapUnwrapIs) Error() string                 { return w.WError() }
func (w errorWrapUnwrapIs) Format(s fmt.State, verb rune) { errorFormat(s, verb, w.IValue, w.WError) }
func (w errorWrapUnwrapIs) Unwrap() error                 { return unwrapOne(w.WUnwrap) }
func (w errorWrapUnwrapIs) Is(target error) bool          { return callIs(w.WIs, target) }
func (w errorWrapUnwrapIs) ivalue() any                   { return w.IValue }
func (w errorWrapUnwrapIs) unwrapMethod() any             { return w.WUnwrap }

// errorComposites are the wrappers of error with more methods, most
// methods first as getWrapper expects (an error with a Format method
// formats by it, as in Go; one with Format, Unwrap and Is loses Is).
var errorComposites = []reflect.Type{
	reflect.TypeOf(fmtFormatterErrorUnwrap{}),
	reflect.TypeOf(errorWrapUnwrapIs{}),
	reflect.TypeOf(fmtFormatterError{}),
	reflect.TypeOf(errorWrapUnwrap{}),
	reflect.TypeOf(errorWrapIs{}),
}

func errorFormat(s fmt.State, verb rune, v any, method func() string) {
	methodSet{value: v, str: method, strName: "Error"}.format(s, verb)
}

// unwrapOne is the Unwrap() error of a wrapper. An interpreted
// Unwrap() []error is seen by compiled code as an Unwrap returning the
// errors.Join of the list, whose tree has the same errors; the shims of
// errors use the list itself.
func unwrapOne(method any) error {
	switch f := method.(type) {
	case func() error:
		return f()
	case func() []error:
		return errors.Join(f()...)
	}
	return nil
}

func callIs(method any, target error) bool {
	f, ok := method.(func(error) bool)
	return ok && f(target)
}

// interpretedValue returns the value inside a yaegi interface wrapper: a
// struct whose first field is IValue (the rule yaegi's own type assertions
// follow, typeAssert in interp/run.go).
func interpretedValue(x any) (any, bool) {
	if w, ok := x.(interface{ ivalue() any }); ok {
		return w.ivalue(), true
	}
	v := reflect.ValueOf(x)
	if v.Kind() == reflect.Struct && v.NumField() > 0 {
		if f := v.Type().Field(0); f.Name == "IValue" && f.Type.Kind() == reflect.Interface {
			return v.Field(0).Interface(), true
		}
	}
	return x, false
}

// unwrapMethod returns the Unwrap method of err: func() error,
// func() []error, or nil.
func unwrapMethod(err error) any {
	if w, ok := err.(interface{ unwrapMethod() any }); ok {
		return w.unwrapMethod()
	}
	switch x := err.(type) {
	case interface{ Unwrap() error }:
		return x.Unwrap
	case interface{ Unwrap() []error }:
		return x.Unwrap
	}
	return nil
}

// errorsUnwrap is errors.Unwrap, seeing an interpreted Unwrap() error.
func errorsUnwrap(err error) error {
	if f, ok := unwrapMethod(err).(func() error); ok {
		return f()
	}
	return nil
}

// errorsIs is errors.Is, comparing the interpreted values inside wrappers.
func errorsIs(err, target error) bool {
	if err == nil || target == nil {
		return err == target
	}
	tv, _ := interpretedValue(target)
	return errorIs(err, target, tv, tv != nil && reflect.TypeOf(tv).Comparable())
}

func errorIs(err, target error, tv any, comparable bool) bool {
	return walkErrors(err, func(err error) bool {
		// values of different types are unequal without being compared:
		// only a tv-typed value, comparable, is
		if v, _ := interpretedValue(err); comparable && v == tv {
			return true
		}
		x, ok := err.(interface{ Is(error) bool })
		return ok && x.Is(target)
	})
}

// walkErrors calls visit on err and on the errors it wraps (Unwrap()
// error and Unwrap() []error, interpreted ones included), depth first as
// errors.Is and errors.As do, until visit returns true.
func walkErrors(err error, visit func(error) bool) bool {
	for {
		if visit(err) {
			return true
		}
		switch f := unwrapMethod(err).(type) {
		case func() error:
			if err = f(); err == nil {
				return false
			}
		case func() []error:
			for _, e := range f() {
				if e != nil && walkErrors(e, visit) {
					return true
				}
			}
			return false
		default:
			return false
		}
	}
}

// errorsAs is errors.As, also matching the interpreted value inside a
// wrapper against the target's type.
func errorsAs(err error, target any) bool {
	if err == nil {
		return false
	}
	if target == nil {
		panic("errors: target cannot be nil")
	}
	val := reflect.ValueOf(target)
	typ := val.Type()
	if typ.Kind() != reflect.Pointer || val.IsNil() {
		panic("errors: target must be a non-nil pointer")
	}
	targetType := typ.Elem()
	// the real errors.As panics when *target is not an interface and does
	// not implement error; at the reflect level no interpreted type
	// implements error, so that check is not made
	if isYaegiInterface(targetType) {
		panic("errors.As: the target's type is an interface declared in the shell, whose methods compiled code cannot see: use a type switch on the errors of the chain (errors.Unwrap)")
	}
	if targetType.Kind() == reflect.Struct && targetType.NumMethod() == 0 {
		// a struct type declared in the shell, with a value receiver: an
		// error made by yaegi holds its last field in place of the value
		// (getConcreteValue); only kept errors (keepError) can match
		return errorAsValue(err, val, targetType)
	}
	return errorAs(err, target, val, targetType)
}

// errorAsValue is errorsAs for a target of a struct type declared in the
// shell: a kept error holding a value of that type matches; an error
// holding a value yaegi made that may be one (not a pointer) makes the
// answer unknown, which panics with what to write instead.
func errorAsValue(err error, val reflect.Value, targetType reflect.Type) bool {
	unknown := false
	found := walkErrors(err, func(err error) bool {
		if heldName(err) != "" {
			v := err.(interface{ ivalue() any }).ivalue()
			if v != nil && reflect.TypeOf(v).AssignableTo(targetType) {
				val.Elem().Set(reflect.ValueOf(v))
				return true
			}
			return false
		}
		if v, ok := interpretedValue(err); ok && v != nil && reflect.TypeOf(v).Kind() != reflect.Pointer {
			unknown = true
		}
		if x, ok := err.(interface{ As(any) bool }); ok {
			return x.As(val.Interface())
		}
		return false
	})
	if !found && unknown {
		panic("errors.As: an error of the chain holds a value of a type declared in the shell that was made where the shell could not tell its type, and yaegi keeps only part of such a value: convert it where it is made, error(v), or give Error a pointer receiver")
	}
	return found
}

func errorAs(err error, target any, val reflect.Value, targetType reflect.Type) bool {
	return walkErrors(err, func(err error) bool {
		if reflect.TypeOf(err).AssignableTo(targetType) {
			val.Elem().Set(reflect.ValueOf(err))
			return true
		}
		if v, ok := interpretedValue(err); ok && v != nil && reflect.TypeOf(v).AssignableTo(targetType) {
			val.Elem().Set(reflect.ValueOf(v))
			return true
		}
		x, ok := err.(interface{ As(any) bool })
		return ok && x.As(target)
	})
}

// Values of declared types kept in an error.
//
// Converting a value of a type declared in the shell to error, yaegi
// (genInterfaceWrapper in interp/run.go) binds the wrapper's methods to
// the expression that made the value, read again in its frame at every
// call: an error made in a loop, `append(errs, NotFound{id})`, reports the
// last id, and `var err error = c; c = 6` reports 6. For a struct it also
// stores the last field as the wrapper's IValue (getConcreteValue), which
// yaegi's own assertions and the shims below read: err.(NotFound) failed.
// The rewrites (rewrite_keep.go) convert such values in a function of
// their own, so that the expression is a parameter of a frame nothing
// writes again, and pass the wrapper to keepError with the value itself:
// the kept error holds the value, the wrapper's methods and the type's
// name, for %T and for type tests (heldName).

// keptError is an error made by keepError, without Unwrap or Is methods.
type keptError struct {
	IValue any    // the value (yaegi's assertions read the first field)
	inner  error  // yaegi's wrapper, its IValue set to the value
	name   string // the value's type, as %T prints it
}

func (k keptError) Error() string                 { return k.inner.Error() }
func (k keptError) Format(s fmt.State, verb rune) { keptFormat(s, verb, k.IValue, k.inner) }
func (k keptError) ivalue() any                   { return k.IValue }
func (k keptError) heldName() string              { return k.name }

// keptErrorUnwrap is a keptError whose value has an Unwrap method.
type keptErrorUnwrap struct {
	IValue any
	inner  error
	name   string
}

func (k keptErrorUnwrap) Error() string                 { return k.inner.Error() }
func (k keptErrorUnwrap) Format(s fmt.State, verb rune) { keptFormat(s, verb, k.IValue, k.inner) }
func (k keptErrorUnwrap) Unwrap() error                 { return unwrapOne(unwrapMethod(k.inner)) }
func (k keptErrorUnwrap) ivalue() any                   { return k.IValue }
func (k keptErrorUnwrap) heldName() string              { return k.name }
func (k keptErrorUnwrap) unwrapMethod() any             { return unwrapMethod(k.inner) }

// keptErrorIs is a keptError whose value has an Is method.
type keptErrorIs struct {
	IValue any
	inner  error
	name   string
}

func (k keptErrorIs) Error() string                 { return k.inner.Error() }
func (k keptErrorIs) Format(s fmt.State, verb rune) { keptFormat(s, verb, k.IValue, k.inner) }
func (k keptErrorIs) Is(target error) bool          { return k.inner.(interface{ Is(error) bool }).Is(target) }
func (k keptErrorIs) ivalue() any                   { return k.IValue }
func (k keptErrorIs) heldName() string              { return k.name }

// keptErrorUnwrapIs is a keptError whose value has Unwrap and Is methods.
type keptErrorUnwrapIs struct {
	IValue any
	inner  error
	name   string
}

func (k keptErrorUnwrapIs) Error() string                 { return k.inner.Error() }
func (k keptErrorUnwrapIs) Format(s fmt.State, verb rune) { keptFormat(s, verb, k.IValue, k.inner) }
func (k keptErrorUnwrapIs) Unwrap() error                 { return unwrapOne(unwrapMethod(k.inner)) }
func (k keptErrorUnwrapIs) Is(target error) bool {
	return k.inner.(interface{ Is(error) bool }).Is(target)
}
func (k keptErrorUnwrapIs) ivalue() any       { return k.IValue }
func (k keptErrorUnwrapIs) heldName() string  { return k.name }
func (k keptErrorUnwrapIs) unwrapMethod() any { return unwrapMethod(k.inner) }

// keptFormat formats a kept error as its wrapper does (the value's own
// Format, or fmt's rules for an error).
func keptFormat(s fmt.State, verb rune, v any, inner error) {
	if f, ok := inner.(fmt.Formatter); ok {
		f.Format(s, verb)
		return
	}
	errorFormat(s, verb, v, inner.Error)
}

// keepError returns err, the wrapper yaegi made converting v (a value of
// the type named name) to error in a fresh frame, as a kept error holding
// v. Anything else is returned as it is.
func keepError(v any, err error, name string) error {
	if err == nil {
		return nil
	}
	w, ok := withIValue(err, v)
	if !ok {
		return err
	}
	err = w.(error)
	_, is := err.(interface{ Is(error) bool })
	switch unwraps := unwrapMethod(err) != nil; {
	case unwraps && is:
		return keptErrorUnwrapIs{v, err, name}
	case unwraps:
		return keptErrorUnwrap{v, err, name}
	case is:
		return keptErrorIs{v, err, name}
	}
	return keptError{v, err, name}
}

// keptStringer is keptError's kin for fmt.Stringer: a value of a declared
// type converted to fmt.Stringer keeps its type's name, so that
// assertions and type switches find it (case State: matched nothing, the
// value was yaegi's wrapper).
type keptStringer struct {
	IValue any
	inner  fmt.Stringer
	name   string
}

func (k keptStringer) String() string { return k.inner.String() }
func (k keptStringer) Format(s fmt.State, verb rune) {
	if f, ok := k.inner.(fmt.Formatter); ok {
		f.Format(s, verb)
		return
	}
	methodSet{value: k.IValue, str: k.inner.String, strName: "String"}.format(s, verb)
}
func (k keptStringer) ivalue() any      { return k.IValue }
func (k keptStringer) heldName() string { return k.name }

// keepStringer is keepError for fmt.Stringer.
func keepStringer(v any, s fmt.Stringer, name string) fmt.Stringer {
	if s == nil {
		return nil
	}
	w, ok := withIValue(s, v)
	if !ok {
		return s
	}
	return keptStringer{v, w.(fmt.Stringer), name}
}

// withIValue returns w, a wrapper yaegi made converting a value to a
// compiled interface (a struct whose first field is IValue), with its
// IValue set to v, the value converted (unless v is nil); ok is false
// when w is no such wrapper.
func withIValue(w, v any) (any, bool) {
	rw := reflect.ValueOf(w)
	if rw.Kind() != reflect.Struct || rw.NumField() == 0 || rw.Type().Field(0).Name != "IValue" {
		return w, false
	}
	if v == nil {
		return w, true
	}
	c := reflect.New(rw.Type()).Elem()
	c.Set(rw)
	c.Field(0).Set(reflect.ValueOf(v))
	return c.Interface(), true
}

// heldName returns the name of the declared type of the value x holds
// when x is a kept error, else "".
func heldName(x any) string {
	if k, ok := x.(interface{ heldName() string }); ok {
		return k.heldName()
	}
	return ""
}

// sameError is a == b for errors, one of them kept (keepError): equal
// when both hold values of the same declared type that are equal; values
// of a type Go cannot compare panic as Go's comparison does.
func sameError(a, b error) bool { return sameHeld(a, b) }

// sameStringer is sameError for fmt.Stringer (keepStringer).
func sameStringer(a, b fmt.Stringer) bool { return sameHeld(a, b) }

// sameHeld is sameError of two interface values.
func sameHeld(a, b any) bool {
	na, nb := heldName(a), heldName(b)
	if na == "" && nb == "" {
		return a == b
	}
	if na != nb {
		return false
	}
	va, vb := a.(interface{ ivalue() any }).ivalue(), b.(interface{ ivalue() any }).ivalue()
	return equalKept(reflect.ValueOf(va), reflect.ValueOf(vb), na)
}

// equalKept is Go's == of two values of the same type, the type named
// name, whose fields may hold kept errors (compared by sameError; the
// wrappers themselves hold functions, which == cannot compare).
func equalKept(a, b reflect.Value, name string) bool {
	if !a.IsValid() || !b.IsValid() {
		return a.IsValid() == b.IsValid()
	}
	if a.Type() != b.Type() {
		return false
	}
	switch a.Kind() {
	case reflect.Struct:
		for i := range a.NumField() {
			if !equalKept(a.Field(i), b.Field(i), name) {
				return false
			}
		}
		return true
	case reflect.Array:
		for i := range a.Len() {
			if !equalKept(a.Index(i), b.Index(i), name) {
				return false
			}
		}
		return true
	case reflect.Interface:
		if a.IsNil() || b.IsNil() {
			return a.IsNil() && b.IsNil()
		}
		ea, eb := a.Elem(), b.Elem()
		if ea.CanInterface() && eb.CanInterface() {
			xa, oka := ea.Interface().(error)
			xb, okb := eb.Interface().(error)
			if oka && okb && (heldName(xa) != "" || heldName(xb) != "") {
				return sameError(xa, xb)
			}
		}
		na, va, _ := valueIdentity(ea)
		nb, vb, _ := valueIdentity(eb)
		if na != nb {
			return false
		}
		return equalKept(va, vb, na)
	}
	if !a.Type().Comparable() {
		panic(runtimePanic{"runtime error: comparing uncomparable type " + name})
	}
	return a.Equal(b)
}

// held returns the value x keeps when x is a kept error, else x.
func held(x any) any {
	if heldName(x) != "" {
		return x.(interface{ ivalue() any }).ivalue()
	}
	return x
}

// nilError is the Error method of a nil pointer of a declared type, kept
// in an error (keepNil).
type nilError struct{ method func() string }

func (e nilError) Error() string { return e.method() }

// keepNil returns the error Go makes of v, a nil pointer of the declared
// type named name, whose Error method is called through method: a non-nil
// error holding the nil pointer (yaegi made a nil error).
func keepNil(v any, name string, method func() string) error {
	return keptError{v, nilError{method}, name}
}

// sameAny is a == b for operands of which one at least is of an interface
// type: equal when they hold values of one type that are equal. yaegi
// compares its own representation of a value of a declared type held in
// an interface, which holds the node that made it: two State(1) held in
// an any were unequal (rewrite_keep.go, anyCompare). A value's type is
// its declared type's name when yaegi keeps it, else its reflect type;
// values of a type Go cannot compare panic as Go's comparison does. typeA
// and typeB name the type of an operand that is not of an interface type.
func sameAny(a, b any, typeA, typeB string) bool {
	ta, va, exactA := anyIdentity(a)
	tb, vb, exactB := anyIdentity(b)
	if !sameIdentity(ta, va, exactA, typeA, tb, vb, exactB, typeB) {
		return false
	}
	if !va.IsValid() || !vb.IsValid() {
		return va.IsValid() == vb.IsValid()
	}
	return equalKept(va, vb, ta)
}

// sameIdentity reports whether two values, of the types ta and tb as
// anyIdentity found them, are of one type. typeA and typeB, when not "",
// name an operand's declared type (yaegi passes such a value plain), or
// are plainDeclared for a value of an interface declared in the shell
// whose type the shell could not find. A plain value may be of a declared
// type when it is such a value, or a struct or a pointer (a value of a
// declared struct type without methods, a pointer whose type has no
// pointer methods): against an operand of a declared type, the reflect
// types decide. Other plain values are what reflect says: values of the
// other declared types keep their type (identityMethod).
func sameIdentity(ta string, va reflect.Value, exactA bool, typeA string, tb string, vb reflect.Value, exactB bool, typeB string) bool {
	plainA, plainB := typeA == plainDeclared, typeB == plainDeclared
	mayBeDeclared := func(v reflect.Value, exact, plain bool) bool {
		return !exact && v.IsValid() && (plain || v.Kind() == reflect.Struct || v.Kind() == reflect.Pointer)
	}
	if typeA != "" && mayBeDeclared(vb, exactB, plainB) || typeB != "" && mayBeDeclared(va, exactA, plainA) {
		return va.IsValid() && vb.IsValid() && va.Type() == vb.Type()
	}
	if typeA != "" && !plainA {
		ta = typeA
	}
	if typeB != "" && !plainB {
		tb = typeB
	}
	return ta == tb
}

// plainDeclared is the type name compareOperand gives a value of an
// interface declared in the shell whose type it could not find.
const plainDeclared = "?"

// anyIdentity returns the type and the value x holds: the name of its
// declared type when yaegi kept it, else its reflect type ("nil" and an
// invalid value for nil); exact is false when the type is only the reflect
// type of a plain value, which may be one of a declared type.
func anyIdentity(x any) (name string, v reflect.Value, exact bool) {
	if x == nil {
		return "nil", reflect.Value{}, true
	}
	return valueIdentity(reflect.ValueOf(x))
}

// valueIdentity is anyIdentity of the value v, the dynamic value of an
// interface.
func valueIdentity(v reflect.Value) (name string, inner reflect.Value, exact bool) {
	if v.CanInterface() {
		if n := heldName(v.Interface()); n != "" {
			return n, reflect.ValueOf(v.Interface().(interface{ ivalue() any }).ivalue()), true
		}
	}
	if !isYaegiInterface(v.Type()) {
		return v.Type().String(), v, false
	}
	name, _ = yaegiTypeName(v)
	inner, ok := valueInside(v)
	switch {
	case !ok:
		return v.Type().String(), v, false
	case !inner.IsValid():
		return "nil", reflect.Value{}, true
	case inner.Kind() == reflect.Interface:
		if inner.IsNil() {
			return "nil", reflect.Value{}, true
		}
		return valueIdentity(inner.Elem())
	case name == "":
		return inner.Type().String(), inner, false
	}
	return name, inner, true
}
