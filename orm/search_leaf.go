package orm

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"odsh/domain"
)

// leafErr is the error of a condition that cannot be translated.
func leafErr(m *Model, c domain.Condition, format string, args ...any) *ValidationError {
	return &ValidationError{ErrorInfo{Model: m.Name, Field: c.Path, Value: c.Value, HasValue: true,
		Msg: fmt.Sprintf("invalid condition %s: %s", c.String(), fmt.Sprintf(format, args...))}}
}

// leafSQL translates one condition. A dotted path is an implicit "any":
// (a.b, op, v) ≡ (a, any, [(b, op, v)]).
func (r Recordset) leafSQL(q *query, alias string, m *Model, c domain.Condition) SQL {
	c = domain.NormalizeCondition(c)
	path := splitPath(c.Path)
	f := m.Fields[path[0]]
	if f == nil {
		panic(&ValidationError{ErrorInfo{Model: m.Name, Field: path[0],
			Msg: fmt.Sprintf("unknown field %q in domain%s", path[0], m.suggest(path[0]))}})
	}
	if isDatePart(f, path) && f.column != "" && !f.jsonKeyed() {
		return datePartCondition(m, f, r.fieldValueSQL(alias, f).code, path[1], r.env.contextZone(), r.weekStartFor(path[1]), c)
	}
	if len(path) > 1 {
		if !f.Type.Relational() {
			panic(leafErr(m, c, "%q is not a relational field", f.Name))
		}
		sub := domain.Cond(strings.Join(path[1:], "."), c.Operator, c.Value)
		return r.anySQL(q, alias, f, sub, false)
	}
	if cs, ok := f.kind.(conditioner); ok {
		if s, ok := cs.condition(r, alias, f, c); ok {
			return s
		}
	}
	if f.column == "" && (!f.Type.X2many() || f.Unavailable != "") {
		return r.computedSQL(q, alias, m, f, c)
	}
	switch c.Operator {
	case domain.Any, domain.NotAny:
		if !f.Type.Relational() {
			panic(leafErr(m, c, "%q needs a relational field", c.Operator))
		}
		sub, err := domain.Of(c.Value)
		if err != nil {
			panic(leafErr(m, c, "%v", err))
		}
		return r.anySQL(q, alias, f, sub, c.Operator == domain.NotAny)
	case domain.ChildOf, domain.ParentOf:
		return r.hierarchySQL(q, alias, m, f, c)
	}
	switch {
	case f.Type == TypeMany2one:
		return r.many2oneSQL(q, alias, f, c)
	case f.Type.X2many():
		return r.x2manySQL(q, alias, f, c)
	}
	return scalarSQL(m, f, r.fieldValueSQL(alias, f), c)
}

// fieldValueSQL is the SQL value of stored field f on alias: its column,
// or a jsonb-map field's value for r's env (language or company).
func (r Recordset) fieldValueSQL(alias string, f *Field) SQL {
	col := SQL{code: qualify(alias, f.column)}
	if f.jsonKeyed() {
		return r.env.Model(f.Model.Name).columnSQL(f, col)
	}
	return col
}

// computedSQL handles a field without a column: its search function, or
// the related path (Odoo 18: negative and "= False" conditions also match
// records whose first link is empty).
func (r Recordset) computedSQL(q *query, alias string, m *Model, f *Field, c domain.Condition) SQL {
	rs := r.env.Model(m.Name)
	switch {
	case f.SearchFunc != nil:
		d, err := domain.Of(f.SearchFunc(rs, string(c.Operator), c.Value))
		if err != nil {
			panic(leafErr(m, c, "search function of %s: %v", f.Name, err))
		}
		return r.domainSQL(q, alias, m, d)
	case f.Related != "":
		sub := r.domainSQL(q, alias, m, domain.Cond(f.Related, c.Operator, c.Value))
		if c.Operator.Negative() || isFalsyCondition(c) {
			first := m.Fields[splitPath(f.Related)[0]]
			if first.Type == TypeMany2one {
				return SQLf("(%s OR %s IS NULL)", sub, SQL{code: qualify(alias, first.column)})
			}
		}
		return sub
	}
	if f.Unavailable != "" {
		panic(leafErr(m, c, "field %q cannot be searched: %s", f.Name, f.Unavailable))
	}
	panic(leafErr(m, c, "field %q is not stored and has no search function", f.Name))
}

func isFalsyCondition(c domain.Condition) bool {
	if c.Operator != domain.Eq && c.Operator != domain.In {
		return false
	}
	for _, v := range asList(c.Value) {
		if v == nil || v == false {
			return true
		}
	}
	return false
}

