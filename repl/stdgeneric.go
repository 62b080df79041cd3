package repl

import (
	"go/ast"
	"strconv"
	"strings"
)

// yaegi cannot call a generic function of a compiled package: the symbol
// tables hold only non-generic ones, so sync.OnceValue is an "undefined
// selector" and reflect.TypeFor, errors.AsType "have no symbol". Those are interpreted
// functions of the runtime package (runtimeSources), and a selector naming
// one is replaced by it before anything else rewrites the entry. (rand.N
// of math/rand/v2 is not: yaegi fails on every body written for it.)
//
//	sync.OnceValue(f)  ⇔  __odshrt.SyncOnceValue(f)
var stdGenerics = map[string]map[string]string{
	"sync":    {"OnceValue": "SyncOnceValue", "OnceValues": "SyncOnceValues"},
	"reflect": {"TypeFor": "ReflectTypeFor"},
	"errors":  {"AsType": "ErrorsAsType"},
}

// useStdGenerics replaces, in units, the selectors of the generic
// functions of stdGenerics by their interpreted versions. A package name is
// that of an import of the entry or of an earlier one.
func (in *Interp) useStdGenerics(units []Unit) {
	paths := map[string]string{}
	for name, p := range in.imported {
		paths[name] = p
	}
	for _, u := range units {
		if g := u.Import(); g != nil {
			for _, s := range g.Specs {
				spec := s.(*ast.ImportSpec)
				p, err := strconv.Unquote(spec.Path.Value)
				if err != nil {
					continue
				}
				name := pkgName(p)
				if spec.Name != nil {
					name = spec.Name.Name
				}
				paths[name] = p
			}
		}
	}
	for _, u := range units {
		n := u.Node()
		if n == nil || u.Import() != nil {
			continue
		}
		ast.Inspect(n, func(n ast.Node) bool {
			sel, ok := n.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if id, ok := sel.X.(*ast.Ident); ok {
				if shim := stdGenerics[paths[id.Name]][sel.Sel.Name]; shim != "" && !strings.HasPrefix(id.Name, "__") {
					id.Name, sel.Sel.Name = runtimePkg, shim
				}
			}
			return true
		})
	}
}
