package repl

import (
	"go/ast"
	"go/token"
)

// intTypes are the predeclared integer types; a conversion to one of them
// is an integer.
var intTypes = map[string]bool{
	"int": true, "int8": true, "int16": true, "int32": true, "int64": true, "rune": true, "byte": true,
	"uint": true, "uint8": true, "uint16": true, "uint32": true, "uint64": true, "uintptr": true,
}

// isInt reports whether a range expression is an integer: from its syntax,
// from the unit's own declarations, or by asking the oracle.
func (r *rewriter) isInt(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.BasicLit:
		return e.Kind == token.INT || e.Kind == token.CHAR
	case *ast.ParenExpr:
		return r.isInt(e.X)
	case *ast.BinaryExpr:
		return r.isInt(e.X) || r.isInt(e.Y)
	case *ast.UnaryExpr:
		return e.Op != token.ARROW && e.Op != token.AND && r.isInt(e.X)
	case *ast.CallExpr:
		if id, ok := e.Fun.(*ast.Ident); ok && (id.Name == "len" || id.Name == "cap" || intTypes[id.Name]) {
			return true
		}
		if known, ok := r.callIsInt(e); ok {
			return known
		}
	case *ast.Ident:
		if known, ok := r.ints[e.Name]; ok {
			return known
		}
	case *ast.CompositeLit, *ast.FuncLit, *ast.SliceExpr:
		return false
	}
	return r.oracle != nil && r.oracle.IsInt(r.print(e))
}

// localInts finds the names a unit declares itself and whether each holds
// an integer: parameters, `x := …` and `var x T`. It ignores scopes: a
// name declared twice with different kinds is taken as not an integer.
func localInts(n ast.Node, o Oracle) map[string]bool {
	ints := map[string]bool{}
	note := func(name string, isInt bool) {
		if prev, seen := ints[name]; seen && prev != isInt {
			isInt = false
		}
		ints[name] = isInt
	}
	lr := &rewriter{ints: map[string]bool{}, results: o}
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Field:
			for _, id := range n.Names {
				note(id.Name, isIntType(n.Type))
			}
		case *ast.ValueSpec:
			for i, id := range n.Names {
				note(id.Name, n.Type != nil && isIntType(n.Type) || n.Type == nil && i < len(n.Values) && lr.isInt(n.Values[i]))
			}
		case *ast.AssignStmt:
			noteDefine(n, lr, note)
		case *ast.RangeStmt:
			noteRange(n, lr, note)
		}
		return true
	})
	return ints
}

func noteDefine(a *ast.AssignStmt, lr *rewriter, note func(string, bool)) {
	if a.Tok != token.DEFINE {
		return
	}
	for i, l := range a.Lhs {
		if id, ok := l.(*ast.Ident); ok {
			note(id.Name, len(a.Lhs) == len(a.Rhs) && lr.isInt(a.Rhs[i]))
		}
	}
}

func isIntType(t ast.Expr) bool {
	id, ok := t.(*ast.Ident)
	return ok && intTypes[id.Name]
}

// noteRange records range variables: the key of a range over an integer is
// an integer; anything else is not known to be one.
func noteRange(s *ast.RangeStmt, lr *rewriter, note func(string, bool)) {
	if s.Tok != token.DEFINE {
		return
	}
	if id, ok := s.Key.(*ast.Ident); ok {
		note(id.Name, lr.isInt(s.X))
	}
	if id, ok := s.Value.(*ast.Ident); ok {
		note(id.Name, false)
	}
}

// callIsInt answers for a call whose result the declarations tell: a
// function the session declared, a function of a compiled package (by
// its reflect type), min and max of ints in a generic function. Ranging
// over such a result in a generic function fails in yaegi when the range
// is not rewritten ("CFG post-order panic: nil type").
func (r *rewriter) callIsInt(call *ast.CallExpr) (isInt, known bool) {
	o := r.results
	if o == nil {
		o = r.oracle
	}
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.SelectorExpr:
		pkg, ok := f.X.(*ast.Ident)
		if !ok {
			return false, false
		}
		if fr, ok := o.(interface {
			FuncResultInt(pkg, name string) (bool, bool)
		}); ok && !r.localName(pkg.Name) {
			return fr.FuncResultInt(pkg.Name, f.Sel.Name)
		}
	case *ast.Ident:
		if f.Name == intMinMax+"min" || f.Name == intMinMax+"max" {
			return true, true
		}
		if p, ok := o.(Prober); ok && !r.localName(f.Name) {
			if fd := p.Decls().Func(f.Name); fd != nil && fd.Type.TypeParams == nil {
				res := flatFields(fd.Type.Results)
				return len(res) == 1 && isIntType(res[0]), true
			}
		}
	}
	return false, false
}

func (r *rewriter) localName(name string) bool {
	_, ok := r.ints[name]
	return ok
}
