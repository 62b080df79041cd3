package repl

import (
	"bytes"
	"context"
	"errors"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The programs of testdata/calls are Go programs (package main, main last)
// exercising the call rewrites. NAME.want is what `go run NAME.go` printed:
// run the tests with ODSH_CALLS_UPDATE=1 to run them with the go command
// again and rewrite the .want files. A program with a NAME.refused file is
// one the shell must refuse before running its main: the file holds a
// substring of the expected *RefusedError.
//
// Each program is run twice: as a package main program through EvalScript
// (yaegi runs main once it is declared), and as top-level statements: the
// declarations, then the statements of main's body, one by one.

func TestCallsPrograms(t *testing.T) {
	files, err := filepath.Glob("testdata/calls/*.go")
	if err != nil || len(files) == 0 {
		t.Fatalf("no programs in testdata/calls: %v", err)
	}
	update := os.Getenv("ODSH_CALLS_UPDATE") != ""
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".go")
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		base := strings.TrimSuffix(file, ".go")
		if update {
			out, err := exec.Command("go", "run", file).CombinedOutput()
			if err != nil {
				t.Fatalf("go run %s: %v\n%s", file, err, out)
			}
			if err := os.WriteFile(base+".want", out, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(base + ".want")
		if err != nil {
			t.Fatalf("%s: %v (run with ODSH_CALLS_UPDATE=1)", name, err)
		}
		refused, _ := os.ReadFile(base + ".refused")
		t.Run(name+"/program", func(t *testing.T) {
			in, out := newTestInterp(t)
			err := in.EvalScript(context.Background(), string(src))
			if err == nil && out.Len() == 0 {
				_, err = in.Eval(context.Background(), "main()")
			}
			checkProgram(t, err, out, string(want), string(refused))
		})
		t.Run(name+"/toplevel", func(t *testing.T) {
			top, err := topLevel(string(src))
			if err != nil {
				t.Fatal(err)
			}
			in, out := newTestInterp(t)
			err = in.EvalScript(context.Background(), top)
			if refused != nil {
				checkProgram(t, err, out, string(want), string(refused))
				return
			}
			checkProgram(t, err, out, string(want), "")
		})
	}
}

func checkProgram(t *testing.T, err error, out *bytes.Buffer, want, refused string) {
	t.Helper()
	if refused != "" {
		var re *RefusedError
		if !errors.As(err, &re) || !strings.Contains(err.Error(), strings.TrimSpace(refused)) {
			t.Fatalf("got error %v, want a refusal containing %q (output %q)", err, strings.TrimSpace(refused), out.String())
		}
		if strings.Contains(err.Error(), "\n") {
			t.Errorf("refusal is not one line: %q", err.Error())
		}
		return
	}
	if err != nil {
		t.Fatalf("error: %v\noutput so far:\n%s", err, out.String())
	}
	if out.String() != want {
		t.Errorf("output:\n%s\nwant (go run):\n%s", out.String(), want)
	}
}

// topLevel turns a package main program into top-level statements: its
// declarations but main, then the statements of main's body.
func topLevel(src string) (string, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "", src, parser.ParseComments)
	if err != nil {
		return "", err
	}
	var decls []string
	var body []ast.Stmt
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Name.Name == "main" && fd.Recv == nil {
			body = fd.Body.List
			continue
		}
		decls = append(decls, printNode(fset, d))
	}
	for _, s := range body {
		decls = append(decls, printNode(fset, s))
	}
	return strings.Join(decls, "\n"), nil
}

func printNode(fset *token.FileSet, n ast.Node) string {
	var buf bytes.Buffer
	if err := printer.Fprint(&buf, fset, n); err != nil {
		panic(err)
	}
	return buf.String()
}

// A panic of interpreted code with an error value comes back as that
// error: yaegi panics with its reflect.Value.
func TestCallsPanickedErrorUnwrapped(t *testing.T) {
	in, _ := newTestInterp(t)
	_, err := in.Eval(context.Background(), `_, err := strconv.Atoi("x"); panic(err)`)
	var ne *strconv.NumError
	if !errors.As(err, &ne) {
		t.Fatalf("got %T %v, want the *strconv.NumError panicked", err, err)
	}
	_, err = in.Eval(context.Background(), `panic("text")`)
	var pe *PanicError
	if !errors.As(err, &pe) || pe.Value != "text" {
		t.Fatalf("got %#v, want a PanicError with the string", err)
	}
}

