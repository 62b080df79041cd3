package repl

import (
	"context"
	"go/ast"
	"go/types"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/traefik/yaegi/interp"
)

// Importing on first use.
//
// At the prompt, `strconv.Atoi(s)` without `import "strconv"` first would be
// an error, and yaegi reports some of those forms badly (a nil pointer
// dereference for `n, err := strconv.Atoi(s)`, "constant definition loop"
// for `x := strconv.Itoa(1)`). So before an entry runs, every name used as
// `name.X` that nothing declares (not a variable, function or type of the
// session, not declared in the entry, not imported) and that is the name of
// exactly one importable package is imported:
//
//	n, err := strconv.Atoi("12")  ⇔  import "strconv"; n, err := strconv.Atoi("12")
//
// A name shared by several packages is imported only when one is the usual
// choice (rand → math/rand, template → text/template); otherwise the entry
// runs as typed and yaegi reports the undefined name.

// preferredPackages settles names that several importable packages share.
var preferredPackages = map[string]string{
	"rand":     "math/rand",
	"template": "text/template",
	"scanner":  "text/scanner",
	"pprof":    "runtime/pprof",
	"iter":     "iter", // the shim's (generic.go): yaegi's packages have none
}

// notePackages records the packages of exports (keys "import/path/name") as
// candidates for importing on first use.
func (in *Interp) notePackages(exports interp.Exports) {
	for key := range exports {
		p := path.Dir(key)
		if p == bindPath || strings.Contains(p, "internal") || strings.HasPrefix(p, "odsh/repl") {
			continue
		}
		name := path.Base(key)
		in.packages[name] = append(in.packages[name], p)
	}
}

// packageFor returns the import path to use for name, "" when there is none
// or no single one.
func (in *Interp) packageFor(name string) string {
	if p := preferredPackages[name]; p != "" {
		return p
	}
	paths := in.packages[name]
	if len(paths) != 1 {
		return ""
	}
	return paths[0]
}

// autoImport imports the packages units use without importing them.
func (in *Interp) autoImport(ctx context.Context, units []Unit) error {
	names := unresolvedQualifiers(units)
	if len(names) == 0 {
		return nil
	}
	globals := in.globals()
	var specs []string
	for _, name := range names {
		if _, ok := globals[name]; ok {
			continue
		}
		if _, ok := in.imported[name]; ok {
			continue
		}
		if p := in.packageFor(name); p != "" {
			specs = append(specs, strconv.Quote(p))
		} else if types.Universe.Lookup(name) == nil && !in.dotImports && !in.Decls().Declares(name) {
			// nothing declares it and no package has that name: Go's
			// "undefined" (yaegi crashes on it in a type, var x foo.T)
			return undefinedQualifier(units, name)
		}
	}
	if len(specs) == 0 {
		return nil
	}
	u, err := Split("import (" + strings.Join(specs, "; ") + ")")
	if err != nil || len(u) != 1 {
		return err
	}
	return in.evalImport(ctx, u[0], u[0].Import())
}

// undefinedQualifier is the CompileError of name, used as a package name
// that no package of the shell has, at its first use.
func undefinedQualifier(units []Unit, name string) error {
	for _, u := range units {
		line := 0
		if n := u.Node(); n != nil {
			ast.Inspect(n, func(n ast.Node) bool {
				if sel, ok := n.(*ast.SelectorExpr); ok && line == 0 {
					if id, ok := sel.X.(*ast.Ident); ok && id.Name == name {
						line = u.Line + u.fset.Position(id.Pos()).Line - u.skip - 1
					}
				}
				return line == 0
			})
		}
		if line > 0 {
			return &CompileError{Line: line, Msg: "undefined: " + name}
		}
	}
	return &CompileError{Line: 1, Msg: "undefined: " + name}
}

// unresolvedQualifiers returns, sorted, the names that units use only as
// the X of a selector `X.Sel`: candidates for a package name. A name that
// also appears anywhere else (declared, assigned, passed) is left out.
func unresolvedQualifiers(units []Unit) []string {
	qual, other := map[string]bool{}, map[string]bool{}
	for _, u := range units {
		if g := u.Import(); g != nil {
			// names the entry imports itself (before they are evaluated)
			for _, s := range g.Specs {
				spec := s.(*ast.ImportSpec)
				p, _ := strconv.Unquote(spec.Path.Value)
				name := pkgName(p)
				if spec.Name != nil {
					name = spec.Name.Name
				}
				other[name] = true
			}
			continue
		}
		collectIdents(u.Node(), qual, other)
	}
	var out []string
	for name := range qual {
		if !other[name] {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

// collectIdents sorts the identifiers of n into qualifiers (X of X.Sel) and
// other uses. Selector names (Sel) and composite-literal keys are neither.
func collectIdents(n ast.Node, qual, other map[string]bool) {
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			if id, ok := n.X.(*ast.Ident); ok {
				qual[id.Name] = true
				return false
			}
			collectIdents(n.X, qual, other)
			return false
		case *ast.KeyValueExpr:
			if _, ok := n.Key.(*ast.Ident); !ok {
				collectIdents(n.Key, qual, other)
			}
			collectIdents(n.Value, qual, other)
			return false
		case *ast.Ident:
			other[n.Name] = true
		}
		return true
	})
}
