package repl

import (
	"fmt"
	"go/ast"
	"go/token"
	"slices"
	"strings"
)

// Method expressions and generic calls (see rewrite_calls.go).

// methodValue rewrites a method expression used as a value. yaegi gives
// T.M the type of a method value, func(params) results, without the
// receiver, and fails when the value is stored or called ("reflect.Set:
// value of type func() float64 is not assignable to type func(struct {…})
// float64"); for a compiled type it calls the method with a receiver too
// many ("too many arguments", "Method index out of range"). A function
// literal does what the method expression means:
//
//	Sq.Area     ⇔  func(__r Sq) float64 { return __r.Area() }
//	(*Sq).Scale ⇔  func(__r *Sq, __p0 float64) { __r.Scale(__p0) }
//
// The signature comes from the method's declaration for an interpreted
// type, from a compile probe for a compiled one (yaegi types those right,
// it only runs them wrong).
//
// old is s, or s in parentheses.
func (c *callPass) methodValue(old ast.Node, s *ast.SelectorExpr) {
	if lit := c.methodLit(s); lit != nil {
		c.replace(old, lit)
		return
	}
	if bound := c.boundMethod(s); bound != nil {
		c.replace(old, bound)
	}
}

// boundMethod returns, for a method value x.M whose method has a value
// receiver and whose receiver is a value of a type declared in the shell,
// a function bound to a copy of x made now, as Go makes it: yaegi reads x
// when the function is called, so changes made to x in between showed.
// Through a pointer p (p.M), the copy is of *p.
//
//	bound := m.Add  ⇔  bound := func() func(__p0 int) Money { __r := m; return func(__p0 int) Money { return __r.Add(__p0) } }()
func (c *callPass) boundMethod(s *ast.SelectorExpr) ast.Expr {
	t := c.env.typeOf(s.X)
	var recv ast.Expr = s.X
	if st, ok := t.(*ast.StarExpr); ok {
		// through a pointer: the value it points to, copied now (Go
		// panics here on a nil pointer)
		t, recv = st.X, &ast.StarExpr{X: s.X}
	}
	id, ok := t.(*ast.Ident)
	if !ok || c.env.isLocal(id.Name) {
		return nil
	}
	spec := c.decls.Type(id.Name)
	if spec == nil || spec.TypeParams != nil || spec.Assign.IsValid() {
		return nil
	}
	fd := c.decls.Method(id.Name, s.Sel.Name)
	if fd == nil || fd.Recv == nil || len(fd.Recv.List) != 1 {
		return nil
	}
	if _, ptr := fd.Recv.List[0].Type.(*ast.StarExpr); ptr {
		return nil // bound to &x: later changes of x are seen, as in Go
	}
	fwd := forwarder(id, s.Sel.Name, fd.Type.Params, fd.Type.Results)
	// the forwarder without its receiver parameter, reading __r
	fwd.Type.Params.List = fwd.Type.Params.List[1:]
	outer := &ast.FuncLit{
		Type: &ast.FuncType{Params: &ast.FieldList{}, Results: &ast.FieldList{List: []*ast.Field{{Type: clone(fwd.Type)}}}},
		Body: &ast.BlockStmt{List: []ast.Stmt{
			&ast.AssignStmt{Lhs: []ast.Expr{ident("__r")}, Tok: token.DEFINE, Rhs: []ast.Expr{recv}},
			&ast.ReturnStmt{Results: []ast.Expr{fwd}},
		}},
	}
	return &ast.CallExpr{Fun: outer}
}

// methodCall rewrites a call of a method expression of a compiled type,
// which yaegi calls with the receiver as an extra argument:
//
//	time.Duration.String(d)  ⇔  func(__r time.Duration) string { return __r.String() }(d)
//
// A method expression of an interpreted type is called right and is left
// alone, but for an interface type, which yaegi calls with one argument
// too many (I.m(s, 2): "too many arguments", or the receiver taken for
// the first argument), and (*T).m of a method with a value receiver.
func (c *callPass) methodCall(call *ast.CallExpr) bool {
	s, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	if name := c.interpretedType(s.X); name != "" {
		_, isIface := c.decls.Type(name).Type.(*ast.InterfaceType)
		_, ptr := ast.Unparen(s.X).(*ast.StarExpr)
		// (*T).m of a method with a value receiver: yaegi fails too
		// ("reflect.Set: value of type *S is not assignable to type S")
		valueViaPtr := false
		if fd := c.decls.Method(name, s.Sel.Name); ptr && fd != nil && len(fd.Recv.List) == 1 {
			_, ptrRecv := fd.Recv.List[0].Type.(*ast.StarExpr)
			valueViaPtr = !ptrRecv
		}
		if !(isIface && !ptr) && !valueViaPtr {
			return false
		}
	}
	lit := c.methodLit(s)
	if lit == nil {
		return false
	}
	call.Fun = lit
	c.done[lit] = true
	return true
}

