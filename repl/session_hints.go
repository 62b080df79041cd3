package repl

// Hints for habits brought from Odoo's Python.
//
// rs[0], len(rs), for p in rs, p.name, p.name = "x", rs | qs, rs == qs,
// if rs, env["res.partner"], rs.write(…), env.uid, a dict literal, a
// domain as a Python list, keyword arguments, Browse(n) with an int… do
// not compile in Go, and yaegi says so in its own words, sometimes as an
// internal error ("CFG post-order panic") or a reflect panic. When an
// entry fails that way, the session prints what the Go compiler says
// instead, then one line with the Go spelling, taken from the phrasebook
// (session_phrasebook.go):
//
//	> ps[:3]
//	cannot slice ps (variable of struct type orm.Recordset)
//	hint: use ps.Slice(0, 3)
//
// The entry is parsed; if it does not parse, it is first translated from
// Python's surface syntax (session_hints_python.go). An index, slice,
// len, range, if, selector, assignment, call or operator whose operand is
// a recordset or an env (its type worked out without running anything,
// complete_types.go) gives the hint. Names the entry declares itself are
// not looked up: their type is not known yet.

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"reflect"
	"strings"

	"odsh/orm"
)

var (
	recordsetType = reflect.TypeOf(orm.Recordset{})
	envType       = reflect.TypeOf((*orm.Env)(nil))
)

// recordsetOps are the Go methods of Python's recordset operators.
var recordsetOps = map[token.Token]string{
	token.ADD: "Concat", token.OR: "Union", token.AND: "Intersect", token.SUB: "Subtract", token.EQL: "Equal",
	token.NEQ: "Equal", token.LEQ: "IsSubset",
}

// hintFor is what a rule found: Go's message for the failed construct and
// the suggestion.
type hintFor struct{ msg, hint string }

// failHinted reports a failed entry: the error, or the Go compiler's
// message when a Python habit explains it, then the hint.
func (s *Session) failHinted(entry string, err error) error {
	h := s.hint(entry, err)
	if h.msg != "" && replaceable(err) {
		s.fail(&CompileError{Msg: h.msg})
	} else {
		err = s.fail(err)
	}
	if h.hint != "" {
		fmt.Fprintln(s.errw, "hint: "+h.hint)
	}
	return err
}

// replaceable says whether err is yaegi's report of a construct that does
// not compile (not a panic of the user's code, not an ORM error).
func replaceable(err error) bool {
	var oe orm.Error
	var pe *PanicError
	if errors.As(err, &oe) {
		return false
	}
	if errors.As(err, &pe) {
		text := panicValueText(pe.Value)
		return strings.HasPrefix(text, "reflect") || text == "nil type"
	}
	return true
}

// hint returns the suggestion for an entry that failed with err.
func (s *Session) hint(entry string, err error) hintFor {
	var oe orm.Error
	if errors.As(err, &oe) {
		return hintFor{}
	}
	var ce *CompileError
	if errors.As(err, &ce) {
		if name, ok := strings.CutPrefix(ce.Msg, "undefined: "); ok && pyWords[name] != "" {
			return hintFor{hint: fmt.Sprintf("use %s (%s)", pyWords[name], phraseConsts.Odoo+" → "+phraseConsts.Go)}
		}
	}
	f, src := parseEntry(entry)
	if f == nil {
		py := pythonToGo(entry)
		if f, src = parseEntry(py); f == nil {
			return s.blockHint(entry, err)
		}
		if h := s.hintAST(f, src, err); h.hint != "" {
			return h
		}
		return hintFor{hint: "use " + py}
	}
	return s.hintAST(f, src, err)
}

func (s *Session) hintAST(f *ast.File, src string, err error) hintFor {
	h := hinter{sc: sessionScope{s}, typer: staticTyper{s.in}, cat: registryCatalog{s}, src: src, local: declared(f), err: err}
	ast.Inspect(f, func(n ast.Node) bool {
		if h.out.hint == "" {
			h.out = h.node(n)
		}
		return h.out.hint == ""
	})
	return h.out
}

// parseEntry parses an entry as statements (in a function body) or, failing
// that, as declarations; it returns the file and the source parsed.
func parseEntry(entry string) (*ast.File, string) {
	for _, src := range []string{"package p; func _() {\n" + entry + "\n}", "package p\n" + entry} {
		if f, err := parser.ParseFile(token.NewFileSet(), "", src, 0); err == nil {
			return f, src
		}
	}
	return nil, ""
}

