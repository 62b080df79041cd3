package repl

// Rewrites for yaegi's defects around calls, conversions and interface
// assertions. They run after the statement rewrites of rewrite_walk.go, on
// the whole unit, in source order (a statement is done, nested bodies
// included, before the next one starts), and each names the yaegi
// behaviour it absorbs where it is written:
//
//	f(a, xs)                  ⇔  f(a, __odshrt.Any(xs))   f variadic over an empty interface    (variadicArgs)
//	T.M (a value)             ⇔  func(__r T, __p0 P) R { return __r.M(__p0) }                  (methodValue)
//	pkg.T.M(r, p)             ⇔  func(__r pkg.T, __p0 P) R { return __r.M(__p0) }(r, p)         (methodCall)
//	fmt.Stringer(d).String()  ⇔  (d).String()                                                   (interfaceReceiver)
//	Map(xs, f)                ⇔  Map[int, string](xs, f)   when yaegi would infer by position  (genericCall)
//	ks := Keys(m)  (top)      ⇔  ks := func() []string { return Keys(m) }()                    (topGeneric)
//	recover()                 ⇔  __odshrt.Recovered(recover())                                  (recoverCall)
//	switch x := v.(type) {…}  ⇔  comma-ok assertions, then a switch on the clause number       (rewrite_switch.go)
//	a, ok := v.(T)            ⇔  a nil test, then comma-ok assertions                          (rewrite_switch.go)
//	for k, v := range f {…}   ⇔  a loop pulling from f run in a goroutine                      (rewrite_rangefunc.go)
//
// The types these rewrites need come from the unit's syntax, the
// declarations of earlier entries (Decls) and compile probes (probeType).
// What cannot be made right is refused: the unit does not run and the
// entry fails with a *RefusedError naming the construct and what to write
// instead.

import (
	"fmt"
	"go/ast"
	"go/token"
	"regexp"
	"strings"
)

// Prober is implemented by an Oracle that can compile code without running
// it, remembers the declarations of earlier entries and can stop a unit
// the rewriter refuses. The rewrites that need types use it; without it
// they rely on the unit's own declarations.
type Prober interface {
	// Probe compiles src at top level, runs nothing, and returns yaegi's
	// error, nil if src compiles.
	Probe(src string) error
	// Decls returns the declarations of the entries rendered so far.
	Decls() *Decls
	// Refuse records that the unit being rendered must not run: the next
	// evaluation fails with err instead.
	Refuse(err error)
}

// RefusedError is a construct the shell does not run because yaegi would
// run it wrong, with what to write instead.
type RefusedError struct {
	Construct  string
	Workaround string
	// Invalid is set for a construct Go refuses too, which yaegi would
	// run: the message is then Go's compile error (Construct)
	Invalid bool
}

// Error returns one line: the construct, then the workaround.
func (e *RefusedError) Error() string {
	if e.Invalid {
		return e.Construct
	}
	return fmt.Sprintf("the shell does not run %s, which yaegi runs wrong: %s", e.Construct, e.Workaround)
}

// callPass walks one unit for the call rewrites.
type callPass struct {
	// noKeepAny: the values being kept are returned (keepStmt)
	noKeepAny bool
	r         *rewriter
	p         Prober // nil when the oracle cannot probe
	decls     *Decls
	env       *typeEnv
	root      ast.Node
	stack     []ast.Node
	done      map[ast.Node]bool
	// top is the unit's statement or var declaration when it declares at
	// top level (x := …, var x = …).
	top ast.Node
	// made are statements the pass generated, not to be rewritten again.
	made map[ast.Stmt]bool
	// isType caches compiledType's probes.
	isType map[string]bool
	// refused is the first construct refused in the unit.
	refused *RefusedError
	// probed caches the types probeType found (or not), by expression.
	probed map[ast.Expr]ast.Expr
	// embedIface: names of methods promoted from embedded interfaces
	// (embeddedIfaceMethods), nil until asked
	embedIface map[string]bool
	// heldAny are the arguments anyResultsFirst put in place of calls
	// returning any (their variables are new to the type probes)
	heldAny map[ast.Expr]bool
	// apart are the calls madeApart made, with the declared type of the
	// value each puts into an interface (any(State(1)) rewritten)
	apart map[ast.Expr]ast.Expr
}

// calls applies the call rewrites to the unit rooted at root (a
// declaration, or a block holding the unit's statement).
func (r *rewriter) calls(root ast.Node) {
	c := &callPass{r: r, root: root, done: map[ast.Node]bool{}, heldAny: map[ast.Expr]bool{}, apart: map[ast.Expr]ast.Expr{}, made: map[ast.Stmt]bool{}, isType: map[string]bool{}, refused: r.refused}
	c.p, _ = r.oracle.(Prober)
	if c.p != nil {
		c.decls = c.p.Decls()
	} else {
		c.decls = NewDecls()
	}
	switch n := root.(type) {
	case *ast.FuncDecl, *ast.GenDecl:
		c.decls.Learn(n)
		if g, ok := n.(*ast.GenDecl); ok && g.Tok == token.VAR {
			c.top = g
		}
	case *ast.BlockStmt:
		if len(n.List) == 1 && classify(n.List[0]) == Decl {
			c.decls.Learn(n.List[0])
			c.top = n.List[0]
		}
	}
	c.env = localTypes(root, c.decls)
	if a, ok := c.top.(*ast.AssignStmt); ok && a.Tok == token.DEFINE && len(a.Lhs) == 1 && len(a.Rhs) == 1 {
		// the type the declarations could not tell alone (a generic
		// call's result), for the entries after it
		if id, ok := a.Lhs[0].(*ast.Ident); ok && id.Name != "_" && c.decls.Var(id.Name) == nil {
			c.decls.LearnVarType(id.Name, c.env.typeOf(a.Rhs[0]))
		}
	}
	func() {
		// a bug of the pass must not take the shell down: the unit is
		// refused instead
		defer func() {
			if e := recover(); e != nil {
				c.refused = &RefusedError{Construct: "this entry", Workaround: fmt.Sprintf("rewriting it failed (%v); please report it", e)}
			}
		}()
		ast.Walk(c, root)
		if g, ok := root.(*ast.GenDecl); ok {
			for _, vs := range storedValues(g) {
				parenLiterals(vs)
			}
			c.nilTopVar(g)
			c.keepDecl(g)
		}
		c.topGeneric()
	}()
	if c.p != nil {
		if c.refused != nil {
			c.p.Refuse(c.refused)
		} else {
			c.p.Refuse(nil) // forget a refusal of a unit rendered but not run
		}
	}
}

