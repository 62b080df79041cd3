package repl

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"testing"
)

type codeError struct{ code int }

func (e *codeError) Error() string { return fmt.Sprint("code ", e.code) }

type isAll struct{}

var asResult = &codeError{99}

func (isAll) Error() string { return "isAll" }
func (isAll) Is(error) bool { return true }

func (isAll) As(target any) bool {
	p, ok := target.(**codeError)
	if ok {
		*p = asResult
	}
	return ok
}

// TestErrorShimsCompiled checks that on compiled errors the shims answer
// as the errors package does.
func TestErrorShimsCompiled(t *testing.T) {
	sentinel := errors.New("sentinel")
	pathErr := &fs.PathError{Op: "open", Path: "x", Err: os.ErrNotExist}
	errs := []error{
		nil,
		sentinel,
		fmt.Errorf("a: %w", sentinel),
		fmt.Errorf("a: %w, b: %w", io.EOF, &codeError{3}),
		errors.Join(nil, fmt.Errorf("w: %w", pathErr), sentinel),
		&codeError{1},
		isAll{},
		fmt.Errorf("%w", isAll{}),
		fmt.Errorf("no wrap: %v", sentinel),
	}
	targets := []error{nil, sentinel, io.EOF, os.ErrNotExist, pathErr, &codeError{1}}
	for _, err := range errs {
		for _, target := range targets {
			if got, want := errorsIs(err, target), errors.Is(err, target); got != want {
				t.Errorf("Is(%v, %v) = %v, want %v", err, target, got, want)
			}
		}
		if got, want := errorsUnwrap(err), errors.Unwrap(err); got != want {
			t.Errorf("Unwrap(%v) = %v, want %v", err, got, want)
		}
		var c1, c2 *codeError
		if got, want := errorsAs(err, &c1), errors.As(err, &c2); got != want || c1 != c2 {
			t.Errorf("As(%v, *codeError) = %v %v, want %v %v", err, got, c1, want, c2)
		}
		var p1, p2 *fs.PathError
		if got, want := errorsAs(err, &p1), errors.As(err, &p2); got != want || p1 != p2 {
			t.Errorf("As(%v, *PathError) = %v %v, want %v %v", err, got, p1, want, p2)
		}
		var i1, i2 interface{ Timeout() bool }
		if got, want := errorsAs(err, &i1), errors.As(err, &i2); got != want || i1 != i2 {
			t.Errorf("As(%v, Timeout) = %v, want %v", err, got, want)
		}
	}
	for _, target := range []any{nil, codeError{}, (*error)(nil)} {
		want := catchPanic(func() { errors.As(sentinel, target) })
		if got := catchPanic(func() { errorsAs(sentinel, target) }); got != want {
			t.Errorf("As(err, %#v) panics %q, want %q", target, got, want)
		}
	}
}

func catchPanic(f func()) (msg string) {
	defer func() { msg = fmt.Sprint(recover()) }()
	f()
	return
}

// TestErrorWrappers checks the wrappers' methods as compiled code sees
// them.
func TestErrorWrappers(t *testing.T) {
	inner := &codeError{7}
	one := errorWrapUnwrap{IValue: 1, WError: func() string { return "one" }, WUnwrap: func() error { return inner }}
	many := errorWrapUnwrap{IValue: 2, WError: func() string { return "many" }, WUnwrap: func() []error { return []error{io.EOF, inner} }}
	is := errorWrapIs{IValue: 3, WError: func() string { return "is" }, WIs: func(target error) bool { return target == io.ErrUnexpectedEOF }}
	if errors.Unwrap(one) != inner || errorsUnwrap(one) != inner {
		t.Errorf("Unwrap(one)")
	}
	if errorsUnwrap(many) != nil {
		t.Errorf("errors.Unwrap of an Unwrap() []error must be nil")
	}
	for _, err := range []error{one, many} {
		var c *codeError
		if !errors.Is(err, inner) || !errorsIs(err, inner) || !errorsAs(err, &c) || c != inner {
			t.Errorf("%v: the chain is not followed", err)
		}
	}
	if !errorsIs(many, io.EOF) || !errors.Is(many, io.EOF) {
		t.Errorf("many: io.EOF not found")
	}
	if !errorsIs(is, io.ErrUnexpectedEOF) || !errors.Is(is, io.ErrUnexpectedEOF) || errorsIs(is, io.EOF) {
		t.Errorf("is: the Is method is not used")
	}
	// the value inside is what is compared and assigned
	if !errorsIs(fmt.Errorf("w: %w", errorWrap{IValue: inner}), errorWrap{IValue: inner}) {
		t.Errorf("Is does not compare the values inside wrappers")
	}
	var c *codeError
	if !errorsAs(fmt.Errorf("w: %w", errorWrap{IValue: inner, WError: func() string { return "x" }}), &c) || c != inner {
		t.Errorf("As does not assign the value inside a wrapper")
	}
	if got := fmt.Sprintf("%v|%s|%d|%q|%6.2v|", one, one, one, one, one); got != `one|one|1|"one"|    on|` {
		t.Errorf("Format: %s", got)
	}
}
