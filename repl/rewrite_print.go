package repl

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"io"
	"reflect"
	"sort"
	"strconv"
	"strings"
)

// Arguments of fmt's print functions.
//
// yaegi hands compiled code a slice, an array or a map whose elements are
// of a type declared in the shell as the same container of the underlying
// type: fmt.Println([]State{Draft, Done}) receives []int and prints [0 1]
// where Go calls String and prints [draft done]. A value of such a type
// inside `any` keeps its type (the print shims then call its methods), so
// such an argument, when its type is known from the syntax and the
// declarations, is passed as a container of any:
//
//	fmt.Println(states)  ⇔  fmt.Println(__odshbuiltin.AnySlice(states))
//	fmt.Println(names)   ⇔  fmt.Println(__odshbuiltin.AnyValues(names))   (map[string]State)
//
// A map whose keys are of such a type goes as its keys and values in
// turn, which the shims print as the map (yaegi stores an any key as the
// underlying value, so map[K]any would not do):
//
//	fmt.Println(counts)  ⇔  fmt.Println(__odshbind.MapView(__odshbuiltin.AnyPairs(counts)))   (map[State]int)
//
// An array goes as a slice of any (fmt prints both alike), unless its
// elements are bytes, which %s and %x print as a string.
//
// Not covered (known differences): a container whose type the syntax does
// not tell, and containers nested in containers. A struct field of such a
// type is converted when printed (typedfields.go).

// printFuncs are fmt's and log's functions that format their arguments,
// with the number of leading arguments that are not values (a writer, a
// buffer, a format).
var printFuncs = map[string]map[string]int{
	"fmt": {"Print": 0, "Println": 0, "Printf": 1, "Sprint": 0, "Sprintln": 0, "Sprintf": 1, "Errorf": 1,
		"Fprint": 1, "Fprintln": 1, "Fprintf": 2, "Append": 1, "Appendln": 1, "Appendf": 2},
	"log": {"Print": 0, "Println": 0, "Printf": 1, "Fatal": 0, "Fatalln": 0, "Fatalf": 1, "Panic": 0, "Panicln": 0, "Panicf": 1},
}

