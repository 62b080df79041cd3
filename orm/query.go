package orm

import (
	"fmt"
	"strconv"
	"strings"
)

// query assembles a SELECT on a model's table: joins made on demand (with
// stable aliases), conditions, order, limit and offset.
type query struct {
	model   *Model
	alias   string
	joins   []SQL
	aliases map[string]bool
	where   []SQL
	order   SQL
	groupBy []SQL
	limit   int
	offset  int
	parent  *query
	seq     int
	env     *Env            // the language and company of jsonb-map fields in ORDER BY
	reads   map[*Field]bool // fields whose columns the SQL reads (flush_search.go)
}

func newQuery(m *Model) *query {
	return &query{model: m, alias: m.Table, aliases: map[string]bool{m.Table: true}}
}

// leftJoin joins table on alias.column = joined.id once per (alias, column)
// and returns the joined alias ("res_partner__country_id").
func (q *query) leftJoin(alias, column, table, key string) string {
	name := alias + "__" + column
	if len(name) > 63 {
		name = fmt.Sprintf("%s_%08x", name[:50], hashString(name))
	}
	if !q.aliases[name] {
		q.aliases[name] = true
		q.joins = append(q.joins, SQLf("LEFT JOIN %s AS %s ON %s = %s",
			Ident(table), Ident(name), SQL{code: qualify(alias, column)}, SQL{code: qualify(name, key)}))
	}
	return name
}

// addWhere adds a condition; TRUE adds nothing.
func (q *query) addWhere(s SQL) {
	if s.code == "TRUE" && len(s.args) == 0 {
		return
	}
	q.where = append(q.where, s)
}

// from returns the FROM clause with joins.
func (q *query) from() SQL {
	parts := []SQL{SQLf("%s", Ident(q.model.Table))}
	if q.alias != q.model.Table {
		parts[0] = SQLf("%s AS %s", Ident(q.model.Table), Ident(q.alias))
	}
	parts = append(parts, q.joins...)
	return JoinSQL(" ", parts...)
}

func (q *query) whereSQL() SQL {
	if len(q.where) == 0 {
		return SQL{}
	}
	return SQLf(" WHERE %s", JoinSQL(" AND ", q.where...))
}

// selectSQL builds "SELECT <what> FROM ... WHERE ... ORDER BY ... LIMIT".
func (q *query) selectSQL(what SQL) SQL {
	s := SQLf("SELECT %s FROM %s%s", what, q.from(), q.whereSQL())
	if len(q.groupBy) > 0 {
		s = SQLf("%s GROUP BY %s", s, JoinSQL(", ", q.groupBy...))
	}
	if !q.order.IsEmpty() {
		s = SQLf("%s ORDER BY %s", s, q.order)
	}
	// LIMIT and OFFSET are Go ints written as literals, not parameters: a
	// cached statement's generic plan would not know them and could sort
	// the whole table instead of walking an index
	if q.limit > 0 {
		s = SQLf("%s LIMIT "+strconv.Itoa(q.limit), s)
	}
	if q.offset > 0 {
		s = SQLf("%s OFFSET "+strconv.Itoa(q.offset), s)
	}
	return s
}

// orderTerm is one term of an order: field, direction, NULLS placement.
type orderTerm struct {
	field *Field
	desc  bool
	nulls string // "", "NULLS FIRST", "NULLS LAST"
}

// parseOrderSpec checks and parses an order string: "name desc, id" — each term
// a stored field, then asc/desc, then nulls first/last.
func (m *Model) parseOrderSpec(spec string) ([]orderTerm, error) {
	var terms []orderTerm
	for _, part := range strings.Split(spec, ",") {
		words := strings.Fields(strings.ToLower(strings.TrimSpace(part)))
		if len(words) == 0 {
			return nil, fmt.Errorf("empty term in order %q", spec)
		}
		t, err := m.parseOrderTerm(words, part)
		if err != nil {
			return nil, err
		}
		terms = append(terms, t)
	}
	return terms, nil
}

func (m *Model) parseOrderTerm(words []string, part string) (orderTerm, error) {
	name := words[0]
	f := m.Fields[name]
	if f == nil {
		if strings.Contains(name, ".") {
			return orderTerm{}, &orderFieldError{name, fmt.Sprintf("ordering by a dotted path (%q) is not supported", name)}
		}
		return orderTerm{}, &orderFieldError{name, fmt.Sprintf("unknown field %q in order%s", name, m.suggest(name))}
	}
	if f.column == "" {
		return orderTerm{}, &orderFieldError{name, fmt.Sprintf("cannot order by %q: it is not stored in a column", name)}
	}
	t := orderTerm{field: f}
	rest := words[1:]
	if len(rest) > 0 && (rest[0] == "asc" || rest[0] == "desc") {
		t.desc = rest[0] == "desc"
		rest = rest[1:]
	}
	if len(rest) == 2 && rest[0] == "nulls" && (rest[1] == "first" || rest[1] == "last") {
		t.nulls = "NULLS " + strings.ToUpper(rest[1])
		rest = nil
	}
	if len(rest) > 0 {
		return orderTerm{}, fmt.Errorf("invalid order term %q", strings.TrimSpace(part))
	}
	return t, nil
}

