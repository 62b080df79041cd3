package repl

import (
	"bytes"
	"context"
	"fmt"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// shimCase is a program printing values of interpreted types through fmt,
// errors and encoding/json (cases in fmtshim_cases_test.go).
type shimCase struct {
	name    string
	imports []string
	decls   string // package-level declarations
	body    string // statements of main
	mark    bool   // rewrite with markUnexportedFields first
	want    string
	// entryWant, if set, is the want of the entry (a limit depending on
	// how yaegi lays out frames)
	entryWant string
}

// sources returns the case as a package main program, and as one entry at
// the prompt: the imports and declarations, then main's statements.
func (c shimCase) sources(t *testing.T) (program, entry string) {
	t.Helper()
	var src strings.Builder
	src.WriteString("package main\n\nimport (\n")
	for _, p := range c.imports {
		src.WriteString("\t" + strconv.Quote(p) + "\n")
	}
	src.WriteString(")\n\n" + c.decls + "\nfunc main() {\n" + c.body + "}\n")
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, c.name+".go", src.String(), parser.ParseComments)
	if err != nil {
		t.Fatalf("parse: %v\n%s", err, src.String())
	}
	if c.mark {
		markUnexportedFields(f)
	}
	var prog, ent bytes.Buffer
	if err := printer.Fprint(&prog, fset, f); err != nil {
		t.Fatal(err)
	}
	for _, d := range f.Decls {
		nodes := []ast.Node{d}
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Name.Name == "main" && fd.Recv == nil {
			nodes = nodes[:0]
			for _, s := range fd.Body.List {
				nodes = append(nodes, s)
			}
		}
		for _, n := range nodes {
			if err := printer.Fprint(&ent, fset, n); err != nil {
				t.Fatal(err)
			}
			ent.WriteString("\n")
		}
	}
	return prog.String(), ent.String()
}

// runShimCase runs src in a new interpreter, as a script or as an entry,
// and returns what it printed.
func runShimCase(t *testing.T, src string, script bool) string {
	t.Helper()
	var out bytes.Buffer
	in, err := New(Options{Stdout: &out, Stderr: &out})
	if err != nil {
		t.Fatal(err)
	}
	if script {
		err = in.EvalScript(context.Background(), src)
	} else {
		_, err = in.Eval(context.Background(), src)
	}
	if err != nil {
		t.Fatalf("%v\nsource:\n%s\noutput:\n%s", err, src, out.String())
	}
	return out.String()
}

func testShimCases(t *testing.T, cases []shimCase) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			program, entry := c.sources(t)
			entryWant := c.want
			if c.entryWant != "" {
				entryWant = c.entryWant
			}
			for _, mode := range []struct {
				name   string
				src    string
				script bool
				want   string
			}{{"program", program, true, c.want}, {"entry", entry, false, entryWant}} {
				if got := runShimCase(t, mode.src, mode.script); got != mode.want {
					t.Errorf("%s: got\n%s\nwant\n%s\nsource:\n%s", mode.name, got, mode.want, mode.src)
				}
			}
		})
	}
}

// TestFmtShims compares what the shell prints with what Go prints.
func TestFmtShims(t *testing.T) { testShimCases(t, shimCases) }

// TestFmtShimLimits pins what the shell still prints differently from Go,
// so that a change (a fix upstream, or a rewrite of the source) shows.
func TestFmtShimLimits(t *testing.T) { testShimCases(t, shimLimits) }

// TestFmtShimsInterp checks the print shims' interaction with the rest of
// the interpreter: after a cancelled entry, from goroutines (run it with
// -race), and with the caller's slice passed as `args...`.
func TestFmtShimsInterp(t *testing.T) {
	var out syncBuffer
	in, err := New(Options{Stdout: &out, Stderr: &out})
	if err != nil {
		t.Fatal(err)
	}
	eval := func(src string) {
		t.Helper()
		if _, err := in.Eval(context.Background(), src); err != nil {
			t.Fatalf("%s: %v", src, err)
		}
	}
	eval(`type State int
func (s State) String() string { return fmt.Sprint("s", int(s)) }`)
	// (after a cancelled entry: TestFmtShimsAfterCancel)
	eval(`fmt.Println([]any{State(1)}, State(2))`)
	// a named function, not a closure: yaegi's closures race with
	// themselves in goroutines (getFunc in interp/run.go)
	// (a fresh interpreter, and a type printed first in the goroutines:
	// yaegi computes some of its types on first use)
	in, err = New(Options{Stdout: &out, Stderr: &out})
	if err != nil {
		t.Fatal(err)
	}
	eval(`type State int
func (s State) String() string { return fmt.Sprint("s", int(s)) }
type Q struct{ n int }
func (q *Q) Error() string { return "q" }
func (q *Q) GoString() string { return "Q" }
type F int
func (f F) Format(s fmt.State, verb rune) { fmt.Fprint(s, "f") }`)
	// the goroutines are started by compiled code: a go statement in a
	// loop makes a func literal per iteration (goStmt's recover wrapper),
	// and yaegi's closures race with themselves (TestGoroutineClosureInLoop)
	if err := in.Bind("spawnAll", func(n int, f func(int)) {
		var wg sync.WaitGroup
		for i := range n {
			wg.Add(1)
			go func() { defer wg.Done(); f(i) }()
		}
		wg.Wait()
	}); err != nil {
		t.Fatal(err)
	}
	eval(`func printOne(i int) {
	fmt.Println([]any{State(i)}, map[string]any{"k": State(i), "q": &Q{i}, "f": F(i)}, fmt.Sprintf("%d %#v", State(i), []any{&Q{}}))
}
spawnAll(8, printOne)`)
	// what the caller's slice holds, as compiled code sees it
	if err := in.Bind("firstType", func(a []any) string { return fmt.Sprintf("%T", a[0]) }); err != nil {
		t.Fatal(err)
	}
	eval(`args := []any{State(3), 4}
fmt.Println(args...)
fmt.Printf("%v %v\n", args...)
fmt.Println(firstType(args))`)
	got := out.String()
	for _, want := range []string{"[s1] s2\n", "s3 4\ns3 4\ninterp.valueInterface\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
	for i := 0; i < 8; i++ {
		if want := fmt.Sprintf("[s%d] map[f:f k:s%[1]d q:q] %[1]d []interface {}{Q}\n", i); !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
	for _, g := range in.Globals() {
		if strings.Contains(g, "odsh") {
			t.Errorf("global %s listed", g)
		}
	}
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