// refuse notes a construct that cannot be rewritten right.
func (c *callPass) refuse(construct, workaround string) {
	if c.refused == nil {
		c.refused = &RefusedError{Construct: construct, Workaround: workaround}
	}
}

// invalid refuses the unit with Go's compile error msg, for code Go
// rejects and yaegi would run without a word.
func (c *callPass) invalid(msg string) {
	if c.refused == nil {
		c.refused = &RefusedError{Construct: msg, Invalid: true}
	}
}

// mapElemAssign rejects, as Go does, an assignment to a field or array
// element of a map's element (m[k].X = v, m[k].A[0]++), which is not
// addressable: yaegi assigned to a copy and the map kept its value.
func (c *callPass) mapElemAssign(lhs ast.Expr) {
	e, fields := ast.Unparen(lhs), 0
	for {
		switch x := e.(type) {
		case *ast.SelectorExpr:
			t := c.typeOf(x.X)
			if t == nil || isStar(c.env.under(t)) {
				return // (through a pointer: addressable)
			}
			e, fields = ast.Unparen(x.X), fields+1
			continue
		case *ast.IndexExpr:
			switch t := c.env.under(c.typeOf(x.X)).(type) {
			case *ast.MapType:
				if fields == 0 {
					return
				}
				if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok {
					c.invalid(fmt.Sprintf("cannot assign to struct field %s in map", c.r.print(sel)))
				} else {
					c.invalid(fmt.Sprintf("cannot assign to %s (neither addressable nor a map index expression)", c.r.print(lhs)))
				}
				return
			case *ast.ArrayType:
				if t.Len == nil {
					return // a slice's element is addressable
				}
				e, fields = ast.Unparen(x.X), fields+1
				continue
			}
		}
		return
	}
}

// Visit implements ast.Visitor: statement lists are handled by list, other
// nodes after their children (post).
func (c *callPass) Visit(n ast.Node) ast.Visitor {
	if n == nil {
		top := c.stack[len(c.stack)-1]
		c.stack = c.stack[:len(c.stack)-1]
		c.post(top)
		return nil
	}
	if c.done[n] {
		return nil
	}
	switch n := n.(type) {
	case *ast.BlockStmt:
		c.stack = append(c.stack, n)
		c.list(&n.List)
		c.stack = c.stack[:len(c.stack)-1]
		return nil
	case *ast.CaseClause:
		c.stack = append(c.stack, n)
		for _, e := range n.List {
			ast.Walk(c, e)
		}
		c.list(&n.Body)
		c.stack = c.stack[:len(c.stack)-1]
		return nil
	case *ast.CommClause:
		c.stack = append(c.stack, n)
		if n.Comm != nil {
			ast.Walk(c, n.Comm)
			if send, ok := n.Comm.(*ast.SendStmt); ok {
				c.keepSend(send, true)
			}
		}
		c.list(&n.Body)
		c.stack = c.stack[:len(c.stack)-1]
		return nil
	}
	c.stack = append(c.stack, n)
	return c
}

// interfaceMapKey refuses a key that yaegi would store wrongly in a map
// keyed by an interface (n is the index expression or literal element):
//
//   - a value of a type declared in the shell (not an interface): yaegi
//     stores it as its underlying value, so C(1) and 1 were one key, and
//     the key read back had lost its type;
//   - any key of a map keyed by an interface declared in the shell:
//     yaegi compares such interface values by where they were made, so an
//     equal key made elsewhere found nothing.
func (c *callPass) interfaceMapKey(m, key ast.Expr, n ast.Node) {
	mt, ok := c.env.under(c.typeOf(m)).(*ast.MapType)
	if !ok {
		return
	}
	c.interfaceMapKeyOf(mt, key, n)
}

func (c *callPass) interfaceMapKeyOf(mt *ast.MapType, key ast.Expr, n ast.Node) {
	if c.interp() == nil {
		return
	}
	kind, _ := c.interfaceKind(mt.Key)
	if kind == concrete {
		return
	}
	if id, ok := ast.Unparen(mt.Key).(*ast.Ident); ok && !c.env.isLocal(id.Name) && kind == iface && !c.compiledInterface(mt.Key) {
		c.refuse(fmt.Sprintf("%s (a key of a map keyed by %s, an interface declared in the shell: yaegi compares such keys by where they were made, so an equal key made elsewhere finds nothing)", c.r.print(n), id.Name),
			"key the map by a concrete type (map[T]…, T the key's type) or by a value of a predeclared type (a string or an int made from the key)")
		return
	}
	// (a pointer is no other pointer's equal: it cannot collide)
	if t := c.keepType(key); t != nil && !isStar(t) && !c.distinctStruct(t) {
		c.refuse(fmt.Sprintf("%s (a key of the declared type %s in a map keyed by %s: yaegi stores it as its underlying value, so %s and a plain value equal to it are one key, and the key read back is not a %s)",
			c.r.print(n), c.r.print(t), c.r.print(mt.Key), c.r.print(key), c.r.print(t)),
			"key the map by "+c.r.print(t)+" (map["+c.r.print(t)+"]…) or by a value of a predeclared type")
	}
}

// valuesFirst evaluates into new variables, before an assignment, the
// values yaegi would store wrongly:
//
//   - a negation, complement, logical not, remainder or shift (ifaceOpenOp)
//     assigned to an interface (b = -x with b an any, a map or slice
//     element, a field of interface type): yaegi ended the function there
//     without a word (the statements after it did not run, and the
//     program exited 0), or panicked for !;
//
//   - a pointer dereference assigned to the blank identifier: Go
//     dereferences (a nil pointer panics), yaegi skipped it.
//
//     b = -x  ⇔  __v1 := -x; b = __v1
//     _ = *p  ⇔  __v2 := *p; _ = __v2
func (c *callPass) valuesFirst(a *ast.AssignStmt) []ast.Stmt {
	if a.Tok != token.ASSIGN || len(a.Lhs) != len(a.Rhs) {
		return nil
	}
	first := func(i int) bool {
		if isBlank(a.Lhs[i]) {
			_, deref := ast.Unparen(a.Rhs[i]).(*ast.StarExpr)
			return deref
		}
		if !ifaceOpenOp(a.Rhs[i]) {
			return false
		}
		t := c.typeOf(a.Lhs[i])
		if t == nil {
			return true // not known: the new variable costs nothing
		}
		k, _ := c.interfaceKind(t)
		return k != concrete
	}
	return c.evalFirst(a, a.Rhs, first)
}

