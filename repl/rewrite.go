package repl

// Rewriting for yaegi.
//
// yaegi evaluates a top-level entry as if it were the body of main, but some
// statements misbehave there: a function literal call runs twice, `k := k`
// in a loop hangs, a type switch fails, `range` over an int panics (and
// corrupts the interpreter), loop variables follow the pre-1.22 rules, and a
// panic in a goroutine kills the process. The shell therefore never hands an
// entry to yaegi as typed. Split cuts the entry into units, top to bottom:
//
//   - declarations (import, type, func, var, const) and simple statements
//     (x := 1, x = 2, x++) stay at top level, so later entries see them;
//   - every other statement (for, if, switch, select, go, blocks, labels,
//     function literal calls) is wrapped as `{ func() { … }() }`, which runs
//     it once, inside a function, where yaegi is reliable;
//   - a bare expression is kept apart so its values can be printed.
//
// Each unit is then rendered (Unit.Code) with these rewrites applied inside
// it, wherever they occur, including in function bodies:
//
//	for k := range n { … }   ⇔  { __n := n; for __i := __n - __n; __i < __n; __i++ { k := __i; { … } } }   (n an integer)
//	for k, v := range xs { … func … }  ⇔  for k, v := range xs { k := k; v := v; { … } }
//	go f(a, b)  ⇔  { __f, __a, __b := f, a, b; go func() { defer recover-and-report; __f(__a, __b) }() }
//	m[k] = a + b  ⇔  m[k] = (a + b)   (also x.f and *p: see parenBinaryRHS)
//	for … { defer f(a) }  ⇔  { __d := Defers(); defer __d.Run(); for … { __d.Push(…) } }   (rewrite_defer.go)
//	fn := func() { … }  ⇔  fn := func() func() { return func() { … } }()   (in a function that defers)

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/scanner"
	"go/token"
	"regexp"
	"strconv"
	"strings"
)

// UnitKind says how a unit of an entry is evaluated.
type UnitKind int

const (
	// Decl is kept at top level: declarations, imports, assignments.
	Decl UnitKind = iota
	// Stmt is wrapped in a function literal that is called once.
	Stmt
	// Expr is a bare expression whose values the shell prints when it is
	// the last unit of an entry.
	Expr
)

// String returns the kind name.
func (k UnitKind) String() string {
	return [...]string{"decl", "stmt", "expr"}[k]
}

// Oracle answers questions about the interpreter's current scope that the
// rewriter cannot answer from syntax alone. A nil Oracle knows nothing.
type Oracle interface {
	// IsInt reports whether expr, evaluated at top level, has an integer
	// type. It must not run expr.
	IsInt(expr string) bool
}

// Unit is one top-level piece of an entry, evaluated on its own and in order.
type Unit struct {
	Kind UnitKind
	// Line and Col locate the unit's first character in the entry (1-based).
	Line, Col int
	// Text is the unit as the user typed it.
	Text string

	fset  *token.FileSet
	decl  ast.Decl // for a Decl parsed as a file-level declaration
	stmt  ast.Stmt // otherwise
	names *counter
	skip  int // lines of the prefix it was parsed with
}

// SyntaxError is a parse error located in the user's entry.
type SyntaxError struct {
	Line, Col int
	Msg       string
}

// Error returns "line:col: message".
func (e *SyntaxError) Error() string { return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg) }

// Split parses an entry into units. A syntax error is a *SyntaxError with a
// position relative to src. A `package` clause is dropped.
func Split(src string) ([]Unit, error) {
	names := &counter{}
	var units []Unit
	for _, seg := range splitSegments(src) {
		u, err := parseSegment(seg, names)
		if err != nil {
			return nil, err
		}
		if u != nil {
			units = append(units, *u)
		}
	}
	return units, nil
}

const (
	filePrefix = "package p\n"
	bodyPrefix = "package p\nfunc _() {\n"
)

// parseSegment parses one segment, as file-level declarations first, then as
// a statement.
func parseSegment(seg segment, names *counter) (*Unit, error) {
	if strings.HasPrefix(seg.text, "package ") || seg.text == "package" {
		return nil, nil
	}
	u := &Unit{Line: seg.line, Col: seg.col, Text: seg.text, fset: token.NewFileSet(), names: names}
	f, ferr := parser.ParseFile(u.fset, lineFile, filePrefix+seg.text, parser.SkipObjectResolution)
	if ferr == nil && len(f.Decls) == 1 {
		u.Kind, u.decl, u.skip = Decl, f.Decls[0], 1
		return u, nil
	}
	u.fset = token.NewFileSet()
	u.skip = 2
	b, berr := parser.ParseFile(u.fset, lineFile, bodyPrefix+seg.text+"\n}", parser.SkipObjectResolution)
	if berr != nil {
		if ferr != nil && looksLikeDecl(seg.text) {
			return nil, locate(ferr, seg, 1)
		}
		return nil, locate(berr, seg, 2)
	}
	list := b.Decls[0].(*ast.FuncDecl).Body.List
	if len(list) == 0 {
		return nil, nil
	}
	u.stmt = list[0]
	u.Kind = classify(u.stmt)
	return u, nil
}

