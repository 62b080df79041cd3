package repl

import (
	"fmt"
	"go/ast"
	"go/token"
	"strings"
)

// Methods declared again.
//
// yaegi keeps the first declaration of a method: a later one is appended
// to the type's methods and never found, and callers are bound to the
// first when compiled. So every method of a non-generic type starts with
// a look at a variable of its own, nil until the method is declared again:
//
//	func (p P) Get() int { return p.A }
//	  ⇔  var __odshm_P_Get func(P) int
//	     func (p P) Get() int { if __f := __odshm_P_Get; __f != nil { return __f(p) }; return p.A }
//
// and a later declaration with the same signature sets the variable to
// its body, which every caller and every value then runs:
//
//	func (p P) Get() int { return p.A * 100 }
//	  ⇔  __odshm_P_Get = func(p P) int { return p.A * 100 }
//
// The first declaration entered again unchanged declares the variable
// again, nil: its own body runs again. A declaration with another
// signature (or receiver) is refused (redeclare.go): callers are compiled
// against the first.

// methodVar is the name of the variable of method fd, "" when fd is not a
// method that can be declared again: a method of a generic type, or one
// without a body.
func methodVar(fd *ast.FuncDecl) string {
	if fd.Recv == nil || len(fd.Recv.List) != 1 || fd.Body == nil {
		return ""
	}
	t := fd.Recv.List[0].Type
	if st, ok := t.(*ast.StarExpr); ok {
		t = st.X
	}
	id, ok := t.(*ast.Ident)
	if !ok {
		return ""
	}
	return "__odshm_" + id.Name + "_" + fd.Name.Name
}

// nameParams names the receiver and the parameters of fd that have no name
// or the blank one (the method forwards them), in place.
func nameParams(fd *ast.FuncDecl) {
	n := 0
	for _, fl := range []*ast.FieldList{fd.Recv, fd.Type.Params} {
		if fl == nil {
			continue
		}
		for _, f := range fl.List {
			// the names keep a position: the printer's //line directives
			// need one
			if len(f.Names) == 0 {
				f.Names = []*ast.Ident{{NamePos: f.Type.Pos(), Name: fmt.Sprintf("__a%d", n)}}
				n++
				continue
			}
			for i, id := range f.Names {
				if id.Name == "_" {
					f.Names[i] = &ast.Ident{NamePos: id.NamePos, Name: fmt.Sprintf("__a%d", n)}
					n++
				}
			}
		}
	}
}

// methodFuncType is fd's signature as a function type, the receiver first;
// unnamed, a field of several names is one parameter per name.
func methodFuncType(fd *ast.FuncDecl, named bool) *ast.FuncType {
	fields := func(lists ...*ast.FieldList) *ast.FieldList {
		out := &ast.FieldList{}
		for _, fl := range lists {
			if fl == nil {
				continue
			}
			for _, f := range fl.List {
				if named {
					c := &ast.Field{Type: clone(f.Type)}
					for _, id := range f.Names {
						c.Names = append(c.Names, ident(id.Name))
					}
					out.List = append(out.List, c)
					continue
				}
				for range max(1, len(f.Names)) {
					out.List = append(out.List, &ast.Field{Type: clone(f.Type)})
				}
			}
		}
		return out
	}
	var results *ast.FieldList
	if fd.Type.Results != nil {
		results = fields(fd.Type.Results)
	}
	return &ast.FuncType{Params: fields(fd.Recv, fd.Type.Params), Results: results}
}

// swappable prepares fd, the first declaration of a method, to run the
// body of a later one (see above): it adds the look at the variable to its
// body and returns the variable's declaration, or "" when fd cannot be.
func swappable(fd *ast.FuncDecl, print func(ast.Node) string) string {
	name := methodVar(fd)
	if name == "" {
		return ""
	}
	if len(fd.Body.List) > 0 {
		if first, ok := fd.Body.List[0].(*ast.IfStmt); ok {
			if a, ok := first.Init.(*ast.AssignStmt); ok && len(a.Rhs) == 1 {
				if id, ok := a.Rhs[0].(*ast.Ident); ok && id.Name == name {
					return "var " + name + " " + print(methodFuncType(fd, false)) + "\n" // rendered before
				}
			}
		}
	}
	nameParams(fd)
	var args []ast.Expr
	variadic := false
	for _, fl := range []*ast.FieldList{fd.Recv, fd.Type.Params} {
		for _, f := range fl.List {
			_, variadic = f.Type.(*ast.Ellipsis)
			for _, id := range f.Names {
				args = append(args, ident(id.Name))
			}
		}
	}
	// the statements added have the position of the body's brace: the
	// printer's //line directives need one
	pos := fd.Body.Lbrace
	at := func(name string) *ast.Ident { return &ast.Ident{NamePos: pos, Name: name} }
	f := at("__f")
	call := &ast.CallExpr{Fun: at(f.Name), Args: args, Lparen: pos, Rparen: pos}
	if variadic {
		call.Ellipsis = pos
	}
	var body []ast.Stmt
	switch n := fd.Type.Results.NumFields(); n {
	case 0:
		body = []ast.Stmt{&ast.ExprStmt{X: call}, &ast.ReturnStmt{Return: pos}}
	case 1:
		body = []ast.Stmt{&ast.ReturnStmt{Return: pos, Results: []ast.Expr{call}}}
	default:
		// r0, r1 := __f(…); return r0, r1 (yaegi: "too many arguments"
		// for return __f(…) there)
		var rs []ast.Expr
		for i := range n {
			rs = append(rs, at(fmt.Sprintf("__r%d", i)))
		}
		body = []ast.Stmt{
			&ast.AssignStmt{Lhs: rs, TokPos: pos, Tok: token.DEFINE, Rhs: []ast.Expr{call}},
			&ast.ReturnStmt{Return: pos, Results: rs},
		}
	}
	look := &ast.IfStmt{
		If:   pos,
		Init: &ast.AssignStmt{Lhs: []ast.Expr{f}, TokPos: pos, Tok: token.DEFINE, Rhs: []ast.Expr{at(name)}},
		Cond: &ast.BinaryExpr{X: at(f.Name), OpPos: pos, Op: token.NEQ, Y: at("nil")},
		Body: &ast.BlockStmt{Lbrace: pos, List: body, Rbrace: pos},
	}
	fd.Body.List = append([]ast.Stmt{look}, fd.Body.List...)
	return "var " + name + " " + print(methodFuncType(fd, false)) + "\n"
}

// swapCode is the code of fd, a method declared again with the signature
// of the first declaration: its body, assigned to the method's variable.
func swapCode(fd *ast.FuncDecl, print func(ast.Node) string) string {
	nameParams(fd)
	lit := &ast.FuncLit{Type: methodFuncType(fd, true), Body: fd.Body}
	return methodVar(fd) + " = " + print(lit)
}

// methodSignature is the receiver's type and the signature of fd, the
// method's identity for a declaration again.
func methodSignature(fd *ast.FuncDecl, print func(ast.Node) string) string {
	if fd.Recv == nil || len(fd.Recv.List) != 1 {
		return ""
	}
	return strings.TrimSpace(print(fd.Recv.List[0].Type) + " " + print(methodFuncType(fd, false)))
}