// anyResultsFirst evaluates into variables, before statement s (whose
// call it is), the arguments of the print call call that are calls returning
// the empty interface, when nothing evaluated before them has effects,
// and returns the declarations: passed on directly, yaegi hands fmt the
// value of a declared type such a call returns without its type
// (fmt.Println(get()) printed 1 where Go calls String and prints
// "done"); held in a variable it keeps it:
//
//	fmt.Println(get())  ⇔  __v1 := get(); fmt.Println(__v1)
func (c *callPass) anyResultsFirst(s ast.Stmt, call *ast.CallExpr) []ast.Stmt {
	if call == nil || call.Ellipsis.IsValid() {
		return nil
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	pkg, ok := sel.X.(*ast.Ident)
	if !ok || c.env.isLocal(pkg.Name) || c.decls.Var(pkg.Name) != nil || c.decls.Declares(pkg.Name) {
		return nil
	}
	skip, ok := printFuncs[pkg.Name][sel.Sel.Name]
	if !ok {
		return nil
	}
	if skip == 0 && len(call.Args) == 1 {
		// fmt.Println(m.Load("a")): the results of a call with several
		if inner, ok := ast.Unparen(call.Args[skip]).(*ast.CallExpr); ok {
			if n := c.resultsWithAny(inner); n > 1 {
				var lhs []ast.Expr
				for range n {
					lhs = append(lhs, c.tempFor(s))
				}
				call.Args = append(call.Args[:skip:skip], lhs...)
				for _, v := range lhs {
					c.heldAny[v] = true
				}
				return []ast.Stmt{&ast.AssignStmt{Lhs: lhs, Tok: token.DEFINE, Rhs: []ast.Expr{inner}}}
			}
		}
	}
	var pre []ast.Stmt
	for i := 0; i < len(call.Args); i++ {
		inner, isCall := ast.Unparen(call.Args[i]).(*ast.CallExpr)
		if i >= skip && isCall && c.returnsAny(inner) {
			v := c.tempFor(s)
			pre = append(pre, define(v, inner))
			call.Args[i] = ident(v.Name)
			c.heldAny[call.Args[i]] = true
			continue
		}
		if isCall {
			// a print call inside (fmt.Println(fmt.Sprint(get()))): its
			// own arguments, evaluated before it
			pre = append(pre, c.anyResultsFirst(s, inner)...)
		}
		if !c.withoutEffects(call.Args[i]) {
			return pre
		}
	}
	return pre
}

// resultsWithAny returns the number of results of call, a call of a
// compiled function or method, when one of them is the empty interface,
// else 0.
func (c *callPass) resultsWithAny(call *ast.CallExpr) int {
	ft, _, ok := c.compiledCall(call)
	if !ok {
		return 0
	}
	for i := range ft.NumOut() {
		if ft.Out(i).Kind() == reflect.Interface && ft.Out(i).NumMethod() == 0 {
			return ft.NumOut()
		}
	}
	return 0
}

// returnsAny reports whether call has one result, of the empty interface.
func (c *callPass) returnsAny(call *ast.CallExpr) bool {
	if t := c.env.typeOf(call); t != nil {
		return c.isAnyType(t)
	}
	ft, _, ok := c.compiledCall(call)
	return ok && ft.NumOut() == 1 && ft.Out(0).Kind() == reflect.Interface && ft.Out(0).NumMethod() == 0
}

// loggerMethods are the print methods of *log.Logger, by the index of
// their first printed argument.
var loggerMethods = map[string]int{"Print": 0, "Println": 0, "Printf": 1, "Fatal": 0, "Fatalln": 0, "Fatalf": 1,
	"Panic": 0, "Panicln": 0, "Panicf": 1}

// loggerSkip returns, for a call of a *log.Logger's print method, the
// index of its first printed argument: compiled methods do not convert
// their arguments as the print shims do (l.Printf("%v", Done) printed 1,
// not done), printArgs passes them through the same conversion.
func (c *callPass) loggerSkip(call *ast.CallExpr) (int, bool) {
	sel := call.Fun.(*ast.SelectorExpr)
	skip, ok := loggerMethods[sel.Sel.Name]
	if !ok || len(call.Args) <= skip {
		return 0, false
	}
	if _, key, ok := c.compiledCall(call); !ok || key != "log.Logger."+sel.Sel.Name {
		return 0, false
	}
	return skip, true
}

// printArgs rewrites the arguments of a call of a print function (see
// above).
func (c *callPass) printArgs(call *ast.CallExpr) {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || call.Ellipsis.IsValid() {
		return
	}
	skip, logger := c.loggerSkip(call)
	if !logger {
		pkg, ok := sel.X.(*ast.Ident)
		if !ok || c.env.isLocal(pkg.Name) || c.decls.Var(pkg.Name) != nil {
			return
		}
		if skip, ok = printFuncs[pkg.Name][sel.Sel.Name]; !ok {
			return
		}
	}
	if strings.HasSuffix(sel.Sel.Name, "f") {
		c.typeVerbs(call, skip)
	}
	spread := false
	for i := skip; i < len(call.Args); i++ {
		t := c.env.typeOf(call.Args[i])
		if c.heldAny[call.Args[i]] {
			t = ident("any")
		}
		if u := c.namedContainer(t); u != nil {
			// a named slice, array or map type without methods of its
			// own prints as its underlying type does
			call.Args[i] = &ast.CallExpr{Fun: &ast.ParenExpr{X: clone(u)}, Args: []ast.Expr{call.Args[i]}}
			t = u
		}
		if t != nil && (c.typedInstance(t) || nestedDeclared(c.decls, t) && !c.localTypeIn(t)) {
			// an instance of a generic type with a type argument whose
			// values print by their methods (Box[State]): yaegi's
			// instance names the parameter in its fields' tags
			//	fmt.Println(b)  ⇔  fmt.Println(__odshbind.FmtTyped(b, "Box[State]"))
			call.Args[i] = &ast.CallExpr{Fun: ident(fmtTypedHook), Args: []ast.Expr{call.Args[i], &ast.BasicLit{Kind: token.STRING, Value: strconv.Quote(types.ExprString(t))}}}
			continue
		}
		if _, isCall := ast.Unparen(call.Args[i]).(*ast.CallExpr); t == nil && (!isCall || len(call.Args) > skip+1) {
			// a value whose type the syntax does not tell may be in an
			// any (v, _ := m.Load(k)): passed alone, yaegi would read it
			// again in this frame (see below); in a []any it is as it is
			spread = true
		}
		switch t := t.(type) {
		case *ast.Ident:
			if c.shellInterface(t) || t.Name == "any" && !c.env.isLocal("any") && c.decls.Type("any") == nil {
				// (a value in an any reaches the shim as yaegi's, which
				// names its dynamic type for %T; passed alone, yaegi
				// wraps it reading it again in the frame of the call,
				// which another function's value is not: show(x any)
				// printed another of its locals)
				spread = true
			} else if lit := c.withoutPointerMethods(t); lit != nil {
				call.Args[i] = &ast.CallExpr{Fun: &ast.ParenExpr{X: lit}, Args: []ast.Expr{call.Args[i]}}
			} else if _, isCall := ast.Unparen(call.Args[i]).(*ast.CallExpr); isCall && c.printable(t) && !c.env.isLocal(t.Name) {
				// the result of a call through a function value (a method
				// value, a func variable) reaches fmt without its methods
				// in yaegi; converted to its own type, it has them
				call.Args[i] = &ast.CallExpr{Fun: ident(t.Name), Args: []ast.Expr{call.Args[i]}}
			}
		case *ast.ArrayType:
			if t.Len == nil && c.printable(t.Elt) {
				call.Args[i] = &ast.CallExpr{Fun: &ast.SelectorExpr{X: ident(builtinAlias), Sel: ident("AnySlice")}, Args: []ast.Expr{call.Args[i]}}
			} else if t.Len != nil && !isEllipsis(t.Len) && c.printable(t.Elt) && !c.byteElems(t.Elt) {
				// an array prints as its elements do, like a slice:
				// func(__a [3]State) []any { return AnySlice(__a[:]) }(arr)
				conv := &ast.FuncLit{
					Type: &ast.FuncType{
						Params:  &ast.FieldList{List: []*ast.Field{{Names: []*ast.Ident{ident("__a")}, Type: clone(t)}}},
						Results: &ast.FieldList{List: []*ast.Field{{Type: &ast.ArrayType{Elt: ident("any")}}}},
					},
					Body: &ast.BlockStmt{List: []ast.Stmt{&ast.ReturnStmt{Results: []ast.Expr{&ast.CallExpr{
						Fun:  &ast.SelectorExpr{X: ident(builtinAlias), Sel: ident("AnySlice")},
						Args: []ast.Expr{&ast.SliceExpr{X: ident("__a")}},
					}}}}},
				}
				call.Args[i] = &ast.CallExpr{Fun: conv, Args: []ast.Expr{call.Args[i]}}
			}
		case *ast.IndexExpr, *ast.IndexListExpr:
			// an instance of a generic type: as for a named type, the
			// result of a call is converted to it; one whose underlying
			// type is a slice prints as its elements do
			if _, isCall := ast.Unparen(call.Args[i]).(*ast.CallExpr); isCall && c.printable(t) {
				call.Args[i] = &ast.CallExpr{Fun: &ast.ParenExpr{X: clone(t)}, Args: []ast.Expr{call.Args[i]}}
			} else if u, ok := c.env.under(t).(*ast.ArrayType); ok && u.Len == nil && !c.printable(t) && c.printable(u.Elt) {
				call.Args[i] = &ast.CallExpr{Fun: &ast.SelectorExpr{X: ident(builtinAlias), Sel: ident("AnySlice")}, Args: []ast.Expr{call.Args[i]}}
			}
		case *ast.InterfaceType:
			spread = spread || t.Methods == nil || len(t.Methods.List) == 0
		case *ast.MapType:
			if c.printable(t.Key) {
				pairs := &ast.CallExpr{Fun: &ast.SelectorExpr{X: ident(builtinAlias), Sel: ident("AnyPairs")}, Args: []ast.Expr{call.Args[i]}}
				call.Args[i] = &ast.CallExpr{Fun: ident(mapViewHook), Args: []ast.Expr{pairs}}
				continue
			}
			if c.printable(t.Value) {
				call.Args[i] = &ast.CallExpr{Fun: &ast.SelectorExpr{X: ident(builtinAlias), Sel: ident("AnyValues")}, Args: []ast.Expr{call.Args[i]}}
			}
		}
	}
	if logger {
		// its arguments through the print shims' conversion
		//	l.Println(a, b)  ⇔  l.Println(__odshbind.PrintView(a, b)...)
		view := &ast.CallExpr{Fun: ident(printViewHook), Args: call.Args[skip:]}
		if spread {
			view.Args = []ast.Expr{&ast.CompositeLit{Type: &ast.ArrayType{Elt: ident("any")}, Elts: call.Args[skip:]}}
			view.Ellipsis = 1
		}
		call.Args = append(call.Args[:skip:skip], view)
		call.Ellipsis = call.Rparen
		if !call.Ellipsis.IsValid() {
			call.Ellipsis = 1
		}
		return
	}
	if spread {
		// a value of an interface type declared in the shell reaches fmt
		// as the value inside, without its methods (fmt.Println(n) printed
		// {1} for a Namer holding a Stringer); in a []any it keeps them
		//	fmt.Println(n, x)  ⇔  fmt.Println([]any{n, x}...)
		values := &ast.CompositeLit{Type: &ast.ArrayType{Elt: ident("any")}, Elts: call.Args[skip:]}
		call.Args = append(call.Args[:skip:skip], values)
		call.Ellipsis = call.Rparen
		if !call.Ellipsis.IsValid() {
			call.Ellipsis = 1
		}
	}
}

// shellInterface reports whether t names a non-empty interface type
// declared in the shell: yaegi holds its values in a struct of its own
// (interp.valueInterface).
func (c *callPass) shellInterface(t *ast.Ident) bool {
	if c.env.isLocal(t.Name) {
		return false
	}
	spec := c.decls.Type(t.Name)
	if spec == nil || spec.TypeParams != nil {
		return false
	}
	it, ok := spec.Type.(*ast.InterfaceType)
	return ok && it.Methods != nil && len(it.Methods.List) > 0
}

// withoutPointerMethods returns, for a struct type declared in the shell
// whose fmt methods (String, Error, Format, GoString) all have a pointer
// receiver, its struct type literal: a value of the type does not have
// them, so fmt prints its fields, but yaegi hands fmt a value that calls
// (*T).String. Converted to the literal, the value prints as Go prints it:
//
//	fmt.Println(p)  ⇔  fmt.Println((struct{ n int })(p))   (func (p *T) String() string)
//
// It returns nil for any other type.
func (c *callPass) withoutPointerMethods(t *ast.Ident) ast.Expr {
	if c.env.isLocal(t.Name) {
		return nil
	}
	spec := c.decls.Type(t.Name)
	if spec == nil || spec.TypeParams != nil || spec.Assign.IsValid() {
		return nil
	}
	st, ok := spec.Type.(*ast.StructType)
	if !ok {
		return nil
	}
	onPointer := false
	for _, m := range []string{"String", "Error", "Format", "GoString"} {
		fd := c.decls.Method(t.Name, m)
		if fd == nil || fd.Recv == nil || len(fd.Recv.List) != 1 {
			continue
		}
		if _, ptr := fd.Recv.List[0].Type.(*ast.StarExpr); !ptr {
			return nil // the value has it: fmt calls it, as yaegi does
		}
		onPointer = true
	}
	if !onPointer {
		return nil
	}
	return clone(st)
}

// byteElems reports whether t's underlying type is byte: fmt prints an
// array of bytes as a string or hex under %s, %q and %x, not element by
// element.
func (c *callPass) byteElems(t ast.Expr) bool {
	u, ok := c.env.under(t).(*ast.Ident)
	return ok && (u.Name == "byte" || u.Name == "uint8")
}

// printable reports whether t is a type declared in the shell (or a
// pointer to one) with a method fmt calls: String, Error, Format,
// GoString.
func (c *callPass) printable(t ast.Expr) bool { return printableType(c.decls, t) }

const fmtTypedHook = bindAlias + ".FmtTyped"

// typedInstance reports whether t is, or holds through pointers, slices,
// arrays and maps, an instance of a generic type declared in the shell
// without fmt's methods of its own, with a type argument whose values
// print by their methods (or such an instance), all its names declared at
// top level or predeclared.
func (c *callPass) typedInstance(t ast.Expr) bool { return typedInstance(c.decls, c.env, t, 0) }

func typedInstance(decls *Decls, env *typeEnv, t ast.Expr, depth int) bool {
	if depth > 8 {
		return false
	}
	switch x := t.(type) {
	case *ast.StarExpr:
		return typedInstance(decls, env, x.X, depth+1)
	case *ast.ArrayType:
		return !isEllipsis(x.Len) && typedInstance(decls, env, x.Elt, depth+1)
	case *ast.MapType:
		return typedInstance(decls, env, x.Key, depth+1) || typedInstance(decls, env, x.Value, depth+1)
	case *ast.IndexExpr, *ast.IndexListExpr:
		base, args := instanceParts(x)
		id, ok := base.(*ast.Ident)
		if !ok || env.isLocal(id.Name) || printableType(decls, id) {
			return false
		}
		if spec := decls.Type(id.Name); spec == nil || spec.TypeParams == nil || spec.Assign.IsValid() {
			return false
		}
		local := false
		ast.Inspect(x, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && env.isLocal(id.Name) {
				local = true
			}
			_, sel := n.(*ast.SelectorExpr)
			return !sel
		})
		if local {
			return false
		}
		for _, a := range args {
			if holdsConverted(decls, a, 0) || typedInstance(decls, env, a, depth+1) {
				return true
			}
		}
	}
	return false
}

