package repl

import (
	"go/ast"
	"go/token"
	"regexp"
	"strconv"
	"strings"
)

// Type switches and comma-ok type assertions (see rewrite_calls.go).
//
// yaegi's type switch (run.go, _case) matches a clause without a bound
// variable only by the name of the dynamic type, so `case error:` and every
// other interface case never match; with a variable, `case error:` never
// matches (yaegi compares error's category, not its methods) and a case
// naming an interpreted type does not either. Its assertions do better,
// with three defects the rewrites avoid:
//
//   - `x, ok := v.(I)` and `x := v.(I)`, I an interface and v holding a
//     value of an interpreted type, build x from the node where the value
//     was made, read in the frame of the asserting function
//     (genInterfaceWrapper(val.node, …)(f)): a nil interface, a panic
//     ("reflect.Set: value of type *bool is not assignable to …"), or the
//     value of some other variable. The status alone (`_, ok := v.(I)`)
//     is right, and so is the assertion to the concrete type, converted to
//     I by an assignment: for each type declared by interpreted code whose
//     method set has I's methods, the rewrite tests it first.
//   - a value of an interpreted type with value receivers, stored in an
//     `any` variable, is not found to implement an interface: the same
//     concrete tests catch it.
//   - for a nil operand, the assertion to an interface type panics
//     ("reflect: call of reflect.Value.Type on zero Value") where Go gives
//     false: a nil test comes first.

// assertTests returns the tests that v holds a value of type t, in order,
// each an if statement whose body stores the value, typed t, in dst (when
// dst is not nil) and then runs then. Their Else are left for the caller
// to chain. operand is the expression asserted (v holds its value).
func (c *callPass) assertTests(operand, v, t, dst ast.Expr, then []ast.Stmt) []*ast.IfStmt {
	body := func(get ast.Stmt) *ast.BlockStmt {
		var list []ast.Stmt
		if dst != nil && get != nil {
			list = append(list, get)
		}
		return &ast.BlockStmt{List: append(list, cloneStmts(then)...)}
	}
	status := func(typ ast.Expr) (ast.Stmt, ast.Expr) {
		ok := ident(c.r.names.next("ok"))
		if c.identified(typ) {
			// by the type that made the value, or, for a value yaegi
			// stored without it, by its reflect type (rewrite_identity.go)
			init := &ast.AssignStmt{Lhs: []ast.Expr{ok}, Tok: token.DEFINE, Rhs: []ast.Expr{c.identityTest(v, typ)}}
			c.made[init] = true
			return init, ok
		}
		init := &ast.AssignStmt{Lhs: []ast.Expr{ident("_"), ok}, Tok: token.DEFINE, Rhs: []ast.Expr{&ast.TypeAssertExpr{X: v, Type: typ}}}
		c.made[init] = true
		if kind, _ := c.interfaceKind(typ); kind == concrete {
			if like := c.lookalikes(typ); len(like) > 0 {
				// a celsius is not a float64, though reflect sees one
				return init, &ast.BinaryExpr{X: ok, Op: token.LAND, Y: &ast.UnaryExpr{Op: token.NOT, X: c.nameTest(v, like)}}
			}
		}
		return init, ok
	}
	kind, methods := c.interfaceKind(t)
	if kind == emptyIface {
		// any value but nil; no assertion to build it
		return []*ast.IfStmt{{Cond: &ast.BinaryExpr{X: v, Op: token.NEQ, Y: ident("nil")}, Body: body(assign(token.ASSIGN, dst, v))}}
	}
	var tests []*ast.IfStmt
	if kind == iface {
		// a type tested must implement the operand's interface too: Go
		// rejects x.(T) for a T without its methods ("impossible type
		// assertion"), and so does yaegi
		need := methods
		if t := c.typeOf(operand); t != nil && methods != nil {
			if k, m := c.interfaceKind(t); k == iface && m != nil {
				need = append(append([]string(nil), methods...), m...)
			}
		}
		for _, impl := range c.implementers(t, need) {
			init, ok := status(impl)
			tests = append(tests, &ast.IfStmt{Init: init, Cond: ok, Body: body(assign(token.ASSIGN, dst, c.heldAssert(v, impl)))})
		}
	}
	init, ok := status(t)
	if kind == iface {
		// a T whose *T has the methods does not implement the interface
		// (T's method set lacks the pointer methods), but yaegi's own
		// assertion answers true
		for _, name := range c.pointerOnlyImplementers(methods, operand) {
			var is ast.Expr
			if c.identified(ident(name)) {
				is = c.identityTest(v, ident(name))
			} else {
				is = c.nameTest(v, []ast.Expr{ident(name)})
			}
			ok = &ast.BinaryExpr{X: ok, Op: token.LAND, Y: &ast.UnaryExpr{Op: token.NOT, X: is}}
		}
	}
	var get ast.Stmt = assign(token.ASSIGN, dst, c.heldAssert(v, t))
	if kind == iface && dst != nil {
		// the comma-ok form (the single-value assertion to an interface
		// panics for a value yaegi cannot convert), with ok rather than a
		// blank identifier, whose type yaegi mixes up between assertions
		a := &ast.AssignStmt{Lhs: []ast.Expr{dst, ok}, Tok: token.ASSIGN, Rhs: []ast.Expr{&ast.TypeAssertExpr{X: v, Type: t}}}
		c.made[a] = true
		get = a
	}
	tests = append(tests, &ast.IfStmt{Init: init, Cond: ok, Body: body(get)})
	if kind == iface && !c.compiledInterface(t) {
		if id, names, sigs := c.shellSignatures(t); id != nil {
			// a value of a compiled type with the interface's methods:
			// yaegi answers false; the shell answers the status, and
			// refuses to make the interface value, which yaegi cannot
			check := &ast.CallExpr{Fun: ident(compiledImplementsHook), Args: []ast.Expr{v, stringsLit(names), stringsLit(sigs)}}
			list := cloneStmts(then)
			if dst != nil {
				list = []ast.Stmt{&ast.ExprStmt{X: &ast.CallExpr{Fun: ident("panic"), Args: []ast.Expr{&ast.CallExpr{
					Fun: ident(compiledInShellIfaceHook), Args: []ast.Expr{v, &ast.BasicLit{Kind: token.STRING, Value: strconv.Quote(id.Name)}},
				}}}}}
			}
			tests = append(tests, &ast.IfStmt{Cond: check, Body: &ast.BlockStmt{List: list}})
		}
	}
	return tests
}

