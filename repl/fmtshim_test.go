package repl

import (
	"bytes"
	"context"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"strconv"
	"strings"
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
