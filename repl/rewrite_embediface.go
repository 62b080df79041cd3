package repl

import "go/ast"

// Methods promoted from an embedded interface declared in the shell.
//
// A struct type that embeds an interface declared in the shell has the
// interface's methods, promoted; yaegi fails on a call or method value
// of one through the struct ("invalid interface value {{0x… } unit}":
// it takes the whole struct for the interface value). A compiled
// interface embedded (io.Reader) works. The selector names the embedded
// field on the way instead:
//
//	type Named struct { Shape; Name string }
//	n.Area()  ⇔  n.Shape.Area()
//
// The type of n comes from the call pass (its declarations, else a
// probe), asked only for the names of methods of interfaces that some
// declared struct embeds.

// promotedIface rewrites n, a selector x.M, into x.F.M when M is a method
// x has through the interface embedded as F (or deeper, through embedded
// structs).
func (c *callPass) promotedIface(n *ast.SelectorExpr) {
	if !c.embeddedIfaceMethods()[n.Sel.Name] {
		return
	}
	t := c.typeOf(n.X)
	if s, ok := t.(*ast.StarExpr); ok {
		t = s.X
	}
	id, ok := t.(*ast.Ident)
	if !ok || c.env.isLocal(id.Name) {
		return
	}
	path := c.ifacePath(id.Name, n.Sel.Name, 0)
	if len(path) == 0 {
		return
	}
	x := n.X
	for _, f := range path {
		x = &ast.SelectorExpr{X: x, Sel: ident(f)}
	}
	n.X = x
}

// ifacePath returns the embedded fields leading from the declared struct
// type t to the interface declared in the shell whose method m t has by
// promotion; nil when t has m itself, or not through such an interface.
func (c *callPass) ifacePath(t, m string, depth int) []string {
	if depth > 4 || c.decls.Method(t, m) != nil {
		return nil
	}
	spec := c.decls.Type(t)
	if spec == nil || spec.TypeParams != nil {
		return nil
	}
	st, ok := spec.Type.(*ast.StructType)
	if !ok {
		return nil
	}
	var embedded []string
	for _, f := range st.Fields.List {
		for _, name := range f.Names {
			if name.Name == m {
				return nil
			}
		}
		if len(f.Names) == 0 {
			embedded = append(embedded, embeddedName(f.Type))
		}
	}
	// the shallowest wins, as Go's selectors do
	for _, e := range embedded {
		if s := c.decls.Type(e); s != nil && e == m {
			return nil
		} else if s != nil {
			if it, ok := s.Type.(*ast.InterfaceType); ok && c.ifaceHas(it, m, 0) {
				return []string{e}
			}
		}
	}
	for _, e := range embedded {
		if sub := c.ifacePath(e, m, depth+1); sub != nil {
			return append([]string{e}, sub...)
		}
	}
	return nil
}

// ifaceHas reports whether the interface it declares method m, itself or
// through an interface declared in the shell that it embeds.
func (c *callPass) ifaceHas(it *ast.InterfaceType, m string, depth int) bool {
	if depth > 4 || it.Methods == nil {
		return false
	}
	for _, f := range it.Methods.List {
		if len(f.Names) > 0 {
			for _, name := range f.Names {
				if name.Name == m {
					return true
				}
			}
			continue
		}
		if id, ok := f.Type.(*ast.Ident); ok {
			if s := c.decls.Type(id.Name); s != nil {
				if sub, ok := s.Type.(*ast.InterfaceType); ok && c.ifaceHas(sub, m, depth+1) {
					return true
				}
			}
		}
	}
	return false
}

// embeddedIfaceMethods returns the names of the methods of the interfaces
// declared in the shell that a declared struct type embeds.
func (c *callPass) embeddedIfaceMethods() map[string]bool {
	if c.embedIface != nil {
		return c.embedIface
	}
	c.embedIface = map[string]bool{}
	for _, t := range c.decls.TypeNames() {
		spec := c.decls.Type(t)
		st, ok := spec.Type.(*ast.StructType)
		if !ok || st.Fields == nil {
			continue
		}
		for _, f := range st.Fields.List {
			if len(f.Names) != 0 {
				continue
			}
			if s := c.decls.Type(embeddedName(f.Type)); s != nil {
				if it, ok := s.Type.(*ast.InterfaceType); ok {
					c.addIfaceMethods(it, 0)
				}
			}
		}
	}
	return c.embedIface
}

func (c *callPass) addIfaceMethods(it *ast.InterfaceType, depth int) {
	if depth > 4 || it.Methods == nil {
		return
	}
	for _, f := range it.Methods.List {
		for _, name := range f.Names {
			c.embedIface[name.Name] = true
		}
		if id, ok := f.Type.(*ast.Ident); ok && len(f.Names) == 0 {
			if s := c.decls.Type(id.Name); s != nil {
				if sub, ok := s.Type.(*ast.InterfaceType); ok {
					c.addIfaceMethods(sub, depth+1)
				}
			}
		}
	}
}

// embeddingAssert makes the operand of the type assertion (or type switch)
// ta an any when t, a type it tests, is a struct type declared in the
// shell that embeds an interface declared in the shell: yaegi does not
// count the methods promoted from it, refused s.(Named) with s a Shape as
// an "impossible type assertion", and in a type switch never matched the
// case. Asserted from an any, the test is made at run time:
//
//	n, ok := s.(Named)  ⇔  n, ok := __odsh_any(s).(Named)
func (c *callPass) embeddingAssert(ta *ast.TypeAssertExpr, t ast.Expr) {
	if call, ok := ta.X.(*ast.CallExpr); ok {
		if id, ok := call.Fun.(*ast.Ident); ok && id.Name == anyFunc {
			return // done
		}
	}
	if st, ok := t.(*ast.StarExpr); ok {
		t = st.X
	}
	id, ok := t.(*ast.Ident)
	if !ok || c.env.isLocal(id.Name) || !c.embedsShellIface(id.Name, 0) {
		return
	}
	if xt := c.typeOf(ta.X); xt != nil && c.isAnyType(xt) {
		return
	}
	w := &ast.CallExpr{Fun: ident(anyFunc), Args: []ast.Expr{ta.X}}
	c.done[w] = true
	ta.X = w
}

// embedsShellIface reports whether the declared struct type t embeds an
// interface declared in the shell, itself or through a struct it embeds.
func (c *callPass) embedsShellIface(t string, depth int) bool {
	spec := c.decls.Type(t)
	if depth > 4 || spec == nil || spec.TypeParams != nil {
		return false
	}
	st, ok := spec.Type.(*ast.StructType)
	if !ok || st.Fields == nil {
		return false
	}
	for _, f := range st.Fields.List {
		if len(f.Names) > 0 {
			continue
		}
		e := embeddedName(f.Type)
		if s := c.decls.Type(e); s != nil {
			if _, isIface := s.Type.(*ast.InterfaceType); isIface || c.embedsShellIface(e, depth+1) {
				return true
			}
		}
	}
	return false
}

// switchAssert returns the x.(type) of the type switch s.
func switchAssert(s *ast.TypeSwitchStmt) *ast.TypeAssertExpr {
	var guard ast.Expr
	switch a := s.Assign.(type) {
	case *ast.AssignStmt:
		guard = a.Rhs[0]
	case *ast.ExprStmt:
		guard = a.X
	}
	ta, _ := ast.Unparen(guard).(*ast.TypeAssertExpr)
	return ta
}
