package repl

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// TestGoDeclarationOrder checks Go's package-level semantics at the prompt
// (program.go): what each step prints was checked against `go run` of the
// same declarations in a package main.
func TestGoDeclarationOrder(t *testing.T) {
	tests := []struct {
		name  string
		steps []step
	}{
		{"var reads a var of an earlier entry", []step{{src: "var x = 3"}, {src: "var y = x + 1"}, {src: "y", want: "4"}}},
		{"typed var reads earlier var", []step{{src: "var x = 3"}, {src: "var y float64 = float64(x) / 2"}, {src: "y", want: "1.5"}}},
		{"var block reads earlier vars", []step{{src: "a := 2"}, {src: "var (\n\tb = a * 2\n\tc = a * 3\n)"}, {src: "b + c", want: "10"}}},
		{"var and func of one entry, any order", []step{{src: "var total = double(base)\nvar base = 21\nfunc double(n int) int { return n * 2 }"}, {src: "total", want: "42"}}},
		{"func before what it calls", []step{{src: "func f() int { return g() + K }\nfunc g() int { return 1 }\nconst K = 10"}, {src: "f()", want: "11"}}},
		{"type used before its declaration", []step{{src: "func mk() T { return T{N: 2} }\ntype T struct{ N int }"}, {src: "mk().N", want: "2"}}},
		{"var reads a statement's variable of the same entry", []step{{src: "x := 1\nvar y = x + 1\nvar (\n\tz, w float64 = float64(y) / 4, 3\n)\nx = 10\nfmt.Println(x, y, z, w)", want: "11 <nil>", out: "10 2 0.5 3\n"}, {src: "y", want: "2"}}},
		{"a field of a type with String, declared entries apart, prints with it", []step{
			{src: "type State int"}, {src: `func (s State) String() string { return "st" }`},
			{src: "type order struct {\n\tName  string\n\tState State\n}"},
			{src: `o := order{"a", 1}`}, {src: `fmt.Printf("%v %+v\n", o, o)`, want: "25 <nil>", out: "{a st} {Name:a State:st}\n"},
			{src: `func main() { p := order{"b", 2}; fmt.Println(p) }`, out: "{b st}\n"},
		}},
		{"declaration using a statement's variable stays in place", []step{{src: "n := 5\nfunc get() int { return n }\nn = 6"}, {src: "get()", want: "6"}}},
		{"redefined function: callers call the new one", []step{
			{src: "func f() int { return 1 }"}, {src: "func g() int { return f() * 10 }"}, {src: "g()", want: "10"},
			{src: "func f() int { return 2 }"}, {src: "g()", want: "20"},
		}},
		{"redefinition reaches callers of callers", []step{
			{src: "func f() int { return 1 }"}, {src: "func g() int { return f() }"}, {src: "func h() int { return g() + 100 }"},
			{src: "func f() int { return 5 }"}, {src: "h()", want: "105"},
		}},
		{"func main runs once, when declared", []step{
			{src: `func main() { fmt.Println("main ran") }`, out: "main ran\n"},
			{src: "1 + 1", want: "2", out: ""},
			{src: "main()", out: "main ran\n"},
		}},
		{"statements and a func main in one entry: main runs once, after them", []step{
			{src: "a := 1\nfunc main() {\n\tfmt.Println(\"main\", maps.Clone(map[int]int{1: 2}))\n}\nfmt.Println(\"stmt\", a)", want: "7 <nil>", out: "stmt 1\nmain map[1:2]\n"},
			{src: "1", want: "1", out: ""},
		}},
		{"a top-level value from a variadic generic call", []step{
			{src: "a := []int{3, 1}\nx := slices.Concat(a, a)\ny := slices.Concat([]string{\"p\"}, nil, []string{\"q\"})\nm := max(len(x), 2)"},
			{src: "fmt.Println(x, y, m)", want: "18 <nil>", out: "[3 1 3 1] [p q] 4\n"},
		}},
		{"a var spec of several names reads one of its own", []step{
			{src: "var a, b = b + 1, 10\nvar x, y int64 = 1, 2"},
			{src: "fmt.Sprint(a, b, x+y)", want: "11 10 3"},
		}},
		{"top-level defer runs at the end of the entry", []step{{src: "defer fmt.Println(\"d\")\nfmt.Println(\"b\")", want: "2 <nil>", out: "b\nd\n"}}},
		{"top-level defers run last first, arguments evaluated at once", []step{{src: "i := 1\ndefer fmt.Println(\"first\", i)\ni = 2\ndefer fmt.Println(\"second\", i)\nfmt.Println(\"body\")", want: "5 <nil>", out: "body\nsecond 2\nfirst 1\n"}}},
		{"top-level defer runs after an error too", []step{{src: "defer fmt.Println(\"cleanup\")\npanic(\"boom\")", errSub: "panic: boom", out: "cleanup\n"}, {src: "1", want: "1", out: ""}}},
		{"a defer in a top-level loop or if runs at the end of the entry, in order", []step{
			{src: "cleanup := func() { fmt.Println(\"cleanup\") }\ndefer cleanup()\nfor i := range 2 {\n\tdefer fmt.Println(\"loop\", i)\n}\nif true {\n\tdefer fmt.Println(\"if\")\n}\nfmt.Println(\"body\")",
				want: "5 <nil>", out: "body\nif\nloop 1\nloop 0\ncleanup\n"},
			{src: "1", want: "1", out: ""},
		}},
		{"a top-level defer passes a constant argument untyped (a Duration here)", []step{
			{src: "defer time.Sleep(1)\ndefer fmt.Println(\"d\", 1<<3)\nfmt.Println(\"b\")", want: "2 <nil>", out: "b\nd 8\n"},
		}},
		{"a defer in a top-level loop runs after an error too", []step{
			{src: "for _, s := range []string{\"a\", \"b\"} {\n\tdefer fmt.Println(\"close\", s)\n}\nvar xs []int\n_ = xs[3]", errSub: "index out of range", out: "close b\nclose a\n"},
		}},
		{"an index of a global typed by a call declares a variable of the element's type", []step{
			{src: `parts := strings.Split("a,b", ",")`},
			{src: "first := parts[0]"},
			{src: `first + "!"`, want: "a!"},
			{src: "var t time.Duration = 3\nds := []time.Duration{t}\nd := ds[0]\nd.String()", want: "3ns"},
			{src: `es, _ := os.ReadDir("/")`},
			{src: "e := es[0]"},
			{src: "e.IsDir() || !e.IsDir()", want: "true"},
			// yaegi's analysis crashes on these (a nil pointer), before running them
			{src: `w := parts[1] + "!"`},
			{src: `n := len(parts[0] + "xy")`},
			{src: "w + fmt.Sprint(n)", want: "b!3"},
			{src: "var q []int\nz := q[3] + 1", errSub: "index out of range"},
		}},
		{"return at top level is refused before running", []step{{src: "fmt.Println(\"before\")\nif true {\n\treturn\n}", errSub: "return outside a function", out: ""}}},
		{"return inside a func literal is fine", []step{{src: "f := func() int { return 3 }\nf()", want: "3"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { runSteps(t, tt.steps) })
	}
}

// TestBoundVarInVar checks `var P = env.Model(...)`'s shape: a var
// initialised from a variable the host bound.
func TestBoundVarInVar(t *testing.T) {
	in, out := newTestInterp(t)
	if err := in.Bind("base", 40); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := in.Eval(ctx, "var P = base + 2"); err != nil {
		t.Fatalf("var P = base + 2: %v", err)
	}
	res, err := in.Eval(ctx, "P")
	if err != nil || len(res.Values) != 1 || res.Values[0] != 42 {
		t.Fatalf("P = %v, %v; want 42 (output %q)", res.Values, err, out)
	}
}

// TestScriptGoSemantics runs script files as a whole: a package main
// program in any declaration order, main run once, imports added on first
// use, and a refused top-level return that runs nothing.
func TestScriptGoSemantics(t *testing.T) {
	tests := []struct {
		name, src, out string
		errLine        int
		errSub         string
	}{
		{
			name: "package main, declarations below main",
			src:  "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(f(), K, T{2}.double())\n}\n\nconst K = 5\n\ntype T struct{ n int }\n\nfunc (t T) double() int { return t.n * 2 }\n\nfunc f() int { return 3 }\n",
			out:  "3 5 4\n",
		},
		{
			name: "vars initialised from each other, out of order",
			src:  "package main\n\nimport \"fmt\"\n\nvar b = a + 1\nvar a = 3\n\nfunc main() { fmt.Println(a, b) }\n",
			out:  "3 4\n",
		},
		{
			name: "top-level statements and declarations",
			src:  "var x = 3\nvar y = x + 1\nfmt.Println(y, twice(y))\nfunc twice(n int) int { return 2 * n }\n",
			out:  "4 8\n",
		},
		{
			name: "import on first use in a file",
			src:  "fmt.Println(strconv.Itoa(7) + \"!\")\n",
			out:  "7!\n",
		},
		{
			name:    "return at top level refused, nothing runs",
			src:     "fmt.Println(\"write\")\nif true {\n\treturn\n}\nfmt.Println(\"more\")\n",
			errLine: 3, errSub: "return outside a function",
		},
		{
			name: "top-level defer runs when the script ends",
			src:  "defer fmt.Println(\"d\")\nfmt.Println(\"b\")\n",
			out:  "b\nd\n",
		},
		{
			name: "a defer in a top-level loop runs when the script ends",
			src:  "for _, s := range []string{\"a\", \"b\"} {\n\tdefer fmt.Println(\"close\", s)\n}\nfmt.Println(\"body\")\n",
			out:  "body\nclose b\nclose a\n",
		},
		{
			name:    "compile error in a later declaration names its line",
			src:     "package main\n\nfunc main() {}\n\nfunc f() int {\n\treturn undefinedName\n}\n",
			errLine: 6, errSub: "undefined: undefinedName",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in, out := newTestInterp(t)
			err := in.EvalScript(context.Background(), tt.src)
			if tt.errSub == "" {
				if err != nil {
					t.Fatalf("EvalScript: %v (output %q)", err, out)
				}
			} else {
				var se *ScriptError
				if !errors.As(err, &se) || se.Line != tt.errLine || !strings.Contains(se.Error(), tt.errSub) {
					t.Fatalf("EvalScript error = %v, want line %d with %q", err, tt.errLine, tt.errSub)
				}
			}
			if out.String() != tt.out {
				t.Errorf("output %q, want %q", out.String(), tt.out)
			}
		})
	}
}

// TestLoadedMainRunsOnce checks that a script with func main, then more
// entries, does not run main again (yaegi calls a function named main at
// the end of every Eval).
func TestLoadedMainRunsOnce(t *testing.T) {
	in, out := newTestInterp(t)
	ctx := context.Background()
	if err := in.EvalScript(ctx, "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"created\") }\n"); err != nil {
		t.Fatal(err)
	}
	for _, e := range []string{"x := 1", "x + 1", "fmt.Sprint(x)"} {
		if _, err := in.Eval(ctx, e); err != nil {
			t.Fatalf("%s: %v", e, err)
		}
	}
	if got := out.String(); got != "created\n" {
		t.Errorf("output %q, want main to have run once", got)
	}
}

// TestPendingDeclarations types a Go program at the prompt in file order:
// main first, what it uses later (Go has no declaration order).
func TestPendingDeclarations(t *testing.T) {
	in, out := newTestInterp(t)
	ctx := context.Background()
	entries := []struct{ src, notice string }{
		{"package main", ""},
		{`import "fmt"`, ""},
		{"func main() {\n\tfmt.Println(f(), K)\n}", "func main waits for K, not declared yet"},
		{"const K = 4", ""},
		{"func f() int { return g() + 1 }", "func f waits for g, not declared yet"},
		{"func g() int { return 1 }", ""},
	}
	for _, e := range entries {
		_, notice, later, err := in.EvalEntry(ctx, e.src)
		if err != nil || len(later) > 0 || notice != e.notice {
			t.Fatalf("%q: notice %q, later %v, err %v; want notice %q", e.src, notice, later, err, e.notice)
		}
	}
	if got := out.String(); got != "2 4\n" {
		t.Errorf("output %q, want main to run once everything is declared: %q", got, "2 4\n")
	}
	if p := in.Pending(); len(p) != 0 {
		t.Errorf("still pending: %v", p)
	}
	// a statement using a waiting declaration is an error, not a call of
	// a half-compiled function
	if _, notice, _, _ := in.EvalEntry(ctx, "func h() int { return nope() }"); notice == "" {
		t.Fatal("h should wait for nope")
	}
	if _, _, _, err := in.EvalEntry(ctx, "h()"); err == nil || !strings.Contains(err.Error(), "h is not declared yet: func h waits for nope") {
		t.Errorf("h(): %v", err)
	}
	if p := in.Pending(); len(p) != 1 || p[0] != "func h was never run: undefined: nope" {
		t.Errorf("Pending = %q", p)
	}
	// a typo in an entry with statements is an error at once
	if _, _, _, err := in.EvalEntry(ctx, "x := nope2 + 1"); err == nil || !strings.Contains(err.Error(), "undefined: nope2") {
		t.Errorf("x := nope2 + 1: %v", err)
	}
}

// TestShadowedPackageNames: a program that does not import sort may
// declare a func sort, and variables named like packages at top level.
func TestShadowedPackageNames(t *testing.T) {
	in, out := newTestInterp(t)
	src := "package main\n\ntype T struct{ v int }\n\nfunc sort(items []T) { println(\"in sort\", len(items)) }\n\nfunc main() {\n\tsort([]T{{1}})\n\ttime := 3\n\tprintln(time)\n}\n"
	if err := in.EvalScript(context.Background(), src); err != nil {
		t.Fatalf("EvalScript: %v", err)
	}
	if got := out.String(); got != "in sort 1\n3\n" {
		t.Errorf("output %q", got)
	}
}

// TestUnsafeAndImportsOfTheFile: unsafe is importable, and a file's own
// import of html/template is not preempted by the import on first use of
// text/template.
func TestUnsafeAndImportsOfTheFile(t *testing.T) {
	in, out := newTestInterp(t)
	src := "import (\n\t\"html/template\"\n\t\"unsafe\"\n)\n\nfmt.Println(unsafe.Sizeof(int64(0)), template.HTMLEscapeString(\"<a>\"))\n"
	if err := in.EvalScript(context.Background(), src); err != nil {
		t.Fatalf("EvalScript: %v", err)
	}
	if got := out.String(); got != "8 &lt;a&gt;\n" {
		t.Errorf("output %q", got)
	}
}

// TestGuardKeepsInterfaceArguments: a function receiving an interpreted
// Stringer as an interface, called from one that is not recursive, sees
// the value (a defer in the caller made yaegi pass nil).
func TestGuardKeepsInterfaceArguments(t *testing.T) {
	in, out := newTestInterp(t)
	src := "package main\n\nimport \"fmt\"\n\ntype Foo int\n\nfunc (f Foo) String() string { return fmt.Sprint(\"foo-\", int(f)) }\n\nfunc print1(arg interface{}) { fmt.Println(arg) }\n\nfunc use(interface{}) {}\n\nfunc main() {\n\tvar arg Foo = 3\n\tprint1(arg)\n\tvar f = print1\n\tf(arg)\n\tuse(map[string]any{})\n}\n"
	if err := in.EvalScript(context.Background(), src); err != nil {
		t.Fatalf("EvalScript: %v", err)
	}
	if got := out.String(); got != "foo-3\nfoo-3\n" {
		t.Errorf("output %q", got)
	}
}

// TestOrderedDeclarations checks cases of the dependency order of an
// entry's declarations; outputs are what go run printed for the same
// package main.
func TestOrderedDeclarations(t *testing.T) {
	tests := []struct{ name, src, out string }{
		{"init functions in source order, before main",
			"package main\n\nfunc init() { println(\"init 1\") }\n\nfunc init() { println(\"init 2\") }\n\nfunc main() { println(\"main\") }\n",
			"init 1\ninit 2\nmain\n"},
		{"a type named like a type parameter",
			"package main\n\nimport \"fmt\"\n\nfunc Map[T, U any](xs []T, f func(T) U) []U {\n\tvar out []U\n\tfor _, x := range xs {\n\t\tout = append(out, f(x))\n\t}\n\treturn out\n}\n\ntype T struct{ a, B int }\n\nfunc main() {\n\tfmt.Printf(\"%+v %v\\n\", T{1, 2}, Map([]int{1}, func(i int) T { return T{i, i} }))\n}\n",
			"{a:1 B:2} [{1 1}]\n"},
		{"a global from a multi-value call read by a function",
			"package main\n\nfunc r2() (int, int) { return 1, 2 }\n\nvar a, b = r2()\n\nfunc show() { println(a, b) }\n\nfunc main() { show() }\n",
			"1 2\n"},
		{"an array var sized by another var",
			"package main\n\nimport \"unsafe\"\n\ntype T struct{ i uint64 }\n\nvar d T\n\nvar b [unsafe.Sizeof(d)]byte\n\nfunc main() { println(len(b)) }\n",
			"8\n"},
		{"slices of a Stringer type passed to fmt",
			"type State int\n\nconst (\n\tDraft State = iota\n\tDone\n)\n\nfunc (s State) String() string { return [...]string{\"draft\", \"done\"}[s] }\n\nxs := []State{Draft, Done}\nfmt.Println(xs, map[string]State{\"a\": Done})\nfmt.Printf(\"%v %d\\n\", xs, xs)\n",
			"[draft done] map[a:done]\n[draft done] [0 1]\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in, out := newTestInterp(t)
			if err := in.EvalScript(context.Background(), tt.src); err != nil {
				t.Fatalf("EvalScript: %v (output %q)", err, out)
			}
			if out.String() != tt.out {
				t.Errorf("output %q, want %q", out.String(), tt.out)
			}
		})
	}
}

