package orm

import "sort"

// Computed fields at creation: precomputed fields are computed on new
// records before the INSERT; the others are marked to compute.

// precompute computes the Precompute fields the rows lack, on new records
// holding the rows' values, so that they are part of the INSERT.
func (r Recordset) precompute(rows []newRow) {
	tx := r.env.tx
	fields := tx.reg.deps.precompute[r.model]
	if len(fields) == 0 || !rowsLack(rows, fields) {
		return
	}
	list := make([]Values, len(rows))
	for i := range rows {
		list[i] = rows[i].full
	}
	news := r.newRecords(list, 0)
	defer tx.dropNew(news)
	recs := news.Records()
	for _, f := range fields {
		for i := range rows {
			if _, given := rows[i].cols[f]; given {
				continue
			}
			rows[i].cols[f] = recs[i].computedValue(f, recs[i].idList()[0])
			rows[i].protect = append(rows[i].protect, f)
		}
	}
}

func rowsLack(rows []newRow, fields []*Field) bool {
	for i := range rows {
		for _, f := range fields {
			if _, ok := rows[i].cols[f]; !ok {
				return true
			}
		}
	}
	return false
}

// markCreated marks the stored computed fields of new records to compute
// (except those given or precomputed) and follows the triggers of every
// field set, so that records depending on the new ones are marked too.
func (recs Recordset) markCreated(rows []newRow) {
	tx := recs.env.tx
	m := recs.model
	for i := range rows {
		if len(rows[i].protect) > 0 {
			defer tx.protect(rows[i].protect, recs.idList()[i:i+1])()
		}
	}
	var fields, extra []*Field
	for _, f := range m.FieldList {
		if len(tx.reg.deps.triggers[f]) > 0 {
			fields = append(fields, f)
		}
	}
	tx.invalidateOne2many(m.columns, recs.idList())
	tx.modified(fields, recs.idList(), true)
	for _, f := range m.FieldList {
		if f.Store && f.Compute != nil && f.column != "" && tx.markAll(f, recs.idList()) {
			extra = append(extra, f)
		}
	}
	tx.modified(extra, recs.idList(), true)
}

// markAll marks f on the ids not marked nor protected; it reports whether
// it marked any.
func (tx *Transaction) markAll(f *Field, ids []int64) bool {
	any := false
	for _, id := range ids {
		if !tx.isToCompute(f, id) && !tx.isProtected(f, id) {
			tx.addToCompute(f, id)
			any = true
		}
	}
	return any
}

// invalidateOne2many forgets the cached one2many values that the
// many2one fields among fields hold ids in, on the records ids point to
// (all of them when the cache does not know where ids point).
func (tx *Transaction) invalidateOne2many(fields []*Field, ids []int64) {
	c := tx.cache
	for _, f := range fields {
		for _, g := range tx.reg.deps.one2many[f] {
			if !c.anyCached(g) {
				continue
			}
			owners, known := []int64{}, true
			for _, id := range ids {
				v, ok := c.get(f, id)
				known = known && ok
				owners = append(owners, relIDs(v)...)
			}
			if !known {
				owners = nil // every owner
			}
			c.invalidate(g, owners)
		}
	}
}

// beforeWrite prepares a write of fields on ids: the computed fields
// written are protected from recomputation until the returned function is
// called (a pending computation is done first, or dropped when every field
// it assigns is written), and the records depending on the many2one values
// about to be replaced are marked.
func (r Recordset) beforeWrite(fields []*Field, cols map[*Field]any, ids []int64) func() {
	tx := r.env.tx
	var protect []*Field
	for _, f := range fields {
		if !f.IsComputed() || f.Related != "" {
			continue
		}
		group := tx.reg.deps.groupOf(f)
		protect = append(protect, group...)
		if f.Store {
			r.settlePending(f, group, fields, ids)
		}
	}
	var m2o []*Field
	for f := range cols {
		if f.Type == TypeMany2one {
			m2o = append(m2o, f)
		}
	}
	done := tx.protect(protect, ids)
	tx.invalidateOne2many(m2o, ids)
	tx.modified(m2o, ids, false)
	return done
}

// settlePending computes a written field's pending computation first,
// unless every field of its group is written (then it is dropped).
func (r Recordset) settlePending(f *Field, group, written []*Field, ids []int64) {
	tx := r.env.tx
	all := true
	for _, g := range group {
		all = all && containsField(written, g)
	}
	if all {
		for _, g := range group {
			tx.removeToCompute(g, ids)
		}
		return
	}
	tx.recomputeBatch(f, r.env, ids)
}

func containsField(fs []*Field, f *Field) bool {
	for _, x := range fs {
		if x == f {
			return true
		}
	}
	return false
}

// afterWrite follows the triggers of the fields written on ids.
func (r Recordset) afterWrite(cols map[*Field]any, ids []int64) {
	tx := r.env.tx
	fields := make([]*Field, 0, len(cols))
	for f := range cols {
		fields = append(fields, f)
	}
	sortFields(fields)
	tx.invalidateOne2many(fields, ids)
	tx.modified(fields, ids, false)
}

func sortFields(fs []*Field) {
	sort.Slice(fs, func(i, j int) bool { return fs[i].Name < fs[j].Name })
}
