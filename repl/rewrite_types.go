package repl

import (
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"strings"
)

// Static types for the call rewrites, as far as the rewriter can know them
// without yaegi: from the syntax of an expression (a literal, a conversion,
// a function literal), from the unit's own declarations of local names, and
// from the declarations of earlier entries (Decls). What is left unknown is
// asked of the interpreter by a compile probe (callPass.probeType).

// typeEnv answers typeOf for one unit.
type typeEnv struct {
	decls *Decls
	// locals are the names the unit declares itself, with their type, or
	// nil when it is unknown or ambiguous (declared twice differently).
	locals map[string]ast.Expr
	// localSpecs are the types the unit declares inside functions, by
	// name; nil for a name declared more than once (as a type or not).
	localSpecs map[string]*ast.TypeSpec
}

// localType returns the declaration of the type the unit declares in a
// function under that name, nil if none or if the name is declared more
// than once in the unit.
func (t *typeEnv) localType(name string) *ast.TypeSpec {
	return t.localSpecs[name]
}

// syntactic is the type of e from its syntax alone.
func (t *typeEnv) syntactic(e ast.Expr) ast.Expr {
	return (&typeEnv{}).typeOf(e)
}

// typeOf returns the type of e as a type expression, or nil when unknown.
// An untyped constant has its default type.
func (t *typeEnv) typeOf(e ast.Expr) ast.Expr {
	switch e := e.(type) {
	case *ast.ParenExpr:
		return t.typeOf(e.X)
	case *ast.BasicLit:
		return ident(map[token.Token]string{token.INT: "int", token.FLOAT: "float64", token.IMAG: "complex128", token.CHAR: "rune", token.STRING: "string"}[e.Kind])
	case *ast.CompositeLit:
		if a, ok := e.Type.(*ast.ArrayType); ok && isEllipsis(a.Len) {
			return nil
		}
		return e.Type
	case *ast.FuncLit:
		return e.Type
	case *ast.UnaryExpr:
		return t.unaryType(e)
	case *ast.BinaryExpr:
		switch e.Op {
		case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ, token.LAND, token.LOR:
			return ident("bool")
		case token.SHL, token.SHR:
			return t.typeOf(e.X)
		}
		if t.untyped(e.X) {
			return t.typeOf(e.Y)
		}
		return t.typeOf(e.X)
	case *ast.StarExpr:
		if p, ok := t.under(t.typeOf(e.X)).(*ast.StarExpr); ok {
			return p.X
		}
	case *ast.TypeAssertExpr:
		return e.Type
	case *ast.IndexExpr:
		return t.indexType(e)
	case *ast.SliceExpr:
		x := t.typeOf(e.X)
		if a, ok := t.under(x).(*ast.ArrayType); ok && a.Len != nil {
			return &ast.ArrayType{Elt: a.Elt}
		}
		return x
	case *ast.Ident:
		return t.identType(e)
	case *ast.SelectorExpr:
		return t.selectorType(e)
	case *ast.CallExpr:
		if res := t.callResults(e); len(res) == 1 {
			return res[0]
		}
	}
	return nil
}

func isEllipsis(e ast.Expr) bool { _, ok := e.(*ast.Ellipsis); return ok }

// untyped reports whether e is an untyped constant expression.
func (t *typeEnv) untyped(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.BasicLit:
		return true
	case *ast.UnaryExpr:
		return e.Op != token.AND && e.Op != token.ARROW && t.untyped(e.X)
	case *ast.BinaryExpr:
		return t.untyped(e.X) && t.untyped(e.Y)
	case *ast.Ident:
		return (e.Name == "true" || e.Name == "false" || e.Name == "iota") && !t.isLocal(e.Name)
	}
	return false
}

func (t *typeEnv) unaryType(e *ast.UnaryExpr) ast.Expr {
	switch e.Op {
	case token.AND:
		if x := t.typeOf(e.X); x != nil {
			return &ast.StarExpr{X: x}
		}
	case token.ARROW:
		if c, ok := t.under(t.typeOf(e.X)).(*ast.ChanType); ok {
			return c.Value
		}
	case token.NOT:
		return ident("bool")
	default:
		return t.typeOf(e.X)
	}
	return nil
}

