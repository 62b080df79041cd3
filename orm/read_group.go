package orm

import (
	"fmt"
	"strings"

	"odsh/domain"
)

// read_group.
//
// ReadGroup runs one SELECT ... GROUP BY on the records a search for the
// domain finds (archived records hidden as in Search; the pending writes of
// the fields it reads flushed first) and returns one Values per group, with
// Odoo's keys:
//
//	"<spec>"          the group's value for each groupby spec ("city",
//	                  "create_date:month"): a many2one as [2]any{id,
//	                  display_name}, a date as its label ("November 2026"),
//	                  nil for the empty group
//	"<field>_count"   the number of records (lazy mode), "__count" otherwise
//	"<key>"           each aggregate
//	"__domain"        a domain.Domain: the search domain AND the group's
//	                  conditions, so Search(__domain) finds the group's records
//	"__range"         for date groupbys: {spec: {"from": …, "to": …}} or {spec: nil}
//	"__context"       in lazy mode with more groupbys: {"group_by": the rest}
//
// Odoo 18 counts a NULL number, boolean or text as 0, false or "" in
// domains, so no domain can tell a NULL count from a 0 count: odsh groups
// them together (COALESCE) so that every __domain selects exactly its group.
//
// Translated and company-dependent fields group and aggregate on their
// value for the env, as Search sees it: the text in the env's language
// (en_US fallback), the value for env.Company() (default fallback). That
// value binds parameters (the language; the company and the default),
// and PostgreSQL matches a SELECT or ORDER BY expression to the GROUP BY
// only when the two are the same, parameters included; so each such field
// is computed once per row in a lateral subquery,
//
//	CROSS JOIN LATERAL (SELECT COALESCE(t.name->>$1, t.name->>'en_US') AS name) AS t__name__value
//
// and SELECT, GROUP BY, ORDER BY and aggregates name its column, which
// holds no parameter. A company-dependent many2one orders by its
// comodel's order through a join on that column.

// Lazy sets ReadGroup's mode: lazy (the default) groups by the first
// groupby only and counts under "<field>_count"; Lazy(false) groups by all
// of them and counts under "__count".
func Lazy(lazy bool) SearchOpt { return func(o *searchOpts) { o.eager = !lazy } }

// ReadGroup groups the records matching dom by the groupby specs ("field"
// or "field:granularity", granularity one of day, week, month, quarter,
// year, month by default for dates, or a number granularity: year_number,
// quarter_number, month_number, iso_week_number, day_of_year,
// day_of_month, day_of_week, hour_number, minute_number, second_number,
// whose groups are integers; datetimes are grouped in the context's "tz",
// see field_temporal_part.go) and aggregates fields ("field" with
// its default aggregate, sum for numbers; "field:agg"; "alias:agg(field)";
// agg one of sum, avg, min, max, count, count_distinct, array_agg,
// bool_and, bool_or). Order(s) sorts groups by groupby specs and aggregate
// keys ("amount desc, partner_id"); Limit and Offset page the groups. Bad
// specs panic with a ValidationError before any query.
//
// Example:
//
//	env.Model("demo.order").ReadGroup("[]", []string{"amount_total:sum"}, []string{"state"})
func (r Recordset) ReadGroup(dom any, fields, groupby []string, opts ...SearchOpt) []Values {
	r.check()
	o := makeOpts(opts)
	d := r.ParseDomain(dom)
	gs := r.parseGroupbys(groupby, !o.eager)
	aggs := r.parseAggregates(fields, gs)
	order := r.parseGroupOrder(o.order, gs, aggs)
	q := r.searchQuery(d, searchOpts{unordered: true})
	rg := &groupQuery{r: r, q: q, groups: gs, aggs: aggs, countKey: countKey(gs, !o.eager), domain: d}
	rg.build(order, o.limit, o.offset)
	for _, a := range aggs {
		q.use(a.field)
	}
	r.env.tx.flushQuery(q)
	rows := rg.expand(rg.run())
	rg.prefetchGroups(rows)
	out := make([]Values, len(rows))
	for i, row := range rows {
		out[i] = rg.format(row, groupby, !o.eager)
	}
	return out
}