// TestCallsCode checks the shape of the call rewrites where the rewriter
// knows the types from the unit alone (no interpreter to probe).
func TestCallsCode(t *testing.T) {
	tests := []struct {
		name, src   string
		has, hasNot []string
	}{
		{"variadic any, recursive", "func f(kv ...any) int { if len(kv) > 9 { return 0 }; return f(\"a\", kv) }",
			[]string{`f("a", __odshrt.Any(kv))`}, nil},
		{"variadic any, literal kept", "func f(kv ...any) int { if len(kv) > 9 { return 0 }; return f(\"a\", 1, nil) }",
			[]string{`f("a", 1, nil)`}, []string{"__odshrt.Any"}},
		{"variadic any, spread kept", "func f(kv ...any) int { if len(kv) > 9 { return 0 }; return f(kv...) }",
			[]string{"f(kv...)"}, []string{"__odshrt.Any"}},
		{"variadic string kept", "func f(kv ...string) int { if len(kv) > 9 { return 0 }; return f(kv[0]) }",
			nil, []string{"__odshrt.Any"}},
		{"recover", "defer func() { r := recover(); _ = r }()", []string{"__odshrt.Recovered(recover())"}, nil},
		{"range over func literal", "for x := range func(yield func(int) bool) { yield(1) } { println(x) }",
			[]string{"__odshrt.Pull[int](", "defer __stop", "x := __x", "if !__ok"}, []string{"range func"}},
		{"range over pairs", "for k, v := range func(yield func(string, int) bool) {} { println(k, v) }",
			[]string{"__odshrt.Pull2[string, int]("}, nil},
		{"range over nothing", "for range func(yield func() bool) {} { }", []string{"__odshrt.Pull0("}, nil},
		{"range over slice kept", "for _, x := range []int{1} { println(x) }", []string{"range []int{1}"}, []string{"Pull"}},
		{"labelled jump stops", "outer: for i := 0; i < 2; i++ { for x := range func(yield func(int) bool) {} { if x > 0 { continue outer } } }",
			[]string{"__stop"}, nil},
		{"type switch", "switch x := v.(type) { case int: println(x); case error: println(x.Error()); default: println(1) }",
			[]string{"switch __c", "_, __ok", ":= __v", "== nil"}, []string{".(type)"}},
		{"comma-ok", "if e, ok := v.(error); ok { println(e) }", []string{"__v", "== nil", "_, __ok"}, []string{"if e, ok := v.(error)"}},
		{"comma-ok at top level", "e, ok := v.(error)", []string{"e, ok := func() (error, bool) {"}, nil},
		{"generic call by position", "func M[T, U any](xs []T, f func(T) U) []U { return M(xs, f) }", []string{"M[T, U](xs, f)"}, nil},
		{"generic call yaegi infers", "func F[T any](xs []T, f func(T) bool) []T { return F(xs, f) }", []string{"F(xs, f)"}, []string{"F[T]"}},
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

// variadicShims are generic shims whose type parameter is only in their
// variadic parameter, which yaegiInfers does not follow; yaegi infers
// them from the arguments (TestVariadicShims).
var variadicShims = map[string]bool{"slices.Concat": true, "cmp.Or": true}

// writtenShims are generic shims no order of type parameters makes
// inferable by position (maps.EqualFunc has K in both maps): the rewriter
// writes their type arguments from the arguments' types (genericCall).
var writtenShims = map[string]bool{"maps.EqualFunc": true}

// The generic functions of the shims are written so that yaegi's
// positional inference gets their type arguments right (As is always
// called with its type argument).
func TestCallsShimsInferable(t *testing.T) {
	d := NewDecls()
	n := 0
	for key, fd := range d.funcs {
		// As, ReflectTypeFor (reflect.TypeFor) and ErrorsAsType
		// (errors.AsType) are always called with their type argument
		if fd.Type.TypeParams == nil || key == runtimePkg+".As" || key == runtimePkg+".ReflectTypeFor" || key == runtimePkg+".ErrorsAsType" {
			continue
		}
		n++
		if !yaegiInfers(fd) && !variadicShims[key] && !writtenShims[key] {
			t.Errorf("%s: yaegi would infer its type arguments wrong", key)
		}
	}
	if n < 10 {
		t.Errorf("only %d generic shims found", n)
	}
}