// looksLikeDecl reports whether a segment that failed to parse was meant as
// a file-level declaration, to pick the more helpful error.
func looksLikeDecl(text string) bool {
	for _, kw := range []string{"import", "type", "func "} {
		if strings.HasPrefix(text, kw) && !strings.HasPrefix(text, "func (") {
			return true
		}
	}
	return false
}

// locate converts a parse error of the wrapped segment into a SyntaxError
// relative to the entry; skip is the number of prefix lines.
func locate(err error, seg segment, skip int) error {
	list, ok := err.(scanner.ErrorList)
	if !ok || len(list) == 0 {
		return &SyntaxError{Line: seg.line, Col: seg.col, Msg: err.Error()}
	}
	p := list[0].Pos
	line, col := p.Line-skip, p.Column
	if line < 1 {
		line, col = 1, 1
	}
	if line == 1 {
		col += seg.col - 1
	}
	if total := strings.Count(seg.text, "\n") + 1; line > total {
		line = total
	}
	msg := list[0].Msg
	if msg == "expected 1 expression" {
		// `a, b` alone: Go has no such statement
		msg += " (a list of expressions is no statement: fmt.Println(a, b) shows several values)"
	}
	return &SyntaxError{Line: line + seg.line - 1, Col: col, Msg: msg}
}

// classify decides whether a top-level statement stays at top level, is
// wrapped, or is a bare expression.
func classify(s ast.Stmt) UnitKind {
	switch s := s.(type) {
	case *ast.AssignStmt, *ast.IncDecStmt, *ast.DeclStmt, *ast.SendStmt, *ast.EmptyStmt:
		return Decl
	case *ast.ExprStmt:
		if call, ok := s.X.(*ast.CallExpr); ok && isFuncLit(call.Fun) && FuncLitResults(call) == 0 {
			return Stmt
		}
		return Expr
	}
	return Stmt
}

func isFuncLit(e ast.Expr) bool {
	_, ok := ast.Unparen(e).(*ast.FuncLit)
	return ok
}

// FuncLitResults returns the number of results of call when it calls a
// function literal, and -1 otherwise.
func FuncLitResults(call *ast.CallExpr) int {
	lit, ok := ast.Unparen(call.Fun).(*ast.FuncLit)
	if !ok {
		return -1
	}
	if lit.Type.Results == nil {
		return 0
	}
	return lit.Type.Results.NumFields()
}

// Call returns the call expression of an Expr unit that is a call, or nil.
func (u Unit) Call() *ast.CallExpr {
	if u.Kind != Expr {
		return nil
	}
	call, _ := ast.Unparen(u.stmt.(*ast.ExprStmt).X).(*ast.CallExpr)
	return call
}

// Import returns the import declaration of a unit that is one, or nil.
func (u Unit) Import() *ast.GenDecl {
	if g, ok := u.decl.(*ast.GenDecl); ok && g.Tok == token.IMPORT {
		return g
	}
	return nil
}

// Code renders the unit for yaegi with the rewrites applied (see the top of
// this file). o answers whether range expressions are integers; it may be nil.
func (u Unit) Code(o Oracle) string {
	pre, last := u.CodeSplit(o)
	if pre == "" {
		return last
	}
	return pre + "\n" + last
}

// CodeSplit is Code of a bare expression or a top-level statement cut
// before its last statement: the statements the rewrites put before it
// (anyResultsFirst: `__v1 := get()`), "" if none, and the statement
// itself, whose value the shell reads (`__r1, __r2 := ` + last).
func (u Unit) CodeSplit(o Oracle) (pre, last string) {
	r := &rewriter{oracle: o, names: u.names, fset: u.fset}
	if u.decl != nil {
		if fd, ok := u.decl.(*ast.FuncDecl); ok && u.fset != nil {
			markLines(fd, func(p token.Pos) int {
				if !p.IsValid() {
					return 0
				}
				return u.Line + u.fset.Position(p).Line - u.skip - 1
			})
		}
		return "", u.declCode(r, o, r.print)
	}
	block := &ast.BlockStmt{List: []ast.Stmt{u.stmt}}
	r.topDefers = u.Kind == Stmt
	r.walk(block)
	if u.Kind != Stmt {
		// a statement the rewrite made several (a value evaluated into a
		// variable first, valuesFirst): all of them, at top level
		if n := len(block.List); n > 1 {
			return r.printList(block.List[:n-1]), r.printPos(block.List[n-1])
		}
		return "", r.print(block.List[0])
	}
	return "", "{ func() {\n" + r.printList(block.List) + "\n}() }"
}

