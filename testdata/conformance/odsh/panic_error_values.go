// Errors and panics as a parser writes them: a declared error type with
// a pointer receiver returned, wrapped and panicked with (the recovered
// value printed as &{age too old} where Go calls Error), errors.As
// through %w, runtime errors recovered and re-panicked, named results
// set by deferred functions in order; a nil pointer whose Error handles
// nil printed from an any; a type declared after a function asserting to
// error (script mode evaluated the function first: "undefined: NilOK").
package main

import (
	"errors"
	"fmt"
	"strconv"
)

type InputError struct {
	Field string
	Cause error
}

func (e *InputError) Error() string { return e.Field + ": " + e.Cause.Error() }
func (e *InputError) Unwrap() error { return e.Cause }

func parseAge(s string) (age int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, &InputError{"age", err}
	}
	if n < 0 {
		panic(fmt.Sprintf("negative age %d", n))
	}
	if n > 150 {
		panic(&InputError{"age", errors.New("too old")})
	}
	return n, nil
}

func safeDiv(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			if re, ok := r.(error); ok {
				err = re
				return
			}
			panic(r)
		}
	}()
	return a / b, nil
}

func chain() (s string) {
	defer func() { s += " d1" }()
	defer func() {
		if r := recover(); r != nil {
			s = fmt.Sprint("caught ", r)
		}
	}()
	defer func() { s += " d3" }()
	panic("p")
}

type NilOK struct{ c int }

func (e *NilOK) Error() string {
	if e == nil {
		return "nil NilOK"
	}
	return "NilOK!"
}

func main() {
	var np *NilOK
	var held any = np
	fmt.Println(held, []any{np, &NilOK{1}})
	for _, in := range []string{"42", "x", "-3", "200"} {
		age, err := parseAge(in)
		var ie *InputError
		var ne *strconv.NumError
		fmt.Println(age, err, errors.As(err, &ie), errors.As(err, &ne))
	}
	fmt.Println(safeDiv(7, 2))
	q, err := safeDiv(1, 0)
	fmt.Println(q, err)
	fmt.Println(chain())
	func() {
		defer func() { fmt.Println("outer", recover()) }()
		func() {
			defer func() {
				r := recover()
				fmt.Println("inner", r)
				panic(fmt.Sprint("re-", r))
			}()
			panic("first")
		}()
	}()
	var e error = &InputError{"f", errors.New("bad")}
	w := fmt.Errorf("ctx: %w", e)
	var target *InputError
	fmt.Println(errors.As(w, &target), target.Field, errors.Unwrap(errors.Unwrap(w)))
}