// nestedDeclared reports whether t is a slice, array or map holding, in
// another slice, array or map, values of a type convertedType accepts
// ([][]State, map[string][]State): the print arguments' conversions
// reach one level only, typedValue all.
func nestedDeclared(decls *Decls, t ast.Expr) bool {
	inner := func(e ast.Expr) bool {
		switch e.(type) {
		case *ast.ArrayType, *ast.MapType:
			return holdsConverted(decls, e, 1)
		}
		return false
	}
	switch x := t.(type) {
	case *ast.ArrayType:
		return !isEllipsis(x.Len) && inner(x.Elt)
	case *ast.MapType:
		return inner(x.Key) || inner(x.Value)
	}
	return false
}

// holdsConverted reports whether t is a type convertedType accepts, or a
// pointer, slice, array or map of such (Box[map[string]State]).
func holdsConverted(decls *Decls, t ast.Expr, depth int) bool {
	switch x := t.(type) {
	case *ast.ArrayType:
		return depth < 8 && !isEllipsis(x.Len) && holdsConverted(decls, x.Elt, depth+1)
	case *ast.MapType:
		return depth < 8 && (holdsConverted(decls, x.Key, depth+1) || holdsConverted(decls, x.Value, depth+1))
	}
	return convertedType(decls, t)
}

