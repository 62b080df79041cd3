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
// methods first as getWrapper expects.
var errorComposites = []reflect.Type{
	reflect.TypeOf(errorWrapUnwrapIs{}),
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
		// a struct type declared in the shell, with a value receiver: in an
		// error, yaegi keeps its last field in place of the value
		// (getConcreteValue), so a match could not be told nor stored
		panic("errors.As: the target's type is a struct declared in the shell whose Error method has a value receiver, which the shell cannot match inside an error: give Error a pointer receiver, func (e *T) Error() string, return &T{…}, and pass a *T target's address")
	}
	return errorAs(err, target, val, targetType)
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