func asList(v any) []any {
	if l, ok := v.([]any); ok {
		return l
	}
	return []any{v}
}

// falsy is the value a NULL column stands for in Odoo 18 domains.
func falsy(f *Field) (any, bool) {
	switch f.Type {
	case TypeInteger, TypeMany2oneReference:
		if f.Name == "id" {
			return nil, false
		}
		return int64(0), true
	case TypeFloat, TypeMonetary:
		return 0.0, true
	case TypeChar, TypeText, TypeHTML:
		return "", true
	case TypeBoolean:
		return false, true
	}
	return nil, false
}

func truthy(v any) bool { return domain.Truthy(v) }

// scalarSQL translates a condition on a scalar column (or a many2one's
// id column). A NULL column counts as the type's falsy value z:
//
//	f =? v      ⇔  TRUE when v is False/None, else f = v
//	f in L      ⇔  f = ANY(L') OR (f IS NULL, when L held False/None or z)
//	f not in L  ⇔  NOT f = ANY(L') AND f IS NOT NULL, when it did;
//	               NOT f = ANY(L') OR f IS NULL, otherwise
//	f like v    ⇔  f::text LIKE '%v%'; TRUE for an empty v
//	f < v       ⇔  COALESCE(f, z) < v
func scalarSQL(m *Model, f *Field, col SQL, c domain.Condition) SQL {
	op, value := c.Operator, c.Value
	switch op {
	case domain.EqIfSet:
		if value == nil || value == false {
			return SQLf("TRUE")
		}
		op = domain.In
		value = []any{value}
	case domain.Eq:
		op, value = domain.In, []any{value}
	case domain.Ne:
		op, value = domain.NotIn, []any{value}
	}
	switch op {
	case domain.In, domain.NotIn:
		return inSQL(m, f, col, c, op, asList(value))
	case domain.Like, domain.ILike, domain.NotLike, domain.NotILike, domain.EqLike, domain.EqILike:
		return likeSQL(f, col, op, value)
	case domain.Lt, domain.Le, domain.Gt, domain.Ge:
		return inequalitySQL(m, f, col, c)
	}
	panic(leafErr(m, c, "operator %q does not apply to a %v field", op, f.Type))
}

func inSQL(m *Model, f *Field, col SQL, c domain.Condition, op domain.Operator, list []any) SQL {
	if len(list) == 0 {
		if op == domain.In {
			return SQLf("FALSE")
		}
		return SQLf("TRUE")
	}
	var params []any
	for _, it := range list {
		if it == nil || it == false {
			continue
		}
		params = append(params, columnParam(m, f, c, it, false))
	}
	nullIn := len(params) < len(list)
	if z, ok := falsy(f); ok {
		if containsValue(params, z) {
			nullIn = true
		} else if nullIn {
			params = append(params, z)
		}
	}
	anyExpr := SQL{code: "FALSE"}
	if len(params) > 0 {
		anyExpr = SQLf("%s = ANY(%s::"+baseType(f)+"[])", col, typedList(f, params))
	}
	switch {
	case op == domain.In && nullIn:
		return SQLf("(%s IS NULL OR %s)", col, anyExpr)
	case op == domain.In:
		return anyExpr
	case nullIn:
		return SQLf("(%s IS NOT NULL AND NOT %s)", col, anyExpr)
	}
	return SQLf("(%s IS NULL OR NOT %s)", col, anyExpr)
}

func containsValue(list []any, v any) bool {
	for _, x := range list {
		if sameValue(x, v) {
			return true
		}
	}
	return false
}

// baseType is the column type without a size, for array casts.
func baseType(f *Field) string {
	if f.Type == TypeMany2one || f.Name == "id" {
		return "int8"
	}
	t := f.kind.sqlType(f)
	if i := strings.IndexByte(t, '('); i > 0 {
		t = t[:i]
	}
	return t
}

// typedList builds a Go slice pgx encodes as an array of the column type.
func typedList(f *Field, params []any) any {
	switch f.Type {
	case TypeInteger, TypeMany2one, TypeMany2oneReference:
		out := make([]int64, len(params))
		for i, p := range params {
			out[i], _ = toInt64(p)
		}
		return out
	case TypeFloat, TypeMonetary:
		out := make([]float64, len(params))
		for i, p := range params {
			out[i], _ = p.(float64)
		}
		return out
	case TypeBoolean:
		out := make([]bool, len(params))
		for i, p := range params {
			out[i], _ = p.(bool)
		}
		return out
	case TypeDate, TypeDatetime:
		out := make([]string, len(params))
		for i, p := range params {
			out[i] = f.kind.text(f, p)
		}
		return out
	}
	out := make([]string, len(params))
	for i, p := range params {
		out[i] = fmt.Sprint(p)
	}
	return out
}

