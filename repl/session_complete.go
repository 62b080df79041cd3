package repl

import (
	"context"
	"go/ast"
	"go/parser"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"odsh/orm"
)

// Completer returns the session's Tab completion.
func (s *Session) Completer() *Completer {
	return &Completer{Catalog: registryCatalog{s}, Scope: sessionScope{s}, Meta: MetaNames()}
}

// registryCatalog is the Catalog of the session's registry.
type registryCatalog struct{ s *Session }

func (c registryCatalog) Models() []string { return c.s.env.Registry().Models() }

func (c registryCatalog) Fields(model string) []string {
	m := c.s.env.Registry().Model(model)
	if m == nil {
		return nil
	}
	out := make([]string, 0, len(m.FieldList))
	for _, f := range m.FieldList {
		out = append(out, f.Name)
	}
	return out
}

func (c registryCatalog) Relation(model, field string) (string, bool) {
	m := c.s.env.Registry().Model(model)
	if m == nil || m.Fields[field] == nil || m.Fields[field].Comodel == "" {
		return "", false
	}
	return m.Fields[field].Comodel, true
}

// XMLIDs reads ir_model_data on the session's connection, inside its
// transaction (so records created in it count) but without the ORM: no
// flush, no statement count, no SQL log. Any error gives nothing.
func (c registryCatalog) XMLIDs(prefix string, limit int) []string {
	if !c.s.env.HasModel("ir.model.data") {
		return nil
	}
	module, name, dotted := strings.Cut(prefix, ".")
	q := "SELECT DISTINCT module || '.' FROM ir_model_data WHERE left(module, length($1)) = $1 ORDER BY 1 LIMIT $2"
	args := []any{module, limit}
	if dotted {
		q = "SELECT module || '.' || name FROM ir_model_data WHERE module = $1 AND left(name, length($2)) = $2 ORDER BY 1 LIMIT $3"
		args = []any{module, name, limit}
	}
	// no deadline: pgx closes a connection whose query is cancelled
	rows, err := c.s.env.Tx().Conn().Query(context.Background(), q, args...)
	if err != nil {
		return nil
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id string
		if rows.Scan(&id) == nil {
			out = append(out, id)
		}
	}
	return out
}

// sessionScope answers completion questions by evaluating simple
// receivers: names and selector chains, through calls of Model, Search and
// Browse, which keep or name the model without running a query.
type sessionScope struct{ s *Session }

func (sc sessionScope) Names() []string {
	names := append(sc.s.in.Globals(), sc.s.in.Packages()...)
	names = append(names, helperNames...)
	return append(names, "env")
}

func (sc sessionScope) ModelOf(expr string) (string, bool) {
	e, err := parser.ParseExpr(expr)
	if err != nil {
		return "", false
	}
	return sc.modelOf(e)
}

// modelOf walks X.Search(…)/X.Browse(…) down to X, reads X.Model("lit"),
// and evaluates what remains when it is a pure selector chain.
func (sc sessionScope) modelOf(e ast.Expr) (string, bool) {
	if call, ok := e.(*ast.CallExpr); ok {
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok {
			return "", false
		}
		switch sel.Sel.Name {
		case "Search", "Browse", "BrowseInts", "Sudo", "WithContext", "WithUser", "WithCompany", "WithEnv",
			"Filtered", "FilteredDomain", "Sorted", "Reversed", "Exists", "EnsureOne", "At", "Slice",
			"Union", "Intersect", "Subtract", "Concat":
			return sc.modelOf(sel.X)
		case "Model":
			if len(call.Args) == 1 {
				if lit, ok := call.Args[0].(*ast.BasicLit); ok {
					name, err := strconv.Unquote(lit.Value)
					return name, err == nil
				}
			}
		}
		return "", false
	}
	if ix, ok := e.(*ast.IndexExpr); ok { // rs.Records()[i]
		if call, ok := ix.X.(*ast.CallExpr); ok {
			if sel, ok := call.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "Records" {
				return sc.modelOf(sel.X)
			}
		}
	}
	v, ok := sc.value(e)
	if rs, isRS := v.(orm.Recordset); ok && isRS && rs.Model() != nil {
		return rs.ModelName(), true
	}
	return "", false
}

// value evaluates a pure expression (names and selectors only).
func (sc sessionScope) value(e ast.Expr) (any, bool) {
	if !pure(e) {
		return nil, false
	}
	var src strings.Builder
	writeSelector(&src, e)
	res, err := sc.s.in.Eval(context.Background(), src.String())
	if err != nil || len(res.Values) != 1 {
		return nil, false
	}
	return res.Values[0], true
}

func writeSelector(b *strings.Builder, e ast.Expr) {
	switch e := e.(type) {
	case *ast.Ident:
		b.WriteString(e.Name)
	case *ast.SelectorExpr:
		writeSelector(b, e.X)
		b.WriteString(".")
		b.WriteString(e.Sel.Name)
	case *ast.ParenExpr:
		writeSelector(b, e.X)
	}
}

// Members lists the exported names of a package (orm, strings, strconv
// before its first use), or the exported methods and fields of what expr
// denotes, its type worked out without running calls (complete_types.go).
func (sc sessionScope) Members(expr string) []string {
	e, err := parser.ParseExpr(expr)
	if err != nil {
		return nil
	}
	if id, ok := e.(*ast.Ident); ok {
		if syms, ok := sc.s.in.PackageSymbols(id.Name); ok {
			return packageMembers(syms)
		}
	}
	if t, ok := (staticTyper{sc.s.in}).TypeOf(expr); ok {
		return typeMembers(t)
	}
	if _, ok := sc.modelOf(e); ok {
		return exportedMembers(reflect.TypeOf(orm.Recordset{}))
	}
	v, ok := sc.value(e)
	if !ok || v == nil {
		return nil
	}
	return exportedMembers(reflect.TypeOf(v))
}

func exportedMembers(t reflect.Type) []string {
	var out []string
	for i := 0; i < t.NumMethod(); i++ {
		out = append(out, t.Method(i).Name)
	}
	if t.Kind() == reflect.Pointer && t.Elem().Kind() == reflect.Struct {
		t = t.Elem()
	}
	if t.Kind() == reflect.Struct {
		for i := 0; i < t.NumField(); i++ {
			if n := t.Field(i).Name; unicode.IsUpper(rune(n[0])) {
				out = append(out, n)
			}
		}
	}
	sort.Strings(out)
	return out
}
