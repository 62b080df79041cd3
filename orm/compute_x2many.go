package orm

import "fmt"

// Triggers of x2many changes: the owners' field changed, and for a
// many2many, the field on the other side of the relation table changed on
// the records linked or unlinked.

// x2manyModified returns what to call once commands on f have run: it
// follows the triggers of f on r and of the other side on the comodel
// records linked before or after.
func (r Recordset) x2manyModified(f *Field) func() {
	others := r.otherSides(f)
	var before []int64
	if len(others) > 0 {
		before = r.linkedIDs(f)
	}
	return func() {
		tx := r.env.tx
		tx.modified([]*Field{f}, r.idList(), false)
		if len(others) > 0 {
			tx.modified(others, symmetricDifference(before, r.linkedIDs(f)), false)
		}
	}
}

// linkedModified follows the triggers of the other side of a many2many on
// the comodel records of new links.
func (r Recordset) linkedModified(f *Field, pairs [][2]int64) {
	others := r.otherSides(f)
	if len(others) == 0 || len(pairs) == 0 {
		return
	}
	ids := make([]int64, len(pairs))
	for i, p := range pairs {
		ids[i] = p[1]
	}
	r.env.tx.modified(others, dedup(ids), false)
}

// otherSides returns the many2many fields of f's comodel stored in the
// same relation table that trigger computations.
func (r Recordset) otherSides(f *Field) []*Field {
	if f.Type != TypeMany2many {
		return nil
	}
	var out []*Field
	reg := r.env.tx.reg
	for _, g := range reg.models[f.Comodel].FieldList {
		if g.Type == TypeMany2many && g.Relation == f.Relation && g != f && len(reg.deps.triggers[g]) > 0 {
			out = append(out, g)
		}
	}
	return out
}

// linkedIDs returns the records f links r to, archived ones included.
func (r Recordset) linkedIDs(f *Field) []int64 {
	var out []int64
	rs := r.WithContext(Ctx{"active_test": false})
	for _, rec := range rs.Records() {
		out = append(out, rec.Get(f.Name).(Recordset).idList()...)
	}
	return out
}

// unlinkModified follows the triggers of every field of records about to
// be deleted, and of the changes their deletion makes in the database: the
// records it cascades to (found by a query when they trigger
// computations), the many2one values it empties (ondelete set null) and
// the many2many links it removes. It returns every record going.
func (tx *Transaction) unlinkModified(m *Model, ids []int64) map[*Model][]int64 {
	going := map[*Model][]int64{}
	tx.referrers = &referrerMemo{}
	defer func() { tx.referrers = nil }()
	tx.goingModified(m, ids, going)
	return going
}

func (tx *Transaction) goingModified(m *Model, ids []int64, going map[*Model][]int64) {
	seen := idSet(going[m])
	fresh := ids[:0:0]
	for _, id := range ids {
		if !seen[id] {
			fresh = append(fresh, id)
		}
	}
	ids = fresh
	if len(ids) == 0 {
		return
	}
	going[m] = append(going[m], ids...)
	if tx.reg.deps.hasTriggers[m] {
		tx.modified(m.FieldList, ids, false)
	}
	for _, name := range tx.reg.names {
		cm := tx.reg.models[name]
		if !cm.HasTable() {
			continue
		}
		for _, f := range cm.FieldList {
			if f.Comodel == m.Name && f.Related == "" {
				tx.referrersModified(f, ids, going)
			}
		}
	}
}

// referrersModified follows what deleting ids (records of f's comodel)
// does to the records whose field f refers to them.
func (tx *Transaction) referrersModified(f *Field, ids []int64, going map[*Model][]int64) {
	cm := f.Model
	switch {
	case f.Type == TypeMany2one && f.column != "" && f.Ondelete == Cascade:
		if !tx.reg.deps.hasTriggers[cm] {
			return
		}
		tx.goingModified(cm, tx.referringIDs(f, ids), going)
	case f.Type == TypeMany2one && f.column != "" && f.Ondelete != Restrict:
		// the database empties f: f changes on its referrers
		if !tx.triggersStored(f) {
			return
		}
		tx.modified([]*Field{f}, tx.referringIDs(f, ids), false)
	case f.Type == TypeMany2many && f.Relation != "":
		// the relation rows go with the records: f changes on their owners
		if !tx.triggersStored(f) {
			return
		}
		q := fmt.Sprintf("SELECT DISTINCT %s FROM %s WHERE %s = ANY($1) ORDER BY 1", quote(f.Column1), quote(f.Relation), quote(f.Column2))
		tx.modified([]*Field{f}, tx.selectIDs(q, ids), false)
	}
}

// triggersStored reports whether a change of f marks stored fields (the
// non-stored ones are forgotten anyway when Unlink clears the cache).
func (tx *Transaction) triggersStored(f *Field) bool {
	for _, tg := range tx.reg.deps.triggers[f] {
		if tg.target.Store || tx.reg.deps.feedsStored[tg.target] {
			return true
		}
	}
	return false
}

// symmetricDifference returns the ids in exactly one of a and b: the links
// added or removed.
func symmetricDifference(a, b []int64) []int64 {
	inA, inB := idSet(a), idSet(b)
	var out []int64
	for _, id := range dedup(append(append([]int64(nil), a...), b...)) {
		if inA[id] != inB[id] {
			out = append(out, id)
		}
	}
	return out
}
