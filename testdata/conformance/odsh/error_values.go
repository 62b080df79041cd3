// Errors of types declared in the program: made in loops, kept in slices,
// maps and struct fields, compared, asserted, matched by errors.As/Is.
package main

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

type FieldErr struct {
	Field string
	Value any
}

func (e FieldErr) Error() string { return fmt.Sprintf("%s: bad value %v", e.Field, e.Value) }

type Code int

func (c Code) Error() string { return fmt.Sprintf("code %d", int(c)) }

type PathErr struct{ Path string }

func (e *PathErr) Error() string { return "path " + e.Path }

type Wrapped struct {
	Op  string
	Err error
}

func (w Wrapped) Error() string { return w.Op + ": " + w.Err.Error() }
func (w Wrapped) Unwrap() error { return w.Err }

type Result struct {
	ID  int
	Err error
}

type Label string

func (l Label) String() string { return "label:" + string(l) }

type byLen []string

func (b byLen) Len() int           { return len(b) }
func (b byLen) Less(i, j int) bool { return len(b[i]) < len(b[j]) }
func (b byLen) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }

func validate(vals map[string]int) []error {
	var errs []error
	for _, k := range []string{"a", "b", "c"} {
		if vals[k] < 0 {
			errs = append(errs, FieldErr{k, vals[k]})
		}
	}
	return errs
}

func find(id int) error {
	if id > 5 {
		return FieldErr{"id", id}
	}
	return nil
}

func report(errs ...error) string {
	var parts []string
	for _, e := range errs {
		parts = append(parts, e.Error())
	}
	return strings.Join(parts, "; ")
}

func main() {
	errs := validate(map[string]int{"a": -1, "b": 2, "c": -3})
	fmt.Println(len(errs), errs)
	joined := errors.Join(errs...)
	fmt.Println(strings.ReplaceAll(joined.Error(), "\n", " | "))
	var fe FieldErr
	fmt.Println(errors.As(joined, &fe), fe.Field)

	var mixed []error
	for i := range 3 {
		mixed = append(mixed, Code(i), &PathErr{fmt.Sprint("/p", i)})
	}
	fmt.Println(mixed)
	fmt.Println(report(mixed...))

	c := Code(5)
	var e error = c
	c = 6
	fmt.Println(e, c)
	nf := FieldErr{"n", 1}
	var e2 error = nf
	nf.Value = 2
	fmt.Println(e2, nf)

	results := []Result{}
	for i := range 3 {
		r := Result{ID: i}
		if i%2 == 1 {
			r.Err = FieldErr{"id", i}
		}
		results = append(results, r)
	}
	results = append(results, Result{3, Code(3)})
	for _, r := range results {
		fmt.Println(r.ID, r.Err)
	}
	m := map[string]error{}
	for _, k := range []string{"p", "q"} {
		m[k] = FieldErr{k, len(k)}
	}
	fmt.Println(m["p"], m["q"])

	err := find(7)
	fmt.Printf("%v|%s|%+v|%d|%T\n", err, err, err, err, err)
	if v, ok := err.(FieldErr); ok {
		fmt.Println("assert:", v.Field, v.Value)
	}
	switch v := err.(type) {
	case Code:
		fmt.Println("code", int(v))
	case FieldErr:
		fmt.Println("switch:", v.Field)
	}
	for _, x := range mixed[:4] {
		switch v := x.(type) {
		case Code:
			fmt.Println("code", int(v))
		case *PathErr:
			fmt.Println("path", v.Path)
		}
	}
	fmt.Println(err == FieldErr{"id", 7}, err != FieldErr{"id", 8}, mixed[2] == Code(1))

	w := Wrapped{"save", FieldErr{"name", ""}}
	var werr error = w
	fmt.Println(werr, errors.As(werr, &fe), fe.Field, errors.Unwrap(werr))
	err2 := fmt.Errorf("ctx: %w", FieldErr{"z", 9})
	fmt.Println(err2, errors.As(err2, &fe), fe.Value)
	fmt.Println(errors.Is(werr, FieldErr{"name", ""}), errors.Is(werr, FieldErr{"name", "x"}))
	var code Code
	fmt.Println(errors.As(fmt.Errorf("w: %w", mixed[4]), &code), int(code))
	var x any = werr
	if ww, ok := x.(Wrapped); ok {
		fmt.Println("any holds Wrapped", ww.Op)
	}
	fmt.Printf("%T %T %v\n", werr, errs[0], werr == Wrapped{"save", FieldErr{"name", ""}})

	var labels []fmt.Stringer
	for _, s := range []string{"a", "b"} {
		labels = append(labels, Label(s))
	}
	fmt.Println(labels[0].String(), labels[1].String(), labels)
	s := byLen{"ccc", "a", "bb"}
	var si sort.Interface = s
	sort.Sort(si)
	fmt.Println(s, si.Len())
}
