// Deferred calls in loops and closures called by deferred calls: each
// defer keeps the function and the arguments of its own iteration, the
// calls run last first, interleaved with the defers before and after the
// loop, and a deferred call may call a closure of its function.
package main

import (
	"errors"
	"fmt"
	"strings"
)

type res struct{ name string }

func (r *res) Close() error {
	fmt.Print("close ", r.name, "; ")
	if r.name == "b" {
		return errors.New("b failed")
	}
	return nil
}

func closures() {
	for i := 0; i < 3; i++ {
		defer func() { fmt.Print(i, " ") }()
	}
}

func arguments() {
	for i := range 3 {
		defer fmt.Print(i*10, " ")
	}
}

func bodyVariables() {
	for _, s := range []string{"x", "y", "z"} {
		up := strings.ToUpper(s)
		defer func() { fmt.Print(up, " ") }()
	}
}

func changedInBody() {
	for i := 0; i < 6; i++ {
		defer func() { fmt.Print(i, ";") }()
		i++
	}
}

func methods() (err error) {
	defer fmt.Print("first deferred; ")
	for _, n := range []string{"a", "b", "c"} {
		r := &res{n}
		defer func() {
			if cerr := r.Close(); cerr != nil && err == nil {
				err = cerr
			}
		}()
	}
	defer fmt.Print("after the loop; ")
	return nil
}

func methodValues() {
	for _, n := range []string{"p", "q"} {
		r := &res{n}
		defer r.Close()
	}
}

func nested() {
outer:
	for i := range 3 {
		for j := range 3 {
			if j > i {
				continue outer
			}
			defer fmt.Print(i, j, " ")
		}
	}
}

func closureVariable() {
	for i := range 2 {
		fn := func() { fmt.Print("fn", i, " ") }
		defer fn()
	}
	cleanup := func() { fmt.Print("cleanup ") }
	defer cleanup()
	report := func(s string) { fmt.Print(s, " ") }
	defer func() { report("report") }()
}

func namedResult() (n int) {
	add := func(d int) { n += d }
	for i := 1; i <= 3; i++ {
		defer add(i)
	}
	return 100
}

func panicking() (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = fmt.Sprint("recovered: ", r)
		}
	}()
	for i := range 2 {
		defer fmt.Print("unwind", i, " ")
	}
	panic("boom")
}

func inClosure() {
	f := func(names ...string) {
		for _, n := range names {
			defer fmt.Print(n, " ")
		}
		fmt.Print("body ")
	}
	f("u", "v")
}

func main() {
	closures()
	fmt.Println()
	arguments()
	fmt.Println()
	bodyVariables()
	fmt.Println()
	changedInBody()
	fmt.Println()
	fmt.Println(methods())
	methodValues()
	fmt.Println()
	nested()
	fmt.Println()
	closureVariable()
	fmt.Println()
	fmt.Println(namedResult())
	fmt.Println(panicking())
	inClosure()
	fmt.Println()
}
