package repl

import (
	"fmt"
	"go/ast"
	"go/token"
	"reflect"
	"strconv"
)

// Values of declared types going into an interface of a compiled package.
//
// yaegi makes the interface value (genInterfaceWrapper) with methods that
// read the value again, at every call, from the expression that made it,
// in the frame where it was made (see errshim.go, keepError): errors made
// in a loop all report the last one, a variable assigned after the
// conversion changes the error, and a struct's IValue is its last field,
// so that err.(NotFound) fails. Go copies the value into the interface.
//
// Wherever the syntax tells that a value of a type declared at top level
// (T or *T) goes where such an interface is expected, the value is
// converted in a function of its own, whose parameter nothing writes
// again; for error the result also keeps the value and its type's name:
//
//	errs = append(errs, NotFound{id})
//	  ⇔ errs = append(errs, func(__v NotFound) error { return __odshbind.KeepError(__v, __v, "main.NotFound") }(NotFound{id}))
//
// The places: assignments, var declarations with an interface type,
// returns, append, composite literals of slices, arrays and maps of the
// interface and struct literals of declared types with fields of it,
// arguments of functions the session declared and of errors.Is and
// errors.Join, the arguments with an Error method of fmt.Errorf (a %w
// operand), and conversions error(x). A value whose type the syntax and
// the probes do not tell is left to yaegi.

const keepErrorHook = bindAlias + ".KeepError"
const keepStringerHook = bindAlias + ".KeepStringer"
const heldNameHook = bindAlias + ".HeldName"
const keepNilHook = bindAlias + ".KeepNil"

// keepType returns the declared type of x, T or *T, when x is a value of
// a type declared at top level that is not an interface, else nil.
func (c *callPass) keepType(x ast.Expr) ast.Expr {
	if c.interp() == nil {
		return nil
	}
	switch ast.Unparen(x).(type) {
	case *ast.BasicLit, *ast.FuncLit:
		return nil
	case *ast.Ident:
		if id := ast.Unparen(x).(*ast.Ident); id.Name == "nil" || id.Name == "_" {
			return nil
		}
	}
	t := c.typeOf(x)
	if t == nil {
		return nil
	}
	base := t
	if st, ok := t.(*ast.StarExpr); ok {
		base = st.X
	}
	id, ok := base.(*ast.Ident)
	if !ok || predeclaredTypes[id.Name] || c.env.isLocal(id.Name) {
		return nil
	}
	spec := c.decls.Type(id.Name)
	if spec == nil || spec.Assign.IsValid() || spec.TypeParams != nil {
		return nil
	}
	if _, isIface := c.underlying(base, 0).(*ast.InterfaceType); isIface {
		return nil
	}
	return t
}

// keepTarget reports whether t is an interface of a compiled package
// with methods (error, fmt.Stringer, …).
func (c *callPass) keepTarget(t ast.Expr) bool {
	if t == nil || !c.compiledInterface(t) {
		return false
	}
	k, _ := c.interfaceKind(t)
	return k == iface
}

// keep returns x converted to iface in a function of its own when x is a
// value of a declared type and iface an interface of a compiled package,
// else nil.
func (c *callPass) keep(x, iface ast.Expr) ast.Expr {
	if f := c.keepFunc(x, iface); f != nil {
		return f
	}
	if a := c.keepAny(x, iface); a != nil {
		return a
	}
	if !c.keepTarget(iface) {
		return nil
	}
	t := c.keepType(x)
	if t == nil {
		return nil
	}
	return c.freshConversion(x, t, iface)
}

// keepAny returns x, a value of a type declared at top level with
// methods, as it should go into the empty interface iface, else nil.
// yaegi's interface value refers to the storage of the expression that
// made it, which the next run of the same code overwrites: Num(i)
// appended to an []any (stored in a map of any) in a loop gave the last
// value everywhere. Made in a function of its own (converted there:
// returning the parameter itself loses its type), each value is its own:
//
//	xs = append(xs, Num(i))  ⇔  xs = append(xs, func(__v Num) any { return __odsh_any(Num(__v)) }(Num(i)))
//
// A variable returned goes through __odsh_any (returned as it is, it lost
// its type: func f(v Num) any { return v } gave an int). __odsh_any is
// what anyConversion writes for a conversion to any. Values sent on a
// chan of any are not kept so (keepSend): received, they were wrong still.
//
// A value of a declared type other than a struct put into an interface
// declared in the shell (iface, Animal) is made so too, converted to it:
//
//	add(Dog(n))  ⇔  add(func(__v Dog) Animal { return Dog(__v) }(Dog(n)))
func (c *callPass) keepAny(x, iface ast.Expr) ast.Expr {
	if c.interp() == nil || iface == nil {
		return nil
	}
	var shell *ast.Ident
	if id, isName := ast.Unparen(iface).(*ast.Ident); isName && c.shellInterface(id) {
		shell = id
	}
	if shell == nil && !c.isAnyType(ast.Unparen(iface)) {
		return nil
	}
	kt := c.keepType(x)
	if st, isPtr := kt.(*ast.StarExpr); isPtr {
		// a pointer made in a loop (&c of a variable of the body) was
		// one for all iterations too
		return c.keepPointer(x, st, iface, shell)
	}
	t, ok := kt.(*ast.Ident)
	if !ok || !c.decls.HasMethods(t.Name) {
		return nil
	}
	if shell != nil {
		// an interface declared in the shell: the same (Dog(n) passed
		// as an Animal in a loop: every one was the last), unless a
		// struct, which yaegi copies; returned, the frame is the
		// function's own at each call
		if _, isStruct := c.env.under(t).(*ast.StructType); isStruct || c.noKeepAny {
			return nil
		}
	}
	if _, isName := ast.Unparen(x).(*ast.Ident); isName && c.noKeepAny {
		// a variable returned as it is loses its type (func f(v Num)
		// any { return v } gave an int): converted by __odsh_any, it
		// keeps it (the function's frame is its own at each call)
		w := &ast.CallExpr{Fun: ident(anyFunc), Args: []ast.Expr{x}}
		c.done[w] = true
		return w
	}
	if c.noKeepAny {
		return nil
	}
	return c.madeApart(x, t, shell, func(v *ast.Ident) ast.Expr { return &ast.CallExpr{Fun: clone(t), Args: []ast.Expr{v}} })
}

// madeApart returns x passed to a function literal of a parameter of type
// t returning build(parameter) as the empty interface (through
// __odsh_any) or as the shell interface shell:
//
//	func(__v T) any { return __odsh_any(build(__v)) }(x)
func (c *callPass) madeApart(x, t ast.Expr, shell *ast.Ident, build func(*ast.Ident) ast.Expr) ast.Expr {
	v := ident(c.r.names.next("v"))
	var result ast.Expr = ident("any")
	made := build(ident(v.Name))
	if shell != nil {
		result = ident(shell.Name)
	} else {
		made = &ast.CallExpr{Fun: ident(anyFunc), Args: []ast.Expr{made}}
	}
	lit := &ast.FuncLit{
		Type: &ast.FuncType{
			Params:  &ast.FieldList{List: []*ast.Field{{Names: []*ast.Ident{v}, Type: clone(t)}}},
			Results: &ast.FieldList{List: []*ast.Field{{Type: result}}},
		},
		Body: &ast.BlockStmt{List: []ast.Stmt{&ast.ReturnStmt{Results: []ast.Expr{made}}}},
	}
	c.markDone(lit)
	call := &ast.CallExpr{Fun: lit, Args: []ast.Expr{x}}
	c.apart[call] = t
	return call
}