// countKey is the key of the record count.
func countKey(gs []*groupSpec, lazy bool) string {
	if lazy && len(gs) > 0 {
		return gs[0].field.Name + "_count"
	}
	return "__count"
}

// groupQuery is one read_group in the making.
type groupQuery struct {
	r        Recordset
	q        *query
	groups   []*groupSpec
	aggs     []*aggSpec
	countKey string
	domain   domain.Domain
	values   map[*Field]string // lateral aliases of jsonb-map fields' values
	// records of each relational group, sharing one prefetch set so that
	// their display names are read in one query (Odoo's prefetch)
	records map[*groupSpec]map[int64]Recordset
}

// prefetchGroups makes the records of relational groups, as superuser,
// each group's records sharing one prefetch set: the display names of
// 200 countries take one query, not 200.
func (g *groupQuery) prefetchGroups(rows [][]any) {
	for i, gs := range g.groups {
		if !gs.field.Type.Relational() {
			continue
		}
		var ids []int64
		seen := map[int64]bool{}
		for _, row := range rows {
			if v := gs.fromDB(row[i]); v != nil {
				if id, _ := toInt64(v); !seen[id] {
					seen[id] = true
					ids = append(ids, id)
				}
			}
		}
		recs := map[int64]Recordset{}
		for _, rec := range g.r.env.Model(gs.field.Comodel).Sudo().Browse(ids...).Records() {
			recs[rec.ID()] = rec
		}
		if g.records == nil {
			g.records = map[*groupSpec]map[int64]Recordset{}
		}
		g.records[gs] = recs
	}
}

// build sets the SELECT list's GROUP BY, ORDER BY, LIMIT and OFFSET.
func (g *groupQuery) build(order []groupOrder, limit, offset int) {
	for _, gs := range g.groups {
		gs.expr = g.groupExpr(gs)
		g.q.groupBy = append(g.q.groupBy, gs.expr)
	}
	var items []orderItem
	for _, o := range order {
		items = append(items, g.orderItems(o)...)
	}
	if len(items) > 0 {
		g.q.order = renderOrder(items)
	}
	g.q.limit, g.q.offset = limit, offset
}

// orderItems orders by a groupby (a many2one by its comodel's order, the
// comodel's columns added to the GROUP BY) or by an aggregate.
func (g *groupQuery) orderItems(o groupOrder) []orderItem {
	if o.agg != nil {
		return []orderItem{{expr: g.aggSQL(o.agg), desc: o.desc, nulls: o.nulls}}
	}
	if o.count {
		return []orderItem{{expr: SQLf("count(*)"), desc: o.desc, nulls: o.nulls}}
	}
	gs := o.group
	f := gs.field
	if f.Type == TypeMany2one && (!f.jsonKeyed() || g.comodelOrdered(f)) {
		alias := g.q.alias
		if f.jsonKeyed() { // the lateral value has the column's name
			g.fieldValue(f)
			alias = g.values[f]
		}
		items := g.q.orderBy(g.r.model, []orderTerm{{field: f, desc: o.desc, nulls: o.nulls}}, alias, false,
			map[string]bool{g.r.model.Name: true})
		for _, it := range items {
			g.q.groupBy = append(g.q.groupBy, it.expr)
		}
		return items
	}
	return []orderItem{{expr: gs.expr, desc: o.desc, nulls: o.nulls}}
}

// comodelOrdered reports whether many2one f's groups order by a join on
// its comodel (not by id alone, not on its own model).
func (g *groupQuery) comodelOrdered(f *Field) bool {
	co := g.r.model.registry.models[f.Comodel]
	return f.Comodel != g.r.model.Name && !(len(co.order) == 1 && co.order[0].field.Name == "id")
}