// declCode rewrites and prints a declaration unit; a method is prepared
// to be declared again, or is such a declaration again (methodswap.go).
func (u Unit) declCode(r *rewriter, o Oracle, print func(ast.Node) string) string {
	if fd, ok := u.decl.(*ast.FuncDecl); ok && fd.Recv != nil {
		if in, ok := o.(*Interp); ok && in != nil && (in.entry > 0 || in.Interactive) {
			if in.swaps[u.decl] {
				r.walk(u.decl)
				return swapCode(fd, print)
			}
			pre := swappable(fd, r.print)
			r.walk(u.decl)
			return pre + print(u.decl) + typeRegistration(u.decl, in.Decls())
		}
	}
	r.walk(u.decl)
	var decls *Decls
	if in, ok := o.(*Interp); ok && in != nil {
		decls = in.Decls()
	}
	return print(u.decl) + typeRegistration(u.decl, decls)
}

// lineFile is the file name of the //line directives in the code handed
// to yaegi: positions in its messages are then lines of the user's entry
// or script (compileError reads them back). It must be yaegi's default
// source name: yaegi keys a file's imports by its file name, and drops
// that name from its messages.
const lineFile = "_.go"

// lineCode is Code with //line directives, so that the positions yaegi
// reports are the user's lines even where the rewrites added lines.
func (u Unit) lineCode(o Oracle) string {
	r := &rewriter{oracle: o, names: u.names, fset: u.fset, sourcePos: true}
	var code string
	if u.decl != nil {
		if fd, ok := u.decl.(*ast.FuncDecl); ok && u.fset != nil {
			markLines(fd, func(p token.Pos) int {
				if !p.IsValid() {
					return 0
				}
				return u.Line + u.fset.Position(p).Line - u.skip - 1
			})
		}
		code = u.declCode(r, o, r.printPos)
	} else {
		block := &ast.BlockStmt{List: []ast.Stmt{u.stmt}}
		r.topDefers = u.Kind == Stmt
		r.walk(block)
		if u.Kind != Stmt {
			// all the statements the rewrite made of one (Code)
			code = r.printList(block.List)
		} else {
			code = "{ func() {\n" + r.printList(block.List) + "\n}() }"
		}
	}
	// the leading newline keeps the first directive at the start of a
	// line when yaegi wraps a statement in a function of its own
	return "\n" + lineDirective.ReplaceAllStringFunc(code, func(d string) string {
		n, _ := strconv.Atoi(d[len("//line "+lineFile+":"):])
		return fmt.Sprintf("//line %s:%d:1", lineFile, u.Line+n-u.skip-1)
	})
}

var lineDirective = regexp.MustCompile(`//line ` + regexp.QuoteMeta(lineFile) + `:\d+`)

// Node returns the unit's parsed form: an ast.Decl or an ast.Stmt.
func (u Unit) Node() ast.Node {
	if u.decl != nil {
		return u.decl
	}
	return u.stmt
}

// ExprText prints an expression of this unit back to source.
func (u Unit) ExprText(e ast.Expr) string {
	return (&rewriter{fset: u.fset}).print(e)
}

// print prints a node back to source; printPos adds //line directives
// when the rewriter renders code for yaegi (lineCode). Probes and messages
// use print.
func (r *rewriter) print(n ast.Node) string { return r.printMode(n, false) }

func (r *rewriter) printPos(n ast.Node) string { return r.printMode(n, r.sourcePos) }

func (r *rewriter) printMode(n ast.Node, pos bool) string {
	if r.hoisting {
		// the code handed to yaegi: instances through aliases
		defer r.hoistInstances(n)()
	}
	var buf bytes.Buffer
	cfg := printer.Config{Mode: printer.UseSpaces | printer.TabIndent, Tabwidth: 8}
	if pos {
		cfg.Mode |= printer.SourcePos
	}
	if err := cfg.Fprint(&buf, r.fset, n); err != nil {
		panic(fmt.Sprintf("repl: printing rewritten code: %v", err))
	}
	return buf.String()
}

func (r *rewriter) printList(list []ast.Stmt) string {
	parts := make([]string, len(list))
	for i, s := range list {
		parts[i] = r.printPos(s)
	}
	return strings.Join(parts, "\n")
}

// counter hands out fresh identifiers for temporaries.
type counter struct{ n int }

func (c *counter) next(base string) string {
	c.n++
	return fmt.Sprintf("__%s%d", base, c.n)
}
