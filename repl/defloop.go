package repl

import (
	"context"
	"errors"
	"fmt"
	"go/ast"
	"reflect"
	"strconv"
	"strings"
)

// Top-level declarations yaegi cannot type.
//
// yaegi's analysis of global declarations fails on an index of a global
// whose type it got from a function's result: after
// `parts := strings.Split(s, ",")`, `first := parts[0]` is a "constant
// definition loop" (`var first string = parts[0]` a "variable definition
// loop"), and `rs := ps.Records(); r := rs[0]` likewise. An assignment to
// a declared variable works. Such a declaration, which failed before
// anything ran, is retried as the value through a temporary, then a
// variable of the value's type, written as Go source (typeSource):
//
//	first := parts[0]  ⇔  __t := func() any { return parts[0] }(); var first string; first = __t.(string)
//
// The type is the static type of the indexed element when the value is an
// index of a global (an interface type such as os.DirEntry), else the
// value's own type. A type that cannot be written (an unexported type, a
// package not imported) is refused with what to write instead.

// definitionLoop recognises that failure of `name := expr`.
func definitionLoop(u Unit, err error) (name, rhs string, ok bool) {
	if err == nil || !strings.HasSuffix(err.Error(), "constant definition loop") && !strings.HasSuffix(err.Error(), "variable definition loop") {
		return "", "", false
	}
	return defineOf(u)
}

// evalTyped runs `name := rhs` as described above; when the value cannot
// be had either (an undefined name), the declaration's own error, orig,
// is returned.
func (in *Interp) evalTyped(ctx context.Context, u Unit, name, rhs string, orig error) error {
	var static reflect.Type
	if a, ok := u.stmt.(*ast.AssignStmt); ok {
		if ix, ok := a.Rhs[0].(*ast.IndexExpr); ok {
			if id, ok := ix.X.(*ast.Ident); ok {
				if g, ok := in.globals()[id.Name]; ok && g.IsValid() {
					switch t := g.Type(); t.Kind() {
					case reflect.Slice, reflect.Array, reflect.Map:
						static = t.Elem()
					}
				}
			}
		}
	}
	tmp := in.names.next("t")
	if _, err := in.run(ctx, u, fmt.Sprintf("%s := func() any { return %s }()", tmp, rhs)); err != nil {
		var pe *PanicError
		if errors.As(err, &pe) || ctx.Err() != nil {
			return err // the value failed (index out of range, …)
		}
		return in.betterUndefined(u, orig) // it could not be compiled either

	}
	v, err := in.run(ctx, u, tmp)
	if err != nil {
		return err
	}
	if v.IsValid() && v.Kind() == reflect.Interface && !v.IsNil() {
		v = v.Elem()
	}
	typ := ""
	imports := map[string]string{}
	if static != nil {
		typ = in.typeSource(static, imports)
	}
	if typ == "" && static == nil && v.IsValid() {
		typ = in.typeSource(v.Type(), imports)
	}
	if typ != "" && len(imports) > 0 {
		var specs []string
		for _, p := range imports {
			specs = append(specs, strconv.Quote(p))
		}
		iu, err := Split("import (" + strings.Join(specs, "; ") + ")")
		if err == nil && len(iu) == 1 {
			err = in.evalImport(ctx, iu[0], iu[0].Import())
		}
		if err != nil {
			typ = ""
		}
	}
	if typ == "" {
		return &RefusedError{Construct: fmt.Sprintf("%s := %s at top level (yaegi cannot type it)", name, rhs),
			Workaround: fmt.Sprintf("declare the variable with its type first: var %s T; %s = %s", name, name, rhs)}
	}
	conv := fmt.Sprintf("%s.(%s)", tmp, typ)
	if typ == "any" {
		conv = tmp
	}
	if _, err := in.run(ctx, u, fmt.Sprintf("var %s %s", name, typ)); err != nil {
		return err
	}
	_, err = in.run(ctx, u, fmt.Sprintf("if %s != nil { %s = %s }", tmp, name, conv))
	return err
}

// typeSource writes t as Go source the session understands: predeclared
// types and types of packages, composed; "" when it cannot. A package
// not imported yet whose name is free is added to imports (name → path).
func (in *Interp) typeSource(t reflect.Type, imports map[string]string) string {
	if t.Name() != "" {
		switch {
		case t.PkgPath() == "":
			if predeclaredTypes[t.Name()] {
				return t.Name()
			}
			return ""
		case t == errorType:
			return "error"
		}
		if !ast.IsExported(t.Name()) {
			return ""
		}
		for name, path := range in.imported {
			if path == t.PkgPath() {
				return name + "." + t.Name()
			}
		}
		name := pkgName(t.PkgPath())
		if _, taken := in.imported[name]; taken {
			return ""
		}
		if _, taken := in.globals()[name]; taken || in.packageFor(name) != t.PkgPath() {
			return ""
		}
		imports[name] = t.PkgPath()
		return name + "." + t.Name()
	}
	elem := func(prefix string, e reflect.Type) string {
		if s := in.typeSource(e, imports); s != "" {
			return prefix + s
		}
		return ""
	}
	switch t.Kind() {
	case reflect.Pointer:
		return elem("*", t.Elem())
	case reflect.Slice:
		return elem("[]", t.Elem())
	case reflect.Array:
		return elem(fmt.Sprintf("[%d]", t.Len()), t.Elem())
	case reflect.Map:
		if k := in.typeSource(t.Key(), imports); k != "" {
			return elem("map["+k+"]", t.Elem())
		}
	case reflect.Interface:
		if t.NumMethod() == 0 {
			return "any"
		}
	}
	return ""
}
