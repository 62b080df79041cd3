package repl

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strconv"
	"strings"
)

// Type identity in interfaces.
//
// yaegi keeps the type of a value held in an interface only for types with
// methods (it stores the value with the node that made it, and its type
// switch without a variable compares that node's type); a value of a type
// without methods is stored as what reflect sees: a `type celsius float64`
// as a float64, two struct types with the same fields as one struct type.
// Its assertions compare reflect types only. So:
//
//   - a type test (case, assertion) on a declared type with methods asks
//     the type switch (nameTest), which tells such types apart;
//   - a type test on a declared type without methods whose values yaegi
//     cannot tell from another type's is refused (ambiguousTypeTest): a
//     non-struct type (celsius is a float64 to yaegi), or a struct type
//     with the same fields as another declared type;
//   - the places where yaegi drops the type of a value of a type with
//     methods are rewritten to keep it: any(x) (anyConversion), and a
//     composite literal or conversion given as the value of a var declared
//     any or returned as an any result (keepIdentity).
//
// Not handled, listed in README: a `case float64` (or an assertion to
// float64) matches a value of a declared type without methods whose
// underlying type is float64; composite types of declared types ([]celsius
// and []float64 are one to yaegi).

// TypeNames returns the names of the top-level types declared so far.
func (d *Decls) TypeNames() []string {
	if d == nil {
		return nil
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	out := make([]string, 0, len(d.types))
	for n := range d.types {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// interp returns the interpreter the pass rewrites for, nil in tests that
// rewrite without one.
func (c *callPass) interp() *Interp {
	in, _ := c.r.oracle.(*Interp)
	return in
}

// identified reports whether yaegi keeps the type of t's values in an
// interface: t is T or *T, T declared at top level (not hidden by a local
// name) with methods with a value receiver (for T) or a pointer receiver
// (for *T).
func (c *callPass) identified(t ast.Expr) bool {
	in := c.interp()
	if in == nil {
		return false
	}
	ptr := false
	if st, ok := ast.Unparen(t).(*ast.StarExpr); ok {
		ptr, t = true, st.X
	}
	id, ok := ast.Unparen(t).(*ast.Ident)
	if !ok || c.env.isLocal(id.Name) {
		return false
	}
	spec := c.decls.Type(id.Name)
	return spec != nil && !spec.Assign.IsValid() && spec.TypeParams == nil && c.decls.hasMethods(id.Name, ptr)
}

// hasMethods reports whether the declared type name has methods with a
// value receiver, or for ptr with a pointer receiver.
func (d *Decls) hasMethods(name string, ptr bool) bool {
	for _, ms := range d.methodSets() {
		if ms.name == name {
			if ptr {
				// yaegi wraps a *T only when a method has a pointer
				// receiver
				return len(ms.pointer) > len(ms.value)
			}
			return len(ms.value) > 0
		}
	}
	return false
}

// ambiguousTypeTest refuses a type test (case or assertion) on t, in the
// node where, when yaegi cannot tell t's values from another type's.
func (c *callPass) ambiguousTypeTest(t ast.Expr, where ast.Node) {
	if c.interp() == nil || c.refused != nil {
		return
	}
	base, ptr := t, false
	if st, ok := ast.Unparen(t).(*ast.StarExpr); ok {
		base, ptr = st.X, true
	}
	id, ok := ast.Unparen(base).(*ast.Ident)
	if !ok {
		return
	}
	if c.env.isLocal(id.Name) {
		c.localTypeTest(id, where)
		return
	}
	spec := c.decls.Type(id.Name)
	if spec == nil || spec.Assign.IsValid() || spec.TypeParams != nil {
		return
	}
	if _, isIface := spec.Type.(*ast.InterfaceType); isIface {
		return
	}
	under := c.underlying(base, 0)
	if _, isIface := under.(*ast.InterfaceType); isIface {
		return
	}
	what := c.r.print(where)
	if _, isStruct := under.(*ast.StructType); !isStruct {
		if ptr && !c.identified(t) {
			c.refuse(fmt.Sprintf("%s (a type test on *%s)", what, id.Name),
				fmt.Sprintf("yaegi holds a *%s in an interface as a plain *%s, so a *%s would match too; declare a method with a pointer receiver on %s (then yaegi keeps the type)",
					id.Name, c.r.print(under), c.r.print(under), id.Name))
			return
		}
		if ptr || c.identified(base) {
			return
		}
		c.refuse(fmt.Sprintf("%s (a type test on %s, which has no methods)", what, id.Name),
			fmt.Sprintf("yaegi holds a %s in an interface as a plain %s, so a %s would match too; declare a method on %s (func (%s) String() string, say) or test for %s",
				id.Name, c.r.print(under), c.r.print(under), id.Name, id.Name, c.r.print(under)))
		return
	}
	if c.identified(t) {
		return
	}
	// a twin with methods is told apart (lookalikes); one without is not
	other := ""
	for _, tw := range c.twins(base) {
		var e ast.Expr = ident(tw)
		if ptr {
			e = &ast.StarExpr{X: e}
		}
		if !c.identified(e) {
			other = tw
			break
		}
	}
	if other != "" {
		if ptr {
			c.refuse(fmt.Sprintf("%s (a type test on *%s, and %s has the same fields as %s)", what, id.Name, id.Name, other),
				fmt.Sprintf("yaegi compares pointers in an interface by the fields of what they point to, so a *%s would match too; declare a method with a pointer receiver on %s (then yaegi keeps the type)", other, id.Name))
			return
		}
		c.refuse(fmt.Sprintf("%s (a type test on %s, which has the same fields as %s)", what, id.Name, other),
			fmt.Sprintf("yaegi cannot tell their values apart in an interface; declare a method on %s (String, say: then yaegi keeps the type)", id.Name))
	}
}

// localTypeTest refuses a type test on id, a type declared in a function
// whose underlying type is not a struct or an interface: such a type
// cannot have methods (identityMethod), and yaegi holds its values in an
// interface as plain values of the underlying type.
func (c *callPass) localTypeTest(id *ast.Ident, where ast.Node) {
	spec := c.env.localType(id.Name)
	if spec == nil || spec.Assign.IsValid() {
		return
	}
	under := c.env.under(spec.Type)
	switch under.(type) {
	case nil, *ast.StructType, *ast.InterfaceType:
		return
	}
	c.refuse(fmt.Sprintf("%s (a type test on %s, a type declared in a function)", c.r.print(where), id.Name),
		fmt.Sprintf("yaegi holds a %s in an interface as a plain %s, so a %s would match too; declare %s at top level (the shell then keeps its type)",
			id.Name, c.r.print(under), c.r.print(under), id.Name))
}

// bindTypeSwitch gives a type switch without a variable one when a case
// names a struct type whose values yaegi holds plain in an interface (a
// struct type without methods, declared at top level or in a function,
// or a pointer to one): yaegi's type switch without a variable compares
// the type of the node that made the value, which a plain value has not
// (switch s.(type) { case Solo: } took the default for a Solo); with a
// variable it compares reflect types, as its assertions do:
//
//	switch s.(type) { case Solo: A }  ⇔  switch __ts := s.(type) { case Solo: _ = __ts; A }
func (c *callPass) bindTypeSwitch(s *ast.TypeSwitchStmt) {
	es, ok := s.Assign.(*ast.ExprStmt)
	if !ok || c.interp() == nil {
		return
	}
	plainStruct := func(t ast.Expr) bool {
		if st, ok := ast.Unparen(t).(*ast.StarExpr); ok {
			t = st.X
		}
		id, ok := ast.Unparen(t).(*ast.Ident)
		if !ok {
			return false
		}
		if c.env.isLocal(id.Name) {
			spec := c.env.localType(id.Name)
			if spec == nil {
				return false
			}
			_, isStruct := c.env.under(spec.Type).(*ast.StructType)
			return isStruct
		}
		spec := c.decls.Type(id.Name)
		if spec == nil || spec.Assign.IsValid() || spec.TypeParams != nil {
			return false
		}
		_, isStruct := c.underlying(id, 0).(*ast.StructType)
		return isStruct && !c.identified(t)
	}
	need := false
	for _, cl := range s.Body.List {
		for _, t := range cl.(*ast.CaseClause).List {
			need = need || plainStruct(t)
		}
	}
	if !need {
		return
	}
	v := c.r.names.next("ts")
	s.Assign = &ast.AssignStmt{Lhs: []ast.Expr{ident(v)}, Tok: token.DEFINE, Rhs: []ast.Expr{es.X}}
	for _, cl := range s.Body.List {
		cc := cl.(*ast.CaseClause)
		use := &ast.AssignStmt{Lhs: []ast.Expr{ident("_")}, Tok: token.ASSIGN, Rhs: []ast.Expr{ident(v)}}
		c.made[use] = true
		cc.Body = append([]ast.Stmt{use}, cc.Body...)
	}
}

// lookalikes returns the declared types with methods whose values an
// assertion to t, a type yaegi compares by reflect type, would take for
// t's: those of the same underlying type (celsius for float64), and their
// pointers for a pointer t.
func (c *callPass) lookalikes(t ast.Expr) []ast.Expr {
	in := c.interp()
	if in == nil {
		return nil
	}
	ptr := false
	if st, ok := ast.Unparen(t).(*ast.StarExpr); ok {
		ptr, t = true, st.X
	}
	want := normType(c.r.print(t))
	var out []ast.Expr
	for _, name := range c.decls.TypeNames() {
		if c.env.isLocal(name) || !c.identified(ident(name)) {
			continue
		}
		if normType(c.r.print(c.underlying(ident(name), 0))) != want {
			continue
		}
		var e ast.Expr = ident(name)
		if ptr {
			e = &ast.StarExpr{X: e}
		}
		out = append(out, e)
	}
	return out
}

// underlying follows the declared types t names down to a type literal, a
// predeclared or a compiled type.
func (c *callPass) underlying(t ast.Expr, depth int) ast.Expr {
	id, ok := ast.Unparen(t).(*ast.Ident)
	if !ok || depth > 20 || c.env.isLocal(id.Name) {
		return t
	}
	spec := c.decls.Type(id.Name)
	if spec == nil {
		return t
	}
	return c.underlying(spec.Type, depth+1)
}

func normType(s string) string {
	return strings.NewReplacer("interface{}", "any", " ", "", "\n", "", "\t", "").Replace(s)
}

// nameTest returns `func() bool { switch v.(type) { case types…: return
// true }; return false }()`: yaegi's type switch without a variable
// matches a value of a type with methods by the type that made it.
func (c *callPass) nameTest(v ast.Expr, types []ast.Expr) ast.Expr {
	list := make([]ast.Expr, len(types))
	for i, t := range types {
		list[i] = clone(t)
	}
	sw := &ast.TypeSwitchStmt{
		Assign: &ast.ExprStmt{X: &ast.TypeAssertExpr{X: clone(v)}},
		Body: &ast.BlockStmt{List: []ast.Stmt{&ast.CaseClause{List: list, Body: []ast.Stmt{
			&ast.ReturnStmt{Results: []ast.Expr{ident("true")}},
		}}}},
	}
	c.made[sw] = true
	lit := &ast.FuncLit{
		Type: &ast.FuncType{Params: &ast.FieldList{}, Results: &ast.FieldList{List: []*ast.Field{{Type: ident("bool")}}}},
		Body: &ast.BlockStmt{List: []ast.Stmt{sw, &ast.ReturnStmt{Results: []ast.Expr{ident("false")}}}},
	}
	return &ast.CallExpr{Fun: lit}
}

// anyConversion rewrites a conversion to the empty interface, which in
// yaegi keeps the value but not its type, into a call that assigns it:
//
//	any(x)  ⇔  __odsh_any(x)
//
// (declared in package main: called across yaegi's package boundary, the
// result loses its value)
func (c *callPass) anyConversion(call *ast.CallExpr) bool {
	if len(call.Args) != 1 || call.Ellipsis.IsValid() || c.interp() == nil {
		return false
	}
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		if f.Name != "any" || c.env.isLocal("any") || c.decls.Declares("any") {
			return false
		}
	case *ast.InterfaceType:
		if f.Methods != nil && len(f.Methods.List) > 0 {
			return false
		}
	default:
		return false
	}
	if f := c.keepFunc(call.Args[0], ident("any")); f != nil {
		c.replace(call, f)
		return true
	}
	if _, isName := ast.Unparen(call.Args[0]).(*ast.Ident); !isName {
		// any(Num(i)) in a loop: each value its own (keepAny)
		if k := c.keepAny(call.Args[0], ident("any")); k != nil {
			c.replace(call, k)
			return true
		}
	}
	c.replace(call, &ast.CallExpr{Fun: ident(anyFunc), Args: call.Args})
	return true
}

const anyFunc = "__odsh_any"

const anyPrelude = "func " + anyFunc + "(v any) any { return v }"

// identityTest tells whether v holds a value of t, a type with identity
// methods: by the type that made the value when yaegi kept it (a value
// passed as an argument, put in a slice or map, assigned from a variable
// or a conversion). yaegi keeps no type for a composite literal assigned
// or returned as an interface (`var p any = Person{"ann"}`): for a struct
// type t, a value of none of the declared types is then tested by the
// assertion, which compares reflect types (two struct types with the same
// fields are one to it); for other types such a value is taken for what
// reflect says it is (a plain 1 is an int, not a State):
//
//	is(v, T) || !is(v, all declared types) && func() bool { _, ok := v.(T); return ok }()
func (c *callPass) identityTest(v, t ast.Expr) ast.Expr {
	var all []ast.Expr
	for _, name := range c.decls.TypeNames() {
		if c.identified(ident(name)) {
			all = append(all, ident(name))
		}
		if ptr := (&ast.StarExpr{X: ident(name)}); c.identified(ptr) {
			all = append(all, ptr)
		}
	}
	ok := ident(c.r.names.next("ok"))
	as := &ast.AssignStmt{Lhs: []ast.Expr{ident("_"), ok}, Tok: token.DEFINE, Rhs: []ast.Expr{&ast.TypeAssertExpr{X: clone(v), Type: clone(t)}}}
	c.made[as] = true
	assert := &ast.CallExpr{Fun: &ast.FuncLit{
		Type: &ast.FuncType{Params: &ast.FieldList{}, Results: &ast.FieldList{List: []*ast.Field{{Type: ident("bool")}}}},
		Body: &ast.BlockStmt{List: []ast.Stmt{as, &ast.ReturnStmt{Results: []ast.Expr{ok}}}},
	}}
	var test ast.Expr
	if !c.structType(t) || c.twin(t) != "" {
		test = c.nameTest(v, []ast.Expr{t})
	} else {
		test = &ast.BinaryExpr{
			X:  c.nameTest(v, []ast.Expr{t}),
			Op: token.LOR,
			Y:  &ast.BinaryExpr{X: &ast.UnaryExpr{Op: token.NOT, X: c.nameTest(v, all)}, Op: token.LAND, Y: assert},
		}
	}
	return c.heldTest(v, t, test)
}

// heldTest is `func() bool { if n := HeldName(v); n != "" { return n ==
// "main.T" }; return test }()`: an error kept with its type's name
// (rewrite_keep.go) is tested by that name, which yaegi's type switch
// cannot see.
func (c *callPass) heldTest(v, t, test ast.Expr) ast.Expr {
	name := ""
	switch x := ast.Unparen(t).(type) {
	case *ast.Ident:
		name = "main." + x.Name
	case *ast.StarExpr:
		if id, ok := ast.Unparen(x.X).(*ast.Ident); ok {
			name = "*main." + id.Name
		}
	}
	if name == "" {
		return test
	}
	n := ident(c.r.names.next("n"))
	held := &ast.IfStmt{
		Init: &ast.AssignStmt{Lhs: []ast.Expr{n}, Tok: token.DEFINE, Rhs: []ast.Expr{&ast.CallExpr{Fun: ident(heldNameHook), Args: []ast.Expr{clone(v)}}}},
		Cond: &ast.BinaryExpr{X: ident(n.Name), Op: token.NEQ, Y: &ast.BasicLit{Kind: token.STRING, Value: `""`}},
		Body: &ast.BlockStmt{List: []ast.Stmt{&ast.ReturnStmt{Results: []ast.Expr{
			&ast.BinaryExpr{X: ident(n.Name), Op: token.EQL, Y: &ast.BasicLit{Kind: token.STRING, Value: strconv.Quote(name)}},
		}}}},
	}
	c.made[held] = true
	c.made[held.Init] = true
	return &ast.CallExpr{Fun: &ast.FuncLit{
		Type: &ast.FuncType{Params: &ast.FieldList{}, Results: &ast.FieldList{List: []*ast.Field{{Type: ident("bool")}}}},
		Body: &ast.BlockStmt{List: []ast.Stmt{held, &ast.ReturnStmt{Results: []ast.Expr{test}}}},
	}}
}

// structType reports whether t (or *t) is a declared type whose underlying
// type is a struct.
func (c *callPass) structType(t ast.Expr) bool {
	if st, ok := ast.Unparen(t).(*ast.StarExpr); ok {
		t = st.X
	}
	_, ok := c.underlying(t, 0).(*ast.StructType)
	return ok
}

// keepIdentity passes e, a composite literal or conversion of type t, to
// __odsh_any when it is the value of a var declared as an empty interface
// or the result of a function whose result there is one: yaegi stores the
// value without its type there (`return C(1)` from a func() any), and not
// when it comes through a call's argument.
//
//	var p any = Person{"a"}  ⇔  var p any = __odsh_any(Person{"a"})
func (c *callPass) keepIdentity(e ast.Expr, t ast.Expr) bool {
	if t == nil || c.interp() == nil || !c.identified(t) {
		return false
	}
	var dest ast.Expr
	switch p := c.parent().(type) {
	case *ast.ValueSpec:
		for _, v := range p.Values {
			if v == e && p.Type != nil && len(p.Values) == len(p.Names) {
				dest = p.Type
			}
		}
	case *ast.ReturnStmt:
		idx := -1
		for i, r := range p.Results {
			if r == e {
				idx = i
			}
		}
		if idx < 0 {
			return false
		}
		dest = c.resultType(idx, len(p.Results))
	}
	if dest == nil {
		return false
	}
	if kind, _ := c.interfaceKind(dest); kind != emptyIface {
		return false
	}
	wrapped := &ast.CallExpr{Fun: ident(anyFunc), Args: []ast.Expr{e}}
	c.done[wrapped] = true
	return c.replace(e, wrapped)
}

// resultType returns the type of result i of the innermost function
// around the node being finished, nil if unknown.
func (c *callPass) resultType(i, n int) ast.Expr {
	for j := len(c.stack) - 1; j >= 0; j-- {
		var ft *ast.FuncType
		switch f := c.stack[j].(type) {
		case *ast.FuncLit:
			ft = f.Type
		case *ast.FuncDecl:
			ft = f.Type
		default:
			continue
		}
		if ft.Results == nil {
			return nil
		}
		var types []ast.Expr
		for _, r := range ft.Results.List {
			k := len(r.Names)
			if k == 0 {
				k = 1
			}
			for ; k > 0; k-- {
				types = append(types, r.Type)
			}
		}
		if len(types) != n || i >= len(types) {
			return nil
		}
		return types[i]
	}
	return nil
}

// twin returns another declared type with the same underlying type as t
// (or as *t's base type), "" if none.
func (c *callPass) twin(t ast.Expr) string {
	if tw := c.twins(t); len(tw) > 0 {
		return tw[0]
	}
	return ""
}

// twins returns the other declared types with the same underlying type as
// t (or as *t's base type).
func (c *callPass) twins(t ast.Expr) []string {
	if st, ok := ast.Unparen(t).(*ast.StarExpr); ok {
		t = st.X
	}
	id, ok := ast.Unparen(t).(*ast.Ident)
	if !ok {
		return nil
	}
	want := normType(c.r.print(c.underlying(t, 0)))
	var out []string
	for _, other := range c.decls.TypeNames() {
		if other == id.Name || c.env.isLocal(other) {
			continue
		}
		if normType(c.r.print(c.underlying(ident(other), 0))) == want {
			out = append(out, other)
		}
	}
	return out
}

// HasTwin reports whether another top-level struct type has the fields of
// the declared struct type name, in the same order (yaegi gives both one
// reflect type).
func (d *Decls) HasTwin(name string) bool {
	if d == nil {
		return false
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	fields := func(n string) string {
		s := d.types[n]
		for depth := 0; s != nil && depth < 20; depth++ {
			switch t := s.Type.(type) {
			case *ast.StructType:
				return normType(types.ExprString(t))
			case *ast.Ident:
				s = d.types[t.Name]
				continue
			}
			return ""
		}
		return ""
	}
	want := fields(name)
	if want == "" {
		return false
	}
	for other := range d.types {
		if other != name && fields(other) == want {
			return true
		}
	}
	return false
}

// Declared types without methods.
//
// yaegi holds a value of a declared type without methods in an interface as
// its underlying value: `var a any = Celsius(3)` printed float64 for %T,
// equalled any(3.0), and passed a.(float64). Every top-level declared type
// whose underlying type is not a struct, an interface or a pointer (those
// cannot have methods, or are told apart by their fields: ambiguousTypeTest)
// is given a method of its own, identityMethod, declared with the type, so
// that yaegi keeps its type as it does for any type with methods, and the
// shell's handling of such types (printing, assertions, comparisons)
// applies to it. The method is not exported, so no interface a user writes
// can name it (and the shell lists no methods of declared types).
const identityMethod = "__odsh_named"

// identityDecl is the declaration of the identity method of type t.
func identityDecl(t string) *ast.FuncDecl {
	return &ast.FuncDecl{
		Recv: &ast.FieldList{List: []*ast.Field{{Type: ident(t)}}},
		Name: ident(identityMethod),
		Type: &ast.FuncType{Params: &ast.FieldList{}},
	}
}

// Settle gives the types learnt since the last call the identity method
// when they take one (identifiable) and every type their definition names
// is declared: yaegi builds a type with methods when it is declared, and a
// type built while a type it refers to was not declared yet (type Atom
// struct{ next *Node } declared before Node, in the same entry or not), or
// referred to by a type declared before it, was built again later, its builds mixing up fields
// ("reflect.Set: value of type string is not assignable to type bool").
// Such types are left without it (as yaegi holds them). The shell calls
// Settle once the declarations of an entry or a script are learnt, before
// rendering them.
func (d *Decls) Settle() {
	if d == nil {
		return
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	batch := map[string]bool{}
	for _, name := range d.unsettled {
		batch[name] = true
	}
	later := map[string]bool{}
	for i := len(d.unsettled) - 1; i >= 0; i-- {
		name := d.unsettled[i]
		if s := d.types[name]; d.identifiable(s, 0) && d.typesKnown(s.Type) && !d.referredBefore(name, batch) && !mentions(s.Type, later) {
			d.methods[name+"."+identityMethod] = identityDecl(name)
		}
		later[name] = true
	}
	d.unsettled = nil
}

// referredBefore reports whether a type declared before the batch names
// the type name (it was declared then without it). d.mu is held.
func (d *Decls) referredBefore(name string, batch map[string]bool) bool {
	for other, s := range d.types {
		if batch[other] {
			continue
		}
		if mentions(s.Type, map[string]bool{name: true}) {
			return true
		}
	}
	return false
}

// typesKnown reports whether every type name t mentions is predeclared,
// declared, or of a package. d.mu is held.
func (d *Decls) typesKnown(t ast.Expr) bool {
	fields := func(fl *ast.FieldList) bool {
		if fl == nil {
			return true
		}
		for _, f := range fl.List {
			if !d.typesKnown(f.Type) {
				return false
			}
		}
		return true
	}
	switch t := t.(type) {
	case *ast.Ident:
		return predeclaredTypes[t.Name] || d.types[t.Name] != nil
	case *ast.ParenExpr:
		return d.typesKnown(t.X)
	case *ast.StarExpr:
		return d.typesKnown(t.X)
	case *ast.ArrayType:
		return d.typesKnown(t.Elt)
	case *ast.MapType:
		return d.typesKnown(t.Key) && d.typesKnown(t.Value)
	case *ast.ChanType:
		return d.typesKnown(t.Value)
	case *ast.FuncType:
		return fields(t.Params) && fields(t.Results)
	case *ast.StructType:
		return fields(t.Fields)
	case *ast.InterfaceType:
		return fields(t.Methods)
	case *ast.Ellipsis:
		return d.typesKnown(t.Elt)
	case *ast.SelectorExpr:
		return true
	}
	// generic instances and the rest: not settled
	return false
}

// identifiable reports whether the declared type s is given the identity
// method: top level, not generic, not an alias, and its underlying type
// (following the declared types it names) a predeclared type other than an
// interface, or a slice, array, map, chan or func type. d.mu is held.
func (d *Decls) identifiable(s *ast.TypeSpec, depth int) bool {
	if s == nil || s.TypeParams != nil || s.Assign.IsValid() || s.Name.Name == "_" || depth > 20 {
		return false
	}
	switch t := ast.Unparen(s.Type).(type) {
	case *ast.Ident:
		if next := d.types[t.Name]; next != nil && next != s {
			return d.identifiable(next, depth+1)
		}
		return predeclaredTypes[t.Name] && t.Name != "any" && t.Name != "error"
	case *ast.ArrayType, *ast.MapType, *ast.ChanType, *ast.FuncType:
		// (not a struct: given a method, structs broke yaegi's promotion
		// of embedded methods and its map keys, Go's receiver.go and
		// yaegi's method34.go)
		return true
	}
	return false
}