// fieldValue is the SQL of stored field f's value on the grouped rows:
// its column, or for a jsonb-map field the column of a lateral subquery
// computing its value for the env once per row (joined on first use).
func (g *groupQuery) fieldValue(f *Field) string {
	if !f.jsonKeyed() {
		return qualify(g.q.alias, f.column)
	}
	if alias, ok := g.values[f]; ok {
		return qualify(alias, f.column)
	}
	alias := g.q.alias + "__" + f.column + "__value"
	if len(alias) > 63 {
		alias = fmt.Sprintf("%s_%08x", alias[:50], hashString(alias))
	}
	value := g.r.columnSQL(f, SQL{code: qualify(g.q.alias, f.column)})
	g.q.joins = append(g.q.joins, SQLf("CROSS JOIN LATERAL (SELECT %s AS %s) AS %s", value, Ident(f.column), Ident(alias)))
	if g.values == nil {
		g.values = map[*Field]string{}
	}
	g.values[f] = alias
	return qualify(alias, f.column)
}

// aggSQL is an aggregate's expression.
func (g *groupQuery) aggSQL(a *aggSpec) SQL {
	return a.sql(g.fieldValue(a.field), qualify(g.q.alias, "id"))
}

// groupExpr is the SQL value a groupby groups on:
//
//	number, boolean  ⇔  COALESCE(f, zero)      (NULL and zero are one group)
//	char, text       ⇔  NULLIF(f, '')          ('' and NULL are one group)
//	date:g           ⇔  date_trunc(g, f)        (weeks: read_group_week.go)
//	many2many        ⇔  the relation's comodel column (LEFT JOIN, active lines)
func (g *groupQuery) groupExpr(gs *groupSpec) SQL {
	f := gs.field
	g.q.use(f)
	if f.Type == TypeMany2many {
		return SQL{code: qualify(g.joinMany2many(f), f.Column2)}
	}
	// The same expression appears in SELECT, GROUP BY and ORDER BY, so it
	// holds no parameter: the granularity comes from validGranularity, the
	// zeros are constants, never user values, and a jsonb-map field's value
	// is a lateral column.
	col := g.fieldValue(f)
	switch {
	case gs.number != "":
		return SQL{code: datePartSQL(f, col, gs.number, gs.loc, gs.weekStart)}
	case gs.granularity == "week" && f.Type == TypeDate:
		return SQL{code: weekTruncSQL(col+"::timestamp", gs.weekStart) + "::date"}
	case gs.granularity == "week":
		return SQL{code: weekTruncSQL(localSQL(f, col, gs.loc), gs.weekStart)}
	case gs.granularity != "" && f.Type == TypeDate:
		return SQL{code: "date_trunc('" + gs.granularity + "', " + col + ")::date"}
	case gs.granularity != "":
		return SQL{code: "date_trunc('" + gs.granularity + "', " + localSQL(f, col, gs.loc) + ")"}
	}
	switch f.Type {
	case TypeInteger, TypeFloat, TypeMonetary:
		return SQL{code: "COALESCE(" + col + ", 0)"}
	case TypeBoolean:
		return SQL{code: "COALESCE(" + col + ", FALSE)"}
	case TypeChar, TypeText, TypeHTML:
		return SQL{code: "NULLIF(" + col + ", '')"}
	}
	return SQL{code: col}
}