// stringsLit is the []string literal of ss.
func stringsLit(ss []string) ast.Expr {
	lit := &ast.CompositeLit{Type: &ast.ArrayType{Elt: ident("string")}}
	for _, s := range ss {
		lit.Elts = append(lit.Elts, &ast.BasicLit{Kind: token.STRING, Value: strconv.Quote(s)})
	}
	return lit
}

// shellSignatures returns, for t an interface type declared in the shell or
// an interface type literal, whose methods are all written out (none
// embedded), its name (the literal's text) and
// its methods' names and signatures as reflect writes them (func(int)
// string); a nil name otherwise.
func (c *callPass) shellSignatures(t ast.Expr) (*ast.Ident, []string, []string) {
	var it *ast.InterfaceType
	var id *ast.Ident
	switch x := ast.Unparen(t).(type) {
	case *ast.InterfaceType:
		it, id = x, ident(c.r.print(x)) // a type literal, by its text
	case *ast.Ident:
		if c.env.isLocal(x.Name) {
			return nil, nil, nil
		}
		spec := c.decls.Type(x.Name)
		if spec == nil || spec.TypeParams != nil {
			return nil, nil, nil
		}
		it, _ = spec.Type.(*ast.InterfaceType)
		id = x
	}
	if it == nil || it.Methods == nil {
		return nil, nil, nil
	}
	var names, sigs []string
	for _, m := range it.Methods.List {
		ft, ok := m.Type.(*ast.FuncType)
		if !ok || len(m.Names) == 0 {
			return nil, nil, nil
		}
		sig := c.reflectSignature(ft)
		for _, n := range m.Names {
			names = append(names, n.Name)
			sigs = append(sigs, sig)
		}
	}
	return id, names, sigs
}

// reflectSignature writes ft as reflect.Type's String does.
func (c *callPass) reflectSignature(ft *ast.FuncType) string {
	list := func(fl *ast.FieldList) []string {
		var out []string
		if fl == nil {
			return nil
		}
		for _, f := range fl.List {
			typ := c.r.print(f.Type)
			if e, ok := f.Type.(*ast.Ellipsis); ok {
				typ = "..." + c.r.print(e.Elt)
			}
			typ = reflectTypeText(typ)
			for range max(1, len(f.Names)) {
				out = append(out, typ)
			}
		}
		return out
	}
	sig := "func(" + strings.Join(list(ft.Params), ", ") + ")"
	switch res := list(ft.Results); len(res) {
	case 0:
	case 1:
		sig += " " + res[0]
	default:
		sig += " (" + strings.Join(res, ", ") + ")"
	}
	return sig
}