func (t *typeEnv) indexType(e *ast.IndexExpr) ast.Expr {
	x := t.typeOf(e.X)
	u := t.under(x)
	if p, ok := u.(*ast.StarExpr); ok {
		u = t.under(p.X)
	}
	switch u := u.(type) {
	case *ast.ArrayType:
		return u.Elt
	case *ast.MapType:
		return u.Value
	case *ast.Ident:
		if u.Name == "string" {
			return ident("byte")
		}
	}
	return nil
}

func (t *typeEnv) isLocal(name string) bool {
	_, ok := t.locals[name]
	return ok
}

func (t *typeEnv) identType(e *ast.Ident) ast.Expr {
	if typ, ok := t.locals[e.Name]; ok {
		return typ
	}
	switch e.Name {
	case "true", "false":
		return ident("bool")
	case "nil", "iota":
		return nil
	}
	if v := t.decls.Var(e.Name); v != nil {
		return v
	}
	if fd := t.decls.Func(e.Name); fd != nil && fd.Type.TypeParams == nil {
		return fd.Type
	}
	return nil
}

func (t *typeEnv) selectorType(e *ast.SelectorExpr) ast.Expr {
	if x, ok := e.X.(*ast.Ident); ok && !t.isLocal(x.Name) && t.decls.Var(x.Name) == nil {
		if fd := t.decls.Func(x.Name + "." + e.Sel.Name); fd != nil && fd.Type.TypeParams == nil {
			return fd.Type
		}
	}
	// a method expression, T.M or (*T).M: the method with the receiver
	// as its first parameter
	recv := ast.Unparen(e.X)
	if st, ok := recv.(*ast.StarExpr); ok {
		recv = ast.Unparen(st.X)
	}
	if x, ok := recv.(*ast.Ident); ok && !t.isLocal(x.Name) && t.decls.Var(x.Name) == nil {
		if spec := t.decls.Type(x.Name); spec != nil && spec.TypeParams == nil {
			if fd := t.decls.Method(x.Name, e.Sel.Name); fd != nil {
				return methodExprType(ast.Unparen(e.X), fd)
			}
		}
	}
	xt := t.typeOf(e.X)
	if xt == nil {
		return nil
	}
	if p, ok := xt.(*ast.StarExpr); ok {
		xt = p.X
	}
	if name, ok := xt.(*ast.Ident); ok {
		if fd := t.decls.Method(name.Name, e.Sel.Name); fd != nil {
			return &ast.FuncType{Params: fd.Type.Params, Results: fd.Type.Results}
		}
	}
	if ft := t.instanceMethod(xt, e.Sel.Name); ft != nil {
		return ft
	}
	if s, ok := t.under(xt).(*ast.StructType); ok {
		for _, f := range s.Fields.List {
			for _, n := range f.Names {
				if n.Name == e.Sel.Name {
					return f.Type
				}
			}
		}
	}
	return nil
}

// instanceMethod returns the type of the method m of xt, an instance of
// a generic type declared at top level (Box[int]), with the receiver's
// type parameters replaced by xt's type arguments; nil if there is none.
func (t *typeEnv) instanceMethod(xt ast.Expr, m string) *ast.FuncType {
	base, args := instanceParts(xt)
	id, ok := base.(*ast.Ident)
	if !ok || t.isLocal(id.Name) {
		return nil
	}
	fd := t.decls.Method(id.Name, m)
	if fd == nil || fd.Recv == nil || len(fd.Recv.List) != 1 {
		return nil
	}
	recv := fd.Recv.List[0].Type
	if st, ok := recv.(*ast.StarExpr); ok {
		recv = st.X
	}
	_, params := instanceParts(recv)
	if len(params) != len(args) {
		return nil
	}
	binds := map[string]ast.Expr{}
	for i, p := range params {
		if pid, ok := p.(*ast.Ident); ok && pid.Name != "_" {
			binds[pid.Name] = args[i]
		}
	}
	ft, _ := subst(&ast.FuncType{Params: fd.Type.Params, Results: fd.Type.Results}, binds).(*ast.FuncType)
	return ft
}

