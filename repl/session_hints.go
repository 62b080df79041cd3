package repl

// Hints for recordset idioms brought from Python.
//
// ps[0], ps[:3], len(ps), for p in ps, p.name and ps | qs do not compile in
// Go, and yaegi says so in its own words ("cannot slice type
// orm.Recordset", "invalid argument for len", "undefined method: name",
// sometimes stranger ones). When an entry fails that way, the session
// prints yaegi's message, then one line with the Go spelling:
//
//	> ps[:3]
//	cannot slice type orm.Recordset
//	hint: use ps.Slice(0, 3)
//
// The entry is parsed, and an index, slice, len, range, field selector or
// operator whose operand the completion Scope knows to be a recordset (a
// variable of the session, env.Model("…"), …) gives the hint. Names the
// entry declares itself are not looked up: their type is not known yet.

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"strings"

	"odsh/orm"
)

// recordsetOps are the Go methods of Python's recordset operators.
var recordsetOps = map[token.Token]string{
	token.ADD: "Concat", token.OR: "Union", token.AND: "Intersect", token.SUB: "Subtract", token.EQL: "Equal",
}

// hint returns the suggestion for an entry that failed with err, or "".
func (s *Session) hint(entry string, err error) string {
	var oe orm.Error
	if errors.As(err, &oe) {
		return ""
	}
	f, src := parseEntry(entry)
	if f == nil {
		return ""
	}
	h := hinter{sc: sessionScope{s}, cat: registryCatalog{s}, src: src, local: declared(f)}
	ast.Inspect(f, func(n ast.Node) bool {
		if h.out == "" {
			h.out = h.node(n)
		}
		return h.out == ""
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
	cat   registryCatalog
	src   string
	local map[string]bool
	out   string
}

// text returns the source of a node.
func (h *hinter) text(n ast.Node) string {
	if n == nil {
		return ""
	}
	return h.src[n.Pos()-1 : n.End()-1]
}

// model returns the model of e when e denotes a recordset.
func (h *hinter) model(e ast.Expr) (string, bool) {
	if root := rootIdent(e); root == nil || h.local[root.Name] {
		return "", false
	}
	return h.sc.ModelOf(h.text(e))
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
		case *ast.ParenExpr:
			e = x.X
		default:
			return nil
		}
	}
}

// node returns the hint for one node, or "".
func (h *hinter) node(n ast.Node) string {
	switch n := n.(type) {
	case *ast.IndexExpr:
		if _, ok := h.model(n.X); ok {
			return fmt.Sprintf("use %s.At(%s)", h.text(n.X), h.text(n.Index))
		}
	case *ast.SliceExpr:
		if _, ok := h.model(n.X); ok {
			lo, hi := h.text(n.Low), h.text(n.High)
			if lo == "" {
				lo = "0"
			}
			if hi == "" {
				hi = h.text(n.X) + ".Len()"
			}
			return fmt.Sprintf("use %s.Slice(%s, %s)", h.text(n.X), lo, hi)
		}
	case *ast.CallExpr:
		if id, ok := n.Fun.(*ast.Ident); ok && id.Name == "len" && !h.local["len"] && len(n.Args) == 1 {
			if _, ok := h.model(n.Args[0]); ok {
				return fmt.Sprintf("use %s.Len()", h.text(n.Args[0]))
			}
		}
	case *ast.RangeStmt:
		return h.rangeHint(n)
	case *ast.SelectorExpr:
		return h.fieldHint(n)
	case *ast.BinaryExpr:
		return h.operatorHint(n)
	}
	return ""
}

// rangeHint: for _, p := range ps (or Python's for p in ps).
func (h *hinter) rangeHint(n *ast.RangeStmt) string {
	if _, ok := h.model(n.X); !ok {
		return ""
	}
	rec := "p"
	if v, ok := n.Value.(*ast.Ident); ok && v.Name != "_" {
		rec = v.Name
	} else if k, ok := n.Key.(*ast.Ident); ok && n.Value == nil && k.Name != "_" {
		rec = k.Name // for p := range ps: p was meant to be the record
	}
	return fmt.Sprintf("use for _, %s := range %s.Records()", rec, h.text(n.X))
}

// fieldHint: p.name, when name is a field of p's model.
func (h *hinter) fieldHint(n *ast.SelectorExpr) string {
	model, ok := h.model(n.X)
	if !ok {
		return ""
	}
	for _, f := range h.cat.Fields(model) {
		if f == n.Sel.Name {
			return fmt.Sprintf("use %s.Get(%q)", h.text(n.X), f)
		}
	}
	return ""
}

// operatorHint: ps + qs, ps | qs, ps & qs, ps - qs, ps == qs.
func (h *hinter) operatorHint(n *ast.BinaryExpr) string {
	method, ok := recordsetOps[n.Op]
	if n.Op == token.NEQ {
		method, ok = "Equal", true
	}
	if !ok {
		return ""
	}
	if _, isRS := h.model(n.X); !isRS {
		return ""
	}
	call := fmt.Sprintf("%s.%s(%s)", h.text(n.X), method, h.text(n.Y))
	if n.Op == token.NEQ {
		call = "!" + call
	}
	return "use " + strings.TrimSpace(call)
}
