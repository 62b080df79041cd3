package orm

import (
	"fmt"
	"strings"
)

// PrefetchMax is how many records one fetch loads at most (Odoo's
// PREFETCH_MAX).
const PrefetchMax = 1000

// fetch loads field f for record id, and for the records of the prefetch
// set that lack it, in one query.
func (r Recordset) fetch(f *Field, id int64) {
	switch {
	case f.column != "":
		r.fetchColumns(f, id)
	case f.Type == TypeOne2many:
		r.fetchOne2many(f, r.batch(f, id))
	case f.Type == TypeMany2many:
		r.fetchMany2many(f, r.batch(f, id))
	case f.inAttachment():
		r.fetchAttachments(f, id)
	case f.IsComputed():
		r.computeValue(f, id)
	default:
		panic(fmt.Errorf("orm: %s: cannot fetch a field without a column", f))
	}
}

// batch returns id and up to PrefetchMax-1 other records of the prefetch set
// lacking f in the cache and not known to be deleted.
func (r Recordset) batch(f *Field, id int64) []int64 {
	c := r.env.tx.cache
	gone := c.gone[r.model]
	ids := []int64{id}
	if r.prefetch == nil {
		return ids
	}
	all := r.prefetch.get(c)
	seen := map[int64]bool{id: true}
	// start at id: the records before it were most likely loaded already
	start := r.prefetch.position(id)
	for k := 0; k < len(all) && len(ids) < PrefetchMax; k++ {
		x := all[(start+k)%len(all)]
		if !seen[x] && !c.has(f, x) && !gone[x] {
			seen[x] = true
			ids = append(ids, x)
		}
	}
	return ids
}

// fetchColumns loads the model's prefetched columns (or f alone when it is
// not prefetched) for a batch, without overwriting cached values.
func (r Recordset) fetchColumns(f *Field, id int64) {
	r.checkAccess("read")
	ids := r.batch(f, id)
	fields := r.model.prefetch
	if !f.Prefetch {
		fields = []*Field{r.model.Fields["id"], f}
	}
	r.fetchRows(fields, ids)
	if !r.env.tx.cache.has(f, id) {
		panic(r.missing(id))
	}
}

func (r Recordset) missing(id int64) *MissingError {
	return missingErr(r.model.Name, []int64{id}, "record does not exist or has been deleted: %s(%d,)", r.model.Name, id)
}

// fetchRows runs SELECT fields FROM table WHERE id = ANY(ids) and fills the
// cache; ids not found are marked deleted.
func (r Recordset) fetchRows(fields []*Field, ids []int64) {
	tx := r.env.tx
	cols := make([]string, len(fields))
	for i, fl := range fields {
		cols[i] = qualify(r.model.Table, fl.column)
	}
	q := fmt.Sprintf("SELECT %s FROM %s WHERE %s = ANY($1)", strings.Join(cols, ", "), quote(r.model.Table), qualify(r.model.Table, "id"))
	args := []any{ids}
	if rules := r.ruleDomain("read"); rules != nil {
		rq := newQuery(r.model)
		rq.addWhere(SQLf("%s = ANY(%s)", SQL{code: qualify(rq.alias, "id")}, ids))
		r.addRules(rq, "read")
		q, args = rq.selectSQL(SQL{code: strings.Join(cols, ", ")}).Build()
		defer r.explainHidden(ids)
	}
	c := tx.cache
	found := c.existing(r.model)
	dests := make([]any, len(fields))
	for i, fl := range fields {
		dests[i] = scanDest(fl)
	}
	newRow := c.rowAllocator(r.model, len(ids))
	tx.query(q, args, func(rows pgxRows) error {
		vals, err := r.decodeRow(rows, fields, dests)
		if err != nil {
			return err
		}
		rid := vals[0].(int64)
		found.add(rid)
		row := newRow(rid)
		for i, fl := range fields {
			if !row.known(fl.index) {
				row.vals[fl.index] = vals[i]
				row.mark(fl.index)
			}
		}
		return nil
	})
	gone := c.missing(r.model)
	for _, id := range ids {
		if !found.has(id) {
			gone[id] = true
		}
	}
	r.dropDangling(fields, ids)
}

// fetchOne2many loads the lines of a one2many for a batch: one query on
// the comodel, in its order, archived lines hidden unless the field's
// context says otherwise.
func (r Recordset) fetchOne2many(f *Field, ids []int64) {
	co := r.model.registry.models[f.Comodel]
	inv := co.Fields[f.InverseName]
	q := r.lineQuery(f)
	q.addWhere(SQLf("%s = ANY(%s)", SQL{code: qualify(q.alias, inv.column)}, ids))
	what := SQLf("%s, %s", SQL{code: qualify(q.alias, inv.column)}, SQL{code: qualify(q.alias, "id")})
	r.fillX2many(f, ids, q.selectSQL(what))
}