// shellIfaceType reports whether t names a non-empty interface declared
// in the shell (shellInterface).
func (c *callPass) shellIfaceType(t ast.Expr) bool {
	id, ok := ast.Unparen(t).(*ast.Ident)
	return ok && c.shellInterface(id)
}

// keepPointer is keepAny for x, a pointer of type t made by taking an
// address (&c, &T{…}): made in a function of its own.
//
//	as = append(as, &c)  ⇔  as = append(as, func(__v *Cat) Animal { return __v }(&c))
func (c *callPass) keepPointer(x ast.Expr, t *ast.StarExpr, iface ast.Expr, shell *ast.Ident) ast.Expr {
	if u, isAddr := ast.Unparen(x).(*ast.UnaryExpr); !isAddr || u.Op != token.AND || c.noKeepAny {
		return nil // (pointers read from elsewhere are left as they were)
	}
	if _, isName := t.X.(*ast.Ident); !isName {
		return nil
	}
	return c.madeApart(x, t, shell, func(v *ast.Ident) ast.Expr { return v })
}

// keepFunc returns a function value x put into the empty interface through
// a variable of its own, when x is one, else nil: returned or converted
// (any(f)), yaegi stores the interpreter's node of the function, whose %T
// is *interp.node and which no assertion to the function type matches
// (typeswitch.go of Go's tests):
//
//	return f  ⇔  return func() any { var __v any = f; return __v }()
func (c *callPass) keepFunc(x, iface ast.Expr) ast.Expr {
	if c.interp() == nil || iface == nil {
		return nil
	}
	if k, _ := c.interfaceKind(iface); k != emptyIface {
		return nil
	}
	if _, isLit := ast.Unparen(x).(*ast.FuncLit); isLit {
		return nil
	}
	if _, ok := c.typeOf(x).(*ast.FuncType); !ok {
		return nil
	}
	v := ident(c.r.names.next("v"))
	lit := &ast.FuncLit{
		Type: &ast.FuncType{Params: &ast.FieldList{}, Results: &ast.FieldList{List: []*ast.Field{{Type: clone(iface)}}}},
		Body: &ast.BlockStmt{List: []ast.Stmt{
			&ast.DeclStmt{Decl: &ast.GenDecl{Tok: token.VAR, Specs: []ast.Spec{&ast.ValueSpec{Names: []*ast.Ident{v}, Type: clone(iface), Values: []ast.Expr{x}}}}},
			&ast.ReturnStmt{Results: []ast.Expr{ident(v.Name)}},
		}},
	}
	c.markDone(lit)
	return &ast.CallExpr{Fun: lit}
}

// freshConversion is `func(__v T) I { return __v }(x)`, with a check of a
// nil pointer first, and for error the value kept (see above).
func (c *callPass) freshConversion(x, t, iface ast.Expr) ast.Expr {
	v := ident(c.r.names.next("v"))
	var body []ast.Stmt
	name := ""
	if st, ok := t.(*ast.StarExpr); ok {
		if id, ok := st.X.(*ast.Ident); ok {
			name = "*" + id.Name
			body = append(body, nilCheck(ident(v.Name), name, c.r.print(iface), "converting"))
		}
	} else if id, ok := t.(*ast.Ident); ok {
		name = id.Name
	}
	var result ast.Expr = ident(v.Name)
	if id, ok := ast.Unparen(iface).(*ast.Ident); ok && id.Name == "error" && name != "" {
		qualified := "main." + name
		if name[0] == '*' {
			qualified = "*main." + name[1:]
			// a nil pointer: Go's error holds it, and calls its Error
			// method with it; yaegi made a nil error
			body[0] = &ast.IfStmt{
				Cond: &ast.BinaryExpr{X: ident(v.Name), Op: token.EQL, Y: ident("nil")},
				Body: &ast.BlockStmt{List: []ast.Stmt{&ast.ReturnStmt{Results: []ast.Expr{&ast.CallExpr{
					Fun: ident(keepNilHook),
					Args: []ast.Expr{ident(v.Name), &ast.BasicLit{Kind: token.STRING, Value: strconv.Quote(qualified)}, &ast.FuncLit{
						Type: &ast.FuncType{Params: &ast.FieldList{}, Results: &ast.FieldList{List: []*ast.Field{{Type: ident("string")}}}},
						Body: &ast.BlockStmt{List: []ast.Stmt{&ast.ReturnStmt{Results: []ast.Expr{
							&ast.CallExpr{Fun: &ast.SelectorExpr{X: ident(v.Name), Sel: ident("Error")}},
						}}}},
					}},
				}}}}},
			}
		}
		result = &ast.CallExpr{Fun: ident(keepErrorHook), Args: []ast.Expr{
			ident(v.Name), ident(v.Name), &ast.BasicLit{Kind: token.STRING, Value: strconv.Quote(qualified)},
		}}
	} else if exprKey(iface) == "fmt.Stringer" && name != "" && name[0] != '*' && c.fmtPackage() {
		// the value and its type's name kept, as for error
		result = &ast.CallExpr{Fun: ident(keepStringerHook), Args: []ast.Expr{
			ident(v.Name), ident(v.Name), &ast.BasicLit{Kind: token.STRING, Value: strconv.Quote("main." + name)},
		}}
	}
	body = append(body, &ast.ReturnStmt{Results: []ast.Expr{result}})
	lit := &ast.FuncLit{
		Type: &ast.FuncType{
			Params:  &ast.FieldList{List: []*ast.Field{{Names: []*ast.Ident{v}, Type: clone(t)}}},
			Results: &ast.FieldList{List: []*ast.Field{{Type: clone(iface)}}},
		},
		Body: &ast.BlockStmt{List: body},
	}
	c.markDone(lit)
	return &ast.CallExpr{Fun: lit, Args: []ast.Expr{x}}
}

// fmtPackage reports whether fmt is the unit's name of package fmt.
func (c *callPass) fmtPackage() bool {
	if c.env.isLocal("fmt") || c.decls.Declares("fmt") {
		return false
	}
	p, ok := c.p.(interface{ ImportPath(name string) string })
	return !ok || p.ImportPath("fmt") == "fmt" || p.ImportPath("fmt") == ""
}

// keepValues converts in place the values going to slots of the given
// types (by position).
func (c *callPass) keepValues(types, values []ast.Expr) {
	if len(types) != len(values) {
		return
	}
	for i, x := range values {
		if types[i] == nil {
			continue
		}
		if k := c.keep(x, types[i]); k != nil {
			values[i] = k
		}
	}
}