// convertedType reports whether t names (or points to) a type declared at
// top level, neither generic nor an alias, whose values print by their
// methods: the printing shim converts plain values to it (typedValue).
func convertedType(decls *Decls, t ast.Expr) bool {
	if st, ok := t.(*ast.StarExpr); ok {
		t = st.X
	}
	id, ok := t.(*ast.Ident)
	if !ok {
		return false
	}
	spec := decls.Type(id.Name)
	return spec != nil && spec.TypeParams == nil && !spec.Assign.IsValid() && printableType(decls, id)
}

// namedContainer returns the underlying type of t, a named slice, array
// or map type without fmt's methods whose elements (keys) print by
// theirs (type byID []*Account), else nil: fmt.Println(byID{a, b})
// printed addresses where Go calls String.
func (c *callPass) namedContainer(t ast.Expr) ast.Expr {
	id, ok := t.(*ast.Ident)
	if !ok || predeclaredTypes[id.Name] && !c.env.isLocal(id.Name) || c.printable(id) {
		return nil
	}
	switch u := c.env.under(id).(type) {
	case *ast.ArrayType:
		if c.printable(u.Elt) {
			return u
		}
	case *ast.MapType:
		if c.printable(u.Key) || c.printable(u.Value) {
			return u
		}
	}
	return nil
}