// interpretedType returns the name of the type x denotes when it is a type
// declared by interpreted code (T or *T), "" otherwise.
func (c *callPass) interpretedType(x ast.Expr) string {
	x = ast.Unparen(x)
	if st, ok := x.(*ast.StarExpr); ok {
		x = ast.Unparen(st.X)
	}
	id, ok := x.(*ast.Ident)
	if !ok || c.env.isLocal(id.Name) || c.decls.Type(id.Name) == nil {
		return ""
	}
	return id.Name
}

// methodLit returns the function literal for method expression s, nil
// when s is not a method expression or its signature is unknown.
func (c *callPass) methodLit(s *ast.SelectorExpr) *ast.FuncLit {
	recv := ast.Unparen(s.X)
	if name := c.interpretedType(recv); name != "" {
		spec := c.decls.Type(name)
		if spec.TypeParams != nil {
			return nil
		}
		if fd := c.decls.Method(name, s.Sel.Name); fd != nil {
			return forwarder(recv, s.Sel.Name, fd.Type.Params, fd.Type.Results)
		}
		if it, ok := spec.Type.(*ast.InterfaceType); ok {
			for _, m := range it.Methods.List {
				for _, n := range m.Names {
					if ft, ok := m.Type.(*ast.FuncType); ok && n.Name == s.Sel.Name {
						return forwarder(recv, s.Sel.Name, ft.Params, ft.Results)
					}
				}
			}
		}
		return nil
	}
	if !c.compiledType(recv) {
		return nil
	}
	ft, ok := c.probeType(s).(*ast.FuncType)
	if !ok {
		return nil
	}
	// yaegi types the method expression of a compiled interface as the
	// method, without the receiver parameter
	params := flatFields(ft.Params)
	if len(params) > 0 && typeString(params[0]) == typeString(recv) {
		params = params[1:]
	}
	fl := &ast.FieldList{}
	for _, p := range params {
		fl.List = append(fl.List, &ast.Field{Type: p})
	}
	return forwarder(recv, s.Sel.Name, fl, ft.Results)
}

// compiledType reports whether x, written pkg.T or (*pkg.T), is a type of a
// compiled package: a compile probe declares nothing of that type.
func (c *callPass) compiledType(x ast.Expr) bool {
	base := x
	if st, ok := base.(*ast.StarExpr); ok {
		base = ast.Unparen(st.X)
	}
	s, ok := base.(*ast.SelectorExpr)
	if !ok || c.p == nil {
		return false
	}
	pkg, ok := s.X.(*ast.Ident)
	if !ok || c.env.isLocal(pkg.Name) || c.decls.Var(pkg.Name) != nil || c.decls.IsVar(pkg.Name) {
		return false
	}
	// a package variable (binary.LittleEndian) is not a type: yaegi
	// compiles `var _ binary.LittleEndian` all the same
	if k, ok := c.p.(interface{ SymbolKind(pkg, name string) string }); ok {
		if kind := k.SymbolKind(pkg.Name, s.Sel.Name); kind != "" {
			return kind == "type"
		}
	}
	src := "var _ " + c.r.print(x)
	known, seen := c.isType[src]
	if !seen {
		known = c.p.Probe(src) == nil
		c.isType[src] = known
	}
	return known
}

// forwarder builds func(__r recv, __p0 P0, …) results { return __r.m(__p0, …) }.
func forwarder(recv ast.Expr, m string, params, results *ast.FieldList) *ast.FuncLit {
	lit := forwardLit(&ast.SelectorExpr{X: ident("__r"), Sel: ident(m)}, params, results, token.NoPos)
	r := &ast.Field{Names: []*ast.Ident{ident("__r")}, Type: clone(recv)}
	lit.Type.Params.List = append([]*ast.Field{r}, lit.Type.Params.List...)
	return lit
}

