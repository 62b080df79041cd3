package orm

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Running computations: non-stored values on read, stored values when
// marked (see recompute.go).

// computedValue returns the value of a computed field for id: a marked
// stored field is recomputed first; a non-stored one (or any field of a
// new record) is computed when the cache lacks it; a stored one is read.
func (r Recordset) computedValue(f *Field, id int64) any {
	tx := r.env.tx
	if f.Store && id > 0 && tx.isToCompute(f, id) && !tx.computing[f][id] {
		r.recomputeOnRead(f, id)
	}
	if v, ok := r.cacheGet(f, id); ok {
		return v
	}
	if id < 0 || !f.Store {
		r.computeValue(f, id)
	} else {
		r.fetch(f, id)
	}
	v, ok := r.cacheGet(f, id)
	if !ok {
		panic(r.missing(id))
	}
	return v
}

// computeValue computes f for id and the records of its prefetch set that
// lack it (new records apart from real ones), then checks that every one
// was assigned: a read-only non-stored field must be; others keep their
// previous value (empty for a new record).
func (r Recordset) computeValue(f *Field, id int64) {
	tx := r.env.tx
	ids := r.computeBatch(f, id)
	batch := r.withIDs(ids)
	if f.ComputeSudo {
		batch = batch.Sudo()
	}
	group := tx.reg.deps.groupOf(f)
	tx.runCompute(f, group, batch)
	defer tx.clearAssigned(group)
	for _, g := range group {
		if missing := tx.unassigned(g, ids); len(missing) > 0 {
			if !g.Store && g.Readonly {
				panic(&ValidationError{ErrorInfo{Model: r.model.Name, Field: g.Name, IDs: missing,
					Msg: fmt.Sprintf("computing %s: the compute method did not assign a value to every record", g)}})
			}
			for _, x := range missing {
				batch.cacheSet(g, x, r.previousValue(g, x))
			}
		}
	}
}

// previousValue is what an unassigned editable field keeps: the origin's
// value for a new record, else empty.
func (r Recordset) previousValue(f *Field, id int64) any {
	if o := r.env.tx.comp.origin[id]; o > 0 && f.column != "" {
		return r.Browse(o).value(f, o)
	}
	if f.Type.X2many() {
		return []int64{}
	}
	return nil
}

// computeBatch returns id and the records of the prefetch set lacking f
// (same kind: new or real), at most PrefetchMax.
func (r Recordset) computeBatch(f *Field, id int64) []int64 {
	if f.Recursive || r.prefetch == nil {
		return []int64{id}
	}
	c := r.env.tx.cache
	gone := c.gone[r.model]
	ids := []int64{id}
	for _, x := range r.prefetch.get(c) {
		if len(ids) >= PrefetchMax {
			break
		}
		if x != id && (x < 0) == (id < 0) && !r.cacheHas(f, x) && !gone[x] && !r.env.tx.computing[f][x] {
			ids = append(ids, x)
		}
	}
	return dedup(ids)
}

// runCompute calls f's compute on batch with the group's fields marked as
// being computed on its records; a panic names the field.
func (tx *Transaction) runCompute(f *Field, group []*Field, batch Recordset) {
	for _, g := range group {
		prot := tx.computing[g]
		if prot == nil {
			prot = map[int64]bool{}
			tx.computing[g] = prot
		}
		for _, x := range batch.idList() {
			prot[x] = true
		}
	}
	defer func() {
		for _, g := range group {
			for _, x := range batch.idList() {
				delete(tx.computing[g], x)
			}
		}
	}()
	defer func() {
		if p := recover(); p != nil {
			panic(computeFailed(f, p))
		}
	}()
	f.Compute(batch)
}

func (tx *Transaction) unassigned(f *Field, ids []int64) []int64 {
	var out []int64
	for _, x := range ids {
		if !tx.comp.assigned[f][x] {
			out = append(out, x)
		}
	}
	return out
}

func (tx *Transaction) clearAssigned(group []*Field) {
	for _, g := range group {
		delete(tx.comp.assigned, g)
	}
}

// computeFailed names the field whose compute raised p: an ORM error gets
// "computing model.field: " before its message; anything else becomes a
// UserError (the statement is rolled back like any ORM error).
func computeFailed(f *Field, p any) any {
	if e, ok := p.(Error); ok {
		info := e.Info()
		if !strings.Contains(info.Msg, "computing ") {
			info.Msg = fmt.Sprintf("computing %s: %s", f, info.Msg)
		}
		return e
	}
	err, _ := p.(error)
	var oe Error
	if err != nil && errors.As(err, &oe) {
		return err
	}
	return &UserError{ErrorInfo{Model: f.Model.Name, Field: f.Name, Err: err,
		Msg: fmt.Sprintf("computing %s: %v", f, p)}}
}

