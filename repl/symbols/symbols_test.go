package symbols

import (
	"go/ast"
	"go/build/constraint"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"

	"odsh/repl/symbols/internal/docgen"
)

// TestSymbolsUpToDate compares the exported, non-generic top-level names of
// each package with the generated table. A difference means the API changed
// since the last `go generate ./repl/symbols`.
func TestSymbolsUpToDate(t *testing.T) {
	for _, pkg := range Packages {
		t.Run(pkg, func(t *testing.T) {
			want := exportedNames(t, pkg)
			got := tableNames(pkg)
			if missing, extra := diff(want, got), diff(got, want); len(missing)+len(extra) > 0 {
				t.Fatalf("symbols of %s are stale (run: go generate ./repl/symbols)\nnot in the table: %v\nno longer exported: %v",
					pkg, missing, extra)
			}
		})
	}
}

// tableNames are the names of pkg in Symbols, without interface wrappers.
func tableNames(pkg string) map[string]bool {
	out := map[string]bool{}
	for name := range Symbols[pkg+"/"+filepath.Base(pkg)] {
		if !strings.HasPrefix(name, "_") {
			out[name] = true
		}
	}
	return out
}

// exportedNames parses the package's non-test sources.
func exportedNames(t *testing.T, pkg string) map[string]bool {
	t.Helper()
	_, self, _, _ := runtime.Caller(0)
	root := filepath.Join(filepath.Dir(self), "..", "..")
	dir := filepath.Join(root, strings.TrimPrefix(pkg, "odsh/"))
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	fset := token.NewFileSet()
	for _, path := range files {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		if !buildsHere(f) {
			continue
		}
		for _, d := range f.Decls {
			addDecl(out, d)
		}
	}
	return out
}

// buildsHere skips files constrained to other systems (terminal_other.go).
func buildsHere(f *ast.File) bool {
	for _, c := range f.Comments {
		for _, l := range c.List {
			if expr, err := constraint.Parse(l.Text); err == nil {
				return expr.Eval(func(tag string) bool {
					return tag == runtime.GOOS || tag == "unix" && runtime.GOOS != "windows" || strings.HasPrefix(tag, "go1.")
				})
			}
		}
	}
	return true
}

func addDecl(out map[string]bool, d ast.Decl) {
	switch d := d.(type) {
	case *ast.FuncDecl:
		if d.Recv == nil && d.Name.IsExported() && d.Type.TypeParams == nil {
			out[d.Name.Name] = true
		}
	case *ast.GenDecl:
		for _, s := range d.Specs {
			switch s := s.(type) {
			case *ast.TypeSpec:
				if s.Name.IsExported() && s.TypeParams == nil {
					out[s.Name.Name] = true
				}
			case *ast.ValueSpec:
				for _, n := range s.Names {
					if n.IsExported() {
						out[n.Name] = true
					}
				}
			}
		}
	}
}

func diff(a, b map[string]bool) []string {
	var out []string
	for n := range a {
		if !b[n] {
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}

// TestDocsUpToDate fails while docs.go differs from what
// `go generate ./repl/symbols` would write.
func TestDocsUpToDate(t *testing.T) {
	want, err := docgen.Generate("symbols", []string{"../../orm", "../../domain", "../../printer"})
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("docs.go")
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Fatal("docs.go is stale (run: go generate ./repl/symbols)")
	}
}
