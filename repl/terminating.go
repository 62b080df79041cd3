package repl

import (
	"go/ast"
	"go/token"
)

// Missing returns.
//
// Go rejects a function with results whose body can end without a return
// ("missing return"); yaegi ran it and the function returned its zero
// values without a word. The entry is refused with Go's message, by Go's
// rule of terminating statements (the spec's "Terminating statements").

// missingReturn returns the unit and the error for the first function or
// function literal with results whose body is not terminating.
func missingReturn(units []Unit) (*Unit, error) {
	for i := range units {
		u := &units[i]
		var bad *ast.BlockStmt
		ast.Inspect(u.Node(), func(n ast.Node) bool {
			if bad != nil {
				return false
			}
			var ft *ast.FuncType
			var body *ast.BlockStmt
			switch f := n.(type) {
			case *ast.FuncDecl:
				ft, body = f.Type, f.Body
			case *ast.FuncLit:
				ft, body = f.Type, f.Body
			default:
				return true
			}
			if body != nil && ft.Results != nil && len(ft.Results.List) > 0 && !terminating(body, "") {
				bad = body
			}
			return true
		})
		if bad != nil && u.fset != nil {
			line := u.Line + u.fset.Position(bad.Rbrace).Line - u.skip - 1
			return u, &CompileError{Line: line, Msg: "missing return"}
		}
	}
	return nil, nil
}

// terminating reports whether s is a terminating statement; label is the
// label of s, "" if none.
func terminating(s ast.Stmt, label string) bool {
	switch s := s.(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.BranchStmt:
		return s.Tok == token.GOTO
	case *ast.ExprStmt:
		call, ok := s.X.(*ast.CallExpr)
		if !ok {
			return false
		}
		id, ok := ast.Unparen(call.Fun).(*ast.Ident)
		return ok && id.Name == "panic"
	case *ast.BlockStmt:
		return terminatingList(s.List)
	case *ast.IfStmt:
		return s.Else != nil && terminating(s.Body, "") && terminating(s.Else, "")
	case *ast.LabeledStmt:
		return terminating(s.Stmt, s.Label.Name)
	case *ast.ForStmt:
		return s.Cond == nil && !breaks(s.Body, label)
	case *ast.SwitchStmt:
		return clausesTerminate(s.Body, label)
	case *ast.TypeSwitchStmt:
		return clausesTerminate(s.Body, label)
	case *ast.SelectStmt:
		if breaks(s.Body, label) {
			return false
		}
		for _, cl := range s.Body.List {
			if !terminatingList(cl.(*ast.CommClause).Body) {
				return false
			}
		}
		return true
	}
	return false
}

// terminatingList reports whether a statement list ends in a terminating
// statement (empty statements aside).
func terminatingList(list []ast.Stmt) bool {
	for i := len(list) - 1; i >= 0; i-- {
		if _, empty := list[i].(*ast.EmptyStmt); empty {
			continue
		}
		return terminating(list[i], "")
	}
	return false
}

// clausesTerminate is the rule of a switch: no break out of it, a default
// case, and every case ending in a terminating statement or fallthrough.
func clausesTerminate(body *ast.BlockStmt, label string) bool {
	if breaks(body, label) {
		return false
	}
	hasDefault := false
	for _, cl := range body.List {
		cc := cl.(*ast.CaseClause)
		if cc.List == nil {
			hasDefault = true
		}
		list := cc.Body
		if n := len(list); n > 0 {
			if b, ok := list[n-1].(*ast.BranchStmt); ok && b.Tok == token.FALLTHROUGH {
				continue
			}
		}
		if !terminatingList(list) {
			return false
		}
	}
	return hasDefault
}

// breaks reports whether body holds a break out of the statement whose
// body it is: an unlabelled break outside nested for, switch and select
// statements, or a break to label.
func breaks(body ast.Node, label string) bool {
	found := false
	var walk func(n ast.Node, nested bool)
	walk = func(n ast.Node, nested bool) {
		ast.Inspect(n, func(m ast.Node) bool {
			if found || m == nil {
				return false
			}
			switch m := m.(type) {
			case *ast.FuncLit:
				return false
			case *ast.BranchStmt:
				if m.Tok == token.BREAK && (m.Label == nil && !nested || m.Label != nil && m.Label.Name == label && label != "") {
					found = true
				}
			case *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
				if m != body && !nested {
					walk(m, true)
					return false
				}
			}
			return true
		})
	}
	walk(body, false)
	return found
}
