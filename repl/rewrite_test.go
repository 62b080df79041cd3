package repl

import (
	"errors"
	"strings"
	"testing"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		name, src string
		kinds     []UnitKind
	}{
		{"expression", "1 + 2", []UnitKind{Expr}},
		{"define", "x := 1", []UnitKind{Decl}},
		{"mixed", "x := 1; for i := 0; i < 3; i++ { x += i }; x", []UnitKind{Decl, Stmt, Expr}},
		{"if with init", "if x := 1; x > 0 { }", []UnitKind{Stmt}},
		{"switch with init", "switch x := f(); x { case 1: }", []UnitKind{Stmt}},
		{"declarations", "import \"fmt\"\ntype T int\nfunc (t T) M() {}\nfunc f() {}\nvar v = 1\nconst c = 2", []UnitKind{Decl, Decl, Decl, Decl, Decl, Decl}},
		{"func literal call", "func() { x++ }()", []UnitKind{Stmt}},
		{"func literal value", "func() int { return 1 }()", []UnitKind{Expr}},
		{"go and select", "go f(); select {}", []UnitKind{Stmt, Stmt}},
		{"package dropped", "package main\nx := 1", []UnitKind{Decl}},
		{"comments only", "// nothing", nil},
		{"multi-line call", "fmt.Println(\n\t1,\n\t2,\n)", []UnitKind{Expr}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			units, err := Split(tt.src)
			if err != nil {
				t.Fatalf("Split(%q): %v", tt.src, err)
			}
			var kinds []UnitKind
			for _, u := range units {
				kinds = append(kinds, u.Kind)
			}
			if len(kinds) != len(tt.kinds) || strings.Join(kindNames(kinds), ",") != strings.Join(kindNames(tt.kinds), ",") {
				t.Errorf("Split(%q) kinds = %v, want %v", tt.src, kinds, tt.kinds)
			}
		})
	}
}

func kindNames(ks []UnitKind) []string {
	out := make([]string, len(ks))
	for i, k := range ks {
		out[i] = k.String()
	}
	return out
}

func TestSplitSyntaxError(t *testing.T) {
	tests := []struct {
		name, src string
		line, col int
	}{
		{"first line", "x := )", 1, 6},
		{"second unit same line", "x := 1; y := )", 1, 14},
		{"later line", "x := 1\n\nfor {\n\ty := )\n}", 4, 7},
		{"bad declaration", "func f( {}", 1, 9},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Split(tt.src)
			var se *SyntaxError
			if !errors.As(err, &se) || se.Line != tt.line || se.Col != tt.col {
				t.Fatalf("Split(%q): got %v, want a syntax error at %d:%d", tt.src, err, tt.line, tt.col)
			}
		})
	}
}

// intOracle says names starting with n are integers.
type intOracle struct{}

func (intOracle) IsInt(e string) bool { return strings.HasPrefix(e, "n") }

func TestUnitCode(t *testing.T) {
	tests := []struct {
		name, src   string
		has, hasNot []string
	}{
		{"range int literal", "for i := range 3 { f(i) }", []string{"__n", "i := __i"}, []string{"range 3"}},
		{"range int via oracle", "for i := range n { f(i) }", []string{"i := __i"}, []string{"range n"}},
		{"range slice kept", "for _, x := range xs { f(x) }", []string{"range xs"}, []string{"x := x"}},
		{"range slice with closure", "for _, x := range xs { fs = append(fs, func() { f(x) }) }", []string{"x := x"}, nil},
		{"for with closure", "for i := 0; i < 3; i++ { fs = append(fs, func() { f(i) }) }", []string{"i := i"}, nil},
		{"for modifying var", "for i := 0; i < 3; i++ { i++; fs = append(fs, func() { f(i) }) }", nil, []string{"i := i"}},
		{"go statement", "func g(a int, b []int) { go f(a, b...) }", []string{goPanicHook, "recover()", "(__a2, __a3...)"}, nil},
		{"go statement, constant argument", "go f(limit * 2, x)", []string{"__f1(limit*2, x)"}, []string{"__a"}},
		{"go in func decl", "func g() { go h() }", []string{goPanicHook}, nil},
		{"defer in loop", "func g() { for _, x := range xs { defer h(x, 1) } }", []string{deferStackHook + "()", "defer __d1.Run()", "__d1.Push(func() func() {", "__f2, __a3 := h, x", "__f2(__a3, 1)"}, []string{"defer h("}},
		{"defer in nested loops, one stack", "func g() { for { for { defer h() } } }", []string{"__d1.Push("}, []string{"__d2", "defer h("}},
		{"defer outside loops kept", "func g() { defer h(x) }", []string{"defer h(x)"}, []string{deferStackHook}},
		{"closure of a function that defers", "func g() { fn := func() { h() }; defer fn() }", []string{"fn := func() func() {", "return func() {"}, nil},
		{"closure of a function that does not defer", "func g() { fn := func() { h() }; fn() }", []string{"fn := func() {"}, []string{"func() func()"}},
		{"wrapped", "for {}", []string{"{ func() {", "}() }"}, nil},
		{"decl not wrapped", "x := 1", nil, []string{"func()"}},
		{"operation into map entry", `v["d"] = "E " + n`, []string{`v["d"] = ("E " + n)`}, nil},
		{"operation into field in closure", "f := func() { p.x = a * b }", []string{"p.x = (a * b)"}, nil},
		{"receive operand of &&", "ok := <-ch && x || <-done", []string{"(<-ch == true) && x || (<-done == true)"}, nil},
		{"operation into variable kept", "x = a + b", []string{"x = a + b"}, []string{"("}},
		{"compound assignment kept", `v["d"] += n`, []string{`v["d"] += n`}, []string{"("}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			units, err := Split(tt.src)
			if err != nil || len(units) != 1 {
				t.Fatalf("Split(%q) = %d units, %v", tt.src, len(units), err)
			}
			code := units[0].Code(intOracle{})
			for _, s := range tt.has {
				if !strings.Contains(code, s) {
					t.Errorf("code %q lacks %q", code, s)
				}
			}
			for _, s := range tt.hasNot {
				if strings.Contains(code, s) {
					t.Errorf("code %q has %q", code, s)
				}
			}
		})
	}
}

func FuzzSplit(f *testing.F) {
	for _, s := range []string{"x := 1; for i := range 3 { go f(i) }", "func() {}()", "if x {", "L: for range n {}"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		units, err := Split(s)
		if err != nil {
			return
		}
		for _, u := range units {
			u.Code(intOracle{})
		}
	})
}