// setComputed assigns a computed value in the cache (inside its compute).
// A stored value becomes a pending write unless it equals the value known.
func (r Recordset) setComputed(f *Field, v any) {
	cv := r.computedCacheValue(f, v)
	tx := r.env.tx
	c := tx.cache
	as := tx.comp.assigned[f]
	if as == nil {
		as = map[int64]bool{}
		tx.comp.assigned[f] = as
	}
	for _, id := range r.idList() {
		as[id] = true
		if !f.Store || id < 0 || f.column == "" {
			r.cacheSet(f, id, cv)
			continue
		}
		if old, ok := c.get(f, id); ok && !c.isDirty(f, id) && sameValue(old, cv) {
			continue
		}
		c.setDirty(f, id, cv)
	}
}

func (r Recordset) computedCacheValue(f *Field, v any) any {
	if !f.Type.X2many() {
		return f.convertValue(v)
	}
	ids, err := toIDList(v)
	if err != nil {
		panic(validationErr(r.model.Name, f.Name, v, "%v", err))
	}
	return nonNil(ids)
}

// isComputing reports whether every record of r is being computed for f.
func (r Recordset) isComputing(f *Field) bool {
	prot := r.env.tx.computing[f]
	if len(prot) == 0 {
		return false
	}
	for _, id := range r.idList() {
		if !prot[id] {
			return false
		}
	}
	return true
}

// recomputeOnRead computes a marked stored field before id is read, with
// up to PrefetchMax other marked records (only id for a recursive field).
func (r Recordset) recomputeOnRead(f *Field, id int64) {
	ids := []int64{id}
	if !f.Recursive {
		ids = append(ids, r.env.tx.pendingIDs(f, nil, PrefetchMax-1, id)...)
	}
	r.env.tx.recomputeBatch(f, r.env, ids)
}

// pendingIDs returns up to n marked records of f (among only, when not
// nil), in id order, that are not being computed, except skip.
func (tx *Transaction) pendingIDs(f *Field, only map[int64]bool, n int, skip int64) []int64 {
	var ids []int64
	for id := range tx.comp.todo[f] {
		if id != skip && !tx.computing[f][id] && (only == nil || only[id]) {
			ids = append(ids, id)
		}
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	if n >= 0 && len(ids) > n {
		ids = ids[:n]
	}
	return ids
}

// recomputeBatch computes stored field f (and the fields computed with it)
// on the marked records among ids, then runs the constraints watching them.
func (tx *Transaction) recomputeBatch(f *Field, env *Env, ids []int64) {
	group := tx.reg.deps.groupOf(f)
	gone := tx.cache.gone[f.Model]
	var todo []int64
	for _, id := range ids {
		if tx.isToCompute(f, id) && !gone[id] {
			todo = append(todo, id)
		}
	}
	for _, g := range group {
		tx.removeToCompute(g, ids)
	}
	if len(todo) == 0 {
		return
	}
	rs := Recordset{env: env, model: f.Model, ids: todo, prefetch: fixedPrefetch(todo)}
	if f.ComputeSudo {
		rs = rs.Sudo()
	}
	rs = rs.computeStored(f, group)
	rs.checkConstraints(group)
}

// computeStored runs the compute of stored field f on rs; records found
// deleted meanwhile are skipped. It returns the records computed.
func (rs Recordset) computeStored(f *Field, group []*Field) (out Recordset) {
	tx := rs.env.tx
	defer tx.clearAssigned(group)
	defer func() {
		p := recover()
		if p == nil {
			return
		}
		var me *MissingError
		if e, ok := p.(error); !ok || !errors.As(e, &me) {
			panic(p)
		}
		existing := rs.Exists()
		if existing.Len() == rs.Len() {
			panic(p)
		}
		tx.cache.forget(rs.model, rs.Subtract(existing).idList())
		out = existing
		if existing.Len() > 0 {
			tx.runCompute(f, group, existing)
		}
	}()
	tx.runCompute(f, group, rs)
	return rs
}

// recomputePending computes the marked fields accepted by keep (on the
// records of only, when not nil) until none is left.
func (tx *Transaction) recomputePending(keep func(*Field) bool, only map[int64]bool) {
	env := tx.Env(SuperuserID, nil)
	for {
		f := tx.nextPending(keep, only)
		if f == nil {
			return
		}
		ids := tx.pendingIDs(f, only, -1, 0)
		if f.Recursive {
			for _, id := range ids {
				tx.recomputeBatch(f, env, []int64{id})
			}
			continue
		}
		tx.recomputeBatches(f, env, ids)
	}
}

// recomputeBatches computes f on the marked records among ids, PrefetchMax
// at a time.
func (tx *Transaction) recomputeBatches(f *Field, env *Env, ids []int64) {
	for i := 0; i < len(ids); i += PrefetchMax {
		tx.recomputeBatch(f, env, ids[i:min(i+PrefetchMax, len(ids))])
	}
}

// nextPending returns a field with marked records to compute now, in a
// stable order, or nil.
func (tx *Transaction) nextPending(keep func(*Field) bool, only map[int64]bool) *Field {
	var best *Field
	for f := range tx.comp.todo {
		if !keep(f) || (best != nil && f.String() >= best.String()) {
			continue
		}
		if len(tx.pendingIDs(f, only, 1, 0)) > 0 {
			best = f
		}
	}
	return best
}