// keepStmt converts the values an assignment, a var declaration or a
// return stores into interfaces of compiled packages.
func (c *callPass) keepStmt(s ast.Stmt) {
	switch s := s.(type) {
	case *ast.AssignStmt:
		if s.Tok != token.ASSIGN || len(s.Lhs) != len(s.Rhs) {
			return
		}
		types := make([]ast.Expr, len(s.Lhs))
		for i, l := range s.Lhs {
			if id, ok := l.(*ast.Ident); ok && id.Name == "_" {
				continue
			}
			types[i] = c.typeOf(l)
		}
		c.keepValues(types, s.Rhs)
	case *ast.DeclStmt:
		c.keepDecl(s.Decl)
	case *ast.ReturnStmt:
		ft := c.enclosingFuncType()
		if ft == nil {
			return
		}
		// a returned value is the call's own (keepAny is not needed,
		// and a value of type any returned through two functions lost
		// its type)
		c.noKeepAny = true
		c.keepValues(flatFields(ft.Results), s.Results)
		c.noKeepAny = false
	}
}

// keepDecl converts the values of a var declaration with an interface
// type.
func (c *callPass) keepDecl(d ast.Decl) {
	g, ok := d.(*ast.GenDecl)
	if !ok || g.Tok != token.VAR {
		return
	}
	for _, sp := range g.Specs {
		v := sp.(*ast.ValueSpec)
		if v.Type == nil || len(v.Values) != len(v.Names) {
			continue
		}
		types := make([]ast.Expr, len(v.Values))
		for i := range types {
			types[i] = v.Type
		}
		c.keepValues(types, v.Values)
	}
}

// keepCall converts the arguments of append, of a function the session
// declared, and of errors.Is and errors.Join.
func (c *callPass) keepCall(call *ast.CallExpr) {
	if call.Ellipsis.IsValid() {
		return
	}
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		if f.Name == "append" && !c.env.isLocal("append") && !c.decls.Declares("append") && len(call.Args) > 1 {
			a, ok := c.env.under(c.typeOf(call.Args[0])).(*ast.ArrayType)
			if !ok || a.Len != nil {
				return
			}
			for i := 1; i < len(call.Args); i++ {
				if k := c.keep(call.Args[i], a.Elt); k != nil {
					call.Args[i] = k
				}
			}
			return
		}
	case *ast.SelectorExpr:
		switch exprKey(f) {
		case "errors.Is":
			if len(call.Args) == 2 {
				if k := c.keep(call.Args[1], ident("error")); k != nil {
					call.Args[1] = k
				}
			}
			return
		case "fmt.Errorf":
			// a %w operand is the error itself: a value of a declared
			// type with an Error method is kept as error (it prints the same)
			for i := 1; i < len(call.Args); i++ {
				if t := c.keepType(call.Args[i]); t != nil && c.declaredMethod(t, "Error") {
					call.Args[i] = c.freshConversion(call.Args[i], t, ident("error"))
				}
			}
			return
		case "errors.Join":
			for i, x := range call.Args {
				if k := c.keep(x, ident("error")); k != nil {
					call.Args[i] = k
				}
			}
			return
		}
	}
	fd := c.env.funcDecl(call.Fun)
	if fd == nil {
		fd = c.methodDecl(call.Fun)
	}
	if fd == nil {
		// a function literal called at once, a variable of a func type
		if ft, ok := c.env.typeOf(call.Fun).(*ast.FuncType); ok && ft.TypeParams == nil {
			fd = &ast.FuncDecl{Type: ft}
		} else if lit, ok := ast.Unparen(call.Fun).(*ast.FuncLit); ok {
			fd = &ast.FuncDecl{Type: lit.Type}
		}
	}
	if fd == nil {
		c.keepCompiledArgs(call)
		return
	}
	if fd.Type.TypeParams != nil {
		return
	}
	params := flatFields(fd.Type.Params)
	for i, x := range call.Args {
		var t ast.Expr
		switch {
		case i < len(params):
			t = params[i]
		case len(params) > 0:
			t = params[len(params)-1]
		}
		if e, ok := t.(*ast.Ellipsis); ok {
			t = e.Elt
		} else if i >= len(params) {
			continue
		}
		if k := c.keep(x, t); k != nil {
			call.Args[i] = k
		}
	}
}

// keepCompiledArgs converts the arguments going to parameters of a
// compiled interface with methods (io.Writer, sort.Interface, …) of a
// function of a compiled package, or of a method of a compiled type whose
// receiver the declarations tell: such a function may keep the value
// (bufio.NewWriter(w), io.MultiWriter(a, b)), whose wrapper would read
// the variable again at every call, and yaegi panics on one passed as a
// variadic argument ("reflect: cannot use *struct {…} as type io.Writer").
// Only interfaces the unit can name are used: error, and those of
// packages it imports.
func (c *callPass) keepCompiledArgs(call *ast.CallExpr) {
	if len(call.Args) == 0 {
		return
	}
	ft, _, ok := c.compiledCall(call)
	if !ok {
		return
	}
	sig, ok := c.p.(interface{ ImportName(path string) string })
	if !ok {
		return
	}
	fixed := ft.NumIn()
	if ft.IsVariadic() {
		fixed--
	}
	if len(call.Args) < fixed || !ft.IsVariadic() && len(call.Args) != fixed {
		return // f(g()) with g's results
	}
	for i, x := range call.Args {
		var pt reflect.Type
		switch {
		case ft.IsVariadic() && i >= ft.NumIn()-1:
			pt = ft.In(ft.NumIn() - 1).Elem()
		case i < ft.NumIn():
			pt = ft.In(i)
		default:
			return
		}
		if pt.Kind() != reflect.Interface || pt.NumMethod() == 0 || pt.Name() == "" {
			continue
		}
		var iface ast.Expr
		if pt == errorType {
			iface = ident("error")
		} else {
			name := sig.ImportName(pt.PkgPath())
			if name == "" || c.env.isLocal(name) || c.decls.Declares(name) {
				continue
			}
			iface = &ast.SelectorExpr{X: ident(name), Sel: ident(pt.Name())}
		}
		if k := c.keep(x, iface); k != nil {
			call.Args[i] = k
		}
	}
}

// compiledCall returns the type of the function call calls when it is a
// function of a compiled package or a method of a compiled type whose
// receiver the declarations tell (or, for the methods of opaqueStores, a
// probe), and its key: import/path.Func, import/path.Type.Method.
func (c *callPass) compiledCall(call *ast.CallExpr) (ft reflect.Type, key string, ok bool) {
	return c.compiledCallIn(call, nil)
}

// compiledCallIn is compiledCall for a call of statement s (nil when
// unknown), whose receiver is probed in s's place.
func (c *callPass) compiledCallIn(call *ast.CallExpr, s ast.Stmt) (ft reflect.Type, key string, ok bool) {
	sel, isSel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !isSel {
		return nil, "", false
	}
	sig, isSig := c.p.(interface {
		CompiledSignature(pkg, typ, fun string) (reflect.Type, bool)
		ImportPath(name string) string
	})
	if !isSig {
		return nil, "", false
	}
	if pkg, isIdent := sel.X.(*ast.Ident); isIdent && !c.env.isLocal(pkg.Name) && c.decls.Var(pkg.Name) == nil && !c.decls.IsVar(pkg.Name) && !c.decls.Declares(pkg.Name) {
		ft, ok = sig.CompiledSignature(pkg.Name, "", sel.Sel.Name)
		return ft, sig.ImportPath(pkg.Name) + "." + sel.Sel.Name, ok
	}
	recv := c.env.typeOf(sel.X)
	if recv == nil && opaqueMethods[sel.Sel.Name] && s != nil {
		// in place of the statement: a probe inside the call's
		// expression (l.PushBack(…)) would not compile as one
		recv = c.probeStmtType(s, sel.X)
	}
	if st, isPtr := recv.(*ast.StarExpr); isPtr {
		recv = st.X
	}
	named, isNamed := recv.(*ast.SelectorExpr)
	if !isNamed {
		return nil, "", false
	}
	pkg, isIdent := named.X.(*ast.Ident)
	if !isIdent || c.env.isLocal(pkg.Name) || c.decls.Declares(pkg.Name) {
		return nil, "", false
	}
	ft, ok = sig.CompiledSignature(pkg.Name, named.Sel.Name, sel.Sel.Name)
	return ft, sig.ImportPath(pkg.Name) + "." + named.Sel.Name + "." + sel.Sel.Name, ok
}

