package orm

import (
	"fmt"

	"odsh/domain"
)

// Read returns one Values per record of r that exists, in r's order
// (records deleted meanwhile are skipped, as Odoo). Each has "id" and the
// named fields (every field when none is named):
//
//   - a many2one is [2]any{id int64, display_name string}, or nil when empty;
//   - a one2many or many2many is a []int64 of the (active) related ids;
//   - any other field is what Get returns: nil for an empty Char, Text,
//     Selection, Date, Datetime or Binary; false or 0 for an empty Boolean
//     or number.
//
// An unknown field panics with a ValidationError before any query.
//
// Example:
//
//	env.Ref("base.main_company").Read("name", "currency_id")
func (r Recordset) Read(fields ...string) []Values {
	r.check()
	fs := r.readFields(fields)
	r.checkAccess("read")
	r.fetchFields(fs)
	out := make([]Values, 0, len(r.idList()))
	gone := r.env.tx.cache.gone[r.model]
	for _, rec := range r.Records() {
		if gone[rec.idList()[0]] {
			continue
		}
		out = append(out, rec.readOne(fs))
	}
	return out
}

// readFields checks field names; none means every field.
func (r Recordset) readFields(names []string) []*Field {
	if len(names) == 0 {
		return r.model.availableFields()
	}
	out := make([]*Field, 0, len(names))
	for _, n := range names {
		out = append(out, r.model.mustField(n))
	}
	return out
}

// readOne reads the fields of a single record.
func (r Recordset) readOne(fs []*Field) Values {
	vals := Values{"id": r.idList()[0]}
	for _, f := range fs {
		vals[f.Name] = r.readValue(f)
	}
	return vals
}

// readValue is a field's value in Read's shape.
func (r Recordset) readValue(f *Field) any {
	switch {
	case f.Name == "id":
		return r.idList()[0]
	case f.Type == TypeMany2one:
		co := r.relValue(f)
		if co.Len() == 0 {
			return nil
		}
		return [2]any{co.idList()[0], co.DisplayName()}
	case f.Type.X2many():
		return nonNil(r.activeLines(f, r.relValue(f)).IDs())
	}
	if rd, ok := f.kind.(reader); ok {
		r.checkFieldAccess(f)
		return rd.read(r, f)
	}
	return r.getField(f.Name)
}

// Fetch loads the named fields (the model's prefetched columns when none
// is named) of every record of r into the cache, with one query for the
// columns and one per x2many field, and returns nothing: later reads cost
// no query. Records that do not exist are marked as such.
func (r Recordset) Fetch(fields ...string) {
	r.check()
	fs := r.readFields(fields)
	if len(fields) == 0 {
		fs = r.model.prefetch
	}
	r.checkAccess("read")
	r.fetchFields(fs)
}

// fetchFields loads the fields of r that the cache lacks.
func (r Recordset) fetchFields(fs []*Field) {
	if len(r.idList()) == 0 || !r.model.HasTable() {
		return
	}
	var asked, extra []*Field
	for _, f := range fs {
		if f.column != "" {
			asked = append(asked, f)
			if !f.Prefetch {
				extra = append(extra, f)
			}
		}
	}
	if ids := r.lacking(asked); len(ids) > 0 {
		r.fetchRows(append(append([]*Field(nil), r.model.prefetch...), extra...), ids)
	}
	for _, f := range fs {
		if !f.Type.X2many() || f.IsComputed() {
			continue
		}
		if ids := r.lacking([]*Field{f}); len(ids) > 0 {
			if f.Type == TypeOne2many {
				r.fetchOne2many(f, ids)
			} else {
				r.fetchMany2many(f, ids)
			}
		}
	}
}

// lacking returns the ids of r (not known to be deleted) lacking one of fs.
func (r Recordset) lacking(fs []*Field) []int64 {
	c := r.env.tx.cache
	gone := c.gone[r.model]
	var out []int64
	for _, id := range dedup(r.idList()) {
		if gone[id] {
			continue
		}
		for _, f := range fs {
			if !c.has(f, id) {
				out = append(out, id)
				break
			}
		}
	}
	return out
}

// SearchFetch searches as Search does and loads the named fields of the
// records found (the model's prefetched columns when none is named) with
// the same query; x2many fields take one more query each.
func (r Recordset) SearchFetch(dom any, fields []string, opts ...SearchOpt) Recordset {
	r.check()
	fs := r.readFields(fields)
	if len(fields) == 0 {
		fs = r.model.prefetch
	}
	q := r.searchQuery(dom, makeOpts(opts))
	r.env.tx.flushQuery(q) // the fetched columns are read without overwriting pending values
	cols := []*Field{r.model.Fields["id"]}
	for _, f := range fs {
		if f.column != "" && f.Name != "id" {
			cols = append(cols, f)
		}
	}
	ids := r.scanRows(q, cols)
	found := r.Browse(ids...)
	found.fetchFields(fs)
	return found
}