// reflectTypeText writes a type as reflect does: the empty interface
// "interface {}", byte uint8 and rune int32.
func reflectTypeText(s string) string {
	s = strings.ReplaceAll(s, "interface{}", "interface {}")
	return reflectAliases.ReplaceAllStringFunc(s, func(w string) string {
		return map[string]string{"any": "interface {}", "byte": "uint8", "rune": "int32"}[w]
	})
}

var reflectAliases = regexp.MustCompile(`\b(any|byte|rune)\b`)

func cloneStmts(list []ast.Stmt) []ast.Stmt {
	out := make([]ast.Stmt, len(list))
	for i, s := range list {
		out[i] = clone(s)
	}
	return out
}

type ifaceKind int

const (
	concrete ifaceKind = iota
	emptyIface
	iface
)

// interfaceKind tells whether t is an interface type and, when the
// rewriter knows them, the names of its methods (nil if unknown).
func (c *callPass) interfaceKind(t ast.Expr) (ifaceKind, []string) {
	switch x := ast.Unparen(t).(type) {
	case *ast.Ident:
		if c.env.isLocal(x.Name) {
			return concrete, nil
		}
		switch x.Name {
		case "any":
			return emptyIface, nil
		case "error":
			return iface, []string{"Error"}
		}
		if spec := c.decls.Type(x.Name); spec != nil {
			if it, ok := spec.Type.(*ast.InterfaceType); ok {
				return c.literalKind(it)
			}
		}
		return concrete, nil
	case *ast.InterfaceType:
		return c.literalKind(x)
	case *ast.SelectorExpr:
		if exprKey(x) == "fmt.Stringer" {
			return iface, []string{"String"}
		}
		if c.p != nil && c.p.Probe("_ = func(x "+c.r.print(x)+") { _ = x.(any) }") == nil {
			return iface, nil
		}
	}
	return concrete, nil
}

func (c *callPass) literalKind(it *ast.InterfaceType) (ifaceKind, []string) {
	if it.Methods == nil || len(it.Methods.List) == 0 {
		return emptyIface, nil
	}
	var names []string
	for _, m := range it.Methods.List {
		if len(m.Names) == 0 {
			// an embedded interface: its methods are not listed here
			if id, ok := m.Type.(*ast.Ident); ok && id.Name == "error" {
				names = append(names, "Error")
				continue
			}
			return iface, nil
		}
		for _, n := range m.Names {
			names = append(names, n.Name)
		}
	}
	return iface, names
}

// implementers returns the types declared by interpreted code (N, *N)
// whose method sets have the methods listed, or, when they are not known,
// that a compile probe finds assignable to t.
func (c *callPass) implementers(t ast.Expr, methods []string) []ast.Expr {
	var out []ast.Expr
	has := func(set map[string]bool) bool {
		for _, m := range methods {
			if !set[m] {
				return false
			}
		}
		return true
	}
	for _, ms := range c.decls.methodSets() {
		if c.env.isLocal(ms.name) {
			continue
		}
		ptr := &ast.StarExpr{X: ident(ms.name)}
		switch {
		case methods != nil:
			if has(ms.value) {
				out = append(out, ident(ms.name))
			}
			if has(ms.pointer) {
				out = append(out, ptr)
			}
		case c.p != nil && c.p.Probe("var _ "+c.r.print(t)+" = (*"+ms.name+")(nil)") == nil:
			// yaegi does not tell value from pointer receivers: the value
			// counts only when no method has a pointer receiver
			if len(ms.value) == len(ms.pointer) {
				out = append(out, ident(ms.name))
			}
			out = append(out, ptr)
		}
	}
	return out
}

// pointerOnlyImplementers returns the types declared by interpreted code
// whose pointer method set has the methods and whose value method set has
// not (none when the methods are not known).
func (c *callPass) pointerOnlyImplementers(methods []string, operand ast.Expr) []string {
	if methods == nil {
		return nil
	}
	if t := c.typeOf(operand); t != nil {
		if k, m := c.interfaceKind(t); k == iface && m != nil {
			methods = append(append([]string(nil), methods...), m...)
		}
	}
	var out []string
	for _, ms := range c.decls.methodSets() {
		if c.env.isLocal(ms.name) {
			continue
		}
		value, pointer := true, true
		for _, m := range methods {
			value = value && ms.value[m]
			pointer = pointer && ms.pointer[m]
		}
		if pointer && !value {
			out = append(out, ms.name)
		}
	}
	return out
}

