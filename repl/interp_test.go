package repl

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
	"time"
)

// step is one entry typed at the prompt and what it must give: the printed
// values of its result, its output, or an error containing errSub; goPanic
// is the error a goroutine it starts must report.
type step struct {
	src, want, out, errSub, goPanic string
}

// goPanics collects what goroutines of the test interpreters report.
type goPanics chan error

func newTestInterp(t *testing.T) (*Interp, *bytes.Buffer) {
	in, out, _ := newTestInterpPanics(t)
	return in, out
}

func newTestInterpPanics(t *testing.T) (*Interp, *bytes.Buffer, goPanics) {
	t.Helper()
	var out bytes.Buffer
	panics := make(goPanics, 10)
	in, err := New(Options{Stdout: &out, Stderr: &out, Env: []string{"ODSH_TEST=yes"},
		GoPanic: func(err error) { panics <- err }})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return in, &out, panics
}

func (p goPanics) wait(t *testing.T, want string) {
	t.Helper()
	select {
	case err := <-p:
		if err.Error() != want {
			t.Fatalf("goroutine panic: got %q, want %q", err, want)
		}
	case <-time.After(hangGuard):
		t.Fatalf("goroutine panic: got none, want %q", want)
	}
}

func show(r Result) string {
	parts := make([]string, len(r.Values))
	for i, v := range r.Values {
		parts[i] = fmt.Sprintf("%v", v)
	}
	return strings.Join(parts, " ")
}

func runSteps(t *testing.T, steps []step) {
	t.Helper()
	in, out, panics := newTestInterpPanics(t)
	for _, s := range steps {
		out.Reset()
		ctx, cancel := context.WithTimeout(context.Background(), hangGuard)
		res, err := in.Eval(ctx, s.src)
		cancel()
		switch {
		case s.errSub != "" && (err == nil || !strings.Contains(err.Error(), s.errSub)):
			t.Fatalf("Eval(%q): got error %v, want one containing %q", s.src, err, s.errSub)
		case s.errSub == "" && err != nil:
			t.Fatalf("Eval(%q): unexpected error: %v", s.src, err)
		case show(res) != s.want:
			t.Fatalf("Eval(%q) = %q, want %q", s.src, show(res), s.want)
		case out.String() != s.out:
			t.Fatalf("Eval(%q) printed %q, want %q", s.src, out.String(), s.out)
		}
		if s.goPanic != "" {
			panics.wait(t, s.goPanic)
		}
	}
}