// evalFirst replaces the values of statement s that must (first) by new
// variables, and returns their definitions.
func (c *callPass) evalFirst(s ast.Stmt, values []ast.Expr, must func(i int) bool) []ast.Stmt {
	var pre []ast.Stmt
	for i, v := range values {
		if !must(i) {
			continue
		}
		tmp := c.tempFor(s)
		pre = append(pre, define(tmp, v))
		values[i] = ident(tmp.Name)
	}
	return pre
}

// ifaceOpenOp reports whether e is an operation whose result yaegi stores
// into an interface wrongly: -x, ^x, !x, x % y, x << y, x >> y (x + y,
// (x % y) and the others are stored right).
func ifaceOpenOp(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		return e.Op == token.SUB || e.Op == token.XOR || e.Op == token.NOT
	case *ast.BinaryExpr:
		return e.Op == token.REM || e.Op == token.SHL || e.Op == token.SHR
	}
	return false
}

// ifaceOpenResult is ifaceOpenOp for a returned value, which yaegi also
// stores wrongly into an interface result when it is a comparison
// (return x > y: "reflect: call of reflect.Value.SetBool on interface
// Value") or a receive (return <-ch).
func ifaceOpenResult(e ast.Expr) bool {
	switch x := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		if x.Op == token.ARROW {
			return true
		}
	case *ast.BinaryExpr:
		switch x.Op {
		case token.EQL, token.NEQ, token.LSS, token.GTR, token.LEQ, token.GEQ:
			return true
		}
	}
	return ifaceOpenOp(e)
}

// funcReturn returns a function value as a function literal calling it,
// when the function's result is of a function type: yaegi returned the
// interpreter's node of a declared function (return double, or v := double;
// return v), which the caller could not store ("reflect.Set: value of type
// *interp.node is not assignable to type func(int) int"):
//
//	return double  ⇔  return func() func(int) int { __f := double; return func(__p0 int) int { return __f(__p0) } }()
func (c *callPass) funcReturn(r *ast.ReturnStmt) {
	ft := c.enclosingFuncType()
	if ft == nil || c.interp() == nil {
		return
	}
	types := flatFields(ft.Results)
	if len(types) != len(r.Results) {
		return
	}
	for i, e := range r.Results {
		if _, isLit := ast.Unparen(e).(*ast.FuncLit); isLit || isNilIdent(e) {
			continue
		}
		want, ok := c.env.under(types[i]).(*ast.FuncType)
		if !ok {
			continue
		}
		if _, ok := c.typeOf(e).(*ast.FuncType); !ok {
			continue
		}
		// the new nodes carry e's position: line directives are made
		// from statements' positions
		pos := e.Pos()
		at := func(name string) *ast.Ident { return &ast.Ident{NamePos: pos, Name: name} }
		f := c.r.names.next("f")
		inner := forwardLit(at(f), want.Params, want.Results, pos)
		outer := &ast.FuncLit{
			// (the function type literal, not a named function type, with
			// which yaegi's compiler failed on the call of the result)
			Type: &ast.FuncType{Func: pos, Params: &ast.FieldList{Opening: pos, Closing: pos}, Results: &ast.FieldList{List: []*ast.Field{{Type: clone(want)}}}},
			Body: &ast.BlockStmt{Lbrace: pos, Rbrace: pos, List: []ast.Stmt{
				&ast.AssignStmt{Lhs: []ast.Expr{at(f)}, TokPos: pos, Tok: token.DEFINE, Rhs: []ast.Expr{e}},
				// a nil function stays nil
				&ast.IfStmt{If: pos, Cond: &ast.BinaryExpr{X: at(f), OpPos: pos, Op: token.EQL, Y: at("nil")}, Body: &ast.BlockStmt{Lbrace: pos, Rbrace: pos, List: []ast.Stmt{
					&ast.ReturnStmt{Return: pos, Results: []ast.Expr{at("nil")}},
				}}},
				&ast.ReturnStmt{Return: pos, Results: []ast.Expr{inner}},
			}},
		}
		c.markDone(outer)
		r.Results[i] = &ast.CallExpr{Fun: outer, Lparen: pos, Rparen: pos}
	}
}

// resultsFirst does for a return what valuesFirst does for an
// assignment: `return -x` from a function whose result is an interface
// returned nil, `return x % 4` and `return x > y` panicked
// (ifaceOpenResult).
func (c *callPass) resultsFirst(r *ast.ReturnStmt) []ast.Stmt {
	ft := c.enclosingFuncType()
	if ft == nil {
		return nil
	}
	types := flatFields(ft.Results)
	if len(types) != len(r.Results) {
		return nil
	}
	return c.evalFirst(r, r.Results, func(i int) bool {
		k, _ := c.interfaceKind(types[i])
		return ifaceOpenResult(r.Results[i]) && k != concrete
	})
}

// taglessIfaceCases compares with true the cases of a switch without a tag
// that are interface values (switch { case i: } with i an any holding a
// bool), as Go does; yaegi read them as bools and panicked ("reflect: call
// of reflect.Value.Bool on interface Value"):
//
//	case i:  ⇔  case i == true:
func (c *callPass) taglessIfaceCases(s *ast.SwitchStmt) {
	// names the switch's init defines as interface values: their type is
	// the init's, whatever other declarations of the name the function has
	own := map[string]ast.Expr{}
	if a, ok := s.Init.(*ast.AssignStmt); ok && a.Tok == token.DEFINE && len(a.Lhs) == len(a.Rhs) {
		for i, l := range a.Lhs {
			if id, ok := l.(*ast.Ident); ok {
				if call, ok := a.Rhs[i].(*ast.CallExpr); ok && len(call.Args) == 1 {
					if _, isIface := ast.Unparen(call.Fun).(*ast.InterfaceType); isIface {
						own[id.Name] = call.Fun
					} else if f, ok := call.Fun.(*ast.Ident); ok && f.Name == "any" {
						own[id.Name] = call.Fun
					}
				}
			}
		}
	}
	for _, cl := range s.Body.List {
		cc := cl.(*ast.CaseClause)
		for i, e := range cc.List {
			t := c.typeOf(e)
			if id, ok := e.(*ast.Ident); ok && own[id.Name] != nil {
				t = own[id.Name]
			}
			if t != nil {
				if k, _ := c.interfaceKind(t); k != concrete {
					cc.List[i] = &ast.BinaryExpr{X: e, Op: token.EQL, Y: ident("true")}
				}
			}
		}
	}
}

