package orm

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"odsh/domain"
)

// groupSpec is one parsed groupby: "field" or "field:granularity".
type groupSpec struct {
	spec        string // as given: the result key
	field       *Field
	granularity string         // day, week, month, quarter, year; "" for non-dates
	number      string         // a number granularity (day_of_week, ...), or ""
	loc         *time.Location // a datetime's context zone; nil for UTC
	weekStart   int            // the language's first day of the week (week, day_of_week)
	expr        SQL
}

// parseGroupbys checks the groupby specs (only the first in lazy mode).
func (r Recordset) parseGroupbys(specs []string, lazy bool) []*groupSpec {
	if lazy && len(specs) > 1 {
		specs = specs[:1]
	}
	out := make([]*groupSpec, 0, len(specs))
	for _, spec := range specs {
		out = append(out, r.parseGroupby(spec))
	}
	return out
}

func (r Recordset) parseGroupby(spec string) *groupSpec {
	name, gran := splitSpec(spec)
	f := r.model.Fields[name]
	if f == nil {
		panic(r.groupErr(name, "groupby", spec, "unknown field %q%s", name, r.model.suggest(name)))
	}
	if f.column == "" && f.Type != TypeMany2many {
		panic(r.groupErr(name, "groupby", spec, "%q is not stored", name))
	}
	gs := &groupSpec{spec: strings.TrimSpace(spec), field: f}
	isDate := f.Type == TypeDate || f.Type == TypeDatetime
	switch {
	case isDate && gran == "":
		gs.granularity = "month"
	case isDate && validGranularity[gran]:
		gs.granularity = gran
	case isDate && numberGranularity[gran] != "":
		gs.number = gran
	case gran != "":
		panic(r.groupErr(name, "groupby", spec, "granularity %q (want day, week, month, quarter, year or a number granularity such as day_of_week on a date)", gran))
	}
	if f.Type == TypeDatetime {
		gs.loc = r.env.contextZone()
	}
	gs.weekStart = r.weekStartFor(gs.granularity + gs.number)
	return gs
}

// fromDB converts a group value read from the database.
func (gs *groupSpec) fromDB(v any) any {
	if v == nil {
		return nil
	}
	switch {
	case gs.field.Type.Relational(), gs.number != "":
		id, _ := toInt64(v)
		return id
	case gs.granularity != "":
		if t, ok := v.(time.Time); ok {
			return t.UTC()
		}
		return v
	}
	return gs.field.kind.fromDB(gs.field, v)
}

// condition is the domain selecting a group's records:
//
//	empty group     ⇔  (f, =, False)
//	date group      ⇔  (f, >=, from) AND (f, <, to)
//	many2many X     ⇔  (f, in, [X])
//	other value v   ⇔  (f, =, v)
func (gs *groupSpec) condition(v any) domain.Domain {
	f := gs.field.Name
	switch {
	case v == nil:
		return domain.Cond(f, domain.Eq, false)
	case gs.number != "":
		return domain.Cond(f+"."+gs.number, domain.Eq, v)
	case gs.granularity != "":
		from, to := gs.utcBounds(v.(time.Time))
		return domain.AND(domain.Cond(f, domain.Ge, gs.format(from)), domain.Cond(f, domain.Lt, gs.format(to)))
	case gs.field.Type == TypeMany2many:
		return domain.Cond(f, domain.In, []any{v})
	}
	return domain.Cond(f, domain.Eq, v)
}

// bounds returns the start of a date group and the start of the next one.
func (gs *groupSpec) bounds(t time.Time) (time.Time, time.Time) {
	switch gs.granularity {
	case "day":
		return t, t.AddDate(0, 0, 1)
	case "week":
		return t, t.AddDate(0, 0, 7)
	case "quarter":
		return t, t.AddDate(0, 3, 0)
	case "year":
		return t, t.AddDate(1, 0, 0)
	}
	return t, t.AddDate(0, 1, 0)
}

// utcBounds are the bounds of a group of local times in UTC, as a
// datetime is stored (unchanged without a zone):
//
//	f in group  ⇔  utc(from) <= f < utc(to)
func (gs *groupSpec) utcBounds(t time.Time) (time.Time, time.Time) {
	from, to := gs.bounds(t)
	if gs.loc == nil {
		return from, to
	}
	return inZone(from, gs.loc), inZone(to, gs.loc)
}

// inZone reads the wall time of t (a naive time, in UTC) in loc, as UTC.
func inZone(t time.Time, loc *time.Location) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), loc).UTC()
}

// format writes a bound as Odoo does: a date, or a datetime.
func (gs *groupSpec) format(t time.Time) string {
	if gs.field.Type == TypeDate {
		return t.Format(DateLayout)
	}
	return t.Format(DatetimeLayout)
}

// dateRange is the group's __range entry: {"from", "to"}, nil when empty.
func (gs *groupSpec) dateRange(v any) any {
	if v == nil {
		return nil
	}
	from, to := gs.utcBounds(v.(time.Time))
	return map[string]any{"from": gs.format(from), "to": gs.format(to)}
}

// label is Odoo's group label: "22 Nov 2026", "W47 2026", "November
// 2026", "Q4 2026", "2026".
func (gs *groupSpec) label(v any) string {
	t := v.(time.Time)
	switch gs.granularity {
	case "day":
		return t.Format("02 Jan 2006")
	case "week":
		return weekLabel(t, gs.weekStart)
	case "quarter":
		return fmt.Sprintf("Q%d %d", (int(t.Month())-1)/3+1, t.Year())
	case "year":
		return t.Format("2006")
	}
	return t.Format("January 2006")
}

// aggSpec is one aggregate: key, field and function.
type aggSpec struct {
	key   string
	field *Field
	fn    string
}