// typeSwitch rewrites a type switch into the tests of assertTests; the
// value is evaluated once, the first clause that matches runs, with the
// variable typed as Go types it, and default keeps its meaning wherever it
// stands:
//
//	switch x := v.(type) {     ⇔  {
//	case int, string: A        ⇔  	__v := v
//	case error: B              ⇔  	__c := -1
//	case nil: C                ⇔  	var __x1 error
//	default: D                 ⇔  	if __v == nil { __c = 2 }
//	}                          ⇔  	else if _, ok := __v.(int); ok { __c = 0 } else if _, ok := __v.(string); ok { __c = 0 }
//	                           ⇔  	else if _, ok := __v.(*MyErr); ok { __x1 = __v.(*MyErr); __c = 1 }
//	                           ⇔  	else if _, ok := __v.(error); ok { __x1, ok = __v.(error); __c = 1 }
//	                           ⇔  	switch __c {
//	                           ⇔  	case 0: x := __v; _ = x; A
//	                           ⇔  	case 1: x := __x1; _ = x; B
//	                           ⇔  	case 2: x := __v; _ = x; C
//	                           ⇔  	default: x := __v; _ = x; D
//	                           ⇔  	}
//	                           ⇔  }
//
// break in a clause leaves the inner switch, as it left the type switch; a
// label on the type switch moves to the inner switch.
func (c *callPass) typeSwitch(s *ast.TypeSwitchStmt, label *ast.Ident) ast.Stmt {
	var bound *ast.Ident
	if a, ok := s.Assign.(*ast.AssignStmt); ok {
		bound = a.Lhs[0].(*ast.Ident)
	}
	ta := switchAssert(s)
	if ta == nil || !c.hasInterfaceCase(s) {
		return nil
	}
	v, cv := ident(c.r.names.next("v")), ident(c.r.names.next("c"))
	var block []ast.Stmt
	if s.Init != nil {
		block = append(block, s.Init)
	}
	block = append(block, define(v, ta.X), define(cv, &ast.UnaryExpr{Op: token.SUB, X: intLit(1)}))

	var tests []*ast.IfStmt
	inner := &ast.SwitchStmt{Tag: cv, Body: &ast.BlockStmt{}}
	nilClause := -1
	for i, cl := range s.Body.List {
		cc := cl.(*ast.CaseClause)
		var body []ast.Stmt
		var captured *ast.Ident // the value of a single-type clause
		if bound != nil && bound.Name != "_" {
			x := ident(bound.Name)
			if len(cc.List) == 1 && !isNilIdent(cc.List[0]) {
				captured = ident(c.r.names.next("x"))
				block = append(block, &ast.DeclStmt{Decl: &ast.GenDecl{Tok: token.VAR, Specs: []ast.Spec{
					&ast.ValueSpec{Names: []*ast.Ident{captured}, Type: cc.List[0]},
				}}})
				body = append(body, define(x, captured))
			} else {
				body = append(body, define(x, v))
			}
			body = append(body, assign(token.ASSIGN, ident("_"), ident(bound.Name)))
		}
		body = append(body, cc.Body...)
		out := &ast.CaseClause{Body: body}
		if cc.List != nil {
			out.List = []ast.Expr{intLit(i)}
		}
		inner.Body.List = append(inner.Body.List, out)
		for _, t := range cc.List {
			if isNilIdent(t) {
				if nilClause < 0 {
					nilClause = i
				}
				continue
			}
			var dst ast.Expr
			if captured != nil {
				dst = captured
			}
			tests = append(tests, c.assertTests(ta.X, v, t, dst, []ast.Stmt{assign(token.ASSIGN, cv, intLit(i))})...)
		}
	}
	nilTest := &ast.IfStmt{Cond: &ast.BinaryExpr{X: v, Op: token.EQL, Y: ident("nil")}, Body: &ast.BlockStmt{}}
	if nilClause >= 0 {
		nilTest.Body.List = []ast.Stmt{assign(token.ASSIGN, cv, intLit(nilClause))}
	}
	chainTests(nilTest, tests)
	block = append(block, nilTest)
	var sw ast.Stmt = inner
	if label != nil {
		sw = &ast.LabeledStmt{Label: label, Stmt: inner}
	}
	block = append(block, sw)
	return &ast.BlockStmt{List: block}
}

func intLit(i int) *ast.BasicLit { return &ast.BasicLit{Kind: token.INT, Value: strconv.Itoa(i)} }

// chainTests links tests as the else branches of first, in order.
func chainTests(first *ast.IfStmt, tests []*ast.IfStmt) {
	last := first
	for _, t := range tests {
		last.Else = t
		last = t
	}
}

