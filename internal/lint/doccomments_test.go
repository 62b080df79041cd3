package lint

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

// TestDocCommentsNameTheirDeclaration: a doc comment that starts with the
// name of another function or type of the same package was left behind by
// a rename (or sits on the wrong declaration); go doc would mislead.
func TestDocCommentsNameTheirDeclaration(t *testing.T) {
	root := filepath.Join("..", "..")
	pkgs := map[string][]*ast.File{} // by directory
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			switch d.Name() {
			case ".git", "testdata", "symbols", "scratch":
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ParseComments)
		if err != nil {
			return err
		}
		pkgs[filepath.Dir(path)] = append(pkgs[filepath.Dir(path)], f)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, files := range pkgs {
		declared := map[string]bool{}
		each(files, func(name string, _ *ast.CommentGroup, _ token.Pos) { declared[name] = true })
		each(files, func(name string, doc *ast.CommentGroup, pos token.Pos) {
			if doc == nil {
				return
			}
			words := strings.Fields(doc.Text())
			if len(words) == 0 {
				return
			}
			checked++
			first := strings.TrimRight(words[0], ".,:")
			if first != name && declared[first] && isIdent(first) {
				t.Errorf("%s: the doc comment of %s starts with %s, another declaration's name", fset.Position(pos), name, first)
			}
		})
	}
	if checked < 500 {
		t.Fatalf("only %d doc comments checked: the walk missed the packages", checked)
	}
}

// each calls fn for every top-level function, method and type of files with
// its doc comment.
func each(files []*ast.File, fn func(name string, doc *ast.CommentGroup, pos token.Pos)) {
	for _, f := range files {
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				fn(d.Name.Name, d.Doc, d.Pos())
			case *ast.GenDecl:
				for _, s := range d.Specs {
					if ts, ok := s.(*ast.TypeSpec); ok {
						doc := ts.Doc
						if doc == nil && len(d.Specs) == 1 {
							doc = d.Doc
						}
						fn(ts.Name.Name, doc, ts.Pos())
					}
				}
			}
		}
	}
}

func isIdent(s string) bool {
	for i, r := range s {
		if !(unicode.IsLetter(r) || r == '_' || (i > 0 && unicode.IsDigit(r))) {
			return false
		}
	}
	return s != ""
}