// opaqueStores are the compiled functions and methods that keep a value
// of type any and give it back as it is, by the index of its argument.
// yaegi passes them a value of a declared type other than a struct as its
// underlying value: sync.Map's Load gave back an int, which v.(State)
// did not match and which printed as 1 where Go prints "done". Held in a
// variable of type any first (boxFirst), the value keeps its type. Keys
// are left as they are: compiled maps compare them.
var opaqueStores = map[string]int{
	"sync.Map.Store":                   1,
	"sync.Map.LoadOrStore":             1,
	"sync.Map.Swap":                    1,
	"sync.Pool.Put":                    0,
	"sync/atomic.Value.Store":          0,
	"sync/atomic.Value.Swap":           0,
	"container/list.List.PushBack":     0,
	"container/list.List.PushFront":    0,
	"container/list.List.InsertBefore": 0,
	"container/list.List.InsertAfter":  0,
	"container/heap.Push":              1,
	"context.WithValue":                2,
}

// opaqueMethods are the method names of opaqueStores, whose receiver's
// type is worth a probe.
var opaqueMethods = map[string]bool{"Store": true, "LoadOrStore": true, "Swap": true, "Put": true,
	"PushBack": true, "PushFront": true, "InsertBefore": true, "InsertAfter": true}

// boxFirst puts the value a call (of statement s) of opaqueStores keeps
// into a variable of type any, declared before the statement, when the
// value's type is declared in the session, has methods and is not a
// struct, or it is a call's result of type any, and nothing the call
// evaluates before it has effects (so that evaluating it first changes
// nothing); it returns the declaration, nil if none:
//
//	m.Store("a", s)       ⇔  __v1 := func(__v2 State) any { return __odsh_any(State(__v2)) }(s); m.Store("a", __v1)
//	m.Store("b", box(s))  ⇔  __v3 := box(s); m.Store("b", __v3)
//
// (passed on directly, yaegi hands the compiled function the bare value;
// made in the same frame at each run of a loop, every stored value was
// the last: keepAny.)
func (c *callPass) boxFirst(s ast.Stmt, call *ast.CallExpr) []ast.Stmt {
	if call == nil || call.Ellipsis.IsValid() {
		return nil
	}
	_, key, ok := c.compiledCallIn(call, s)
	at, known := opaqueStores[key]
	if !ok || !known || at >= len(call.Args) {
		return nil
	}
	x := call.Args[at]
	inner, isCall := ast.Unparen(x).(*ast.CallExpr)
	held := isCall && c.returnsAny(inner) // a call's value in an any: held as it is
	if !held {
		t, isName := c.keepType(x).(*ast.Ident)
		if !isName || !c.decls.HasMethods(t.Name) {
			return nil
		}
		if _, isStruct := c.env.under(t).(*ast.StructType); isStruct {
			return nil
		}
	}
	// x is evaluated once, before what comes before it in the call,
	// which must have no effects
	for _, e := range append([]ast.Expr{call.Fun}, call.Args[:at]...) {
		if !c.withoutEffects(e) {
			return nil
		}
	}
	v := c.tempFor(s)
	call.Args[at] = ident(v.Name)
	// a short declaration: a var declaration first would make yaegi read
	// a top-level entry as a file of declarations
	if held {
		return []ast.Stmt{define(v, x)}
	}
	k := c.keepAny(x, ident("any"))
	if k == nil {
		k = &ast.CallExpr{Fun: ident(anyFunc), Args: []ast.Expr{x}}
		c.done[k] = true
	}
	return []ast.Stmt{define(v, k)}
}

// withoutEffects reports whether evaluating e calls nothing (but
// conversions) and receives nothing.
func (c *callPass) withoutEffects(e ast.Expr) bool {
	ok := true
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			fun := ast.Unparen(n.Fun)
			id, isName := fun.(*ast.Ident)
			conversion := isTypeSyntax(fun) || isName && !c.env.isLocal(id.Name) && (predeclaredTypes[id.Name] || c.decls.Type(id.Name) != nil)
			if !conversion {
				ok = false
			}
		case *ast.UnaryExpr:
			if n.Op == token.ARROW {
				ok = false
			}
		case *ast.FuncLit:
			return false
		}
		return ok
	})
	return ok
}

// keepLiteral converts the elements of a composite literal of a slice,
// array or map of an interface of a compiled package, and the fields of
// such a type of a struct declared in the session.
func (c *callPass) keepLiteral(lit *ast.CompositeLit) {
	if lit.Type == nil {
		return
	}
	under := c.env.under(lit.Type)
	if id, ok := under.(*ast.Ident); ok && c.env.isLocal(id.Name) {
		// a type declared in the function (holder{Dog(n)})
		if spec := c.env.localType(id.Name); spec != nil && spec.TypeParams == nil && !spec.Assign.IsValid() {
			under = spec.Type
		}
	}
	switch u := under.(type) {
	case *ast.ArrayType:
		if !c.keepTarget(u.Elt) && !c.isAnyType(u.Elt) && !c.shellIfaceType(u.Elt) {
			return
		}
		for i, e := range lit.Elts {
			if kv, ok := e.(*ast.KeyValueExpr); ok {
				if k := c.keep(kv.Value, u.Elt); k != nil {
					kv.Value = k
				}
			} else if k := c.keep(e, u.Elt); k != nil {
				lit.Elts[i] = k
			}
		}
	case *ast.MapType:
		if !c.keepTarget(u.Value) && !c.isAnyType(u.Value) && !c.shellIfaceType(u.Value) {
			return
		}
		for _, e := range lit.Elts {
			if kv, ok := e.(*ast.KeyValueExpr); ok {
				if k := c.keep(kv.Value, u.Value); k != nil {
					kv.Value = k
				}
			}
		}
	case *ast.StructType:
		var names []string
		var types []ast.Expr
		for _, f := range u.Fields.List {
			if len(f.Names) == 0 {
				names = append(names, "")
				types = append(types, f.Type)
			}
			for _, n := range f.Names {
				names = append(names, n.Name)
				types = append(types, f.Type)
			}
		}
		for i, e := range lit.Elts {
			if kv, ok := e.(*ast.KeyValueExpr); ok {
				key, ok := kv.Key.(*ast.Ident)
				if !ok {
					continue
				}
				for j, n := range names {
					if n == key.Name {
						if k := c.keep(kv.Value, types[j]); k != nil {
							kv.Value = k
						}
					}
				}
			} else if i < len(types) {
				if k := c.keep(e, types[i]); k != nil {
					lit.Elts[i] = k
				}
			}
		}
	}
}