func isStar(e ast.Expr) bool { _, ok := e.(*ast.StarExpr); return ok }

// distinctStruct reports whether t is a struct type (or a pointer to one)
// that no other declared type shares the fields of: yaegi tells its values
// apart by their reflect type, in interfaces too.
func (c *callPass) distinctStruct(t ast.Expr) bool {
	if st, ok := t.(*ast.StarExpr); ok {
		t = st.X
	}
	if _, ok := c.underlying(t, 0).(*ast.StructType); !ok {
		return false
	}
	return c.twin(t) == ""
}

// arrayPointerLen replaces len(p) and cap(p) of an array pointer by the
// array's length, a constant in Go, which does not evaluate p (nil is
// fine); yaegi dereferenced p and panicked:
//
//	len(p)  ⇔  int(10)    (p a *[10]T)
func (c *callPass) arrayPointerLen(call *ast.CallExpr) bool {
	f, ok := call.Fun.(*ast.Ident)
	if !ok || (f.Name != "len" && f.Name != "cap") || len(call.Args) != 1 || c.env.isLocal(f.Name) || c.decls.Declares(f.Name) {
		return false
	}
	n := c.constArrayPointerLen(call.Args[0])
	if n == "" {
		return false
	}
	// int(10): len's result is a typed int
	c.replace(call, &ast.CallExpr{Fun: ident("int"), Args: []ast.Expr{&ast.BasicLit{ValuePos: call.Pos(), Kind: token.INT, Value: n}}})
	return true
}

// constArrayPointerLen returns the length, an integer literal, of the
// array x points to, when len(x) is a constant Go does not evaluate x for:
// x a name or a selector (with a call or a receive in it, Go evaluates x);
// "" otherwise.
func (c *callPass) constArrayPointerLen(x ast.Expr) string {
	switch ast.Unparen(x).(type) {
	case *ast.Ident, *ast.SelectorExpr:
	default:
		return ""
	}
	st, ok := c.env.under(c.typeOf(x)).(*ast.StarExpr)
	if !ok {
		return ""
	}
	at, ok := c.env.under(st.X).(*ast.ArrayType)
	if !ok {
		return ""
	}
	if n, ok := at.Len.(*ast.BasicLit); ok && n.Kind == token.INT {
		return n.Value
	}
	return ""
}

// rangeArrayPointer rewrites a range over the indices of an array pointer
// (no value variable) into a loop over the constant length: Go does not
// evaluate the pointer then (len is constant; a nil *[10]T gives 0…9),
// yaegi dereferenced it and panicked.
//
//	for i := range p { body }  ⇔  for __i := 0; __i < 10; __i++ { i := __i; _ = i; body }
func (c *callPass) rangeArrayPointer(x *ast.RangeStmt, label *ast.Ident) ast.Stmt {
	if x.Value != nil && !isBlank(x.Value) || x.Tok == token.ASSIGN && x.Key != nil && !isBlank(x.Key) {
		return nil
	}
	n := c.constArrayPointerLen(x.X)
	if n == "" {
		return nil
	}
	pos := x.Body.Lbrace
	id := func(name string) *ast.Ident { return &ast.Ident{NamePos: pos, Name: name} }
	iv := c.r.names.next("i")
	var body []ast.Stmt
	if k, ok := x.Key.(*ast.Ident); ok && k.Name != "_" {
		def := &ast.AssignStmt{Lhs: []ast.Expr{id(k.Name)}, TokPos: pos, Tok: token.DEFINE, Rhs: []ast.Expr{id(iv)}}
		use := &ast.AssignStmt{Lhs: []ast.Expr{id("_")}, TokPos: pos, Tok: token.ASSIGN, Rhs: []ast.Expr{id(k.Name)}}
		c.made[def], c.made[use] = true, true
		body = append(body, def, use)
	}
	body = append(body, x.Body)
	loop := &ast.ForStmt{
		For:  x.For,
		Init: &ast.AssignStmt{Lhs: []ast.Expr{id(iv)}, TokPos: pos, Tok: token.DEFINE, Rhs: []ast.Expr{&ast.BasicLit{ValuePos: pos, Kind: token.INT, Value: "0"}}},
		Cond: &ast.BinaryExpr{X: id(iv), OpPos: pos, Op: token.LSS, Y: &ast.BasicLit{ValuePos: pos, Kind: token.INT, Value: n}},
		Post: &ast.IncDecStmt{X: id(iv), TokPos: pos, Tok: token.INC},
		Body: &ast.BlockStmt{Lbrace: pos, List: body, Rbrace: x.Body.Rbrace},
	}
	c.made[loop.Init], c.made[loop.Post], c.made[loop] = true, true, true
	if label != nil {
		return &ast.LabeledStmt{Label: label, Stmt: loop}
	}
	return loop
}

// list rewrites the statement list *lp, one statement (and all it holds)
// after the other. A statement may become several (commaOk); *lp holds
// them at once, so that probes of the statements after it see them (a
// variable the statements define: `s, ok := v.(State)` defines s in the
// last).
func (c *callPass) list(lp *[]ast.Stmt) {
	for i := 0; i < len(*lp); i++ {
		out := c.stmt((*lp)[i])
		if len(out) > 1 {
			list := make([]ast.Stmt, 0, len(*lp)+len(out)-1)
			list = append(append(append(list, (*lp)[:i]...), out...), (*lp)[i+1:]...)
			*lp = list
		} else {
			(*lp)[i] = out[0]
		}
		for j := range out {
			ast.Walk(c, (*lp)[i+j])
		}
		i += len(out) - 1
	}
}

