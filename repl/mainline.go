package repl

import (
	"go/ast"
	"go/token"
	"reflect"
	"strconv"
)

// The line of a runtime error inside func main.
//
// yaegi reports a panic at the first statement of the function it happened
// in (it finds the node by the address of its code, which all nodes of a
// kind share). So the statements of a program's func main record their
// line in a variable of the session before they run:
//
//	func main() {        ⇔  func main() {
//		xs := load()     ⇔  	__odsh_line = 12; xs := load()
//		for _, x := range xs {
//			use(x)       ⇔  	__odsh_line = 14; use(x)
//
// and a runtime error that ends main is reported at that line: the
// statement of main that was running, or the call in main that led to it.
// Only main's own statements record (not those of func literals in it,
// which may run in goroutines), so one goroutine writes the variable.

const lineVar = "__odsh_line"

const linePrelude = "var " + lineVar + " int"

// markLines inserts the line assignments into the body of fd when it is
// the program's main; line maps a position of the unit to a line of the
// user's entry.
func markLines(fd *ast.FuncDecl, line func(token.Pos) int) {
	if fd.Recv != nil || fd.Body == nil || (fd.Name.Name != "main" && fd.Name.Name != mainName) {
		return
	}
	markBlock(fd.Body, line)
}

func markBlock(b *ast.BlockStmt, line func(token.Pos) int) {
	if b == nil {
		return
	}
	b.List = markList(b.List, line)
}

func markList(list []ast.Stmt, line func(token.Pos) int) []ast.Stmt {
	out := make([]ast.Stmt, 0, 2*len(list))
	for _, s := range list {
		markInner(s, line)
		if _, empty := s.(*ast.EmptyStmt); !empty {
			if n := line(s.Pos()); n > 0 {
				out = append(out, &ast.AssignStmt{
					Lhs: []ast.Expr{ident(lineVar)}, Tok: token.ASSIGN,
					Rhs: []ast.Expr{&ast.BasicLit{Kind: token.INT, Value: strconv.Itoa(n)}},
				})
			}
		}
		out = append(out, s)
	}
	return out
}

// markInner marks the blocks of a statement (not func literals).
func markInner(s ast.Stmt, line func(token.Pos) int) {
	switch x := s.(type) {
	case *ast.BlockStmt:
		markBlock(x, line)
	case *ast.LabeledStmt:
		markInner(x.Stmt, line)
	case *ast.IfStmt:
		markBlock(x.Body, line)
		if x.Else != nil {
			markInner(x.Else, line)
		}
	case *ast.ForStmt:
		markBlock(x.Body, line)
	case *ast.RangeStmt:
		markBlock(x.Body, line)
	case *ast.SwitchStmt:
		markClauses(x.Body, line)
	case *ast.TypeSwitchStmt:
		markClauses(x.Body, line)
	case *ast.SelectStmt:
		markClauses(x.Body, line)
	case *ast.CaseClause:
		x.Body = markList(x.Body, line)
	case *ast.CommClause:
		x.Body = markList(x.Body, line)
	}
}

// markClauses marks the bodies of the clauses of a switch or select.
func markClauses(b *ast.BlockStmt, line func(token.Pos) int) {
	for _, cl := range b.List {
		markInner(cl, line)
	}
}

// mainLine returns the line main's last statement recorded, 0 if none.
func (in *Interp) mainLine() int {
	v, ok := in.globals()[lineVar]
	if !ok || !v.IsValid() || v.Kind() != reflect.Int {
		return 0
	}
	return int(v.Int())
}
