package orm

import "odsh/domain"

// Empty groups (Odoo's group_expand).
//
// A field with a GroupExpand function shows more groups than its records
// make: when ReadGroup groups by it alone (lazy mode, or a single
// groupby) and not by a date granularity, the function receives the
// values of the groups found and returns the values to show. The result
// lists them in that order, a group with no record counting 0 with empty
// aggregates (0 for sums, nil otherwise, as Odoo's
// _read_group_empty_value), followed by the groups found that the function
// left out, the empty group (value False) last, as Odoo's
// _read_group_fill_results. The empty groups are made as rows of the
// query's result, so they are formatted as the others, __domain included.

// expand adds the rows of the empty groups the first groupby's GroupExpand
// asks for.
func (g *groupQuery) expand(rows [][]any) [][]any {
	if gs := g.groups; len(gs) != 1 || gs[0].granularity != "" || gs[0].number != "" || gs[0].field.GroupExpand == nil {
		return rows
	}
	gs := g.groups[0]
	var found []any
	byKey := map[any][]any{}
	for _, row := range rows {
		if v := gs.fromDB(row[0]); v != nil {
			found = append(found, v)
			byKey[v] = row
		}
	}
	want := g.expandValues(gs, found)
	out := make([][]any, 0, len(want)+len(rows))
	seen := map[any]bool{}
	for _, v := range want {
		if seen[v] {
			continue
		}
		seen[v] = true
		if row, ok := byKey[v]; ok {
			out = append(out, row)
			continue
		}
		row := make([]any, 1+1+len(g.aggs))
		row[0], row[1] = v, int64(0)
		out = append(out, row)
	}
	var empty [][]any
	for _, row := range rows {
		v := gs.fromDB(row[0])
		switch {
		case v == nil:
			empty = append(empty, row)
		case !seen[v]:
			out = append(out, row)
		}
	}
	return append(out, empty...)
}

// expandValues calls the field's GroupExpand; a many2one's recordsets
// become ids.
func (g *groupQuery) expandValues(gs *groupSpec, found []any) []any {
	f := gs.field
	got := f.GroupExpand(g.r.env.Model(g.r.model.Name), found, g.domain)
	if !f.Type.Relational() {
		return got
	}
	var ids []any
	for _, v := range got {
		if rs, ok := v.(Recordset); ok {
			for _, id := range rs.idList() {
				ids = append(ids, id)
			}
			continue
		}
		if id, ok := toInt64(v); ok {
			ids = append(ids, id)
		}
	}
	return ids
}

// GroupExpandAll shows a group for every possible value (Odoo's
// group_expand=True, _read_group_expand_full): every key of a Selection
// field in declaration order, every record of a many2one's comodel (a
// search in its order); other fields keep the groups found.
func (d *FieldDef) GroupExpandAll() *FieldDef {
	name := d.Name
	return d.GroupExpand(func(rs Recordset, found []any, _ domain.Domain) []any {
		f := rs.model.Fields[name]
		switch f.Type {
		case TypeSelection:
			items := f.Selection
			if f.SelectionFunc != nil {
				items = f.SelectionFunc(rs.env)
			}
			out := make([]any, len(items))
			for i, it := range items {
				out[i] = it.Value
			}
			return out
		case TypeMany2one:
			return []any{rs.env.Model(f.Comodel).Search(nil)}
		}
		return found
	})
}
