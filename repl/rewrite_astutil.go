package repl

import (
	"go/ast"
	"go/parser"
	"go/token"
	"reflect"
)

// Small AST helpers for the call rewrites (rewrite_calls.go).

var (
	posType    = reflect.TypeOf(token.NoPos)
	objectType = reflect.TypeOf((*ast.Object)(nil))
	scopeType  = reflect.TypeOf((*ast.Scope)(nil))
	exprType   = reflect.TypeOf((*ast.Expr)(nil)).Elem()
	stmtType   = reflect.TypeOf((*ast.Stmt)(nil)).Elem()
)

// clone returns a deep copy of an AST node without positions, so that it can
// be printed with any file set and mutated without touching the original.
func clone[N ast.Node](n N) N {
	v := reflect.ValueOf(n)
	if !v.IsValid() || v.Kind() == reflect.Pointer && v.IsNil() {
		return n
	}
	return cloneValue(v).Interface().(N)
}

func cloneValue(v reflect.Value) reflect.Value {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() || v.Type() == objectType || v.Type() == scopeType {
			return reflect.Zero(v.Type())
		}
		c := reflect.New(v.Type().Elem())
		c.Elem().Set(cloneValue(v.Elem()))
		return c
	case reflect.Interface:
		if v.IsNil() {
			return reflect.Zero(v.Type())
		}
		c := reflect.New(v.Type()).Elem()
		c.Set(cloneValue(v.Elem()))
		return c
	case reflect.Slice:
		if v.IsNil() {
			return reflect.Zero(v.Type())
		}
		c := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := 0; i < v.Len(); i++ {
			c.Index(i).Set(cloneValue(v.Index(i)))
		}
		return c
	case reflect.Struct:
		c := reflect.New(v.Type()).Elem()
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() && v.Field(i).Type() != posType {
				c.Field(i).Set(cloneValue(v.Field(i)))
			}
		}
		return c
	}
	if v.Type() == posType {
		return reflect.Zero(posType)
	}
	return v
}

// replaceChild replaces old by repl among the direct children of parent (a
// field or an element of a list) and reports whether it found old.
func replaceChild(parent ast.Node, old, repl ast.Node) bool {
	v := reflect.ValueOf(parent)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return false
	}
	v = v.Elem()
	for i := 0; i < v.NumField(); i++ {
		f := v.Field(i)
		switch {
		case f.Kind() == reflect.Interface || f.Kind() == reflect.Pointer:
			if f.CanSet() && !f.IsNil() && f.Interface() == any(old) && reflect.TypeOf(repl).AssignableTo(f.Type()) {
				f.Set(reflect.ValueOf(repl))
				return true
			}
		case f.Kind() == reflect.Slice:
			for j := 0; j < f.Len(); j++ {
				e := f.Index(j)
				if (e.Kind() == reflect.Interface || e.Kind() == reflect.Pointer) && !e.IsNil() && e.Interface() == any(old) && reflect.TypeOf(repl).AssignableTo(e.Type()) {
					e.Set(reflect.ValueOf(repl))
					return true
				}
			}
		}
	}
	return false
}

// pathTo returns the nodes from root down to target, both included, or nil.
func pathTo(root, target ast.Node) []ast.Node {
	var stack, found []ast.Node
	ast.Inspect(root, func(n ast.Node) bool {
		if found != nil {
			return false
		}
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		stack = append(stack, n)
		if n == target {
			found = append([]ast.Node(nil), stack...)
			return false
		}
		return true
	})
	return found
}

// parseType parses a type written in Go syntax, without positions.
func parseType(src string) ast.Expr {
	e, err := parser.ParseExpr(src)
	if err != nil {
		return nil
	}
	return clone(e)
}

// exprKey is a printable identity for a name or a qualified name: "x", "pkg.x".
func exprKey(e ast.Expr) string {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return e.Name
	case *ast.SelectorExpr:
		if x, ok := e.X.(*ast.Ident); ok {
			return x.Name + "." + e.Sel.Name
		}
	}
	return ""
}

// isNilIdent reports whether e is the predeclared nil.
func isNilIdent(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && id.Name == "nil"
}

// flatFields flattens a field list to one entry per name (or per unnamed
// field), with its type.
func flatFields(fl *ast.FieldList) []ast.Expr {
	if fl == nil {
		return nil
	}
	var out []ast.Expr
	for _, f := range fl.List {
		n := len(f.Names)
		if n == 0 {
			n = 1
		}
		for i := 0; i < n; i++ {
			out = append(out, f.Type)
		}
	}
	return out
}