// callResults returns the result types of a call, nil when unknown.
func (t *typeEnv) callResults(e *ast.CallExpr) []ast.Expr {
	fun := ast.Unparen(e.Fun)
	if isTypeSyntax(fun) {
		return []ast.Expr{fun}
	}
	if id, ok := fun.(*ast.Ident); ok && !t.isLocal(id.Name) {
		switch {
		case id.Name == "len" || id.Name == "cap" || id.Name == "copy":
			return []ast.Expr{ident("int")}
		case id.Name == anyFunc: // any(x), rewritten (anyConversion)
			return []ast.Expr{ident("any")}
		case id.Name == "append" && len(e.Args) > 0:
			return []ast.Expr{t.typeOf(e.Args[0])}
		case id.Name == "make" && len(e.Args) > 0:
			return []ast.Expr{e.Args[0]}
		case id.Name == "new" && len(e.Args) == 1:
			return []ast.Expr{&ast.StarExpr{X: e.Args[0]}}
		case (id.Name == "min" || id.Name == "max") && len(e.Args) > 0:
			for _, a := range e.Args {
				if !t.untyped(a) {
					return []ast.Expr{t.typeOf(a)}
				}
			}
			return []ast.Expr{t.typeOf(e.Args[0])}
		case predeclaredTypes[id.Name] || t.decls.Type(id.Name) != nil:
			return []ast.Expr{id}
		}
	}
	if k := exprKey(fun); (k == builtinAlias+".Min" || k == builtinAlias+".Max") && len(e.Args) > 0 {
		// min and max, rewritten (rewriteMinMax)
		for _, a := range e.Args {
			if !t.untyped(a) {
				return []ast.Expr{t.typeOf(a)}
			}
		}
		return []ast.Expr{t.typeOf(e.Args[0])}
	}
	generic := fun
	switch f := fun.(type) { // F[T](…): type arguments written
	case *ast.IndexExpr:
		generic = f.X
	case *ast.IndexListExpr:
		generic = f.X
	}
	if fd := t.funcDecl(generic); fd != nil && fd.Type.TypeParams != nil {
		binds := t.inferCall(fd, e)
		if binds == nil {
			return nil
		}
		return substAll(flatFields(fd.Type.Results), binds)
	}
	ft, ok := t.under(t.typeOf(fun)).(*ast.FuncType)
	if !ok {
		// a function of a compiled package: log.New(…) is a *log.Logger
		if sel, isSel := fun.(*ast.SelectorExpr); isSel {
			if pkg, isPkg := sel.X.(*ast.Ident); isPkg && !t.isLocal(pkg.Name) && t.decls.Var(pkg.Name) == nil && !t.decls.Declares(pkg.Name) {
				if r := t.decls.compiledResult(pkg.Name, sel.Sel.Name); r != nil {
					return []ast.Expr{r}
				}
			}
		}
		return nil
	}
	return flatFields(ft.Results)
}

// funcDecl returns the declaration of the function fun names: a top-level
// function or a shim ("maps.Keys"), when no local name hides it.
func (t *typeEnv) funcDecl(fun ast.Expr) *ast.FuncDecl {
	switch f := ast.Unparen(fun).(type) {
	case *ast.Ident:
		if !t.isLocal(f.Name) {
			return t.decls.Func(f.Name)
		}
	case *ast.SelectorExpr:
		if x, ok := f.X.(*ast.Ident); ok && !t.isLocal(x.Name) && t.decls.Var(x.Name) == nil {
			return t.decls.Func(x.Name + "." + f.Sel.Name)
		}
	}
	return nil
}

// isTypeSyntax reports whether e can only be a type.
func isTypeSyntax(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.ArrayType, *ast.MapType, *ast.ChanType, *ast.FuncType, *ast.InterfaceType, *ast.StructType:
		return true
	case *ast.ParenExpr:
		return isTypeSyntax(e.X)
	}
	return false
}

// under returns the underlying type of t when t names a type the unit or
// an earlier entry declared (or iter.Seq and iter.Seq2); t otherwise.
func (t *typeEnv) under(typ ast.Expr) ast.Expr {
	for range 10 {
		switch x := typ.(type) {
		case *ast.ParenExpr:
			typ = x.X
			continue
		case *ast.Ident:
			if spec := t.decls.Type(x.Name); spec != nil && spec.TypeParams == nil && !t.isLocal(x.Name) {
				typ = spec.Type
				continue
			}
		case *ast.IndexExpr, *ast.IndexListExpr:
			if u := t.instance(x); u != nil {
				typ = u
				continue
			}
		}
		return typ
	}
	return typ
}