// orderFieldError is an order term naming a field that cannot be ordered by.
type orderFieldError struct{ field, msg string }

func (e *orderFieldError) Error() string { return e.msg }

func (m *Model) parseOrder() error {
	terms, err := m.parseOrderSpec(m.Order)
	if err != nil {
		return fmt.Errorf("orm: %s: invalid _order %q: %v", m.Name, m.Order, err)
	}
	m.order = terms
	return nil
}

// orderItem is one ORDER BY expression with its direction.
type orderItem struct {
	expr  SQL
	desc  bool
	nulls string // "", "NULLS FIRST", "NULLS LAST"
}

// sql renders the item: "expr DESC NULLS FIRST".
func (o orderItem) sql() SQL {
	dir := " ASC"
	if o.desc {
		dir = " DESC"
	}
	if o.nulls != "" {
		dir += " " + o.nulls
	}
	return SQLf("%s"+dir, o.expr)
}

func renderOrder(items []orderItem) SQL {
	parts := make([]SQL, len(items))
	for i, it := range items {
		parts[i] = it.sql()
	}
	return JoinSQL(", ", parts...)
}

// orderBy builds the ORDER BY items of terms on alias, following many2one
// fields to their comodel's order (with joins), loop-protected:
//
//	m2o asc      ⇔  the comodel's _order terms (joined), each as given
//	m2o desc     ⇔  the same terms, every direction and NULLS clause flipped
//	m2o nulls X  ⇔  (m2o IS [NOT] NULL) first, then the comodel's terms
func (q *query) orderBy(m *Model, terms []orderTerm, alias string, reverse bool, seen map[string]bool) []orderItem {
	var out []orderItem
	for _, t := range terms {
		desc := t.desc != reverse
		nulls := t.nulls
		if reverse && nulls != "" {
			nulls = flipNulls(nulls)
		}
		f := t.field
		q.use(f)
		if f.Type == TypeMany2one && !seen[f.Comodel] {
			co := m.registry.models[f.Comodel]
			if !(len(co.order) == 1 && co.order[0].field.Name == "id") {
				out = append(out, q.many2oneOrder(m, f, co, alias, desc, nulls, seen)...)
				continue
			}
		}
		col := q.fieldSQL(alias, f)
		if f.Type == TypeBoolean {
			col = SQLf("COALESCE(%s, FALSE)", col)
		}
		out = append(out, orderItem{expr: col, desc: desc, nulls: nulls})
	}
	return out
}

// fieldSQL is the value of a stored field on alias: its column, or the
// value of a jsonb-map field for the query's env.
func (q *query) fieldSQL(alias string, f *Field) SQL {
	col := SQL{code: qualify(alias, f.column)}
	if q.env == nil || !f.jsonKeyed() {
		return col
	}
	return q.env.Model(f.Model.Name).columnSQL(f, col)
}

// many2oneOrder orders by a many2one's comodel order, joining the comodel.
func (q *query) many2oneOrder(m *Model, f *Field, co *Model, alias string, desc bool, nulls string, seen map[string]bool) []orderItem {
	sub := q.leftJoin(alias, f.column, co.Table, "id")
	nested := map[string]bool{m.Name: true, f.Comodel: true}
	for k := range seen {
		nested[k] = true
	}
	inner := q.orderBy(co, co.order, sub, desc, nested)
	if nulls == "" || len(inner) == 0 {
		return inner
	}
	// an outer NULLS clause places the rows whose many2one is empty:
	// FALSE sorts before TRUE, so "IS NOT NULL" ascending puts them first
	cond := "IS NULL"
	if nulls == "NULLS FIRST" {
		cond = "IS NOT NULL"
	}
	head := orderItem{expr: SQL{code: fmt.Sprintf("%s %s", qualify(alias, f.column), cond)}}
	return append([]orderItem{head}, inner...)
}

// setOrder sets the query's ORDER BY from an order string ("" = _order),
// always ending with id for a stable result.
func (q *query) setOrder(spec string) error {
	terms := q.model.order
	if spec != "" {
		var err error
		if terms, err = q.model.parseOrderSpec(spec); err != nil {
			return err
		}
	}
	items := q.orderBy(q.model, terms, q.alias, false, map[string]bool{q.model.Name: true})
	hasID := false
	for _, t := range terms {
		hasID = hasID || t.field.Name == "id"
	}
	if !hasID {
		items = append(items, orderItem{expr: SQL{code: qualify(q.alias, "id")}})
	}
	q.order = renderOrder(items)
	return nil
}