// stmt rewrites the statements that need it as a whole, after the
// expressions of their header; it returns what replaces s.
func (c *callPass) stmt(s ast.Stmt) []ast.Stmt {
	if c.made[s] {
		return []ast.Stmt{s}
	}
	var label *ast.Ident
	inner := s
	if l, ok := s.(*ast.LabeledStmt); ok {
		label, inner = l.Label, l.Stmt
	}
	switch x := inner.(type) {
	case *ast.RangeStmt:
		c.header(s, inner, x.X)
		if out := c.rangeFunc(s, x, label); out != nil {
			return []ast.Stmt{out}
		}
		if out := c.rangeString(x, label); out != nil {
			return []ast.Stmt{out}
		}
		if out := c.rangeArrayPointer(x, label); out != nil {
			return []ast.Stmt{out}
		}
	case *ast.TypeSwitchStmt:
		c.header(s, inner, x.Init, x.Assign)
		if ta := switchAssert(x); ta != nil {
			for _, cl := range x.Body.List {
				for _, t := range cl.(*ast.CaseClause).List {
					c.embeddingAssert(ta, t)
				}
			}
		}
		for _, cl := range x.Body.List {
			for _, t := range cl.(*ast.CaseClause).List {
				c.ambiguousTypeTest(t, &ast.CaseClause{List: []ast.Expr{t}})
			}
		}
		c.bindTypeSwitch(x)
		if out := c.typeSwitch(x, label); out != nil {
			return []ast.Stmt{out}
		}
	case *ast.IncDecStmt:
		c.mapElemAssign(x.X)
	case *ast.AssignStmt:
		if x.Tok != token.DEFINE {
			for _, l := range x.Lhs {
				c.mapElemAssign(l)
			}
		}
		if label == nil && len(x.Rhs) == 1 {
			c.header(s, inner, x.Rhs[0])
			if out := c.commaOk(x); out != nil {
				return out
			}
		}
		for _, vs := range storedValues(x) {
			parenLiterals(vs)
		}
		var pre []ast.Stmt
		if label == nil {
			pre = c.valuesFirst(x)
			if len(x.Rhs) == 1 {
				call, _ := ast.Unparen(x.Rhs[0]).(*ast.CallExpr)
				pre = append(append(pre, c.boxFirst(s, call)...), c.anyResultsFirst(s, call)...)
			}
		}
		checks := c.nilAssign(x)
		c.keepStmt(x)
		if label == nil && (checks != nil || pre != nil) {
			return append(append(pre, checks...), s)
		}
	case *ast.DeclStmt:
		for _, vs := range storedValues(x) {
			parenLiterals(vs)
		}
		checks := c.nilAssign(x)
		c.keepStmt(x)
		if label == nil && checks != nil {
			return append(checks, s)
		}
	case *ast.IfStmt:
		if x.Init != nil {
			c.header(s, inner, x.Init)
		}
		if label == nil {
			return []ast.Stmt{c.ifCommaOk(x)}
		}
	case *ast.SwitchStmt:
		if x.Tag != nil {
			c.header(s, inner, x.Init, x.Tag)
			if out := c.ifaceSwitch(x, label); out != nil {
				return []ast.Stmt{out}
			}
		} else {
			c.taglessIfaceCases(x)
		}
	case *ast.ExprStmt:
		if call, _ := ast.Unparen(x.X).(*ast.CallExpr); label == nil {
			if pre := append(c.boxFirst(s, call), c.anyResultsFirst(s, call)...); pre != nil {
				return append(pre, s)
			}
		}
	case *ast.SendStmt:
		c.keepSend(x, false)
	case *ast.ReturnStmt:
		c.funcReturn(x)
		if label == nil {
			pre := c.resultsFirst(x)
			out := c.nilReturn(x)
			c.keepStmt(x)
			if out != nil {
				return append(pre, out)
			}
			if pre != nil {
				return append(pre, s)
			}
		}
	}
	return []ast.Stmt{s}
}

// tempFor returns a new variable for a value evaluated before statement
// s. Before a statement of the unit's own block, at top level, it is a
// global of the session, named apart from those of other entries
// (__odshg1, …): a global __v1 left by an entry made yaegi fail a later
// declaration whose function literal has a parameter __v1 ("variable
// definition loop").
func (c *callPass) tempFor(s ast.Stmt) *ast.Ident {
	if b, ok := c.root.(*ast.BlockStmt); ok {
		if f, ok := c.p.(interface{ FreshGlobal() string }); ok {
			for _, t := range b.List {
				if t == s {
					return ident(f.FreshGlobal())
				}
			}
		}
	}
	return ident(c.r.names.next("v"))
}

// header walks the header parts of statement s before s is rewritten.
func (c *callPass) header(s, inner ast.Stmt, parts ...ast.Node) {
	c.stack = append(c.stack, s)
	if inner != s {
		c.stack = append(c.stack, inner)
	}
	for _, p := range parts {
		if p != nil && !isNilNode(p) {
			ast.Walk(c, p)
		}
	}
	c.stack = c.stack[:len(c.stack)-1]
	if inner != s {
		c.stack = c.stack[:len(c.stack)-1]
	}
	switch x := inner.(type) {
	case *ast.RangeStmt:
		c.markDone(x.X)
	case *ast.TypeSwitchStmt:
		c.markDone(x.Init)
		c.markDone(x.Assign)
	case *ast.AssignStmt:
		c.markDone(x.Rhs[0])
	case *ast.IfStmt:
		c.markDone(x.Init)
	case *ast.SwitchStmt:
		c.markDone(x.Init)
		c.markDone(x.Tag)
	}
}

// markDone marks n and all it holds as rewritten.
func (c *callPass) markDone(n ast.Node) {
	if n == nil || isNilNode(n) {
		return
	}
	ast.Inspect(n, func(n ast.Node) bool {
		if n != nil {
			c.done[n] = true
		}
		return true
	})
}

func isNilNode(n ast.Node) bool {
	switch n := n.(type) {
	case ast.Stmt:
		return n == nil
	case ast.Expr:
		return n == nil
	}
	return false
}

// parent returns the node holding the node being finished.
func (c *callPass) parent() ast.Node {
	if len(c.stack) == 0 {
		return nil
	}
	return c.stack[len(c.stack)-1]
}

// replace puts repl where old was, in the node being finished's parent.
func (c *callPass) replace(old, repl ast.Node) bool {
	p := c.parent()
	if p == nil || !replaceChild(p, old, repl) {
		return false
	}
	c.done[repl] = true
	return true
}