// commaOk rewrites a comma-ok type assertion into the tests of assertTests
// after a nil test:
//
//	a, ok := x.(T)  ⇔  __v := x; var __t T; __ok := false; if __v == nil {} else if <tests setting __t, __ok> ; a, ok := __t, __ok
//
// It returns the statements replacing s, nil if s is not such an
// assignment. At top level, where the statements would be units of their
// own, they go into a function literal.
func (c *callPass) commaOk(s ast.Stmt) []ast.Stmt {
	a, ok := s.(*ast.AssignStmt)
	if !ok || c.made[s] || len(a.Lhs) != 2 || len(a.Rhs) != 1 || a.Tok != token.DEFINE && a.Tok != token.ASSIGN {
		return nil
	}
	ta, ok := ast.Unparen(a.Rhs[0]).(*ast.TypeAssertExpr)
	if !ok || ta.Type == nil {
		return nil
	}
	v, t, okv := ident(c.r.names.next("v")), ident(c.r.names.next("t")), ident(c.r.names.next("ok"))
	nilTest := &ast.IfStmt{Cond: &ast.BinaryExpr{X: v, Op: token.EQL, Y: ident("nil")}, Body: &ast.BlockStmt{}}
	var dst ast.Expr = t
	if id, ok := a.Lhs[0].(*ast.Ident); ok && id.Name == "_" {
		dst = nil // the status alone
	}
	chainTests(nilTest, c.assertTests(ta.X, v, ta.Type, dst, []ast.Stmt{assign(token.ASSIGN, okv, ident("true"))}))
	steps := []ast.Stmt{
		define(v, ta.X),
		&ast.DeclStmt{Decl: &ast.GenDecl{Tok: token.VAR, Specs: []ast.Spec{&ast.ValueSpec{Names: []*ast.Ident{t}, Type: clone(ta.Type)}}}},
		define(okv, ident("false")),
		nilTest,
	}
	if s == c.top {
		// a, ok := func() (T, bool) { <steps>; return __t, __ok }()
		lit := &ast.FuncLit{
			Type: &ast.FuncType{Params: &ast.FieldList{}, Results: &ast.FieldList{List: []*ast.Field{{Type: clone(ta.Type)}, {Type: ident("bool")}}}},
			Body: &ast.BlockStmt{List: append(steps, &ast.ReturnStmt{Results: []ast.Expr{t, okv}})},
		}
		return []ast.Stmt{&ast.AssignStmt{Lhs: a.Lhs, Tok: a.Tok, Rhs: []ast.Expr{&ast.CallExpr{Fun: lit}}}}
	}
	return append(steps, &ast.AssignStmt{Lhs: a.Lhs, Tok: a.Tok, Rhs: []ast.Expr{t, okv}})
}

// ifCommaOk applies commaOk to the init statements of an if and of the ifs
// chained in its else branches:
//
//	if a, ok := x.(T); ok { … }  ⇔  { <commaOk statements>; if ok { … } }
func (c *callPass) ifCommaOk(s *ast.IfStmt) ast.Stmt {
	for cur := s; cur != nil; {
		next, _ := cur.Else.(*ast.IfStmt)
		if next != nil {
			if out := c.ifCommaOkOne(next); out != ast.Stmt(next) {
				cur.Else = out.(*ast.BlockStmt)
			}
		}
		cur = next
	}
	return c.ifCommaOkOne(s)
}

func (c *callPass) ifCommaOkOne(s *ast.IfStmt) ast.Stmt {
	if s.Init == nil {
		return s
	}
	list := c.commaOk(s.Init)
	if list == nil {
		return s
	}
	s.Init = nil
	return &ast.BlockStmt{List: append(list, s)}
}

// hasInterfaceCase reports whether a clause of a type switch names an
// interface type or a pointer type. Without one, yaegi's own switch is
// kept: it tells apart interpreted types that reflect sees as one (two
// empty structs), which assertions do not.
func (c *callPass) hasInterfaceCase(s *ast.TypeSwitchStmt) bool {
	for _, cl := range s.Body.List {
		for _, t := range cl.(*ast.CaseClause).List {
			if isNilIdent(t) {
				continue
			}
			if _, ptr := t.(*ast.StarExpr); ptr {
				return true
			}
			if c.identified(t) || len(c.lookalikes(t)) > 0 {
				// yaegi's switch with a variable does not match a value
				// by the type that made it (rewrite_identity.go)
				return true
			}
			if kind, _ := c.interfaceKind(t); kind == iface || kind == emptyIface {
				return true
			}
		}
	}
	return false
}