func printableType(decls *Decls, t ast.Expr) bool {
	var id *ast.Ident
	for range 10 { // through aliases: type PSI = Pair[string, int]
		if st, ok := t.(*ast.StarExpr); ok {
			t = st.X
		}
		switch g := t.(type) { // an instance of a generic type: Pair[string, int]
		case *ast.IndexExpr:
			t = g.X
		case *ast.IndexListExpr:
			t = g.X
		}
		var ok bool
		if id, ok = t.(*ast.Ident); !ok {
			return false
		}
		spec := decls.Type(id.Name)
		if spec == nil {
			return false
		}
		if !spec.Assign.IsValid() {
			break
		}
		t = spec.Type
	}
	for _, m := range []string{"String", "Error", "Format", "GoString"} {
		if fd, _ := decls.PromotedMethod(id.Name, m); fd != nil {
			return true
		}
	}
	return false
}

const mapViewHook = bindAlias + ".MapView"

// mapView prints the keys and values of a map, in turn in pairs (from
// AnyPairs), as fmt prints the map: map[k:v …], the keys sorted by their
// underlying values (as internal/fmtsort does), each key and value
// formatted with the directive.
type mapView struct {
	p     *fmtConv
	pairs []any
}

func (m mapView) Format(s fmt.State, verb rune) {
	n := len(m.pairs) / 2
	order := make([]int, n)
	keys := make([]reflect.Value, n)
	for i := range order {
		order[i] = i
		keys[i] = reflect.ValueOf(m.pairs[2*i])
		if iv, ok := m.pairs[2*i].(interpValue); ok {
			keys[i] = reflect.ValueOf(iv.inner) // (converted: typedValue)
		} else if inner, ok := valueInside(keys[i]); ok && inner.IsValid() {
			keys[i] = inner
		}
	}
	sort.SliceStable(order, func(a, b int) bool { return lessKey(keys[order[a]], keys[order[b]]) })
	f := fmt.FormatString(s, verb)
	io.WriteString(s, "map[")
	for j, i := range order {
		if j > 0 {
			io.WriteString(s, " ")
		}
		fmt.Fprintf(s, f, m.p.value(m.pairs[2*i]))
		io.WriteString(s, ":")
		fmt.Fprintf(s, f, m.p.value(m.pairs[2*i+1]))
	}
	io.WriteString(s, "]")
}

// lessKey orders map keys of a basic kind as fmt does; others keep their
// order.
func lessKey(a, b reflect.Value) bool {
	if a.Kind() != b.Kind() {
		return false
	}
	switch a.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return a.Int() < b.Int()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return a.Uint() < b.Uint()
	case reflect.String:
		return a.String() < b.String()
	case reflect.Float32, reflect.Float64:
		return a.Float() < b.Float()
	case reflect.Bool:
		return !a.Bool() && b.Bool()
	}
	return false
}