// post rewrites an expression once its children are done.
func (c *callPass) post(n ast.Node) {
	switch n := n.(type) {
	case *ast.CallExpr:
		c.call(n)
	case *ast.TypeAssertExpr:
		if n.Type != nil {
			id, ok := n.X.(*ast.Ident)
			made := ok && strings.HasPrefix(id.Name, "__") // the tests the switch rewrites make
			if !made {
				c.ambiguousTypeTest(n.Type, n)
				c.embeddingAssert(n, n.Type)
			}
			if !c.singleAssert(n) && !made && !commaOkOperand(c.parent(), n) {
				c.interfaceLiteral(n.Type, n)
			}
		}
	case *ast.BinaryExpr:
		c.typedShift(n)
		c.keepCompare(n)
		c.anyCompare(n)
	case *ast.IndexExpr:
		c.interfaceMapKey(n.X, n.Index, n)
	case *ast.CompositeLit:
		if mt, ok := c.env.under(n.Type).(*ast.MapType); ok && n.Type != nil {
			for _, e := range n.Elts {
				if kv, ok := e.(*ast.KeyValueExpr); ok {
					c.interfaceMapKeyOf(mt, kv.Key, kv)
				}
			}
		}
		c.keepLiteral(n)
		c.keepIdentity(n, n.Type)
	case *ast.UnaryExpr:
		if lit, ok := n.X.(*ast.CompositeLit); ok && n.Op == token.AND && lit.Type != nil {
			c.keepIdentity(n, &ast.StarExpr{X: lit.Type})
		}
	case *ast.SelectorExpr:
		c.promotedIface(n)
		switch p := c.parent().(type) {
		case *ast.CallExpr:
			if p.Fun == n {
				return
			}
		case *ast.ParenExpr:
			return
		}
		c.methodValue(n, n)
	case *ast.ParenExpr:
		if sel, ok := n.X.(*ast.SelectorExpr); ok {
			if call, ok := c.parent().(*ast.CallExpr); !ok || call.Fun != n {
				c.methodValue(n, sel)
			}
		}
	}
}

// commaOkOperand reports whether x is the operand of a comma-ok
// assignment, which commaOk rewrites.
func commaOkOperand(parent ast.Node, x ast.Expr) bool {
	a, ok := parent.(*ast.AssignStmt)
	return ok && len(a.Lhs) == 2 && len(a.Rhs) == 1 && a.Rhs[0] == x && (a.Tok == token.DEFINE || a.Tok == token.ASSIGN)
}

// typedShift gives the constant of a non-constant shift the type of the
// other operand, as Go does, when that type is an unsigned integer:
//
//	p&(1<<i) != 0  ⇔  p&(Perm(1)<<i) != 0   (p a Perm, type Perm uint8)
//
// yaegi shifts the constant as an int, and the operation on the unsigned
// operand then panics ("reflect: call of reflect.Value.Uint on int Value").
func (c *callPass) typedShift(b *ast.BinaryExpr) {
	switch b.Op {
	case token.SHL, token.SHR, token.LAND, token.LOR:
		return
	}
	for _, side := range [][2]ast.Expr{{b.X, b.Y}, {b.Y, b.X}} {
		sh, ok := ast.Unparen(side[0]).(*ast.BinaryExpr)
		if !ok || sh.Op != token.SHL && sh.Op != token.SHR {
			continue
		}
		lit, ok := ast.Unparen(sh.X).(*ast.BasicLit)
		if !ok || lit.Kind != token.INT || c.env.untyped(side[1]) {
			continue
		}
		t := c.env.typeOf(side[1])
		if t == nil {
			continue
		}
		if u, ok := c.env.under(t).(*ast.Ident); ok && unsignedTypes[u.Name] && !c.env.isLocal(u.Name) {
			sh.X = &ast.CallExpr{Fun: clone(t), Args: []ast.Expr{lit}}
		}
	}
}

var unsignedTypes = map[string]bool{"uint": true, "uint8": true, "uint16": true, "uint32": true, "uint64": true, "uintptr": true, "byte": true}

// call applies the call rewrites to one call.
func (c *callPass) call(call *ast.CallExpr) {
	if c.newValue(call) {
		return
	}
	c.builtinPrint(call)
	if c.arrayPointerLen(call) || c.recoverCall(call) || c.anyConversion(call) || c.ifaceConversion(call) || c.genericConversion(call) || c.stringParamConversion(call) || c.methodCall(call) {
		return
	}
	if len(call.Args) == 1 && c.keepIdentity(call, call.Fun) {
		return
	}
	c.jsonTyped(call)
	c.jsonUnmarshal(call)
	c.jsonCodec(call)
	c.interfaceReceiver(call)
	c.nilArgs(call)
	c.keepCall(call)
	c.valueErrorIs(call)
	c.iterConversion(call)
	c.genericCall(call)
	c.variadicArgs(call)
	c.printArgs(call)
	c.deepEqualCall(call)
	c.loopFuncArgs(call)
}

// loopFuncArgs makes each function literal passed to a compiled function
// or method inside a loop a closure value first: yaegi's wrapper of a
// literal passed as it is reads the variables it captures from the
// enclosing frame when it runs, where the loop's next iterations have
// changed them (for i := range 3 { wg.Go(func() { fmt.Print(i) }) }
// printed 222, as did time.AfterFunc callbacks):
//
//	wg.Go(func() { … })  ⇔  wg.Go(func() func() { return func() { … } }())
func (c *callPass) loopFuncArgs(call *ast.CallExpr) {
	if c.interp() == nil || !c.inLoop() {
		return
	}
	if _, _, ok := c.compiledCall(call); !ok {
		return
	}
	for i, a := range call.Args {
		lit, ok := a.(*ast.FuncLit)
		if !ok {
			continue
		}
		outer := &ast.FuncLit{
			Type: &ast.FuncType{Params: &ast.FieldList{}, Results: &ast.FieldList{List: []*ast.Field{{Type: clone(lit.Type)}}}},
			Body: &ast.BlockStmt{List: []ast.Stmt{&ast.ReturnStmt{Results: []ast.Expr{lit}}}},
		}
		c.markDone(outer)
		call.Args[i] = &ast.CallExpr{Fun: outer}
	}
}

// newValue rewrites new(expr), Go 1.26's pointer to a new variable
// holding a value, which yaegi takes for new(T) of the value's type and
// answers with a pointer to the zero value (new(42) pointed to 0):
//
//	new(expr)  ⇔  func() *T { var __v T = expr; return &__v }()   (T expr's type)
//
// An expression whose type the shell cannot tell is refused.
func (c *callPass) newValue(call *ast.CallExpr) bool {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok || id.Name != "new" || len(call.Args) != 1 || c.env.isLocal("new") || c.decls.Declares("new") || c.interp() == nil {
		return false
	}
	x := call.Args[0]
	if !c.isValueExpr(x) {
		return false
	}
	t := c.typeOf(x)
	if t == nil {
		c.refuse(fmt.Sprintf("%s (new of an expression whose type the shell cannot tell)", c.r.print(call)),
			"declare a variable holding the value and take its address: v := …; p := &v")
		return true
	}
	v := ident(c.r.names.next("v"))
	decl := &ast.DeclStmt{Decl: &ast.GenDecl{Tok: token.VAR, Specs: []ast.Spec{&ast.ValueSpec{Names: []*ast.Ident{v}, Type: clone(t), Values: []ast.Expr{x}}}}}
	c.made[decl] = true
	lit := &ast.FuncLit{
		Type: &ast.FuncType{Params: &ast.FieldList{}, Results: &ast.FieldList{List: []*ast.Field{{Type: &ast.StarExpr{X: clone(t)}}}}},
		Body: &ast.BlockStmt{List: []ast.Stmt{decl, &ast.ReturnStmt{Results: []ast.Expr{&ast.UnaryExpr{Op: token.AND, X: ident(v.Name)}}}}},
	}
	c.markDone(lit)
	c.replace(call, &ast.CallExpr{Fun: lit})
	return true
}