// TestPendingMethods: at the prompt, a method calling on its receiver a
// method of a later entry waits for it instead of being compiled half.
func TestPendingMethods(t *testing.T) {
	in, out := newTestInterp(t)
	ctx := context.Background()
	for _, e := range []string{
		"type R struct{ n int }",
		"func (r R) Twice() int { return r.Once() * 2 }",
		"func (r R) Once() int { return r.n }",
		"fmt.Println(R{21}.Twice())",
	} {
		if _, _, later, err := in.EvalEntry(ctx, e); err != nil || len(later) > 0 {
			t.Fatalf("%s: %v %v", e, err, later)
		}
	}
	if got := out.String(); got != "42\n" {
		t.Errorf("output %q", got)
	}
}

// TestRedefinitionDoesNotRerunMain: redefining a function that a
// program's main calls reaches main (main() then calls the new one) but
// does not run main again.
func TestRedefinitionDoesNotRerunMain(t *testing.T) {
	in, out := newTestInterp(t)
	ctx := context.Background()
	if err := in.EvalScript(ctx, "package main\n\nfunc f() int { return 1 }\n\nfunc main() { println(\"main\", f()) }\n"); err != nil {
		t.Fatal(err)
	}
	for _, e := range []string{"func f() int { return 2 }", "main()"} {
		if _, err := in.Eval(ctx, e); err != nil {
			t.Fatalf("%s: %v", e, err)
		}
	}
	if got := out.String(); got != "main 1\nmain 2\n" {
		t.Errorf("output %q, want main once per run", got)
	}
}

// TestFieldNamedMain: renaming func main leaves a field named main alone,
// however deep the selector (s.main.x).
func TestFieldNamedMain(t *testing.T) {
	in, out := newTestInterp(t)
	src := "package main\n\ntype In struct{ x int }\n\ntype S struct{ main In }\n\nfunc main() {\n\ts := S{In{7}}\n\tprintln(s.main.x)\n}\n"
	if err := in.EvalScript(context.Background(), src); err != nil {
		t.Fatalf("EvalScript: %v", err)
	}
	if got := out.String(); got != "7\n" {
		t.Errorf("output %q, want 7 (go run)", got)
	}
}
