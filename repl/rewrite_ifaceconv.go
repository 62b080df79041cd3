package repl

import (
	"go/ast"
	"go/token"
)

// Values of declared types put into an interface of a compiled package.
//
// yaegi fails on two forms of it that Go accepts (yaegi v0.16.1):
//
//   - a conversion, error(x) or fmt.Stringer(x), of a value of a declared
//     type panics with "reflect.Set: value of type struct { … } is not
//     assignable to type error";
//   - a composite literal of a declared type assigned or declared as such
//     an interface, var err error = NotFound{"k"}, is kept as the bare
//     struct: fmt prints its fields instead of calling Error, and a
//     compiled function given it panics ("reflect: Call using struct { …
//     } as type error").
//
// yaegi converts right on a function's return and around a parenthesised
// literal, so:
//
//	error(x)                  ⇔  func(__v T) error { return __v }(x)   (T: x's type, from the syntax)
//	err = NotFound{"k"}       ⇔  err = (NotFound{"k"})
//
// A nil pointer converted so is checked as a return is (rewrite_nilptr.go).
// A conversion whose argument's type the syntax does not tell is left as
// it is.

// ifaceConversion rewrites error(x), fmt.Stringer(x), … (see above).
func (c *callPass) ifaceConversion(call *ast.CallExpr) bool {
	if len(call.Args) != 1 || call.Ellipsis.IsValid() {
		return false
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && c.shellInterface(id) {
		// Animal(Dog(n)) in a loop: each value its own (keepAny); an
		// operand of a comparison is used at once (anyCompare knows the
		// conversion)
		if b, ok := c.parent().(*ast.BinaryExpr); ok && (b.Op == token.EQL || b.Op == token.NEQ) {
			return false
		}
		if k := c.keepAny(call.Args[0], id); k != nil {
			return c.replace(call, k)
		}
		return false
	}
	if !c.compiledInterface(call.Fun) {
		return false
	}
	if k, _ := c.interfaceKind(call.Fun); k != iface {
		return false
	}
	x := call.Args[0]
	t := c.typeOf(x)
	if t == nil || !c.declaredType(t) {
		return false
	}
	return c.replace(call, c.freshConversion(x, t, call.Fun))
}

// declaredType reports whether t is a type the session declared, or a
// pointer to one.
func (c *callPass) declaredType(t ast.Expr) bool {
	if s, ok := t.(*ast.StarExpr); ok {
		t = s.X
	}
	id, ok := t.(*ast.Ident)
	return ok && !predeclaredTypes[id.Name] && (c.decls.Type(id.Name) != nil || c.env.isLocal(id.Name))
}

// parenLiterals puts in parentheses the composite literals that s, an
// assignment or a var declaration, stores (see above).
func parenLiterals(values []ast.Expr) {
	for i, v := range values {
		if _, ok := v.(*ast.CompositeLit); ok {
			values[i] = &ast.ParenExpr{X: v}
		}
	}
}

// storedValues returns the values an assignment (=) or a var declaration
// with a type stores.
func storedValues(n ast.Node) [][]ast.Expr {
	switch s := n.(type) {
	case *ast.AssignStmt:
		if s.Tok == token.ASSIGN {
			return [][]ast.Expr{s.Rhs}
		}
	case *ast.DeclStmt:
		return storedValues(s.Decl)
	case *ast.GenDecl:
		if s.Tok != token.VAR {
			return nil
		}
		var out [][]ast.Expr
		for _, sp := range s.Specs {
			if v := sp.(*ast.ValueSpec); v.Type != nil {
				out = append(out, v.Values)
			}
		}
		return out
	}
	return nil
}

// valueErrorIs refuses errors.Is(err, target) when the target is a value
// of a struct type declared in the shell whose Error method has a value
// receiver: inside an error yaegi keeps only such a value's last field
// (getConcreteValue), so two values equal there would be taken for the
// same error (errors.Is(err, NF{"b", 1}) answered true for NF{"a", 1}).
func (c *callPass) valueErrorIs(call *ast.CallExpr) {
	if exprKey(call.Fun) != "errors.Is" || len(call.Args) != 2 || c.env.isLocal("errors") || c.decls.Declares("errors") {
		return
	}
	id, ok := c.typeOf(call.Args[1]).(*ast.Ident)
	if !ok || c.env.isLocal(id.Name) {
		return
	}
	spec := c.decls.Type(id.Name)
	if spec == nil {
		return
	}
	if _, isStruct := spec.Type.(*ast.StructType); !isStruct {
		return
	}
	m := c.decls.Method(id.Name, "Error")
	if m == nil || m.Recv == nil || len(m.Recv.List) != 1 {
		return
	}
	if _, ptr := m.Recv.List[0].Type.(*ast.StarExpr); ptr {
		return
	}
	c.refuse("errors.Is with a target of type "+id.Name+" (a struct whose Error has a value receiver: inside an error the shell keeps only its last field, so unequal values would match)",
		"give Error a pointer receiver, func (e *"+id.Name+") Error() string, and compare with errors.As, or compare a field of the error")
}