// declared returns the names the entry declares.
func declared(f *ast.File) map[string]bool {
	out := map[string]bool{}
	add := func(es ...ast.Expr) {
		for _, e := range es {
			if id, ok := e.(*ast.Ident); ok {
				out[id.Name] = true
			}
		}
	}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE {
				add(n.Lhs...)
			}
		case *ast.RangeStmt:
			if n.Tok == token.DEFINE {
				add(n.Key, n.Value)
			}
		case *ast.ValueSpec:
			for _, id := range n.Names {
				out[id.Name] = true
			}
		case *ast.Field:
			for _, id := range n.Names {
				out[id.Name] = true
			}
		}
		return true
	})
	return out
}

type hinter struct {
	sc    sessionScope
	typer staticTyper
	cat   registryCatalog
	src   string
	local map[string]bool
	err   error
	out   hintFor
}

// text returns the source of a node.
func (h *hinter) text(n ast.Node) string {
	if n == nil {
		return ""
	}
	return h.src[n.Pos()-1 : n.End()-1]
}

// typeOf returns the type of e, unless e starts from a name the entry
// declares.
func (h *hinter) typeOf(e ast.Expr) (reflect.Type, bool) {
	if root := rootIdent(e); root == nil || h.local[root.Name] {
		return nil, false
	}
	return h.typer.TypeOf(h.text(e))
}

// isRecordset reports whether e denotes a recordset.
func (h *hinter) isRecordset(e ast.Expr) bool {
	t, ok := h.typeOf(e)
	return ok && t == recordsetType
}

// isEnv reports whether e denotes an env.
func (h *hinter) isEnv(e ast.Expr) bool {
	t, ok := h.typeOf(e)
	return ok && t == envType
}

// model returns the model of e when e denotes a recordset.
func (h *hinter) model(e ast.Expr) (string, bool) {
	if !h.isRecordset(e) {
		return "", false
	}
	return h.sc.ModelOf(h.text(e))
}

// operand describes e as the Go compiler does: "ps (variable of struct
// type orm.Recordset)".
func (h *hinter) operand(e ast.Expr) string {
	t, _ := h.typeOf(e)
	what := "value"
	if _, ok := e.(*ast.Ident); ok {
		what = "variable"
	}
	kind := "type"
	if t != nil && t.Kind() == reflect.Struct {
		kind = "struct type"
	}
	return fmt.Sprintf("%s (%s of %s %s)", h.text(e), what, kind, t)
}

func rootIdent(e ast.Expr) *ast.Ident {
	for {
		switch x := e.(type) {
		case *ast.Ident:
			return x
		case *ast.SelectorExpr:
			e = x.X
		case *ast.CallExpr:
			e = x.Fun
		case *ast.IndexExpr:
			e = x.X
		case *ast.ParenExpr:
			e = x.X
		default:
			return nil
		}
	}
}

// node returns the hint for one node.
func (h *hinter) node(n ast.Node) hintFor {
	switch n := n.(type) {
	case *ast.IndexExpr:
		return h.indexHint(n)
	case *ast.SliceExpr:
		return h.sliceHint(n)
	case *ast.CallExpr:
		return h.callHint(n)
	case *ast.RangeStmt:
		return h.rangeHint(n)
	case *ast.IfStmt:
		return h.ifHint(n)
	case *ast.AssignStmt:
		return h.assignHint(n)
	case *ast.SelectorExpr:
		if out := h.pathHint(n); out.hint != "" {
			return out
		}
		return h.selectorHint(n, nil)
	case *ast.UnaryExpr:
		if n.Op == token.NOT && h.isRecordset(n.X) {
			return hintFor{fmt.Sprintf("invalid operation: operator ! not defined on %s", h.operand(n.X)),
				fmt.Sprintf("use %s.IsEmpty() (%s)", h.text(n.X), phraseNotTruth.Odoo)}
		}
	case *ast.BinaryExpr:
		return h.operatorHint(n)
	}
	return hintFor{}
}

// indexHint: rs[0] → rs.At(0); env["res.partner"] → env.Model("res.partner").
func (h *hinter) indexHint(n *ast.IndexExpr) hintFor {
	msg := "cannot index " + h.operand(n.X)
	switch {
	case h.isRecordset(n.X):
		return hintFor{msg, fmt.Sprintf("use %s.At(%s)", h.text(n.X), h.text(n.Index))}
	case h.isEnv(n.X):
		return hintFor{msg, fmt.Sprintf("use %s.Model(%s)", h.text(n.X), h.text(n.Index))}
	}
	return hintFor{}
}

