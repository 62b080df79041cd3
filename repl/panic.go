package repl

import (
	"errors"
	"fmt"
	"reflect"
	"runtime"
	"strings"

	"odsh/orm"
)

// Panics of user code.
//
// yaegi runs user code through reflect, so a Go runtime failure often
// surfaces as reflect's panic rather than the runtime's: indexing past the
// end of a slice panics with "reflect: slice index out of range", reading a
// field through a nil pointer with "reflect: call of reflect.Value.Field on
// zero Value". The shell shows them as Go would, so they read as the user's
// mistake and not as a bug of odsh:
//
//	reflect: slice index out of range            ⇒  runtime error: index out of range
//	reflect: call of reflect.Value.X on zero Value ⇒  runtime error: invalid memory address or nil pointer dereference
//	reflect.MakeSlice: negative len              ⇒  runtime error: makeslice: len out of range
//	reflect.MakeChan: negative buffer size       ⇒  makechan: size out of range (a runtime.Error)
//	reflect: cannot convert slice with length 2 to array with length 3
//	  ⇒  runtime error: cannot convert slice with length 2 to array or pointer to array with length 3
//	assignment to entry in nil map               ⇒  (kept: already the runtime's words)

// PanicError is a panic of user code. When the panic value is an error
// (a typed ORM error panicked by compiled code, a runtime error), Unwrap
// returns it, so errors.As still finds it.
type PanicError struct {
	Value any
	Stack []byte
}

// Error returns "panic: " and the value, in Go's words for runtime errors.
func (e *PanicError) Error() string { return "panic: " + panicValueText(e.Value) }

// Unwrap returns the panic value when it is an error, nil otherwise.
func (e *PanicError) Unwrap() error {
	err, _ := e.Value.(error)
	return err
}

// panicError turns a recovered panic value into an error: an ORM error or
// one of yaegi's comes back unchanged (the shell prints it as the ORM's,
// or explains it); anything else
// is a *PanicError, which unwraps to an error value (errors.As finds the
// user's typed errors) and prints as "panic: …", as Go does.
func panicError(v any, stack []byte) error {
	v = unwrapPanic(v)
	if _, ok := v.(error); ok {
		v = recoveredRuntimeError(v) // a failed type assertion is Go's runtime.Error
	}
	var oe orm.Error
	if err, ok := v.(error); ok && !isRuntimePanic(err) && (errors.As(err, &oe) || isYaegiError(err)) {
		return err
	}
	return &PanicError{Value: v, Stack: stack}
}

// isYaegiError reports whether err is one of yaegi's own compile errors,
// which it raises as panics (CFG post-order panic: …); the shell explains
// those (hints, pending declarations).
func isYaegiError(err error) bool {
	return reflect.TypeOf(err).String() == "*interp.cfgError"
}

// isRuntimePanic reports whether err is a failure of the Go runtime or of
// reflect (on behalf of interpreted code) rather than a value user code
// panicked with.
func isRuntimePanic(err error) bool {
	var re runtime.Error
	var ve *reflect.ValueError
	return errors.As(err, &re) || errors.As(err, &ve) || strings.HasPrefix(err.Error(), "reflect")
}

// panicText returns err without a leading "panic: ", for messages that
// already say it is a panic.
func panicText(err error) string {
	var pe *PanicError
	if errors.As(err, &pe) {
		return panicValueText(pe.Value)
	}
	return err.Error()
}

// panicValueText formats a panic value, translating reflect's messages
// (reflect panics with strings as well as errors).
func panicValueText(v any) string {
	msg := fmt.Sprint(v)
	switch {
	case strings.HasPrefix(msg, "reflect") && strings.Contains(msg, "index out of range"):
		return "runtime error: index out of range"
	case strings.HasPrefix(msg, "reflect") && strings.Contains(msg, "out of bounds"):
		return "runtime error: slice bounds out of range"
	case strings.HasPrefix(msg, "reflect") && strings.HasSuffix(msg, "on zero Value"):
		return "runtime error: invalid memory address or nil pointer dereference"
	case strings.HasPrefix(msg, "reflect.MakeSlice: ") && strings.Contains(msg, "len"):
		// make([]T, n) with n < 0 or too large; Go says "cap out of
		// range" only for make([]T, len, cap) with cap < len
		if strings.Contains(msg, "len > cap") {
			return "runtime error: makeslice: cap out of range"
		}
		return "runtime error: makeslice: len out of range"
	case strings.HasPrefix(msg, "reflect.MakeChan: negative buffer size"):
		return "makechan: size out of range"
	case strings.HasPrefix(msg, "reflect: cannot convert slice with length "):
		// [3]int(s), (*[3]int)(s) with len(s) < 3
		body := strings.TrimPrefix(msg, "reflect: ")
		i, j := strings.Index(body, " to "), strings.LastIndex(body, " with length ")
		if i < 0 || j < i {
			return msg
		}
		return "runtime error: " + body[:i] + " to array or pointer to array" + body[j:]
	}
	return msg
}

// runtimeCompiledPath is the compiled package the interpreted helpers
// (runtimeSources) import: RuntimeError.
const runtimeCompiledPath = "odsh/repl/rtc"

// runtimePanic is a runtime failure of interpreted code that yaegi raised
// as reflect's panic, as user code recovers it: a runtime.Error in Go's
// words, without the index and length Go adds ("index out of range [3]
// with length 0"), which reflect's message does not give.
type runtimePanic struct{ msg string }

func (e runtimePanic) Error() string { return e.msg }

// RuntimeError marks runtimePanic as a runtime.Error.
func (e runtimePanic) RuntimeError() {}

// recoveredRuntimeError returns v, the value recover returned, as Go's
// runtime.Error when it is reflect's panic for a runtime failure
// (panicValueText translates it), else v.
func recoveredRuntimeError(v any) any {
	var msg string
	switch x := v.(type) {
	case string:
		msg = x
	case *reflect.ValueError:
		msg = x.Error()
	case error:
		// yaegi's failed type assertion: an error carrying the source
		// position ("22:10: interface conversion: …"), where Go's is a
		// runtime.Error with the message alone
		if m := yaegiPos.ReplaceAllString(x.Error(), ""); m != x.Error() && strings.HasPrefix(m, "interface conversion: ") {
			return runtimePanic{m}
		}
		return v
	default:
		return v
	}
	if !strings.HasPrefix(msg, "reflect") {
		return v
	}
	if text := panicValueText(msg); text != msg {
		return runtimePanic{text}
	}
	return v
}
