// Package lint holds tests that keep the architecture honest: which
// package may import which (doc/architecture.md, "Packages and who
// imports whom").
package lint

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// forbidden maps a package folder to import path prefixes its non-test
// files must not use.
var forbidden = map[string][]string{
	"domain":   {"odsh/", "github.com/jackc/pgx", "github.com/traefik/yaegi"},
	"printer":  {"odsh/repl", "odsh/cmd", "odsh/shell", "github.com/jackc/pgx", "github.com/traefik/yaegi", "github.com/chzyer/readline"},
	"orm":      {"odsh/repl", "odsh/printer", "odsh/addons", "odsh/cmd", "odsh/shell", "github.com/traefik/yaegi", "github.com/chzyer/readline"},
	"addons":   {"odsh/repl", "odsh/printer", "odsh/cmd", "odsh/shell"},
	"repl":     {"odsh/cmd", "odsh/shell"},
	"modeldoc": {"odsh/repl", "odsh/cmd", "odsh/shell", "odsh/addons", "github.com/jackc/pgx", "github.com/traefik/yaegi", "github.com/chzyer/readline"},
	// the shell knows base only: a command hands it the other addons
	"shell": {"odsh/cmd", "odsh/examples", "odsh/addons/connector", "odsh/addons/demo"},
}

func TestImportDirections(t *testing.T) {
	root := filepath.Join("..", "..")
	for dir, bad := range forbidden {
		err := filepath.WalkDir(filepath.Join(root, dir), func(path string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return err
			}
			f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
			if err != nil {
				return err
			}
			for _, imp := range f.Imports {
				p, _ := strconv.Unquote(imp.Path.Value)
				for _, b := range bad {
					if strings.HasPrefix(p, b) {
						t.Errorf("%s imports %s: %s must not depend on %s", path, p, dir, b)
					}
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}