// instanceParts splits an instance of a generic type or function, X[A]
// or X[A, B], into X and its type arguments; nil, nil for anything else.
func instanceParts(e ast.Expr) (base ast.Expr, args []ast.Expr) {
	switch x := e.(type) {
	case *ast.IndexExpr:
		return x.X, []ast.Expr{x.Index}
	case *ast.IndexListExpr:
		return x.X, x.Indices
	}
	return nil, nil
}

// instance expands an instantiated generic type (iter.Seq[int], a user's
// List[T]) to its underlying type literal, nil if unknown.
func (t *typeEnv) instance(e ast.Expr) ast.Expr {
	base, _ := instanceParts(e)
	var spec *ast.TypeSpec
	switch k := exprKey(base); k {
	case "iter.Seq", "iter.Seq2":
		spec = iterSpecs[k]
	default:
		if id, ok := base.(*ast.Ident); ok && !t.isLocal(id.Name) {
			spec = t.decls.Type(id.Name)
		}
	}
	if spec == nil {
		return nil
	}
	return expandInstance(spec, e)
}

// expandInstance returns the type the instance e of the generic type
// spec declares stands for, its type with the arguments in place of its
// parameters; nil when spec is not generic or the count differs.
func expandInstance(spec *ast.TypeSpec, e ast.Expr) ast.Expr {
	_, args := instanceParts(e)
	if spec.TypeParams == nil {
		return nil
	}
	names := fieldNames(spec.TypeParams)
	if len(names) != len(args) {
		return nil
	}
	binds := map[string]ast.Expr{}
	for i, n := range names {
		binds[n] = args[i]
	}
	return subst(spec.Type, binds)
}

// iterSpecs are the declarations of iter.Seq and iter.Seq2.
var iterSpecs = map[string]*ast.TypeSpec{
	"iter.Seq":  mustTypeSpec("type Seq[V any] func(yield func(V) bool)"),
	"iter.Seq2": mustTypeSpec("type Seq2[K, V any] func(yield func(K, V) bool)"),
}

func mustTypeSpec(src string) *ast.TypeSpec {
	f, err := parser.ParseFile(token.NewFileSet(), "", "package p\n"+src, parser.SkipObjectResolution)
	if err != nil {
		panic(err)
	}
	return clone(f.Decls[0].(*ast.GenDecl).Specs[0].(*ast.TypeSpec))
}

// fieldNames lists the names of a field list, in order.
func fieldNames(fl *ast.FieldList) []string {
	var out []string
	for _, f := range fl.List {
		for _, n := range f.Names {
			out = append(out, n.Name)
		}
	}
	return out
}

// subst returns a copy of typ with the type parameters replaced.
func subst(typ ast.Expr, binds map[string]ast.Expr) ast.Expr {
	if typ == nil {
		return nil
	}
	c := clone(typ)
	if id, ok := c.(*ast.Ident); ok {
		if b, ok := binds[id.Name]; ok {
			return clone(b)
		}
		return c
	}
	// a replacement is not looked into: it may name a parameter of the
	// same name (Result[Pair[string, T]] in a function of a T of its own)
	replaced := map[ast.Node]bool{}
	ast.Inspect(c, func(n ast.Node) bool {
		if replaced[n] {
			return false
		}
		for _, child := range childExprs(n) {
			if id, ok := child.(*ast.Ident); ok {
				if b, ok := binds[id.Name]; ok {
					nb := clone(b)
					replaceChild(n, id, nb)
					replaced[nb] = true
				}
			}
		}
		return true
	})
	return c
}

func substAll(types []ast.Expr, binds map[string]ast.Expr) []ast.Expr {
	out := make([]ast.Expr, len(types))
	for i, typ := range types {
		out[i] = subst(typ, binds)
	}
	return out
}