const sameErrorHook = bindAlias + ".SameError"
const sameStringerHook = bindAlias + ".SameStringer"

// keepCompare rewrites a comparison of an error with a value of a
// declared type, which Go makes by converting the value to error:
//
//	err == NotFound{"x", 1}  ⇔  __odshbind.SameError(err, <kept NotFound{"x", 1}>)
func (c *callPass) keepCompare(b *ast.BinaryExpr) {
	if b.Op != token.EQL && b.Op != token.NEQ || c.interp() == nil {
		return
	}
	for _, side := range [][2]*ast.Expr{{&b.X, &b.Y}, {&b.Y, &b.X}} {
		other := ast.Unparen(orNil(c.typeOf(*side[0])))
		hook := ""
		if id, ok := other.(*ast.Ident); ok && id.Name == "error" && c.compiledInterface(id) {
			hook = sameErrorHook
		} else if exprKey(other) == "fmt.Stringer" && c.fmtPackage() {
			hook = sameStringerHook
		}
		if hook == "" {
			continue
		}
		k := c.keep(*side[1], clone(other))
		if k == nil {
			continue
		}
		var repl ast.Expr = &ast.CallExpr{Fun: ident(hook), Args: []ast.Expr{*side[0], k}}
		if b.Op == token.NEQ {
			repl = &ast.UnaryExpr{Op: token.NOT, X: repl}
		}
		c.replace(b, &ast.ParenExpr{X: repl})
		return
	}
}

func orNil(e ast.Expr) ast.Expr {
	if e == nil {
		return &ast.BadExpr{}
	}
	return e
}

// declaredMethod reports whether t, T or *T of a declared type, has the
// method name in its method set.
func (c *callPass) declaredMethod(t ast.Expr, name string) bool {
	ptr := false
	if st, ok := t.(*ast.StarExpr); ok {
		ptr, t = true, st.X
	}
	id, ok := t.(*ast.Ident)
	if !ok {
		return false
	}
	for _, ms := range c.decls.methodSets() {
		if ms.name == id.Name {
			if ptr {
				return ms.pointer[name]
			}
			return ms.value[name]
		}
	}
	return false
}

const heldHook = bindAlias + ".Held"

// heldAssert is v.(t), and for t a declared type (T, *T) whose values
// errors keep (keepError), an assertion on the value an error keeps:
//
//	func() T { if __odshbind.HeldName(v) != "" { return __odshbind.Held(v).(T) }; return v.(T) }()
//
// yaegi's assertion finds the value inside an error only when v's static
// type is error, not in an any.
func (c *callPass) heldAssert(v, t ast.Expr) ast.Expr {
	plain := &ast.TypeAssertExpr{X: v, Type: t}
	if c.interp() == nil || !c.identified(t) {
		return plain
	}
	held := &ast.IfStmt{
		Cond: &ast.BinaryExpr{X: &ast.CallExpr{Fun: ident(heldNameHook), Args: []ast.Expr{clone(v)}}, Op: token.NEQ, Y: &ast.BasicLit{Kind: token.STRING, Value: `""`}},
		Body: &ast.BlockStmt{List: []ast.Stmt{&ast.ReturnStmt{Results: []ast.Expr{
			&ast.TypeAssertExpr{X: &ast.CallExpr{Fun: ident(heldHook), Args: []ast.Expr{clone(v)}}, Type: clone(t)},
		}}}},
	}
	c.made[held] = true
	ret := &ast.ReturnStmt{Results: []ast.Expr{plain}}
	c.made[ret] = true
	return &ast.CallExpr{Fun: &ast.FuncLit{
		Type: &ast.FuncType{Params: &ast.FieldList{}, Results: &ast.FieldList{List: []*ast.Field{{Type: clone(t)}}}},
		Body: &ast.BlockStmt{List: []ast.Stmt{held, ret}},
	}}
}

// methodDecl returns the declaration of the method fun names, x.M with x
// a value of a declared type (T or *T), or nil.
func (c *callPass) methodDecl(fun ast.Expr) *ast.FuncDecl {
	sel, ok := ast.Unparen(fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	if id, ok := sel.X.(*ast.Ident); ok && c.decls.Var(id.Name) == nil && !c.env.isLocal(id.Name) {
		if c.decls.Type(id.Name) != nil || c.decls.Func(id.Name+"."+sel.Sel.Name) != nil {
			return nil // a method expression T.M, or a package's function
		}
	}
	// the type of x (a probe, maybe) only when a declared type has such a
	// method: this runs for every call of a selector
	if !c.decls.hasMethodNamed(sel.Sel.Name) {
		return nil
	}
	t := c.typeOf(sel.X)
	if st, ok := t.(*ast.StarExpr); ok {
		t = st.X
	}
	id, ok := t.(*ast.Ident)
	if !ok || c.env.isLocal(id.Name) || c.decls.Type(id.Name) == nil {
		return nil
	}
	return c.decls.Method(id.Name, sel.Sel.Name)
}

// loopSendAny refuses s, a send on a chan of any in a select case inside
// a loop, of a value of a type declared in the session with methods that
// is not a struct: yaegi's interface value refers to storage the next
// iteration overwrites (for i := range 3 { ch <- Num(i) } was received as
// #2 #2 #2), and the value made apart (keepSend) fails in a select case.
func (c *callPass) loopSendAny(s *ast.SendStmt) {
	t, ok := c.keepType(s.Value).(*ast.Ident)
	if !ok || !c.decls.HasMethods(t.Name) {
		return
	}
	if _, isStruct := c.env.under(t).(*ast.StructType); isStruct {
		return
	}
	for _, n := range c.stack {
		switch n.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			if id, isName := ast.Unparen(s.Value).(*ast.Ident); isName && !assignedIn(n, id.Name) {
				continue // a variable the loop does not change: the same value
			}
			c.refuse(fmt.Sprintf("%s in a select case in a loop (a %s, whose type has methods, sent on a chan of any)", c.r.print(s), t.Name),
				fmt.Sprintf("the receiver would see another value sent there; use a chan %s, send a struct holding the value, or send outside a select", t.Name))
			return
		}
	}
}

// assignedIn reports whether n declares or assigns the variable name.
func assignedIn(n ast.Node, name string) bool {
	found := false
	is := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && id.Name == name
	}
	ast.Inspect(n, func(m ast.Node) bool {
		switch m := m.(type) {
		case *ast.AssignStmt:
			for _, l := range m.Lhs {
				found = found || is(l)
			}
		case *ast.IncDecStmt:
			found = found || is(m.X)
		case *ast.ValueSpec:
			for _, id := range m.Names {
				found = found || id.Name == name
			}
		case *ast.RangeStmt:
			found = found || m.Key != nil && is(m.Key) || m.Value != nil && is(m.Value)
		}
		return !found
	})
	return found
}