var aggFuncs = map[string]bool{"sum": true, "avg": true, "min": true, "max": true, "count": true,
	"count_distinct": true, "array_agg": true, "bool_and": true, "bool_or": true}

var aliasAgg = regexp.MustCompile(`^(\w+):(\w+)\((\w+)\)$`)

// parseAggregates reads the fields specs: "f", "f:agg", "alias:agg(f)".
// Plain non-numeric fields, "__count" and groupby fields are not
// aggregated (as Odoo).
func (r Recordset) parseAggregates(specs []string, gs []*groupSpec) []*aggSpec {
	grouped := map[string]bool{}
	for _, g := range gs {
		grouped[g.field.Name] = true
	}
	var out []*aggSpec
	for _, spec := range specs {
		if a := r.parseAggregate(strings.TrimSpace(spec), grouped); a != nil {
			out = append(out, a)
		}
	}
	return out
}

func (r Recordset) parseAggregate(spec string, grouped map[string]bool) *aggSpec {
	if spec == "__count" {
		return nil
	}
	key, name, fn := spec, spec, ""
	if m := aliasAgg.FindStringSubmatch(spec); m != nil {
		key, fn, name = m[1], m[2], m[3]
	} else if n, agg, ok := strings.Cut(spec, ":"); ok {
		key, name, fn = n, n, agg
	}
	f := r.model.Fields[name]
	if f == nil {
		panic(r.groupErr(name, "field", spec, "unknown field %q%s", name, r.model.suggest(name)))
	}
	if fn == "" {
		if grouped[name] || !isNumeric(f) {
			return nil
		}
		fn = "sum"
	}
	if !aggFuncs[fn] {
		panic(r.groupErr(name, "aggregate", spec, "unknown aggregate function %q", fn))
	}
	if f.column == "" {
		panic(r.groupErr(name, "field", spec, "%q is not stored: it cannot be aggregated", name))
	}
	return &aggSpec{key: key, field: f, fn: fn}
}

func isNumeric(f *Field) bool {
	return f.Type == TypeInteger || f.Type == TypeFloat || f.Type == TypeMonetary
}

// sql is the aggregate expression on col, the field's value (id: the
// record's id, the order of array_agg).
func (a *aggSpec) sql(col, id string) SQL {
	switch a.fn {
	case "count_distinct":
		return SQL{code: "count(DISTINCT " + col + ")"}
	case "array_agg":
		return SQL{code: "array_agg(" + col + " ORDER BY " + id + ")"}
	}
	return SQL{code: a.fn + "(" + col + ")"}
}

// fromDB converts an aggregate value: counts as int64, averages as
// float64, sums and extremes in the field's type (0 when every value is
// NULL, as Odoo shows them), arrays as []any.
func (a *aggSpec) fromDB(v any) any {
	switch a.fn {
	case "count", "count_distinct":
		n, _ := toInt64(v)
		return n
	case "avg":
		if v == nil {
			return nil
		}
		return floatKind{}.fromDB(a.field, v)
	case "array_agg", "bool_and", "bool_or":
		return v
	}
	if v == nil {
		if isNumeric(a.field) {
			return a.field.kind.empty(a.field)
		}
		return nil
	}
	return a.field.kind.fromDB(a.field, v)
}

// groupOrder is one term of read_group's orderby.
type groupOrder struct {
	group *groupSpec
	agg   *aggSpec
	count bool
	desc  bool
	nulls string
}

// parseGroupOrder reads orderby: terms naming a groupby spec, an aggregate
// key or the count, each with asc/desc and nulls first/last. The default
// is the groupbys, ascending.
func (r Recordset) parseGroupOrder(spec string, gs []*groupSpec, aggs []*aggSpec) []groupOrder {
	if strings.TrimSpace(spec) == "" {
		out := make([]groupOrder, len(gs))
		for i, g := range gs {
			out[i] = groupOrder{group: g}
		}
		return out
	}
	var out []groupOrder
	for _, part := range strings.Split(spec, ",") {
		out = append(out, r.parseGroupOrderTerm(part, spec, gs, aggs))
	}
	return out
}

func (r Recordset) parseGroupOrderTerm(part, spec string, gs []*groupSpec, aggs []*aggSpec) groupOrder {
	words := strings.Fields(strings.TrimSpace(part))
	if len(words) == 0 {
		panic(r.groupErr("", "orderby", spec, "empty term"))
	}
	var o groupOrder
	rest := words[1:]
	if len(rest) > 0 && (strings.EqualFold(rest[0], "asc") || strings.EqualFold(rest[0], "desc")) {
		o.desc = strings.EqualFold(rest[0], "desc")
		rest = rest[1:]
	}
	if len(rest) == 2 && strings.EqualFold(rest[0], "nulls") && (strings.EqualFold(rest[1], "first") || strings.EqualFold(rest[1], "last")) {
		o.nulls = "NULLS " + strings.ToUpper(rest[1])
		rest = nil
	}
	if len(rest) > 0 {
		panic(r.groupErr("", "orderby", spec, "invalid term %q", strings.TrimSpace(part)))
	}
	key := words[0]
	for _, g := range gs {
		if g.spec == key || g.field.Name == key {
			o.group = g
			return o
		}
	}
	for _, a := range aggs {
		if a.key == key {
			o.agg = a
			return o
		}
	}
	if key == "__count" || (len(gs) > 0 && key == gs[0].field.Name+"_count") {
		o.count = true
		return o
	}
	if f := r.model.Fields[key]; f != nil && isNumeric(f) && f.column != "" {
		o.agg = &aggSpec{key: key, field: f, fn: "sum"}
		return o
	}
	panic(r.groupErr(key, "orderby", spec, "%q is neither a groupby nor an aggregate", key))
}