// childExprs lists the direct children of n that are expressions.
func childExprs(n ast.Node) []ast.Expr {
	var out []ast.Expr
	switch n := n.(type) {
	case *ast.StarExpr:
		out = append(out, n.X)
	case *ast.ArrayType:
		out = append(out, n.Len, n.Elt)
	case *ast.MapType:
		out = append(out, n.Key, n.Value)
	case *ast.ChanType:
		out = append(out, n.Value)
	case *ast.Field:
		out = append(out, n.Type)
	case *ast.Ellipsis:
		out = append(out, n.Elt)
	case *ast.IndexExpr:
		out = append(out, n.X, n.Index)
	case *ast.IndexListExpr:
		out = append(out, n.Indices...)
	case *ast.ParenExpr:
		out = append(out, n.X)
	case *ast.SelectorExpr:
		// pkg.T: the package name is not a type parameter
	}
	return out
}

// sameType compares two type expressions by their printed form.
func sameType(a, b ast.Expr) bool {
	return a != nil && b != nil && typeString(a) == typeString(b)
}

func typeString(e ast.Expr) string {
	var sb strings.Builder
	if err := printer.Fprint(&sb, token.NewFileSet(), e); err != nil {
		return ""
	}
	return sb.String()
}

// inferCall infers the type arguments of a call of the generic function fd
// from the types of its arguments, as Go does (function arguments first,
// then untyped constants take their default type). It returns nil unless
// every type parameter is inferred.
func (t *typeEnv) inferCall(fd *ast.FuncDecl, call *ast.CallExpr) map[string]ast.Expr {
	return t.inferCallWith(fd, call, t.typeOf)
}

// inferCallWith is inferCall with the types of the arguments given by typeOf.
func (t *typeEnv) inferCallWith(fd *ast.FuncDecl, call *ast.CallExpr, typeOf func(ast.Expr) ast.Expr) map[string]ast.Expr {
	tparams := fieldNames(fd.Type.TypeParams)
	binds := map[string]ast.Expr{}
	if ix := explicitTypeArgs(call.Fun); ix != nil {
		for i, a := range ix {
			if i < len(tparams) {
				binds[tparams[i]] = a
			}
		}
	}
	isParam := map[string]bool{}
	for _, n := range tparams {
		isParam[n] = true
	}
	params := flatFields(fd.Type.Params)
	var untyped []int
	for i, a := range call.Args {
		p := paramAt(params, i, call.Ellipsis.IsValid())
		if p == nil {
			return nil
		}
		if t.untyped(a) {
			untyped = append(untyped, i)
			continue
		}
		at := typeOf(a)
		if at == nil {
			continue
		}
		t.unify(p, at, binds, isParam)
	}
	for _, i := range untyped {
		p := paramAt(params, i, call.Ellipsis.IsValid())
		if id, ok := p.(*ast.Ident); ok && isParam[id.Name] && binds[id.Name] == nil {
			binds[id.Name] = t.typeOf(call.Args[i])
		}
	}
	t.inferCore(fd.Type.TypeParams, binds, isParam)
	for _, n := range tparams {
		if binds[n] == nil {
			return nil
		}
	}
	return binds
}

// inferCore infers type parameters from the core type of the constraint
// of a bound one, as Go does: for M ~map[K]V bound to map[string]int, K is
// string and V int.
func (t *typeEnv) inferCore(tps *ast.FieldList, binds map[string]ast.Expr, isParam map[string]bool) {
	if tps == nil {
		return
	}
	for again := true; again; {
		again = false
		for _, f := range tps.List {
			core := f.Type
			if u, ok := core.(*ast.UnaryExpr); ok && u.Op == token.TILDE {
				core = u.X
			}
			switch core.(type) {
			case *ast.MapType, *ast.ArrayType, *ast.ChanType, *ast.FuncType, *ast.StarExpr:
			default:
				continue
			}
			for _, n := range f.Names {
				b := binds[n.Name]
				if b == nil {
					continue
				}
				before := len(binds)
				t.unify(core, t.under(b), binds, isParam)
				again = again || len(binds) > before
			}
		}
	}
}

// explicitTypeArgs returns the type arguments written in F[T1, T2], nil if none.
func explicitTypeArgs(fun ast.Expr) []ast.Expr {
	switch f := ast.Unparen(fun).(type) {
	case *ast.IndexExpr:
		return []ast.Expr{f.Index}
	case *ast.IndexListExpr:
		return f.Indices
	}
	return nil
}