// keepSend converts the value a send statement sends on a channel of an
// interface of a compiled package. On a chan of any, a value of a declared
// non-struct type with methods is made apart (keepAny: sent as it was, the
// receiver saw the variable's later value, `ch <- s; s = 8; ch <- s`
// received S8 twice, or in a loop another iteration's); not in a select
// case (inSelect), where yaegi fails on a function literal's call ("call
// of nil function"): such a send is refused in a loop (loopSendAny).
func (c *callPass) keepSend(s *ast.SendStmt, inSelect bool) {
	ch, ok := c.env.under(c.typeOf(s.Chan)).(*ast.ChanType)
	if !ok {
		return
	}
	keep := c.keep
	if c.isAnyType(ast.Unparen(ch.Value)) {
		keep = c.keepFunc
		if inSelect {
			c.loopSendAny(s)
		} else if k := c.keepAny(s.Value, ch.Value); k != nil {
			s.Value = k
			return
		}
	}
	if k := keep(s.Value, ch.Value); k != nil {
		s.Value = k
		return
	}
	// an untyped constant sent in a select case: yaegi hands reflect.Select
	// the constant's default type (int on a chan uint panics), so it is
	// converted to the element type, as Go does
	if untypedLiteral(s.Value) {
		if _, isIface := c.env.under(ch.Value).(*ast.InterfaceType); !isIface && ch.Value != nil {
			s.Value = &ast.CallExpr{Fun: &ast.ParenExpr{X: clone(ch.Value)}, Args: []ast.Expr{s.Value}}
		}
	}
}

// untypedLiteral reports whether e is a literal constant expression
// (1, -1, 'a', 1<<3, "s"+"t").
func untypedLiteral(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.BasicLit:
		return true
	case *ast.UnaryExpr:
		return untypedLiteral(e.X)
	case *ast.BinaryExpr:
		return untypedLiteral(e.X) && untypedLiteral(e.Y)
	}
	return false
}

// genericConversion rewrites a conversion to an instance of a generic type
// declared in the session, which yaegi fails on ("type not found:
// List[string]"), into an assignment, which it runs:
//
//	List[string](words)  ⇔  func() List[string] { var __v List[string] = words; return __v }()
func (c *callPass) genericConversion(call *ast.CallExpr) bool {
	if len(call.Args) != 1 || call.Ellipsis.IsValid() {
		return false
	}
	var base ast.Expr
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.IndexExpr:
		base = f.X
	case *ast.IndexListExpr:
		base = f.X
	default:
		return false
	}
	id, ok := base.(*ast.Ident)
	if !ok || c.env.isLocal(id.Name) {
		return false
	}
	spec := c.decls.Type(id.Name)
	if spec == nil || spec.TypeParams == nil {
		return false
	}
	v := ident(c.r.names.next("v"))
	t := ast.Unparen(call.Fun)
	decl := &ast.DeclStmt{Decl: &ast.GenDecl{Tok: token.VAR, Specs: []ast.Spec{&ast.ValueSpec{
		Names: []*ast.Ident{v}, Type: clone(t), Values: []ast.Expr{call.Args[0]},
	}}}}
	c.made[decl] = true
	lit := &ast.FuncLit{
		Type: &ast.FuncType{Params: &ast.FieldList{}, Results: &ast.FieldList{List: []*ast.Field{{Type: clone(t)}}}},
		Body: &ast.BlockStmt{List: []ast.Stmt{decl, &ast.ReturnStmt{Results: []ast.Expr{ident(v.Name)}}}},
	}
	return c.replace(call, &ast.CallExpr{Fun: lit})
}

// stringParamConversion rewrites a conversion to a type parameter whose
// constraint is ~string, which yaegi fails on ("too many arguments"), into
// an assignment of the string, which it runs (for T = string or a type
// whose underlying type is string, T(e) is T(string(e))):
//
//	T(s)  ⇔  func(__s string) T { var __v T = __s; return __v }(string(s))
func (c *callPass) stringParamConversion(call *ast.CallExpr) bool {
	if len(call.Args) != 1 || call.Ellipsis.IsValid() {
		return false
	}
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok || !c.stringTypeParam(id.Name) {
		return false
	}
	s, v := ident(c.r.names.next("s")), ident(c.r.names.next("v"))
	decl := &ast.DeclStmt{Decl: &ast.GenDecl{Tok: token.VAR, Specs: []ast.Spec{&ast.ValueSpec{
		Names: []*ast.Ident{v}, Type: ident(id.Name), Values: []ast.Expr{ident(s.Name)},
	}}}}
	c.made[decl] = true
	lit := &ast.FuncLit{
		Type: &ast.FuncType{
			Params:  &ast.FieldList{List: []*ast.Field{{Names: []*ast.Ident{s}, Type: ident("string")}}},
			Results: &ast.FieldList{List: []*ast.Field{{Type: ident(id.Name)}}},
		},
		Body: &ast.BlockStmt{List: []ast.Stmt{decl, &ast.ReturnStmt{Results: []ast.Expr{ident(v.Name)}}}},
	}
	c.markDone(lit)
	arg := &ast.CallExpr{Fun: ident("string"), Args: []ast.Expr{call.Args[0]}}
	return c.replace(call, &ast.CallExpr{Fun: lit, Args: []ast.Expr{arg}})
}

// stringTypeParam reports whether name is a type parameter of an
// enclosing generic function or method's type constrained by ~string.
func (c *callPass) stringTypeParam(name string) bool {
	for i := len(c.stack) - 1; i >= 0; i-- {
		fd, ok := c.stack[i].(*ast.FuncDecl)
		if !ok {
			continue
		}
		var lists []*ast.FieldList
		if fd.Type.TypeParams != nil {
			lists = append(lists, fd.Type.TypeParams)
		}
		for _, fl := range lists {
			for _, f := range fl.List {
				for _, n := range f.Names {
					if n.Name != name {
						continue
					}
					u, ok := f.Type.(*ast.UnaryExpr)
					if !ok || u.Op != token.TILDE {
						return false
					}
					s, ok := u.X.(*ast.Ident)
					return ok && s.Name == "string"
				}
			}
		}
		return false
	}
	return false
}