// sliceHint: rs[1:3] → rs.Slice(1, 3).
func (h *hinter) sliceHint(n *ast.SliceExpr) hintFor {
	if !h.isRecordset(n.X) {
		return hintFor{}
	}
	lo, hi := h.text(n.Low), h.text(n.High)
	if lo == "" {
		lo = "0"
	}
	if hi == "" {
		hi = h.text(n.X) + ".Len()"
	}
	return hintFor{"cannot slice " + h.operand(n.X), fmt.Sprintf("use %s.Slice(%s, %s)", h.text(n.X), lo, hi)}
}

// callHint: len(rs), rs.write(…), rs.Browse(n) with an int n.
func (h *hinter) callHint(n *ast.CallExpr) hintFor {
	if id, ok := n.Fun.(*ast.Ident); ok && id.Name == "len" && !h.local["len"] && len(n.Args) == 1 {
		if h.isRecordset(n.Args[0]) {
			return hintFor{fmt.Sprintf("invalid argument: %s for built-in len", h.operand(n.Args[0])),
				fmt.Sprintf("use %s.Len()", h.text(n.Args[0]))}
		}
	}
	sel, ok := n.Fun.(*ast.SelectorExpr)
	if !ok {
		return hintFor{}
	}
	if sel.Sel.Name == "Browse" && h.isRecordset(sel.X) {
		return h.browseHint(n, sel)
	}
	return h.selectorHint(sel, n)
}

// browseHint: Browse takes int64 ids; BrowseInts takes ints.
func (h *hinter) browseHint(n *ast.CallExpr, sel *ast.SelectorExpr) hintFor {
	for _, a := range n.Args {
		t, ok := h.typeOf(a)
		if !ok || t.Kind() != reflect.Int && (t.Kind() != reflect.Slice || t.Elem().Kind() != reflect.Int) {
			continue
		}
		args := h.src[n.Lparen : n.Rparen-1]
		return hintFor{fmt.Sprintf("cannot use %s (variable of type %s) as int64 value in argument to %s", h.text(a), t, h.text(sel)),
			fmt.Sprintf("use %s.BrowseInts(%s)", h.text(sel.X), args)}
	}
	return hintFor{}
}

// selectorHint: an Odoo attribute of a recordset or an env (rs.write(…),
// rs.ids, env.uid), or a field read as an attribute (p.name). call is the
// call whose function the selector is, if any.
func (h *hinter) selectorHint(sel *ast.SelectorExpr, call *ast.CallExpr) hintFor {
	isEnv := h.isEnv(sel.X)
	if !isEnv && !h.isRecordset(sel.X) {
		return hintFor{}
	}
	t, _ := h.typeOf(sel.X)
	name := sel.Sel.Name
	if _, ok := t.MethodByName(name); ok {
		return hintFor{}
	}
	msg := fmt.Sprintf("%s undefined (type %s has no field or method %s)", h.text(sel), t, name)
	recv := h.text(sel.X)
	if p, ok := attrPhrase(name, isEnv); ok {
		return hintFor{msg, "use " + recv + "." + p.method() + h.callArgs(call, p) + odooSays(p)}
	}
	if m := camel(name); m != name {
		if _, ok := t.MethodByName(m); ok {
			return hintFor{msg, "use " + recv + "." + m + h.callArgs(call, phrase{Odoo: "()"})}
		}
	}
	if model, ok := h.model(sel.X); ok && call == nil && h.isField(model, name) {
		return hintFor{msg, fmt.Sprintf("use %s.Get(%q)", recv, name)}
	}
	return hintFor{}
}

// pathHint: p.partner_id.name → p.Get("partner_id.name"), when p is a
// recordset and partner_id one of its fields.
func (h *hinter) pathHint(sel *ast.SelectorExpr) hintFor {
	path := []string{sel.Sel.Name}
	x := sel.X
	for {
		inner, ok := x.(*ast.SelectorExpr)
		if !ok {
			return hintFor{}
		}
		path = append([]string{inner.Sel.Name}, path...)
		if model, ok := h.model(inner.X); ok {
			if !h.isField(model, path[0]) {
				return hintFor{}
			}
			return hintFor{fmt.Sprintf("%s undefined (type %s has no field or method %s)", h.text(inner), recordsetType, path[0]),
				fmt.Sprintf("use %s.Get(%q)", h.text(inner.X), strings.Join(path, "."))}
		}
		x = inner.X
	}
}

