package repl

import (
	"fmt"
	"testing"
)

// TestFormatVerbs checks the arguments formatVerbs gives the directives of
// a format (fmt's rules: doPrintf in fmt/print.go).
func TestFormatVerbs(t *testing.T) {
	check := func(format string, want ...int) {
		t.Helper()
		uses, ok := formatVerbs(format, 3)
		if !ok {
			t.Fatalf("%q: not parsed", format)
		}
		var got []int
		for _, u := range uses {
			got = append(got, u.arg)
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%q: arguments %v, want %v", format, got, want)
		}
	}
	check("%v %d", 0, 1)
	check("%%%v%%", 0)
	check("%*d|%T|%.*f", 0, 1, 2) // (the third argument's * and its f: only 3 given)
	check("%[2]v %[1]v %v", 1, 0, 1)
	check("%[3]*.[2]*[1]f", 2, 1, 0)
	check("%[1]v %[1]T", 0, 0)
	check("%d é %s", 0, 1)
	for _, bad := range []string{"%[0]v", "%[9]v", "%[x]v"} {
		if _, ok := formatVerbs(bad, 3); ok {
			t.Errorf("%q parsed", bad)
		}
	}
}

// TestArgsfPlain checks that argsf leaves the format and the output of
// compiled values as they are.
func TestArgsfPlain(t *testing.T) {
	var p *fmtConv
	for _, c := range []struct {
		format string
		args   []any
	}{
		{"%T %v %p", []any{1, "a", &struct{}{}}},
		{"%[2]T %[1]v", []any{1.5, []int{1}}},
		{"%T %d", []any{1}},
		{"%T", []any{1, 2}},
	} {
		f, a := p.argsf(c.format, c.args)
		if got, want := fmt.Sprintf(f, a...), fmt.Sprintf(c.format, c.args...); got != want {
			t.Errorf("%q: %q, want %q", c.format, got, want)
		}
	}
}