// forwardLit is the function literal of the given signature that calls
// fun with its parameters (__p0, __p1, …) and returns what it returns; its
// nodes are at pos.
func forwardLit(fun ast.Expr, params, results *ast.FieldList, pos token.Pos) *ast.FuncLit {
	at := func(name string) *ast.Ident { return &ast.Ident{NamePos: pos, Name: name} }
	ft := &ast.FuncType{Func: pos, Params: &ast.FieldList{Opening: pos, Closing: pos}}
	call := &ast.CallExpr{Fun: fun, Lparen: pos, Rparen: pos}
	for i, t := range flatFields(params) {
		p := fmt.Sprintf("__p%d", i)
		ft.Params.List = append(ft.Params.List, &ast.Field{Names: []*ast.Ident{at(p)}, Type: clone(t)})
		call.Args = append(call.Args, at(p))
		if _, ok := t.(*ast.Ellipsis); ok {
			call.Ellipsis = max(pos, 1)
		}
	}
	var body ast.Stmt = &ast.ExprStmt{X: call}
	if rs := flatFields(results); len(rs) > 0 {
		ft.Results = &ast.FieldList{}
		for _, t := range rs {
			ft.Results.List = append(ft.Results.List, &ast.Field{Type: clone(t)})
		}
		body = &ast.ReturnStmt{Return: pos, Results: []ast.Expr{call}}
	}
	return &ast.FuncLit{Type: ft, Body: &ast.BlockStmt{Lbrace: pos, Rbrace: pos, List: []ast.Stmt{body}}}
}

// untypedNonInt reports whether an argument of call is an untyped
// constant whose default type is not int (2.5, 'x', 1i): yaegi infers a
// type parameter from it as the untyped kind ("untyped float does not
// implement Number"), where Go takes the default type.
func (c *callPass) untypedNonInt(call *ast.CallExpr) bool {
	for _, a := range call.Args {
		if id, ok := ast.Unparen(a).(*ast.Ident); ok && !c.env.isLocal(id.Name) && c.decls.IsConst(id.Name) {
			// a constant declared at top level: its type, or its
			// default type, is the one the declarations tell
			if t, ok := c.decls.Var(id.Name).(*ast.Ident); ok && t.Name != "int" {
				return true
			}
			continue
		}
		if !c.env.untyped(a) {
			continue
		}
		if id, ok := c.env.typeOf(a).(*ast.Ident); ok && id.Name != "int" {
			return true
		}
	}
	return false
}

// genericCall writes the type arguments of a call of a generic function
// when yaegi would infer them wrong. yaegi (generic.go,
// inferTypesFromCall) collects one type per occurrence of a type parameter
// in the parameter types, in order, and gives them to the type parameters
// by position: for `func Map[T, U any](xs []T, f func(T) U) []U` it finds
// T, T, U and takes U = T, so Map([]int{1}, func(int) string {…}) fails
// with "cannot use type func(int) string as type func(int) int"; it infers
// nothing from a variadic parameter. When the occurrences are not exactly
// the type parameters in order, the rewriter infers the type arguments
// itself from the arguments' types and writes them:
//
//	Map(xs, f)  ⇔  Map[int, string](xs, f)
//
// If an argument's type cannot be learnt, the call is refused.
func (c *callPass) genericCall(call *ast.CallExpr) {
	if explicitTypeArgs(call.Fun) != nil {
		return
	}
	fd := c.env.funcDecl(call.Fun)
	if fd == nil || fd.Type.TypeParams == nil {
		return
	}
	if yaegiInfers(fd) && !c.untypedNonInt(call) {
		c.plainArgTypes(call)
		return
	}
	binds := c.env.inferCallWith(fd, call, c.typeOf)
	tparams := fieldNames(fd.Type.TypeParams)
	if binds == nil {
		shown := make([]string, len(tparams))
		for i, n := range tparams {
			shown[i] = strings.TrimPrefix(n, "__tp") // renameTypeParams
		}
		c.refuse(fmt.Sprintf("%s(…) without type arguments (yaegi infers them by position)", c.r.print(call.Fun)),
			fmt.Sprintf("write them: %s[%s](…)", c.r.print(call.Fun), strings.Join(shown, ", ")))
		return
	}
	var args []ast.Expr
	for _, n := range tparams {
		args = append(args, clone(binds[n]))
	}
	if len(args) == 1 {
		call.Fun = &ast.IndexExpr{X: call.Fun, Index: args[0]}
	} else {
		call.Fun = &ast.IndexListExpr{X: call.Fun, Indices: args}
	}
}