// columnParam converts a domain value to the column's Go type; end says a
// date-only value compared with a datetime stands for the end of its day.
func columnParam(m *Model, f *Field, c domain.Condition, v any, end bool) any {
	if rs, ok := v.(Recordset); ok && f.Type == TypeMany2one {
		return rs.ID()
	}
	switch f.Type {
	case TypeBoolean:
		return truthy(v)
	case TypeInteger, TypeMany2one, TypeMany2oneReference:
		if n, ok := toInt64(v); ok {
			return n
		}
		if x, ok := v.(float64); ok {
			return int64(x)
		}
	case TypeFloat, TypeMonetary:
		if x, ok := v.(float64); ok {
			return x
		}
		if n, ok := toInt64(v); ok {
			return float64(n)
		}
	case TypeDatetime:
		if s, ok := v.(string); ok && len(s) == len(DateLayout) {
			t, err := ParseDate(s)
			if err != nil {
				panic(leafErr(m, c, "%v", err))
			}
			if end {
				return t.Add(24*time.Hour - time.Microsecond)
			}
			return t
		}
		if t, ok := v.(time.Time); ok {
			return t.UTC()
		}
		fallthrough
	default:
		out, err := f.convert(v)
		if err == nil && out != nil {
			return out
		}
		if s, ok := v.(string); ok && (f.Type == TypeSelection || f.Type == TypeReference || f.Type.Relational()) {
			return s
		}
		if err != nil {
			panic(leafErr(m, c, "%v", err))
		}
	}
	panic(leafErr(m, c, "%v (%T) cannot be compared with a %v field", v, v, f.Type))
}

// likeSQL: like/ilike wrap the value in %…%, =like/=ilike use it as given.
func likeSQL(f *Field, col SQL, op domain.Operator, value any) SQL {
	negative := op == domain.NotLike || op == domain.NotILike
	exact := op == domain.EqLike || op == domain.EqILike
	if !exact && (value == nil || value == false || value == "") {
		if negative {
			return SQLf("FALSE")
		}
		return SQLf("TRUE")
	}
	pattern := pyStr(value)
	if !exact {
		pattern = "%" + pattern + "%"
	}
	kw := "LIKE"
	if op == domain.ILike || op == domain.NotILike || op == domain.EqILike {
		kw = "ILIKE"
	}
	text := SQLf("%s::text", col)
	if f.Type == TypeBoolean {
		text = SQLf("(%s)::text", col)
	}
	if negative {
		return SQLf("(%s IS NULL OR %s NOT "+kw+" %s)", col, text, pattern)
	}
	return SQLf("%s "+kw+" %s", text, pattern)
}

// pyStr is Python's str() of a domain value.
func pyStr(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case bool:
		if x {
			return "True"
		}
		return "False"
	case nil:
		return "None"
	case float64:
		return pyFloat(x)
	case float32:
		return pyFloat(float64(x))
	}
	return fmt.Sprint(v)
}

// pyFloat is Python's repr of a float: shortest digits, ".0" when integral.
func pyFloat(x float64) string {
	s := strconv.FormatFloat(x, 'g', -1, 64)
	if strings.ContainsAny(s, ".eIN") { // 2.25, 1e+16, NaN, +Inf
		return s
	}
	return s + ".0"
}

// inequalitySQL: numbers and booleans count NULL as their zero; text and
// dates exclude NULL.
func inequalitySQL(m *Model, f *Field, col SQL, c domain.Condition) SQL {
	sqlOp := map[domain.Operator]string{domain.Lt: "<", domain.Le: "<=", domain.Gt: ">", domain.Ge: ">="}[c.Operator]
	z, hasZ := falsy(f)
	if _, isText := z.(string); isText {
		hasZ = false
	}
	end := c.Operator == domain.Gt || c.Operator == domain.Le
	var v any
	if c.Value != nil && c.Value != false {
		v = columnParam(m, f, c, c.Value, end)
	}
	if hasZ && !truthy(v) {
		v = z
	}
	if v == nil {
		return SQLf("FALSE")
	}
	if hasZ {
		return SQLf("COALESCE(%s, %s) "+sqlOp+" %s", col, z, v)
	}
	return SQLf("%s "+sqlOp+" %s", col, v)
}