// joinMany2many joins the relation table of f, keeping only the links to
// lines the user may see: those the comodel's record rules let them read
// (Odoo 18 joins the relation ON the comodel's rule query, so the groups of
// hidden records are left out and a record whose every line is hidden falls
// in the empty group), and active ones, unless active_test is off (Odoo
// keeps archived lines: odsh leaves them out so that each group's __domain
// finds exactly its records, as `f = False` ignores archived lines).
//
//	LEFT JOIN rel ON rel.col1 = t.id [AND rel.col2 IN (SELECT id FROM co WHERE active AND rules)]
func (g *groupQuery) joinMany2many(f *Field) string {
	alias := g.q.alias + "__" + f.Name
	co := g.r.model.registry.models[f.Comodel]
	on := SQLf("%s = %s", SQL{code: qualify(alias, f.Column1)}, SQL{code: qualify(g.q.alias, "id")})
	active := co.ActiveName != "" && g.r.lineActive(f)
	if active || (Recordset{env: g.r.env, model: co}).ruleDomain("read") != nil {
		sub := g.r.subSelect(g.q, co, domain.TRUE, "id", active, nil)
		on = SQLf("%s AND %s IN (%s)", on, SQL{code: qualify(alias, f.Column2)}, sub)
	}
	g.q.joins = append(g.q.joins, SQLf("LEFT JOIN %s AS %s ON %s", Ident(f.Relation), Ident(alias), on))
	return alias
}

// run executes the query: one row per group, group values then count then
// aggregates.
func (g *groupQuery) run() [][]any {
	what := make([]SQL, 0, len(g.groups)+1+len(g.aggs))
	for _, gs := range g.groups {
		what = append(what, gs.expr)
	}
	what = append(what, SQLf("count(*)"))
	for _, a := range g.aggs {
		what = append(what, g.aggSQL(a))
	}
	var rows [][]any
	g.r.env.tx.querySQL(g.q.selectSQL(JoinSQL(", ", what...)), func(rs pgxRows) error {
		vals, err := rs.Values()
		rows = append(rows, vals)
		return err
	})
	return rows
}

// format turns a row into Odoo's group dict.
func (g *groupQuery) format(row []any, groupby []string, lazy bool) Values {
	out := Values{}
	conds := []domain.Domain{}
	ranges := map[string]any{}
	for i, gs := range g.groups {
		v := gs.fromDB(row[i])
		out[gs.spec] = g.groupValue(gs, v)
		conds = append(conds, gs.condition(v))
		if gs.granularity != "" {
			ranges[gs.spec] = gs.dateRange(v)
		}
	}
	n, _ := toInt64(row[len(g.groups)])
	out[g.countKey] = n
	for j, a := range g.aggs {
		out[a.key] = a.fromDB(row[len(g.groups)+1+j])
	}
	out["__domain"] = domain.AND(append(conds, g.domain)...)
	if len(ranges) > 0 {
		out["__range"] = ranges
	}
	if lazy && len(groupby) > 1 {
		out["__context"] = Ctx{"group_by": append([]string(nil), groupby[1:]...)}
	}
	return out
}

// groupValue is a group's displayed value: [2]any{id, name} for a
// relational group, a label for a date, nil for the empty group.
func (g *groupQuery) groupValue(gs *groupSpec, v any) any {
	if v == nil {
		return nil
	}
	switch {
	case gs.field.Type.Relational():
		id, _ := toInt64(v)
		// sudo, as Odoo: a many2one group may be a record the user cannot read
		rec, ok := g.records[gs][id]
		if !ok {
			rec = g.r.env.Model(gs.field.Comodel).Sudo().Browse(id)
		}
		return [2]any{id, rec.DisplayName()}
	case gs.granularity != "":
		return gs.label(v)
	}
	return v
}

// String describes a groupby for messages.
func (gs *groupSpec) String() string { return fmt.Sprintf("%s (%s)", gs.spec, gs.field) }

// validGranularity lists the date granularities.
var validGranularity = map[string]bool{"day": true, "week": true, "month": true, "quarter": true, "year": true}

// groupErr is a ValidationError about a read_group argument.
func (r Recordset) groupErr(field, what string, value any, format string, args ...any) *ValidationError {
	return &ValidationError{ErrorInfo{Model: r.model.Name, Field: field, Value: value, HasValue: true,
		Msg: fmt.Sprintf("read_group: invalid %s: %s", what, fmt.Sprintf(format, args...))}}
}

func splitSpec(spec string) (string, string) {
	name, rest, _ := strings.Cut(strings.TrimSpace(spec), ":")
	return strings.TrimSpace(name), strings.TrimSpace(rest)
}