// paramAt is the type of the parameter that argument i is passed to: the
// element type of a variadic parameter (or the slice itself with `...`).
func paramAt(params []ast.Expr, i int, spread bool) ast.Expr {
	if len(params) == 0 {
		return nil
	}
	last := params[len(params)-1]
	if e, ok := last.(*ast.Ellipsis); ok && i >= len(params)-1 {
		if spread {
			return &ast.ArrayType{Elt: e.Elt}
		}
		return e.Elt
	}
	if i < len(params) {
		return params[i]
	}
	return nil
}

// unify matches a parameter type against an argument type and binds the
// type parameters it meets.
func (t *typeEnv) unify(p, a ast.Expr, binds map[string]ast.Expr, isParam map[string]bool) {
	if p == nil || a == nil {
		return
	}
	if id, ok := p.(*ast.Ident); ok {
		if isParam[id.Name] && binds[id.Name] == nil {
			binds[id.Name] = a
		}
		return
	}
	if _, ok := a.(*ast.Ident); ok {
		a = t.under(a)
	}
	switch p := p.(type) {
	case *ast.StarExpr:
		if a, ok := a.(*ast.StarExpr); ok {
			t.unify(p.X, a.X, binds, isParam)
		}
	case *ast.ArrayType:
		if a, ok := a.(*ast.ArrayType); ok {
			t.unify(p.Elt, a.Elt, binds, isParam)
		}
	case *ast.Ellipsis:
		if a, ok := a.(*ast.Ellipsis); ok {
			t.unify(p.Elt, a.Elt, binds, isParam)
		}
	case *ast.MapType:
		if a, ok := a.(*ast.MapType); ok {
			t.unify(p.Key, a.Key, binds, isParam)
			t.unify(p.Value, a.Value, binds, isParam)
		}
	case *ast.ChanType:
		if a, ok := a.(*ast.ChanType); ok {
			t.unify(p.Value, a.Value, binds, isParam)
		}
	case *ast.FuncType:
		a, ok := t.under(a).(*ast.FuncType)
		if !ok {
			return
		}
		pp, ap := flatFields(p.Params), flatFields(a.Params)
		for i := 0; i < len(pp) && i < len(ap); i++ {
			t.unify(pp[i], ap[i], binds, isParam)
		}
		pr, ar := flatFields(p.Results), flatFields(a.Results)
		for i := 0; i < len(pr) && i < len(ar); i++ {
			t.unify(pr[i], ar[i], binds, isParam)
		}
	case *ast.IndexExpr, *ast.IndexListExpr:
		if sameBase(p, a) {
			pa, aa := explicitTypeArgs(p), explicitTypeArgs(a)
			for i := 0; i < len(pa) && i < len(aa); i++ {
				t.unify(pa[i], aa[i], binds, isParam)
			}
			return
		}
		if u := t.instance(p); u != nil {
			t.unify(u, t.under(a), binds, isParam)
		}
	}
}

func sameBase(p, a ast.Expr) bool {
	base := func(e ast.Expr) string {
		switch x := e.(type) {
		case *ast.IndexExpr:
			return exprKey(x.X)
		case *ast.IndexListExpr:
			return exprKey(x.X)
		}
		return ""
	}
	return base(p) != "" && base(p) == base(a)
}

// localTypes finds the names a unit declares and their types, in source
// order so that `y := x` knows x. A name declared twice with different
// types is recorded as unknown (nil), which still hides a global.
func localTypes(root ast.Node, decls *Decls) *typeEnv {
	env := &typeEnv{decls: decls, locals: map[string]ast.Expr{}, localSpecs: map[string]*ast.TypeSpec{}}
	note := func(name string, typ ast.Expr) {
		if name == "_" {
			return
		}
		if _, seen := env.localSpecs[name]; seen {
			env.localSpecs[name] = nil
		}
		if prev, seen := env.locals[name]; seen && !sameType(prev, typ) {
			typ = nil
		}
		env.locals[name] = typ
	}
	ast.Inspect(root, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncDecl:
			// the function's own name is global: keep it out of locals
			noteFields(n.Recv, note)
		case *ast.FuncType:
			if n.TypeParams != nil {
				for _, name := range fieldNames(n.TypeParams) {
					note(name, nil)
				}
			}
			noteFields(n.Params, note)
			noteFields(n.Results, note)
		case *ast.ValueSpec:
			for i, id := range n.Names {
				typ := n.Type
				if typ == nil && len(n.Values) == len(n.Names) {
					typ = env.typeOf(n.Values[i])
				}
				note(id.Name, typ)
			}
		case *ast.TypeSpec:
			_, seen := env.locals[n.Name.Name]
			note(n.Name.Name, nil)
			if !seen {
				env.localSpecs[n.Name.Name] = n
			}
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE {
				env.noteDefine(n, note)
			}
		case *ast.RangeStmt:
			if n.Tok == token.DEFINE {
				k, v := env.rangeTypes(n.X)
				if id, ok := n.Key.(*ast.Ident); ok {
					note(id.Name, k)
				}
				if id, ok := n.Value.(*ast.Ident); ok {
					note(id.Name, v)
				}
			}
		case *ast.TypeSwitchStmt:
			if a, ok := n.Assign.(*ast.AssignStmt); ok {
				for _, l := range a.Lhs {
					if id, ok := l.(*ast.Ident); ok {
						note(id.Name, nil)
					}
				}
			}
		case *ast.LabeledStmt:
			return true
		}
		return true
	})
	return env
}