// isValueExpr reports whether x, the operand of new, is an expression
// rather than a type: a literal, an operation, a call, or a name or
// selector of a variable or constant.
func (c *callPass) isValueExpr(x ast.Expr) bool {
	switch x := ast.Unparen(x).(type) {
	case *ast.BasicLit, *ast.CompositeLit, *ast.BinaryExpr, *ast.UnaryExpr, *ast.CallExpr, *ast.FuncLit,
		*ast.SliceExpr, *ast.TypeAssertExpr:
		return true
	case *ast.Ident:
		if c.env.localType(x.Name) != nil || predeclaredTypes[x.Name] || strings.HasPrefix(x.Name, "__tp") {
			return false
		}
		if c.env.isLocal(x.Name) {
			return true
		}
		return c.decls.Type(x.Name) == nil && (c.decls.IsVar(x.Name) || c.decls.IsConst(x.Name) || x.Name == "true" || x.Name == "false")
	case *ast.SelectorExpr:
		// a field of a variable (p.Name), not pkg.Type
		if id, ok := x.X.(*ast.Ident); ok {
			return c.env.isLocal(id.Name) || c.decls.IsVar(id.Name)
		}
		return true
	case *ast.IndexExpr:
		// an element (xs[0]), not an instance of a generic type
		if id, ok := x.X.(*ast.Ident); ok {
			return c.decls.Type(id.Name) == nil
		}
		return true
	}
	return false
}

// inLoop reports whether the node being rewritten is inside a for or
// range statement.
func (c *callPass) inLoop() bool {
	for _, n := range c.stack {
		switch n.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			return true
		}
	}
	return false
}

// iterConversion converts to the function type of iter.Seq or iter.Seq2:
// yaegi fails on a conversion to an instance of a generic type of another
// interpreted package ("cannot use type func(func(string) bool) as type
// func(string) bool"). The type has no methods, so nothing else changes.
//
//	iter.Seq[string](f)  ⇔  (func(yield func(string) bool))(f)
func (c *callPass) iterConversion(call *ast.CallExpr) {
	if len(call.Args) != 1 {
		return
	}
	var base ast.Expr
	switch f := call.Fun.(type) {
	case *ast.IndexExpr:
		base = f.X
	case *ast.IndexListExpr:
		base = f.X
	default:
		return
	}
	if k := exprKey(base); k != "iter.Seq" && k != "iter.Seq2" || c.env.isLocal("iter") {
		return
	}
	if u := c.env.instance(call.Fun); u != nil {
		call.Fun = &ast.ParenExpr{X: u}
	}
}

// recoverCall wraps the value of recover: yaegi's panic panics with the
// reflect.Value of its argument and recover returns it as is, so that
// `r.(error)`, `r.(string)` and type switches on r fail however the panic
// was raised. __odshrt.Recovered unwraps it (once recovered, the value
// behaves as any other interface value):
//
//	recover()  ⇔  __odshrt.Recovered(recover())
func (c *callPass) recoverCall(call *ast.CallExpr) bool {
	id, ok := call.Fun.(*ast.Ident)
	if !ok || id.Name != "recover" || len(call.Args) != 0 || c.env.isLocal("recover") {
		return false
	}
	if outer, ok := c.parent().(*ast.CallExpr); ok && exprKey(outer.Fun) == runtimePkg+".Recovered" || guardRecover(c.parent()) {
		return true
	}
	wrapped := &ast.CallExpr{Fun: sel(runtimePkg, "Recovered"), Args: []ast.Expr{call}}
	c.done[call] = true
	c.replace(call, wrapped)
	return true
}

func sel(pkg, name string) *ast.SelectorExpr {
	return &ast.SelectorExpr{X: ident(pkg), Sel: ident(name)}
}

// variadicArgs makes a call of an interpreted variadic function pass
// exactly the arguments written. yaegi (run.go, call) fills the variadic
// parameter argument by argument, and an argument whose value has the
// parameter's slice type replaces what was gathered instead of being
// appended: with `func f(kv ...any)`, f("a", "b", []any{1, 2}) receives
// [1 2]. Only functions declared in interpreted code are concerned (a
// compiled function, a method, a function value go through reflect, which
// is right). Each argument that may be such a slice goes through a call
// returning it as an `any`, whose value yaegi then appends:
//
//	f("a", xs)  ⇔  f("a", __odshrt.Any(xs))
//
// A multi-value call as the only argument, f(g()), cannot be split
// without knowing g's results; it is refused when g has several.
func (c *callPass) variadicArgs(call *ast.CallExpr) {
	if call.Ellipsis.IsValid() {
		return
	}
	fd := c.env.funcDecl(call.Fun)
	if fd == nil || fd.Recv != nil {
		return
	}
	params := flatFields(fd.Type.Params)
	if len(params) == 0 {
		return
	}
	last, ok := params[len(params)-1].(*ast.Ellipsis)
	if !ok || !c.emptyInterface(last.Elt, fd) {
		return
	}
	fixed := len(params) - 1
	if len(call.Args) == 1 && fixed == 0 {
		if inner, ok := ast.Unparen(call.Args[0]).(*ast.CallExpr); ok {
			if res := c.env.callResults(inner); len(res) > 1 {
				c.refuse(fmt.Sprintf("%s(%s) (a multi-value call as the arguments of a variadic function)", c.r.print(call.Fun), c.r.print(inner)),
					"assign the results to variables first and pass them one by one")
				return
			}
		}
	}
	for i := fixed; i < len(call.Args); i++ {
		if c.maySpread(call.Args[i]) {
			call.Args[i] = &ast.CallExpr{Fun: sel(runtimePkg, "Any"), Args: []ast.Expr{call.Args[i]}}
			c.done[call.Args[i]] = true
		}
	}
}