// plainArgTypes converts the arguments of call, a generic call whose type
// arguments yaegi infers, that are values of a slice, array or map type
// of predeclared types other than literals, to that type: yaegi failed
// to infer from a value whose type a compiled function gave (words :=
// strings.Fields(s); Filter(words, f): a CFG panic at a nil type); the
// conversion, which changes nothing else, gives it the type as written:
//
//	Filter(words, f)  ⇔  Filter([]string(words), f)
func (c *callPass) plainArgTypes(call *ast.CallExpr) {
	for i, a := range call.Args {
		switch ast.Unparen(a).(type) {
		case *ast.CompositeLit, *ast.FuncLit, *ast.BasicLit:
			continue
		}
		t := c.typeOf(a)
		switch t.(type) {
		case *ast.ArrayType, *ast.MapType:
		default:
			continue
		}
		plain := true
		ast.Inspect(t, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.Ident:
				plain = plain && predeclaredTypes[x.Name] && !c.env.isLocal(x.Name) && c.decls.Type(x.Name) == nil
			case *ast.SelectorExpr, *ast.FuncType, *ast.InterfaceType, *ast.StructType, *ast.ChanType, *ast.Ellipsis:
				plain = false
			}
			return plain
		})
		if plain {
			call.Args[i] = &ast.CallExpr{Fun: &ast.ParenExpr{X: clone(t)}, Args: []ast.Expr{a}}
		}
	}
}

// yaegiInfers reports whether yaegi's positional inference gets the type
// arguments of a call of fd right: the occurrences of type parameters it
// collects from the parameter types are the type parameters, in order.
func yaegiInfers(fd *ast.FuncDecl) bool {
	tparams := fieldNames(fd.Type.TypeParams)
	isParam := map[string]bool{}
	for _, n := range tparams {
		isParam[n] = true
	}
	var occ []string
	var walk func(t ast.Expr) bool
	walk = func(t ast.Expr) bool {
		switch t := t.(type) {
		case *ast.Ident:
			if isParam[t.Name] {
				occ = append(occ, t.Name)
			}
		case *ast.StarExpr:
			return walk(t.X)
		case *ast.ArrayType:
			if t.Len == nil {
				return walk(t.Elt)
			}
			return !mentions(t, isParam)
		case *ast.ChanType:
			return walk(t.Value)
		case *ast.MapType:
			return walk(t.Key) && walk(t.Value)
		case *ast.FuncType:
			for _, p := range flatFields(t.Params) {
				if !walk(p) {
					return false
				}
			}
			for _, r := range flatFields(t.Results) {
				if !walk(r) {
					return false
				}
			}
		case *ast.StructType:
			for _, f := range flatFields(t.Fields) {
				if !walk(f) {
					return false
				}
			}
		case *ast.Ellipsis:
			// yaegi infers nothing from a variadic parameter: fine when
			// the earlier parameters gave its type parameters
			// (Insert[E any](s []E, i int, v ...E))
			for n := range isParam {
				if mentions(t, map[string]bool{n: true}) && !slices.Contains(occ, n) {
					return false
				}
			}
		default:
			// generic types (List[T]), parenthesised types: yaegi infers
			// nothing from them
			return !mentions(t, isParam)
		}
		return true
	}
	for _, p := range flatFields(fd.Type.Params) {
		if !walk(p) {
			return false
		}
	}
	if len(occ) < len(tparams) {
		return false
	}
	for i, n := range tparams {
		if occ[i] != n {
			return false
		}
	}
	return true
}

// mentions reports whether t uses one of the names (type parameters,
// declared types).
func mentions(t ast.Node, isParam map[string]bool) (found bool) {
	ast.Inspect(t, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && isParam[id.Name] {
			found = true
		}
		return !found
	})
	return found
}