func TestIdioms(t *testing.T) {
	tests := []struct {
		name  string
		steps []step
	}{
		{"arithmetic", []step{{src: "1 + 2", want: "3"}}},
		{"variables named iota or nil are refused (yaegi reads the predeclared names)", []step{
			{src: "iota := 5\nfmt.Sprint(iota)", errSub: "a variable named iota"},
			{src: "func twice(nil int) int { return nil * 2 }", errSub: "a variable named nil"},
			{src: "const (a = iota; b)\nb", want: "1"},
		}},
		{"iter.Pull at the prompt, iter imported on first use", []step{
			{src: "var s iter.Seq[string] = func(yield func(string) bool) { _ = yield(\"a\") && yield(\"b\") }"},
			{src: "next, stop := iter.Pull(s)"},
			{src: "v, ok := next()"},
			{src: "fmt.Sprint(v, ok)", want: "atrue"},
			{src: "stop()"},
			{src: "fmt.Sprint(next())", want: "false"},
		}},
		{"generic functions of compiled packages: sync.OnceValue(s), reflect.TypeFor", []step{
			{src: "n := 0\nonce := sync.OnceValue(func() int { n++; return 4 })"},
			{src: "fmt.Sprint(once(), once(), n)", want: "4 4 1"},
			{src: "ov := sync.OnceValues(func() (string, error) { return \"v\", nil })"},
			{src: "fmt.Sprint(ov())", want: "v<nil>"},
			{src: "func mkBad() func() int { return sync.OnceValue(func() int { panic(\"boom\") }) }\nbad := mkBad()"},
			{src: "bad()", errSub: "boom"},
			{src: "bad()", errSub: "boom"},
			{src: "fmt.Sprint(reflect.TypeFor[[]string]())", want: "[]string"},
			{src: "var lazy = sync.OnceValue(func() string { return \"l\" })"},
			{src: "lazy()", want: "l"},
		}},
		{"a var declared from a shim's generic call", []step{
			{src: "var m = slices.Max([]int{1, 2})\nvar s = slices.Values([]string{\"a\"})"},
			{src: "fmt.Sprint(m, slices.Collect(s))", want: "2 [a]"},
		}},
		{"a top-level value from a shim of a declared type", []step{
			{src: "type P struct{ N string }\nps := []P{{\"b\"}, {\"a\"}}"},
			{src: "m := slices.MinFunc(ps, func(a, b P) int { return strings.Compare(a.N, b.N) })"},
			{src: "m.N", want: "a"},
			{src: "seq := slices.Values(ps)"},
			{src: "s := \"\"\nfor p := range seq { s += p.N }\ns", want: "ba"},
			{src: "get := sync.OnceValue(func() P { return ps[1] })"},
			{src: "x := get()"},
			{src: "x.N", want: "a"},
		}},
		{"a nil pointer of a declared type returned or assigned as error makes a non-nil error holding it, as in Go (yaegi made a nil error)", []step{
			{src: "type NotFound struct{ key string }\nfunc (e *NotFound) Error() string { if e == nil { return \"nil NotFound\" }; return \"not found \" + e.key }"},
			{src: "func find(k string) error {\n\tvar p *NotFound\n\tif k != \"\" {\n\t\tp = &NotFound{k}\n\t}\n\treturn p\n}"},
			{src: "find(\"x\").Error()", want: "not found x"},
			{src: "find(\"\") == nil", want: "false"},
			{src: "find(\"\").Error()", want: "nil NotFound"},
			{src: "func two() (int, error) { var p *NotFound; return 1, p }\nfunc assign() error { var p *NotFound; var err error; err = p; return err }\nfunc declare() error { var p *NotFound; var err error = p; return err }"},
			{src: "_, e2 := two()\nfmt.Sprint(e2 != nil, assign() != nil, declare() != nil)", want: "true true true"},
			{src: "var np *NotFound\nvar top error = np\nfmt.Sprintf(\"%v %T\", top != nil, top)", want: "true *main.NotFound"},
			{src: "func isNil(n int, err error) bool { return err == nil }\nfmt.Sprint(isNil(1, &NotFound{}), isNil(2, np))", want: "false false"},
			{src: "var target *NotFound\nfmt.Sprint(errors.As(find(\"\"), &target), target == nil)", want: "true true"},
			{src: "var pe *os.PathError\nfunc compiled() error { return pe }\ncompiled() == nil", want: "false"},
			{src: "func fine() error { p := &NotFound{\"k\"}; var err error = p; return err }\nfine() == nil", want: "false"},
		}},
		{"a value of a declared type converted or assigned to error keeps its Error method", []step{
			{src: "type NF struct{ Key string }\nfunc (e NF) Error() string { return \"nf \" + e.Key }\ntype PNF struct{ Key string }\nfunc (e *PNF) Error() string { return \"pnf \" + e.Key }"},
			{src: "var e1 error = NF{\"a\"}\nvar e2 error\ne2 = NF{\"b\"}\ne3 := error(NF{\"c\"})\nnf := NF{\"d\"}\ne4 := error(nf)\ne5 := error(&PNF{\"e\"})"},
			{src: "fmt.Sprint(e1, e2, e3, e4, e5)", want: "nf a nf b nf c nf d pnf e"},
			{src: "errors.Unwrap(e1) == nil && errors.Is(e3, e3)", want: "true"},
			{src: "var np *PNF\nerror(np) != nil", want: "true"},
			{src: "func() int { return 3 }() + 1", want: "4"},
			{src: "k := 2\nk", want: "2"}, // a panicking conversion does not replay on later entries
			{src: "errors.Is(e1, NF{\"z\"})", want: "false"},
			{src: "errors.Is(fmt.Errorf(\"w %w\", e1), NF{\"a\"})", want: "true"},
			{src: "pe := &PNF{\"p\"}\nerrors.Is(fmt.Errorf(\"w %w\", pe), pe)", want: "true"},
		}},
		{"errors of declared types keep the value they were made with (yaegi read it again at every call)", []step{
			{src: "type FE struct {\n\tField string\n\tN     int\n}\nfunc (e FE) Error() string { return fmt.Sprintf(\"%s=%d\", e.Field, e.N) }\ntype Code int\nfunc (c Code) Error() string { return fmt.Sprint(\"code \", int(c)) }"},
			{src: "var errs []error\nfor i := range 3 {\n\terrs = append(errs, FE{\"f\", i}, Code(i))\n}\nfmt.Sprint(errs)", want: "[f=0 code 0 f=1 code 1 f=2 code 2]"},
			{src: "c := Code(5)\nvar e error = c\nc = 6\ne.Error()", want: "code 5"},
			{src: "fe, ok := errs[2].(FE)\nfmt.Sprint(fe.N, ok)", want: "1 true"},
			{src: "cd, ok2 := errs[3].(Code)\nfmt.Sprint(int(cd), ok2)", want: "1 true"},
			{src: "var target FE\nfmt.Sprint(errors.As(fmt.Errorf(\"ctx: %w\", errs[4]), &target), target.N)", want: "true 2"},
			{src: "fmt.Sprintf(\"%T %T %d\", errs[0], errs[1], errs[0])", want: "main.FE main.Code {%!d(string=f) 0}"},
			{src: "errs[0] == FE{\"f\", 0}", want: "true"},
			{src: "errs[0] != FE{\"f\", 1}", want: "true"},
			{src: "var x any = errs[2]\nv, ok3 := x.(FE)\nfmt.Sprint(v.N, ok3)", want: "1 true"},
		}},
		{"a method called on an assertion to a compiled interface, of a value held in an interface declared in the shell", []step{
			{src: "type VE struct{ c int }\nfunc (e VE) String() string { return fmt.Sprint(\"ve \", e.c) }\ntype Namer interface{ String() string }"},
			{src: "var n Namer = VE{4}\nn.(fmt.Stringer).String()", want: "ve 4"},
			{src: "func show(n Namer) string { return n.(fmt.Stringer).String() }\nshow(VE{5})", want: "ve 5"},
			{src: "var z any = 3\nz.(fmt.Stringer).String()", errSub: "interface conversion: int is not fmt.Stringer: missing method String"},
		}},
		{"a single-value assertion to an interface declared in the shell, of a value of a type declared in the shell", []step{
			{src: "type PE struct{ c int }\nfunc (e *PE) String() string { return fmt.Sprint(\"pe \", e.c) }\ntype Namer interface{ String() string }"},
			{src: "var a any = &PE{6}\nu := a.(Namer)\nu.String()", want: "pe 6"},
			{src: "func get() any { return &PE{7} }\nget().(Namer).String()", want: "pe 7"},
			{src: "var z any = 3\n_ = z.(Namer)", errSub: "panic: interface conversion: int is not main.Namer: missing method String"},
			{src: "var y any\n_ = y.(Namer)", errSub: "panic: interface conversion: interface is nil, not main.Namer"},
			{src: "func f() (r any) { defer func() { r = recover() }(); var v any = 1; _ = v.(Namer); return }\n_, isRT := f().(runtime.Error)\nisRT", want: "true"},
		}},
		{"a value of a compiled type asserted to an interface declared in the shell", []step{
			{src: "type Writer interface{ Write(p []byte) (int, error) }\ntype Lener interface{ Len() int }"},
			{src: "var w any = &strings.Builder{}\n_, ok := w.(Writer)\n_, ok2 := w.(Lener)\nok && ok2", want: "true"},
			{src: "_, ok3 := any(3).(Writer)\nok3", want: "false"},
			{src: "ww := w.(Writer)", errSub: "the shell cannot make a value of Writer, an interface declared in the shell, of a *strings.Builder"},
			{src: "func kind(v any) string { switch v.(type) { case Lener: return \"lener\" }; return \"other\" }\nkind(w) + kind(1)", want: "lenerother"},
		}},
		{"an assertion to an interface type literal", []step{
			{src: "w := fmt.Errorf(\"w: %w\", errors.New(\"inner\"))\n_, ok := w.(interface{ Unwrap() error })\nok", want: "true"},
			{src: "if u, ok := w.(interface{ Unwrap() error }); ok { fmt.Println(u.Unwrap()) }", errSub: "the shell cannot make a value of interface{ Unwrap() error }, an interface type literal, of a *fmt.wrapError"},
			{src: "var u1, ok1 = w.(interface{ Unwrap() error })", errSub: "the shell cannot make a value of interface{ Unwrap() error }"},
		}},
		{"a failed type assertion recovers as Go's runtime.Error, without a source position", []step{
			{src: "func f() (r any) { defer func() { r = recover() }(); var v any = 1; _ = v.(string); return }"},
			{src: "e := f()\n_, isRT := e.(runtime.Error)\nfmt.Sprint(e, isRT)", want: "interface conversion: interface {} is int, not string true"},
		}},
		{"conversion to iter.Seq and iter.Seq2", []step{
			{src: "f := func(yield func(int, string) bool) { yield(1, \"x\") }"},
			{src: "n := 0\nfor k, v := range iter.Seq2[int, string](f) { n += k + len(v) }\nn", want: "2"},
			{src: "g := iter.Seq[int](func(yield func(int) bool) { yield(4) })"},
			{src: "slices.Collect(g)", want: "[4]"},
		}},
		{"declare then use", []step{{src: "x := 40"}, {src: "x + 2", want: "42"}}},
		{"redeclare in later entry", []step{{src: "x := 1"}, {src: `x := "a"`}, {src: "x", want: "a"}}},
		{"loop summing", []step{{src: "s := 0"}, {src: "for i := 0; i < 5; i++ { s += i }"}, {src: "s", want: "10"}}},
		{"mixed entry", []step{{src: "x := 1; for i := 0; i < 3; i++ { x += i }; x", want: "4"}}},
		{"multi-line entry", []step{{src: "x := 1\nfor i := 0; i < 3; i++ {\n\tx += i\n}\nx", want: "4"}}},
		{"range over int", []step{{src: "s := 0; for i := range 4 { s += i }; s", want: "6"}}},
		{"range over int variable", []step{{src: "n := 3"}, {src: "t := 0"}, {src: "for i := range n { t += i * 10 }"}, {src: "t", want: "30"}}},
		{"range over int64", []step{{src: "var n int64 = 3"}, {src: "var t int64"}, {src: "for i := range n { t += i }"}, {src: "t", want: "3"}}},
		{"range over len", []step{{src: `xs := []string{"a", "b"}; c := 0; for range len(xs) { c++ }; c`, want: "2"}}},
		{"range int in func", []step{{src: "func sum(n int) int { s := 0; for i := range n { s += i }; return s }"}, {src: "sum(5)", want: "10"}}},
		{"range int nested", []step{{src: "c := 0; for i := range 3 { for j := range i { c += j + 1 } }; c", want: "4"}}},
		{"range int labeled", []step{{src: "c := 0\nouter: for i := range 3 { for j := range 3 { if j > i { continue outer }; c++ } }\nc", want: "6"}}},
		{"range slice", []step{{src: "s := 0; for _, v := range []int{1, 2, 3} { s += v }; s", want: "6"}}},
		{"k := k in top-level loop", []step{{src: "ks := []int{}"}, {src: "for k := range []int{5, 6} { k := k; ks = append(ks, k) }"}, {src: "ks", want: "[0 1]"}}},
		{"closures capture per iteration", []step{{src: "fs := []func() int{}"}, {src: "for i := 0; i < 3; i++ { fs = append(fs, func() int { return i }) }"}, {src: "fs[0]() + fs[1]()*10 + fs[2]()*100", want: "210"}}},
		{"closures over range vars", []step{{src: "fs := []func() string{}"}, {src: `for _, s := range []string{"a", "b"} { fs = append(fs, func() string { return s }) }`}, {src: "fs[0]() + fs[1]()", want: "ab"}}},
		{"closure counter", []step{{src: "next := func() func() int { n := 0; return func() int { n++; return n } }()"}, {src: "next(); next(); next()", want: "3"}}},
		{"func literal call runs once", []step{{src: "n := 0"}, {src: "func() { n++ }()"}, {src: "n", want: "1"}}},
		{"func literal call value", []step{{src: "n := 0"}, {src: "func() int { n++; return n * 7 }()", want: "7"}, {src: "n", want: "1"}}},
		{"type switch", []step{{src: "var v any = 3"}, {src: `switch x := v.(type) { case string: fmt.Println("string", x); case int: fmt.Println("int", x+1) }`, out: "int 4\n"}}},
		{"switch", []step{{src: "n := 2"}, {src: `switch n { case 1: fmt.Println("one"); case 2: fmt.Println("two") }`, out: "two\n"}}},
		{"if else", []step{{src: "n := 2"}, {src: `if n > 1 { fmt.Println("big") } else { fmt.Println("small") }`, out: "big\n"}}},
		{"select", []step{{src: "ch := make(chan int, 1); ch <- 4"}, {src: "select { case v := <-ch: fmt.Println(v) }", out: "4\n"}}},
		{"struct then use", []step{{src: "type P struct { Name string; Age int }"}, {src: `p := P{Name: "Ann", Age: 30}`}, {src: "p.Age + 1", want: "31"}}},
		{"method on declared type", []step{{src: "type C struct{ n int }"}, {src: "func (c *C) Inc() int { c.n++; return c.n }"}, {src: "c := &C{}; c.Inc(); c.Inc()", want: "2"}}},
		{"maps and slices", []step{{src: `m := map[string]int{"a": 1}; m["b"] = 2; len(m)`, want: "2"}, {src: "xs := []int{3, 1, 2}; sort.Ints(xs); xs", want: "[1 2 3]"}}},
		{"multi-value call", []step{{src: `import "strconv"`}, {src: `strconv.Atoi("12")`, want: "12 <nil>"}}},
		{"import on first use", []step{{src: `strconv.Atoi("12")`, want: "12 <nil>"}, {src: `n, err := strconv.Atoi("7")`}, {src: "n", want: "7"}}},
		{"import on first use in define", []step{{src: `n, err := strconv.Atoi("12"); n + 1`, want: "13"}, {src: "s := strconv.Itoa(4)"}, {src: "s", want: "4"}}},
		{"import on first use in func", []step{{src: "func root(x float64) float64 { return math.Sqrt(x) }"}, {src: "root(9)", want: "3"}}},
		{"import on first use preferred", []step{{src: "rand.Intn(1)", want: "0"}}},
		{"no import for a local name", []step{{src: "type T struct{ Sqrt int }"}, {src: "math := T{Sqrt: 2}; math.Sqrt", want: "2"}}},
		{"no import for a global name", []step{{src: "type T struct{ Sqrt int }"}, {src: "math := T{Sqrt: 3}"}, {src: "math.Sqrt", want: "3"}}},
		{"iota by spec in a block of multi-name specs, repeated implicitly", []step{{src: "const (\n\tA, B = iota, iota * 10\n\tC, D\n\t_, _\n\tE, F int8 = iota, -iota\n\tG, H\n)"}, {src: "fmt.Sprint(A, B, C, D, E, F, G, H)", want: "0 0 1 10 3 -3 4 -4"}}},
		{"iota in a function's const block", []step{{src: "func f() []int {\n\tconst (\n\t\tx, y = iota, iota + 1\n\t\tz, w\n\t)\n\treturn []int{x, y, z, w}\n}"}, {src: "f()", want: "[0 1 1 2]"}}},
		{"non-constant shift of a constant takes an unsigned operand's type", []step{{src: "type Perm uint8"}, {src: "var p Perm = 5\ni := 2\nx := uint16(7)"}, {src: "fmt.Sprint(p&(1<<i) != 0, p == 1<<i, x|1<<i, 1<<i&x)", want: "true false 7 4"}}},
		{"method value bound to a copy, its result printed with String", []step{
			{src: "type Money struct{ Cents int }\nfunc (m Money) String() string { return fmt.Sprintf(\"%d¢\", m.Cents) }\nfunc (m Money) Add(n int) Money { return Money{m.Cents + n} }"},
			{src: "m := Money{10}\nbound := m.Add\nadd := Money.Add\nm.Cents = 0"},
			{src: "fmt.Sprint(bound(1), add(m, 2), m)", want: "11¢ 2¢ 0¢"},
		}},
		{"unknown package", []step{{src: "nosuchpkg.F()", errSub: "undefined: nosuchpkg"}}},
		// yaegi crashes on these (a nil pointer in its type checking)
		{"unknown package in a type", []step{{src: "var x nosuchpkg.T", errSub: "undefined: nosuchpkg"}, {src: "x := []nosuchpkg.T{}", errSub: "undefined: nosuchpkg"}, {src: "1", want: "1"}}},
		{"multi-value assignment", []step{{src: `import "strconv"`}, {src: `n, err := strconv.Atoi("12"); n * 2`, want: "24"}, {src: "err", want: "<nil>"}}},
		{"defer at top level runs when the entry ends", []step{{src: `defer fmt.Println("deferred"); fmt.Println("first")`, want: "6 <nil>", out: "first\ndeferred\n"}}},
		{"multi-value interpreted", []step{{src: `func two() (int, string) { return 1, "a" }`}, {src: "two()", want: "1 a"}}},
		{"multi-value method of call result", []step{{src: `strings.NewReader("héllo").ReadRune()`, want: "104 1 <nil>"}}},
		{"multi-value func literal", []step{{src: `func() (int, bool) { return 7, true }()`, want: "7 true"}}},
		{"void call", []step{{src: `fmt.Println("hi")`, want: "3 <nil>", out: "hi\n"}, {src: "func v() {}"}, {src: "v()", want: ""}}},
		{"builtin call", []step{{src: `len("abc")`, want: "3"}, {src: "int64(3) * 2", want: "6"}}},
		{"panic string", []step{{src: `panic("boom")`, errSub: "panic: boom"}, {src: "1 + 1", want: "2"}}},
		{"nil map write", []step{{src: "var m map[string]int"}, {src: `m["a"] = 1`, errSub: "panic: assignment to entry in nil map"}, {src: "2 + 2", want: "4"}}},
		{"index out of range", []step{{src: "xs := []int{}"}, {src: "xs[3]", errSub: "panic: runtime error: index out of range"}, {src: "len(xs)", want: "0"}}},
		{"slice out of range", []step{{src: "ys := []int{1}"}, {src: "ys[1:5]", errSub: "panic: runtime error: slice bounds out of range"}}},
		{"nil pointer", []step{{src: "type P struct{ X int }"}, {src: "var p *P"}, {src: "p.X", errSub: "panic: runtime error: invalid memory address or nil pointer dereference"}, {src: "1", want: "1"}}},
		{"divide by zero", []step{{src: "a, b := 1, 0"}, {src: "a / b", errSub: "panic: runtime error: integer divide by zero"}}},
		{"panic in loop", []step{{src: `for i := range 3 { if i == 1 { panic(fmt.Sprint("at ", i)) } }`, errSub: "panic: at 1"}, {src: "3", want: "3"}}},
		{"goroutine panic", []step{{src: `go func() { panic("in goroutine") }()`, goPanic: "panic: in goroutine"}, {src: "1 + 1", want: "2"}}},
		{"goroutine panic in named func", []step{{src: "func work(m map[int]int) { m[1] = 1 }"}, {src: "var m map[int]int; go work(m)", goPanic: "panic: assignment to entry in nil map"}, {src: "1 + 1", want: "2"}}},
		// "goroutine inside loop" is in interp_norace_test.go.
		{"conversions", []step{{src: "type Age int"}, {src: "Age(3)", want: "3"}, {src: `[]byte("hi")`, want: "[104 105]"}, {src: "time.Duration(90) * time.Second", want: "1m30s"}}},
		{"goroutine result", []step{{src: "ch := make(chan int)"}, {src: "go func(c chan int, a, b int) { c <- a + b }(ch, 2, 3)"}, {src: "<-ch", want: "5"}}},
		{"min max", []step{{src: "min(3, 1, 2)", want: "1"}, {src: "max(1.5, 2.5)", want: "2.5"}, {src: `max("a", "b")`, want: "b"}}},
		{"min in declaration", []step{{src: "m := min(4, 9)"}, {src: "m + 1", want: "5"}}},
		{"clear", []step{{src: `m := map[string]int{"a": 1}; clear(m); len(m)`, want: "0"}, {src: "xs := []int{1, 2}; clear(xs); xs", want: "[0 0]"}}},
		{"import twice", []step{{src: `import "fmt"`}, {src: `import ("strings"; "sort"; "time")`}, {src: `strings.ToUpper("a")`, want: "A"}}},
		{"stdlib imports", []step{{src: `import ("math"; "regexp"; "encoding/json"; "slices"; "maps"; "strconv"; "os")`}, {src: "math.Sqrt(16)", want: "4"}, {src: `regexp.MustCompile("a+").MatchString("caat")`, want: "true"}, {src: "b, _ := json.Marshal(map[string]int{\"a\": 1}); string(b)", want: `{"a":1}`}, {src: "slices.Contains([]int{1, 2}, 2)", want: "true"}, {src: "slices.Index([]string{\"x\", \"y\"}, \"y\")", want: "1"}}},
		{"slices and maps helpers", []step{{src: `import ("slices"; "maps")`}, {src: "xs := []int{3, 1, 2}; slices.Sort(xs); xs", want: "[1 2 3]"}, {src: "top := slices.Max(xs)"}, {src: "top + 1", want: "4"}, {src: `m := map[string]int{"b": 2, "a": 1}`}, {src: "ks := slices.Sorted(maps.Keys(m))"}, {src: "ks[0] + ks[1]", want: "ab"}, {src: "slices.Reverse(xs); xs", want: "[3 2 1]"}}},
		{"getenv", []step{{src: `import "os"`}, {src: `os.Getenv("ODSH_TEST")`, want: "yes"}}},
		{"syntax error position", []step{{src: "x := 1\ny := )", errSub: "2:6:"}}},
		{"undefined name", []step{{src: "nope + 1", errSub: "undefined: nope"}, {src: "1", want: "1"}}},
		{"package clause ignored", []step{{src: "package main"}, {src: "1", want: "1"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { runSteps(t, tt.steps) })
	}
}

// TestDefaultGoPanic checks that a goroutine's panic is reported once as a
// panic, not as "panic in goroutine: panic: …".
func TestDefaultGoPanic(t *testing.T) {
	var out bytes.Buffer
	in, err := New(Options{Stdout: &out, Stderr: &out})
	if err != nil {
		t.Fatal(err)
	}
	in.opts.GoPanic(panicError("x", nil))
	if got, want := out.String(), "panic in goroutine: x\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestEscapes checks that user code cannot end the process or the entry
// silently: os.Exit, log.Fatal and runtime.Goexit become errors, and
// unbounded recursion is an error instead of a fatal stack overflow.
func TestEscapes(t *testing.T) {
	tests := []struct {
		name  string
		steps []step
	}{
		{"os.Exit", []step{{src: "os.Exit(0)", errSub: "os.Exit(0) called"}, {src: "1", want: "1"}}},
		{"runtime.Goexit", []step{{src: `runtime.Goexit(); fmt.Println("after")`, errSub: "runtime.Goexit called"}, {src: "1", want: "1"}}},
		{"Goexit in block", []step{{src: `if true { runtime.Goexit(); panic("never") }`, errSub: "runtime.Goexit called"}}},
		{"Goexit in goroutine", []step{{src: `go func() { runtime.Goexit() }()`, goPanic: "panic: runtime.Goexit called: the shell cannot stop its goroutine (the entry stops, its work is rolled back)"}}},
		{"infinite recursion", []step{
			{src: "func down(n int) int { return down(n+1) + 1 }"},
			{src: "down(0)", errSub: "stack overflow"},
			{src: "2", want: "2"},
		}},
		{"recursive closure", []step{
			{src: "var f func(int) int; f = func(n int) int { return f(n+1) + 1 }; f(0)", errSub: "stack overflow"},
		}},
		{"deep but bounded recursion", []step{
			{src: "func depth(n int) int { if n == 0 { return 0 }; return depth(n-1) + 1 }"},
			{src: "depth(1500)", want: "1500"},
		}},
		{"recursive method", []step{
			{src: "type R struct{}"},
			{src: "func (r R) Loop() int { return r.Loop() }"},
			{src: "R{}.Loop()", errSub: "stack overflow"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { runSteps(t, tt.steps) })
	}
}

// hangGuard bounds a step that should end: long enough for a loaded
// machine (a bound of a few seconds failed CI on the recursion tests), it
// only turns a hang into a failure.
const hangGuard = 2 * time.Minute