// ifaceSwitch rewrites a switch on a value of an interface type, which
// yaegi runs with a panic ("reflect.Value.Convert: value of type interface
// {} cannot be converted to type string": switch v { case "draft": } with
// v an any), into a switch of comparisons, which it runs:
//
//	switch init; v { case a, b: … }  ⇔  { init; __sw := v; switch { case __sw == a || __sw == b: … } }
func (c *callPass) ifaceSwitch(s *ast.SwitchStmt, label *ast.Ident) ast.Stmt {
	var t ast.Expr
	// switch v := expr; v { … }: v's type is expr's
	if id, ok := s.Tag.(*ast.Ident); ok {
		if a, ok := s.Init.(*ast.AssignStmt); ok && a.Tok == token.DEFINE && len(a.Lhs) == 1 && len(a.Rhs) == 1 {
			if l, ok := a.Lhs[0].(*ast.Ident); ok && l.Name == id.Name {
				t = c.typeOf(a.Rhs[0])
			}
		}
	}
	if t == nil {
		t = c.typeOf(s.Tag)
	}
	if t == nil {
		return nil
	}
	if k, _ := c.interfaceKind(t); k != emptyIface && k != iface {
		return nil
	}
	for _, cl := range s.Body.List {
		for _, e := range cl.(*ast.CaseClause).List {
			if name := c.methodless(e); name != "" {
				c.refuse(fmt.Sprintf("case %s (a case of %s, a type without methods, in a switch on an interface value: yaegi holds such values in interfaces as plain values of the underlying type, so %s and a plain value equal to it would match alike)", c.r.print(e), name, c.r.print(e)),
					"switch on the value after a type switch or assertion, or give "+name+" a method (values of types with methods keep their type)")
				return nil
			}
		}
	}
	tmp := ident(c.r.names.next("sw"))
	if c.probed == nil {
		c.probed = map[ast.Expr]ast.Expr{}
	}
	var block []ast.Stmt
	if s.Init != nil {
		block = append(block, s.Init)
	}
	def := define(tmp, s.Tag)
	c.made[def] = true
	block = append(block, def)
	for _, cl := range s.Body.List {
		cc := cl.(*ast.CaseClause)
		if cc.List == nil {
			continue
		}
		var cond ast.Expr
		for _, e := range cc.List {
			x := ident(tmp.Name)
			c.probed[x] = t
			var eq ast.Expr = &ast.BinaryExpr{X: x, Op: token.EQL, Y: e}
			// compared as Go compares interface values (anyCompare)
			if r := c.anyCompareExpr(eq.(*ast.BinaryExpr)); r != nil {
				eq = r
			}
			if cond == nil {
				cond = eq
			} else {
				cond = &ast.BinaryExpr{X: cond, Op: token.LOR, Y: eq}
			}
		}
		cc.List = []ast.Expr{cond}
	}
	sw := &ast.SwitchStmt{Switch: s.Switch, Body: s.Body}
	c.made[sw] = true
	var st ast.Stmt = sw
	if label != nil {
		st = &ast.LabeledStmt{Label: label, Stmt: sw}
	}
	return &ast.BlockStmt{List: append(block, st)}
}

const sameAnyHook = bindAlias + ".SameAny"

// anyCompare rewrites a comparison of operands of which one is of the
// empty interface or of an interface declared in the shell, and the other
// of such a type too or of a declared type with methods, which yaegi
// answers wrong (two State(1) held in an any were unequal; a State held
// in a Named was not equal to State(3)):
//
//	a == b  ⇔  __odshbind.SameAny(a, b, "", "main.State")   (b a State)
//
// The type of a value held in an interface declared in the shell, which
// yaegi passes to compiled code as its plain value, is found by a type
// switch over the declared types (nameTest), for an operand that can be
// evaluated twice.
func (c *callPass) anyCompare(b *ast.BinaryExpr) {
	if r := c.anyCompareExpr(b); r != nil {
		c.replace(b, r)
	}
}

// anyCompareExpr returns what replaces the comparison b (anyCompare), nil
// if nothing.
func (c *callPass) anyCompareExpr(b *ast.BinaryExpr) ast.Expr {
	if b.Op != token.EQL && b.Op != token.NEQ || c.interp() == nil || isNilIdent(b.X) || isNilIdent(b.Y) {
		return nil
	}
	x, y := c.compareOperand(b.X), c.compareOperand(b.Y)
	if x.kind == "impure" || y.kind == "impure" {
		return c.heldCompare(b)
	}
	if x.kind == "" || y.kind == "" || x.kind == "declared" && y.kind == "declared" {
		return nil
	}
	for _, side := range [][2]ast.Expr{{b.X, b.Y}, {b.Y, b.X}} {
		if t := c.methodless(side[0]); t != "" {
			c.refuse(fmt.Sprintf("%s (an interface value compared with a value of %s, a type without methods: yaegi holds such values in interfaces as plain values of the underlying type, so %s and a plain value equal to it would be equal)", c.r.print(b), t, c.r.print(side[0])),
				"compare after a type switch or assertion on the interface value, or give "+t+" a method (values of types with methods keep their type)")
			return nil
		}
	}
	var repl ast.Expr = &ast.CallExpr{Fun: ident(sameAnyHook), Args: []ast.Expr{b.X, b.Y, x.name, y.name}}
	if b.Op == token.NEQ {
		repl = &ast.UnaryExpr{Op: token.NOT, X: repl}
	}
	return &ast.ParenExpr{X: repl}
}

// operand is what compareOperand tells of an operand of a comparison.
type operand struct {
	kind string // "any", "shell" (an interface declared in the shell), "declared", "impure"; "" otherwise
	name ast.Expr
}

// compareOperand classifies e, an operand of a comparison (anyCompare)
// or of reflect.DeepEqual (deepEqualCall): an operand of a declared type
// with methods, or converted to an interface from one, gets its type's
// name ("main.State"); one of an interface declared in the shell, a call
// that finds the name of its value's type.
func (c *callPass) compareOperand(e ast.Expr) operand {
	str := func(s string) ast.Expr { return &ast.BasicLit{Kind: token.STRING, Value: strconv.Quote(s)} }
	declaredName := func(t ast.Expr) string {
		switch t := t.(type) {
		case *ast.Ident:
			return "main." + t.Name
		case *ast.StarExpr:
			return "*main." + c.r.print(t.X)
		}
		return ""
	}

	// any(State(1)) (rewritten __odsh_any(State(1))), Named(State(1)):
	// the converted value's type
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok && len(call.Args) == 1 {
		conv := false
		switch f := ast.Unparen(call.Fun).(type) {
		case *ast.Ident:
			if f.Name == anyFunc || f.Name == "any" && !c.env.isLocal("any") {
				conv = true
			} else if spec := c.decls.Type(f.Name); spec != nil && !c.env.isLocal(f.Name) {
				_, conv = spec.Type.(*ast.InterfaceType)
			}
		case *ast.InterfaceType:
			conv = true
		}
		if t := c.apart[call]; t != nil && c.identified(t) {
			// any(State(1)) made apart (keepAny)
			return operand{"declared", str(declaredName(t))}
		}
		if conv {
			if at := c.typeOf(call.Args[0]); at != nil && c.identified(at) {
				return operand{"declared", str(declaredName(at))}
			}
			return operand{"any", str("")}
		}
	}
	t := c.typeOf(e)
	if t == nil {
		return operand{}
	}
	k, methods := c.interfaceKind(t)
	switch {
	case k == emptyIface:
		return operand{"any", str("")}
	case k == iface && !c.compiledInterface(t) && pure(e):
		impls := c.implementers(t, methods)
		sw := &ast.TypeSwitchStmt{Assign: &ast.ExprStmt{X: &ast.TypeAssertExpr{X: clone(e)}}, Body: &ast.BlockStmt{}}
		for _, impl := range impls {
			if c.identified(impl) {
				sw.Body.List = append(sw.Body.List, &ast.CaseClause{List: []ast.Expr{clone(impl)}, Body: []ast.Stmt{
					&ast.ReturnStmt{Results: []ast.Expr{str(declaredName(impl))}},
				}})
			}
		}
		c.made[sw] = true
		lit := &ast.FuncLit{
			Type: &ast.FuncType{Params: &ast.FieldList{}, Results: &ast.FieldList{List: []*ast.Field{{Type: ident("string")}}}},
			// not found: a plain value, maybe of a declared type
			Body: &ast.BlockStmt{List: []ast.Stmt{sw, &ast.ReturnStmt{Results: []ast.Expr{str(plainDeclared)}}}},
		}
		c.markDone(lit)
		return operand{"shell", &ast.CallExpr{Fun: lit}}
	case k == iface && !c.compiledInterface(t):
		return operand{"impure", nil} // all[0] == Dog("rex"): held first
	case c.identified(t) || c.keepType(e) != nil:
		return operand{"declared", str(declaredName(t))}
	}
	return operand{}
}