// topGeneric routes the value of a top-level declaration that calls a
// generic function through a function literal: yaegi cannot use a generic
// call as the value of a top-level declaration (a nil pointer dereference
// in its global type analysis, gta.go, or "nil reflect type"); called from
// a function, it can. The shims (slices, maps) take another route before
// rendering (minmax.go).
//
//	ks := Keys(m)  ⇔  ks := func() []string { return Keys(m) }()
func (c *callPass) topGeneric() {
	var lhs, rhs []ast.Expr
	var declared ast.Expr
	switch n := c.top.(type) {
	case *ast.AssignStmt:
		if n.Tok != token.DEFINE && n.Tok != token.ASSIGN {
			return
		}
		lhs, rhs = n.Lhs, n.Rhs
	case *ast.GenDecl:
		if len(n.Specs) != 1 {
			return
		}
		spec := n.Specs[0].(*ast.ValueSpec)
		declared, rhs = spec.Type, spec.Values
		for _, name := range spec.Names {
			lhs = append(lhs, name)
		}
	default:
		return
	}
	// a single name defined from a shim (x := slices.Max(…)) takes
	// evalGenericDecl's route
	_, isVar := c.top.(*ast.GenDecl)
	if len(rhs) != 1 || !c.callsGeneric(rhs[0], len(lhs) > 1 || isVar) {
		return
	}
	var types []ast.Expr
	switch {
	case declared != nil:
		for range lhs {
			types = append(types, declared)
		}
	case len(lhs) == 1:
		types = []ast.Expr{c.typeOf(rhs[0])}
	default:
		if call, ok := ast.Unparen(rhs[0]).(*ast.CallExpr); ok {
			types = c.env.callResults(call)
		}
	}
	if len(types) != len(lhs) || slices.Contains(types, nil) {
		c.refuse(fmt.Sprintf("%s (a top-level declaration from a generic call)", c.r.print(rhs[0])),
			"declare it inside a function, or wrap the value: x := func() T { return … }()")
		return
	}
	ft := &ast.FuncType{Params: &ast.FieldList{}, Results: &ast.FieldList{}}
	for _, t := range types {
		ft.Results.List = append(ft.Results.List, &ast.Field{Type: clone(t)})
	}
	rhs[0] = &ast.CallExpr{Fun: &ast.FuncLit{Type: ft, Body: &ast.BlockStmt{List: []ast.Stmt{&ast.ReturnStmt{Results: []ast.Expr{rhs[0]}}}}}}
}

// callsGeneric reports whether e calls a generic function declared by
// interpreted code, outside function literals; one of the shims'
// (iter.Pull) too when shims is true.
func (c *callPass) callsGeneric(e ast.Expr, shims bool) (found bool) {
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			fun := n.Fun
			if x := explicitTypeArgs(fun); x != nil {
				switch f := ast.Unparen(fun).(type) {
				case *ast.IndexExpr:
					fun = f.X
				case *ast.IndexListExpr:
					fun = f.X
				}
			}
			if fd := c.env.funcDecl(fun); fd != nil && fd.Type.TypeParams != nil && (shims || !strings.Contains(exprKey(fun), ".")) {
				found = true
			}
		}
		return !found
	})
	return found
}

// interfaceReceiver rewrites a method call on the result of a conversion
// to an interface type or of a type assertion to one. yaegi calls the
// method of such an expression wrong ("reflect.Set: value of type
// time.Duration is not assignable to type string", "reflect: call of
// reflect.Value.Elem on int64 Value", "Method index out of range"); it
// calls it right on a value returned by a function:
//
//	fmt.Stringer(d).String()  ⇔  (d).String()
//
// Converting to an interface does not change which method is called. (An
// assertion to an interface, v.(fmt.Stringer), is rewritten wherever it
// is: singleAssert.)
func (c *callPass) interfaceReceiver(call *ast.CallExpr) {
	s, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return
	}
	switch x := ast.Unparen(s.X).(type) {
	case *ast.CallExpr:
		if len(x.Args) != 1 || x.Ellipsis.IsValid() || exprKey(x.Fun) == "" {
			return
		}
		if k, _ := c.interfaceKind(x.Fun); k == iface {
			s.X = &ast.ParenExpr{X: x.Args[0]}
		}
	}
}

// compiledInterface reports whether t names an interface of a compiled
// package (error, pkg.I).
func (c *callPass) compiledInterface(t ast.Expr) bool {
	switch x := ast.Unparen(t).(type) {
	case *ast.Ident:
		return x.Name == "error" && !c.env.isLocal("error") && c.decls.Type("error") == nil
	case *ast.SelectorExpr:
		return true
	}
	return false
}

// interfaceLiteral refuses an assertion to an interface type literal with
// methods, v.(interface{ Unwrap() error }): yaegi (run.go, typeAssert)
// matches an interface declared by interpreted code only against values of
// interpreted types, so that the assertion fails for every compiled value,
// the errors of fmt and of the ORM included, and the comma-ok form answers
// false. The forms the rewrites handle (single-value and comma-ok
// assertions, type switch cases: assertTests, which answers for compiled
// values by their methods) do not get here: what is left is refused.
func (c *callPass) interfaceLiteral(t ast.Expr, where ast.Expr) bool {
	it, ok := ast.Unparen(t).(*ast.InterfaceType)
	if !ok || it.Methods == nil || len(it.Methods.List) == 0 {
		return false
	}
	c.refuse(fmt.Sprintf("%s (an assertion to an interface type literal)", c.r.print(where)),
		"yaegi matches no compiled value against it; use errors.Unwrap or errors.As, or assert to a concrete type or a named interface")
	return true
}