// scanRows runs a query selecting cols (id first) and caches the values
// without overwriting cached ones.
func (r Recordset) scanRows(q *query, cols []*Field) []int64 {
	what := make([]SQL, len(cols))
	for i, f := range cols {
		what[i] = SQL{code: qualify(q.alias, f.column)}
	}
	c := r.env.tx.cache
	known := c.existing(r.model)
	var ids []int64
	r.env.tx.querySQL(q.selectSQL(JoinSQL(", ", what...)), func(rows pgxRows) error {
		vals, err := rows.Values()
		if err != nil {
			return err
		}
		id, _ := toInt64(vals[0])
		ids = append(ids, id)
		known.add(id)
		for i, f := range cols {
			c.insertMissing(f, id, f.dbValue(vals[i]))
		}
		return nil
	})
	return ids
}

// SearchRead is SearchFetch followed by Read of the same fields.
func (r Recordset) SearchRead(dom any, fields []string, opts ...SearchOpt) []Values {
	return r.SearchFetch(dom, fields, opts...).Read(fields...)
}

// NameSearch returns (id, display name) pairs of the records whose
// _rec_names_search fields (else _rec_name) match name with operator
// ("ilike" when empty) — any of them for a positive operator, all of them
// for a negative one — further
// restricted by dom, in the model's order, at most limit (none when
// limit ≤ 0). An empty name with a like operator matches every record.
func (r Recordset) NameSearch(name string, dom any, operator string, limit int) [][2]any {
	r.check()
	if len(r.model.nameFields()) == 0 {
		panic(&UserError{ErrorInfo{Model: r.model.Name, Msg: fmt.Sprintf("%s has no _rec_name to search names on", r.model.Name)}})
	}
	if operator == "" {
		operator = "ilike"
	}
	op := domain.Operator(operator).Canonical()
	if !op.Valid() {
		panic(&ValidationError{ErrorInfo{Model: r.model.Name, Field: r.model.RecName, Value: operator, HasValue: true,
			Msg: fmt.Sprintf("unknown operator %q", operator)}})
	}
	d := r.ParseDomain(dom)
	if !(name == "" && isLikeOp(op)) {
		d = domain.AND(r.searchDisplayNameDomain(op, name), d)
	}
	var opts []SearchOpt
	if limit > 0 {
		opts = append(opts, Limit(limit))
	}
	return r.Search(d, opts...).NameGet()
}

// searchDisplayName is Odoo's _search_display_name, the search of the
// display_name field on every model and of NameSearch: the condition on the
// name fields (nameDomain). A model without _rec_name or _rec_names_search
// is refused (Odoo matches every record, with a warning).
func (r Recordset) searchDisplayName(op domain.Operator, value any) domain.Domain {
	if len(r.model.nameFields()) == 0 {
		panic(&ValidationError{ErrorInfo{Model: r.model.Name, Field: "display_name", Value: value, HasValue: true,
			Msg: fmt.Sprintf("cannot search display_name: %s has no _rec_name or _rec_names_search", r.model.Name)}})
	}
	return r.model.nameDomain(op, value)
}

// searchDisplayNameDomain calls the model's "search_display_name" method.
func (r Recordset) searchDisplayNameDomain(op domain.Operator, value any) domain.Domain {
	d, err := domain.Of(r.Call("search_display_name", string(op), value))
	if err != nil {
		panic(&ValidationError{ErrorInfo{Model: r.model.Name, Field: "display_name", Msg: "search_display_name: " + err.Error()}})
	}
	return d
}

// nameFields are the fields a search by name looks in: _rec_names_search,
// else _rec_name (none without either).
func (m *Model) nameFields() []string {
	if len(m.RecNamesSearch) > 0 {
		return m.RecNamesSearch
	}
	if m.RecName != "" {
		return []string{m.RecName}
	}
	return nil
}

// nameDomain is Odoo's _search_display_name: the condition op value on
// each name field, OR-ed for a positive operator and AND-ed for a
// negative one.
//
//	name op v   ⇔  f1 op v or … or fn op v      (op positive)
//	name op v   ⇔  f1 op v and … and fn op v    (op negative)
func (m *Model) nameDomain(op domain.Operator, value any) domain.Domain {
	var parts []domain.Domain
	for _, f := range m.nameFields() {
		parts = append(parts, domain.Cond(f, op, value))
	}
	if op.Negative() {
		return domain.AND(parts...)
	}
	return domain.OR(parts...)
}

// isLikeOp reports whether op is a positive operator of the like family.
func isLikeOp(op domain.Operator) bool {
	switch op {
	case domain.Like, domain.ILike, domain.EqLike, domain.EqILike:
		return true
	}
	return false
}