// fetchMany2many loads a many2many for a batch: one query on the comodel
// joined to the relation table, in the comodel's order.
func (r Recordset) fetchMany2many(f *Field, ids []int64) {
	q := r.lineQuery(f)
	q.joins = append(q.joins, SQLf("JOIN %s AS %s ON %s = %s", Ident(f.Relation), Ident("rel"),
		SQL{code: qualify("rel", f.Column2)}, SQL{code: qualify(q.alias, "id")}))
	q.addWhere(SQLf("%s = ANY(%s)", SQL{code: qualify("rel", f.Column1)}, ids))
	what := SQLf("%s, %s", SQL{code: qualify("rel", f.Column1)}, SQL{code: qualify(q.alias, "id")})
	r.fillX2many(f, ids, q.selectSQL(what))
}

// lineQuery is a query on f's comodel with the active filter, the field's
// domain and the comodel's order.
func (r Recordset) lineQuery(f *Field) *query {
	lines := r.env.Model(f.Comodel).WithContext(f.Context).withActiveTest(r.env)
	r.env.tx.flushModel(lines.model) // the inverse, active and domain fields are read in SQL
	q := newQuery(lines.model)
	q.env = lines.env
	lines.addActiveFilter(q, nil)
	lines.addRules(q, "read")
	if f.Domain != nil {
		lines.addDomain(q, f.Domain)
	}
	if err := q.setOrder(""); err != nil {
		panic(fieldErr(lines.model.Name, "", "%v", err))
	}
	return q
}

// fillX2many runs a query of (owner, line) pairs and caches the lines.
func (r Recordset) fillX2many(f *Field, ids []int64, s SQL) {
	byOwner := make(map[int64][]int64, len(ids))
	r.env.tx.querySQL(s, func(rows pgxRows) error {
		var owner, line int64
		if err := rows.Scan(&owner, &line); err != nil {
			return err
		}
		byOwner[owner] = append(byOwner[owner], line)
		return nil
	})
	c := r.env.tx.cache
	for _, id := range ids {
		c.insertMissing(f, id, nonNil(byOwner[id]))
	}
}

func nonNil(ids []int64) []int64 {
	if ids == nil {
		return []int64{}
	}
	return ids
}

// withActiveTest keeps the caller's active_test in a relational read.
func (r Recordset) withActiveTest(caller *Env) Recordset {
	if _, ok := r.env.ctx["active_test"]; ok {
		return r
	}
	if v, ok := caller.ctx["active_test"]; ok {
		return r.WithContext(Ctx{"active_test": v})
	}
	return r
}

// explainHidden tells apart, among ids a rule-filtered fetch did not
// return, the deleted records (MissingError later) from those the record
// rules hide: the first hidden one raises AccessError.
func (r Recordset) explainHidden(ids []int64) {
	c := r.env.tx.cache
	gone := c.missing(r.model)
	var absent []int64
	for _, id := range ids {
		if gone[id] {
			absent = append(absent, id)
		}
	}
	if len(absent) == 0 {
		return
	}
	exist := r.Browse(absent...).Exists()
	for _, id := range exist.idList() {
		delete(gone, id)
	}
	if exist.Len() > 0 && exist.idList()[0] == ids[0] {
		panic(&AccessError{ErrorInfo{Model: r.model.Name, IDs: exist.idList()[:1], Msg: fmt.Sprintf(
			"the record %s(%d,) is hidden by record rules (user %d)", r.model.Name, ids[0], r.env.uid)}})
	}
}

// decodeRow returns the cache values of a fetched row: binary values of the
// common types are decoded directly (decodeRaw), the others scanned into
// their typed destination. The slice is reused from row to row.
func (r Recordset) decodeRow(rows pgxRows, fields []*Field, dests []any) ([]any, error) {
	raws := rows.RawValues()
	descs := rows.FieldDescriptions()
	types := r.env.tx.conn.TypeMap()
	vals := r.env.tx.rowBuf(len(fields))
	for i, fl := range fields {
		if v, ok := decodeRaw(fl, descs[i].DataTypeOID, descs[i].Format, raws[i]); ok {
			vals[i] = v
			continue
		}
		if err := types.Scan(descs[i].DataTypeOID, descs[i].Format, raws[i], dests[i]); err != nil {
			return nil, err
		}
		vals[i] = scanned(fl, dests[i])
	}
	return vals, nil
}