// heldCompare is anyCompareExpr for a comparison with an operand of an
// interface declared in the shell that is not a variable (all[0], f()),
// which the test of its type would evaluate again: both operands are
// held in variables of a function literal, in order, and compared there
// (as parameters, a call's result of such an interface passed on is
// broken in yaegi: a type switch on it panics):
//
//	all[0] == Dog("rex")  ⇔  func() bool { __x := all[0]; __y := Dog("rex"); return SameAny(__x, __y, …) }()
func (c *callPass) heldCompare(b *ast.BinaryExpr) ast.Expr {
	tx, ty := c.typeOf(b.X), c.typeOf(b.Y)
	if tx == nil || ty == nil || c.env.untyped(b.X) || c.env.untyped(b.Y) {
		return nil
	}
	vx, vy := ident(c.r.names.next("x")), ident(c.r.names.next("y"))
	if c.probed == nil {
		c.probed = map[ast.Expr]ast.Expr{}
	}
	c.probed[vx], c.probed[vy] = tx, ty
	var inner ast.Expr = &ast.BinaryExpr{X: vx, Op: b.Op, Y: vy}
	if r := c.anyCompareExpr(inner.(*ast.BinaryExpr)); r != nil {
		inner = r
	}
	// one statement each (`__x, __y := ns[1], Z{2}` broke the struct)
	holdX, holdY := define(ident(vx.Name), b.X), define(ident(vy.Name), b.Y)
	c.made[holdX], c.made[holdY] = true, true
	lit := &ast.FuncLit{
		Type: &ast.FuncType{Params: &ast.FieldList{}, Results: &ast.FieldList{List: []*ast.Field{{Type: ident("bool")}}}},
		Body: &ast.BlockStmt{List: []ast.Stmt{holdX, holdY, &ast.ReturnStmt{Results: []ast.Expr{inner}}}},
	}
	c.markDone(lit)
	return &ast.CallExpr{Fun: lit}
}

// methodless returns the name of e's type when it is a type declared at
// top level without methods (and not a struct, whose values yaegi tells
// apart by their fields), else "".
func (c *callPass) methodless(e ast.Expr) string {
	t := c.keepType(e)
	id, ok := t.(*ast.Ident)
	if !ok || c.decls.HasMethods(id.Name) {
		return ""
	}
	if _, isStruct := c.underlying(id, 0).(*ast.StructType); isStruct {
		return ""
	}
	return id.Name
}

const decodeRuneHook = bindAlias + ".DecodeRune"

// rangeString rewrites a range over a string into a loop that decodes it
// as Go does: yaegi advanced past an invalid byte by the length of the
// replacement character, three bytes instead of one, so offsets and runes
// after it were wrong ("a\xcab" gave offsets 0 1 4, not 0 1 2):
//
//	for i, r := range s { body }
//	  ⇔ { __s := s; for __i, __n := 0, 0; __i < len(__s); __i += __n { var __r rune; __r, __n = DecodeRune(__s, __i); i, r := __i, __r; body } }
func (c *callPass) rangeString(x *ast.RangeStmt, label *ast.Ident) ast.Stmt {
	if x.Tok != token.DEFINE && (x.Key != nil || x.Value != nil) {
		return nil
	}
	t := c.typeOf(x.X)
	if id, ok := c.env.under(t).(*ast.Ident); !ok || id.Name != "string" || c.env.isLocal("string") {
		return nil
	}
	pos := x.Body.Lbrace
	at := func(name string) *ast.Ident { return &ast.Ident{NamePos: pos, Name: name} }
	sv, iv, nv, rv := c.r.names.next("s"), c.r.names.next("i"), c.r.names.next("n"), c.r.names.next("r")
	var body []ast.Stmt
	body = append(body, &ast.DeclStmt{Decl: &ast.GenDecl{TokPos: pos, Tok: token.VAR, Specs: []ast.Spec{&ast.ValueSpec{Names: []*ast.Ident{at(rv)}, Type: at("rune")}}}})
	body = append(body, &ast.AssignStmt{Lhs: []ast.Expr{at(rv), at(nv)}, TokPos: pos, Tok: token.ASSIGN, Rhs: []ast.Expr{
		&ast.CallExpr{Fun: at(decodeRuneHook), Lparen: pos, Args: []ast.Expr{at(sv), at(iv)}, Rparen: pos},
	}})
	var lhs, rhs []ast.Expr
	if k, ok := x.Key.(*ast.Ident); ok && k.Name != "_" {
		lhs, rhs = append(lhs, at(k.Name)), append(rhs, at(iv))
	}
	if v, ok := x.Value.(*ast.Ident); ok && v.Name != "_" {
		lhs, rhs = append(lhs, at(v.Name)), append(rhs, at(rv))
	}
	if len(lhs) > 0 {
		body = append(body, &ast.AssignStmt{Lhs: lhs, TokPos: pos, Tok: token.DEFINE, Rhs: rhs})
		for _, l := range lhs {
			body = append(body, &ast.AssignStmt{Lhs: []ast.Expr{at("_")}, TokPos: pos, Tok: token.ASSIGN, Rhs: []ast.Expr{at(l.(*ast.Ident).Name)}})
		}
	}
	for _, st := range body {
		c.made[st] = true
	}
	body = append(body, x.Body)
	loop := &ast.ForStmt{
		For:  x.For,
		Init: &ast.AssignStmt{Lhs: []ast.Expr{at(iv), at(nv)}, TokPos: pos, Tok: token.DEFINE, Rhs: []ast.Expr{&ast.BasicLit{ValuePos: pos, Kind: token.INT, Value: "0"}, &ast.BasicLit{ValuePos: pos, Kind: token.INT, Value: "0"}}},
		Cond: &ast.BinaryExpr{X: at(iv), OpPos: pos, Op: token.LSS, Y: &ast.CallExpr{Fun: at("len"), Lparen: pos, Args: []ast.Expr{at(sv)}, Rparen: pos}},
		Post: &ast.AssignStmt{Lhs: []ast.Expr{at(iv)}, TokPos: pos, Tok: token.ADD_ASSIGN, Rhs: []ast.Expr{at(nv)}},
		Body: &ast.BlockStmt{Lbrace: pos, List: body, Rbrace: x.Body.Rbrace},
	}
	c.made[loop.Init] = true
	c.made[loop.Post] = true
	c.made[loop] = true
	var st ast.Stmt = loop
	if label != nil {
		st = &ast.LabeledStmt{Label: label, Stmt: loop}
	}
	def := &ast.AssignStmt{Lhs: []ast.Expr{at(sv)}, TokPos: pos, Tok: token.DEFINE, Rhs: []ast.Expr{x.X}}
	c.made[def] = true
	return &ast.BlockStmt{Lbrace: pos, List: []ast.Stmt{def, st}, Rbrace: x.Body.Rbrace}
}