// callArgs are the arguments to write after the Go method: the call's, or
// () for a property.
func (h *hinter) callArgs(call *ast.CallExpr, p phrase) string {
	if call != nil {
		return h.src[call.Lparen-1 : call.Rparen]
	}
	if p.isCall() {
		return ""
	}
	return "()"
}

// odooSays names the Odoo spelling a hint translates.
func odooSays(p phrase) string { return " (Odoo's " + p.Odoo + ")" }

func (h *hinter) isField(model, name string) bool {
	for _, f := range h.cat.Fields(model) {
		if f == name {
			return true
		}
	}
	return false
}

// pyValue is a value as Python meant it: 'x' is a string.
func pyValue(src string) string {
	if strings.HasPrefix(src, "'") {
		return pyString(src)
	}
	return src
}

// assignHint: p.name = "x" → p.Set("name", "x").
func (h *hinter) assignHint(n *ast.AssignStmt) hintFor {
	if n.Tok != token.ASSIGN || len(n.Lhs) != 1 || len(n.Rhs) != 1 {
		return hintFor{}
	}
	sel, ok := n.Lhs[0].(*ast.SelectorExpr)
	if !ok {
		return hintFor{}
	}
	model, ok := h.model(sel.X)
	if !ok || !h.isField(model, sel.Sel.Name) {
		return hintFor{}
	}
	return hintFor{fmt.Sprintf("%s undefined (type %s has no field or method %s)", h.text(sel), recordsetType, sel.Sel.Name),
		fmt.Sprintf("use %s.Set(%q, %s)", h.text(sel.X), sel.Sel.Name, pyValue(h.text(n.Rhs[0])))}
}

// ifHint: if rs { … } → if !rs.IsEmpty() { … }.
func (h *hinter) ifHint(n *ast.IfStmt) hintFor {
	if !h.isRecordset(n.Cond) {
		return hintFor{}
	}
	return hintFor{"non-boolean condition in if statement",
		fmt.Sprintf("use if !%s.IsEmpty() { … } (%s)", h.text(n.Cond), phraseTruth.Odoo)}
}

// rangeHint: for _, p := range ps (or Python's for p in ps).
func (h *hinter) rangeHint(n *ast.RangeStmt) hintFor {
	if !h.isRecordset(n.X) {
		return hintFor{}
	}
	rec := "p"
	if v, ok := n.Value.(*ast.Ident); ok && v.Name != "_" {
		rec = v.Name
	} else if k, ok := n.Key.(*ast.Ident); ok && n.Value == nil && k.Name != "_" {
		rec = k.Name // for p := range ps: p was meant to be the record
	}
	return hintFor{"cannot range over " + h.operand(n.X),
		fmt.Sprintf("use for _, %s := range %s.Records()", rec, h.text(n.X))}
}

// operatorHint: ps + qs, ps | qs, ps & qs, ps - qs, ps == qs, ps != qs.
func (h *hinter) operatorHint(n *ast.BinaryExpr) hintFor {
	method, ok := recordsetOps[n.Op]
	if !ok || !h.isRecordset(n.X) {
		return hintFor{}
	}
	msg := fmt.Sprintf("invalid operation: operator %s not defined on %s", n.Op, h.operand(n.X))
	if n.Op == token.EQL || n.Op == token.NEQ {
		msg = fmt.Sprintf("invalid operation: %s (struct containing []int64 cannot be compared)", h.text(n))
	}
	call := fmt.Sprintf("%s.%s(%s)", h.text(n.X), method, h.text(n.Y))
	if n.Op == token.NEQ {
		call = "!" + call
	}
	return hintFor{msg, "use " + call}
}

// blockHint: a Python block header (if rs:, for p in ps:), read as the
// Go statement it stands for.
func (s *Session) blockHint(entry string, err error) hintFor {
	line := strings.TrimSpace(entry)
	if i := strings.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	head, _, ok := strings.Cut(line, ":")
	if !ok {
		return hintFor{}
	}
	var stmt string
	if cond, ok := strings.CutPrefix(head, "if "); ok {
		stmt = "if " + pythonToGo(cond) + " {\n}"
	} else if rest, ok := strings.CutPrefix(head, "for "); ok {
		v, x, ok := strings.Cut(rest, " in ")
		if !ok {
			return hintFor{}
		}
		stmt = "for _, " + strings.TrimSpace(v) + " := range " + pythonToGo(x) + " {\n}"
	}
	if f, src := parseEntry(stmt); f != nil {
		h := s.hintAST(f, src, err)
		return hintFor{hint: h.hint}
	}
	return hintFor{}
}