func noteFields(fl *ast.FieldList, note func(string, ast.Expr)) {
	if fl == nil {
		return
	}
	for _, f := range fl.List {
		typ := f.Type
		if e, ok := typ.(*ast.Ellipsis); ok {
			typ = &ast.ArrayType{Elt: e.Elt}
		}
		for _, n := range f.Names {
			note(n.Name, typ)
		}
	}
}

func (t *typeEnv) noteDefine(a *ast.AssignStmt, note func(string, ast.Expr)) {
	var types []ast.Expr
	switch {
	case len(a.Lhs) == len(a.Rhs):
		for _, r := range a.Rhs {
			types = append(types, t.typeOf(r))
		}
	case len(a.Rhs) == 1:
		if call, ok := ast.Unparen(a.Rhs[0]).(*ast.CallExpr); ok {
			types = t.callResults(call)
		}
		if ta, ok := ast.Unparen(a.Rhs[0]).(*ast.TypeAssertExpr); ok && len(a.Lhs) == 2 {
			types = []ast.Expr{ta.Type, ident("bool")}
		}
		if ix, ok := ast.Unparen(a.Rhs[0]).(*ast.IndexExpr); ok && len(a.Lhs) == 2 {
			types = []ast.Expr{t.typeOf(ix), ident("bool")}
		}
	}
	for i, l := range a.Lhs {
		if id, ok := l.(*ast.Ident); ok {
			var typ ast.Expr
			if i < len(types) {
				typ = types[i]
			}
			note(id.Name, typ)
		}
	}
}

// rangeTypes returns the types of the key and value a range over x gives.
func (t *typeEnv) rangeTypes(x ast.Expr) (ast.Expr, ast.Expr) {
	xt := t.typeOf(x)
	u := t.under(xt)
	if p, ok := u.(*ast.StarExpr); ok {
		u = t.under(p.X)
	}
	switch u := u.(type) {
	case *ast.ArrayType:
		return ident("int"), u.Elt
	case *ast.MapType:
		return u.Key, u.Value
	case *ast.ChanType:
		return u.Value, nil
	case *ast.FuncType:
		if yield := yieldParams(u); yield != nil {
			var k, v ast.Expr
			if len(yield) > 0 {
				k = yield[0]
			}
			if len(yield) > 1 {
				v = yield[1]
			}
			return k, v
		}
	case *ast.Ident:
		switch {
		case u.Name == "string":
			return ident("int"), ident("rune")
		case intTypes[u.Name]:
			return xt, nil
		}
	}
	if t.untyped(x) {
		return ident("int"), nil
	}
	return nil, nil
}

// yieldParams returns the parameter types of the yield function of an
// iterator type func(yield func(…) bool), nil if ft is not one.
func yieldParams(ft *ast.FuncType) []ast.Expr {
	ps := flatFields(ft.Params)
	if len(ps) != 1 || ft.Results != nil && len(ft.Results.List) > 0 {
		return nil
	}
	y, ok := ps[0].(*ast.FuncType)
	if !ok {
		return nil
	}
	rs := flatFields(y.Results)
	if len(rs) != 1 || typeString(rs[0]) != "bool" {
		return nil
	}
	yp := flatFields(y.Params)
	if yp == nil {
		yp = []ast.Expr{}
	}
	return yp
}
