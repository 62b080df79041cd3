package orm

import (
	"fmt"
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
	limit   int
	offset  int
	parent  *query
	seq     int
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

func (q *query) addWhere(s SQL) { q.where = append(q.where, s) }

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
	if !q.order.IsEmpty() {
		s = SQLf("%s ORDER BY %s", s, q.order)
	}
	if q.limit > 0 {
		s = SQLf("%s LIMIT %s", s, int64(q.limit))
	}
	if q.offset > 0 {
		s = SQLf("%s OFFSET %s", s, int64(q.offset))
	}
	return s
}

// orderTerm is one term of an order: field, direction, NULLS placement.
type orderTerm struct {
	field *Field
	desc  bool
	nulls string // "", "NULLS FIRST", "NULLS LAST"
}

// parseOrder checks and parses an order string: "name desc, id" — each term
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
			return orderTerm{}, fmt.Errorf("ordering by a dotted path (%q) is not supported", name)
		}
		return orderTerm{}, fmt.Errorf("unknown field %q in order%s", name, m.suggest(name))
	}
	if f.column == "" {
		return orderTerm{}, fmt.Errorf("cannot order by %q: it is not stored in a column", name)
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

func (m *Model) parseOrder() error {
	terms, err := m.parseOrderSpec(m.Order)
	if err != nil {
		return fmt.Errorf("orm: %s: invalid _order %q: %v", m.Name, m.Order, err)
	}
	m.order = terms
	return nil
}

// orderBy builds the ORDER BY of terms on alias, following many2one fields
// to their comodel's order (with joins), loop-protected.
func (q *query) orderBy(m *Model, terms []orderTerm, alias string, reverse bool, seen map[string]bool) []SQL {
	var out []SQL
	for _, t := range terms {
		desc := t.desc != reverse
		nulls := t.nulls
		if reverse && nulls != "" {
			nulls = map[string]string{"NULLS FIRST": "NULLS LAST", "NULLS LAST": "NULLS FIRST"}[nulls]
		}
		f := t.field
		if f.Type == TypeMany2one && !seen[f.Comodel] {
			co := m.registry.models[f.Comodel]
			if !(len(co.order) == 1 && co.order[0].field.Name == "id") {
				sub := q.leftJoin(alias, f.column, co.Table, "id")
				nested := map[string]bool{m.Name: true}
				for k := range seen {
					nested[k] = true
				}
				nested[f.Comodel] = true
				inner := q.orderBy(co, co.order, sub, desc, nested)
				if nulls != "" && len(inner) > 0 {
					// an outer NULLS clause places rows whose many2one is empty
					pos := "FIRST"
					if nulls == "NULLS LAST" {
						pos = "LAST"
					}
					cond := "IS NULL"
					if pos == "FIRST" {
						cond = "IS NOT NULL"
					}
					inner = append([]SQL{{code: fmt.Sprintf("%s %s", qualify(alias, f.column), cond)}}, inner...)
				}
				out = append(out, inner...)
				continue
			}
		}
		col := qualify(alias, f.column)
		if f.Type == TypeBoolean {
			col = fmt.Sprintf("COALESCE(%s, FALSE)", col)
		}
		dir := "ASC"
		if desc {
			dir = "DESC"
		}
		code := col + " " + dir
		if nulls != "" {
			code += " " + nulls
		}
		out = append(out, SQL{code: code})
	}
	return out
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
	parts := q.orderBy(q.model, terms, q.alias, false, map[string]bool{q.model.Name: true})
	hasID := false
	for _, t := range terms {
		hasID = hasID || t.field.Name == "id"
	}
	if !hasID {
		parts = append(parts, SQL{code: qualify(q.alias, "id")})
	}
	q.order = JoinSQL(", ", parts...)
	return nil
}
