package repl

import (
	"go/ast"
	"go/token"
)

// Generic type aliases.
//
// yaegi accepts a generic alias's declaration (type Set[T comparable] =
// map[T]struct{}, Go 1.24) but fails on every use of it ("CFG post-order
// panic: incomplete type"). An alias means its type, so each instance is
// replaced by the aliased type with the type arguments put in place of the
// parameters before anything else rewrites the entry:
//
//	s := Set[string]{"a": {}}  ⇔  s := map[string]struct{}{"a": {}}

// expandGenericAliases replaces, in units, the instances of the generic
// aliases they or earlier entries declare, and takes the aliases'
// declarations out of the units (kept by the interpreter for later
// entries): yaegi fails on a later look at the alias too (a probe of its
// name), and nothing uses it once its instances are replaced.
func (in *Interp) expandGenericAliases(units []Unit) {
	for _, u := range units {
		g, ok := u.decl.(*ast.GenDecl)
		if !ok || g.Tok != token.TYPE {
			continue
		}
		kept := g.Specs[:0]
		for _, sp := range g.Specs {
			if s := sp.(*ast.TypeSpec); s.Assign.IsValid() && s.TypeParams != nil {
				if in.genericAliases == nil {
					in.genericAliases = map[string]*ast.TypeSpec{}
				}
				in.genericAliases[s.Name.Name] = clone(s)
				continue
			}
			kept = append(kept, sp)
		}
		g.Specs = kept
	}
	if len(in.genericAliases) == 0 {
		return
	}
	for _, u := range units {
		if n := u.Node(); n != nil {
			// an alias of an alias's instance takes another round
			for range 10 {
				if !expandAliases(n, in.genericAliases) {
					break
				}
			}
		}
	}
}

// expandAliases replaces the instances of aliases below root by their
// types, and reports whether it replaced any.
func expandAliases(root ast.Node, aliases map[string]*ast.TypeSpec) bool {
	changed := false
	var stack []ast.Node
	ast.Inspect(root, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if len(stack) > 0 {
			if repl := aliasInstance(n, aliases); repl != nil && replaceChild(stack[len(stack)-1], n, repl) {
				changed = true
				return false
			}
		}
		stack = append(stack, n)
		return true
	})
	return changed
}

// aliasInstance returns the type n means when it is an instance of one of
// aliases (Set[string]), else nil.
func aliasInstance(n ast.Node, aliases map[string]*ast.TypeSpec) ast.Expr {
	var x ast.Expr
	var args []ast.Expr
	switch n := n.(type) {
	case *ast.IndexExpr:
		x, args = n.X, []ast.Expr{n.Index}
	case *ast.IndexListExpr:
		x, args = n.X, n.Indices
	default:
		return nil
	}
	id, ok := x.(*ast.Ident)
	if !ok || aliases[id.Name] == nil {
		return nil
	}
	spec := aliases[id.Name]
	params := map[string]ast.Expr{}
	i := 0
	for _, f := range spec.TypeParams.List {
		for _, name := range f.Names {
			if i >= len(args) {
				return nil
			}
			params[name.Name] = args[i]
			i++
		}
	}
	if i != len(args) {
		return nil
	}
	t := clone(spec.Type)
	if id, ok := t.(*ast.Ident); ok && params[id.Name] != nil {
		return clone(params[id.Name])
	}
	var stack []ast.Node
	ast.Inspect(t, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if id, ok := n.(*ast.Ident); ok && params[id.Name] != nil && len(stack) > 0 {
			replaceChild(stack[len(stack)-1], n, clone(params[id.Name]))
			return false
		}
		stack = append(stack, n)
		return true
	})
	return t
}