// emptyInterface reports whether t is any, interface{} or a type declared
// as one (a type parameter is not).
func (c *callPass) emptyInterface(t ast.Expr, fd *ast.FuncDecl) bool {
	if fd.Type.TypeParams != nil {
		for _, n := range fieldNames(fd.Type.TypeParams) {
			if id, ok := t.(*ast.Ident); ok && id.Name == n {
				return false
			}
		}
	}
	return c.isAnyType(c.env.under(t))
}

// maySpread reports whether an argument can have a slice type: what is
// known not to (literals of other kinds, function literals, operations)
// is passed as written.
func (c *callPass) maySpread(a ast.Expr) bool {
	switch a := ast.Unparen(a).(type) {
	case *ast.BasicLit, *ast.FuncLit, *ast.BinaryExpr:
		return false
	case *ast.Ident:
		if a.Name == "nil" && !c.env.isLocal("nil") {
			return false
		}
	case *ast.UnaryExpr:
		return a.Op == token.ARROW
	}
	t := c.typeOf(a)
	if t == nil {
		return true
	}
	_, isArray := c.env.under(t).(*ast.ArrayType)
	return isArray
}

// probeType asks yaegi for the type of e where it stands in the unit: it
// compiles, without running, the unit cut after the statement holding e,
// with e replaced by a function literal assigning e to a variable of a
// struct type of its own; yaegi's error names e's type. It returns nil
// when the type cannot be learnt.
func (c *callPass) probeType(e ast.Expr) ast.Expr {
	if c.p == nil {
		return nil
	}
	probe := &ast.FuncLit{Type: &ast.FuncType{Params: &ast.FieldList{}}, Body: &ast.BlockStmt{List: []ast.Stmt{probeDecl(e)}}}
	return c.probeWith(e, probe)
}

// probeStmtType is probeType for the expression of statement s (a range),
// replacing the whole statement: it is evaluated in s's scope.
func (c *callPass) probeStmtType(s ast.Stmt, e ast.Expr) ast.Expr {
	if c.p == nil {
		return nil
	}
	return c.probeWith(s, probeDecl(e))
}

const probeField = "__odshT"

func probeDecl(e ast.Expr) ast.Stmt {
	st := &ast.StructType{Fields: &ast.FieldList{List: []*ast.Field{{Names: []*ast.Ident{ident(probeField)}, Type: ident("int")}}}}
	return &ast.DeclStmt{Decl: &ast.GenDecl{Tok: token.VAR, Specs: []ast.Spec{&ast.ValueSpec{
		Names: []*ast.Ident{ident("__odshProbe")}, Type: st, Values: []ast.Expr{e},
	}}}}
}

// probeWith replaces target by probe in a copy of the unit cut after the
// statement holding it, compiles it and reads the type from the error.
func (c *callPass) probeWith(target, probe ast.Node) ast.Expr {
	path := pathTo(c.root, target)
	if len(path) < 2 {
		return nil
	}
	var undo []func()
	defer func() {
		for i := len(undo) - 1; i >= 0; i-- {
			undo[i]()
		}
	}()
	for i := 0; i < len(path)-1; i++ {
		cut := func(list *[]ast.Stmt) {
			for j, s := range *list {
				if s == path[i+1] {
					saved := *list
					*list = saved[:j+1]
					undo = append(undo, func() { *list = saved })
				}
			}
		}
		switch b := path[i].(type) {
		case *ast.BlockStmt:
			cut(&b.List)
		case *ast.CaseClause:
			cut(&b.Body)
		case *ast.CommClause:
			cut(&b.Body)
		}
	}
	parent := path[len(path)-2]
	if !replaceChild(parent, target, probe) {
		return nil
	}
	undo = append(undo, func() { replaceChild(parent, probe, target) })
	src, ok := c.probeSource()
	if !ok {
		// without its context (a generic function), e may still name
		// only top-level things
		if e, isExpr := target.(ast.Expr); isExpr {
			return probedType(c.p.Probe("_ = func() {\n" + c.r.print(probeDecl(e)) + "\n}"))
		}
		return nil
	}
	return probedType(c.p.Probe(src))
}

// probeSource renders the unit as code that declares nothing: a function
// literal assigned to the blank identifier.
func (c *callPass) probeSource() (string, bool) {
	switch n := c.root.(type) {
	case *ast.BlockStmt:
		return "_ = func() {\n" + c.r.printList(n.List) + "\n}", true
	case *ast.GenDecl:
		return "_ = func() {\n" + c.r.print(n) + "\n}", true
	case *ast.FuncDecl:
		if n.Type.TypeParams != nil || n.Body == nil {
			return "", false
		}
		ft := &ast.FuncType{Params: &ast.FieldList{}, Results: n.Type.Results}
		if n.Recv != nil {
			ft.Params.List = append(ft.Params.List, n.Recv.List...)
		}
		ft.Params.List = append(ft.Params.List, n.Type.Params.List...)
		lit := &ast.FuncLit{Type: ft, Body: n.Body}
		if n.Recv != nil {
			return "_ = " + c.r.print(lit), true
		}
		sig := &ast.FuncType{Params: n.Type.Params, Results: n.Type.Results}
		return fmt.Sprintf("_ = func() {\nvar %s %s\n%s = %s\n_ = %s\n}", n.Name.Name, c.r.print(sig), n.Name.Name, c.r.print(lit), n.Name.Name), true
	}
	return "", false
}

var probeMsg = regexp.MustCompile(`cannot use type (.+) as type struct \{ ?` + probeField + ` int ?\}`)

// mainQualifier is how yaegi writes a type declared by interpreted code.
var mainQualifier = regexp.MustCompile(`\bmain\.`)

// probedType reads the type from the error of a probe.
func probedType(err error) ast.Expr {
	if err == nil {
		return nil
	}
	m := probeMsg.FindStringSubmatch(err.Error())
	if m == nil || strings.HasPrefix(m[1], "untyped ") {
		return nil
	}
	return parseType(mainQualifier.ReplaceAllString(m[1], ""))
}

// typeOf is the type of e from the unit's declarations, or else by a probe.
func (c *callPass) typeOf(e ast.Expr) ast.Expr {
	if t := c.env.typeOf(e); t != nil {
		return t
	}
	if t, ok := c.probed[e]; ok {
		return t
	}
	t := c.probeType(e)
	if c.probed == nil {
		c.probed = map[ast.Expr]ast.Expr{}
	}
	c.probed[e] = t
	return t
}
