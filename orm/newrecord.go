package orm

import (
	"fmt"
	"sort"
	"strings"
)

// New records and context-dependent values.
//
// A new record (Odoo's model.new()) lives only in the cache: its id is
// negative, so it can never be confused with a row and never reaches SQL.
// Its fields hold the values given and the defaults; computed fields, stored
// or not, are computed on read from those values, and invalidated when a
// dependency changes. Writing a new record only changes the cache. A new
// record made from a real one (NewFrom) reads the values it lacks from it.
//
// A non-stored field with DependsContext keeps one cached value per value
// of those context keys: the cache holds it under a variant of the field
// made for each key combination.

// New returns a new record with vals and the defaults, not in the database:
// its computed fields work, nothing is written.
func (r Recordset) New(vals Values) Recordset {
	r.check()
	return r.newRecords([]Values{r.withDefaults(vals)}, 0)
}

// NewFrom returns a new record whose values are vals, then those of origin
// (a real record): Odoo's new(vals, origin=rec).
func (r Recordset) NewFrom(origin Recordset, vals Values) Recordset {
	r.check()
	return r.newRecords([]Values{vals}, origin.EnsureOne().ID())
}

// IsNew reports whether r holds a new record (not in the database).
func (r Recordset) IsNew() bool {
	for _, id := range r.idList() {
		if id < 0 {
			return true
		}
	}
	return false
}

// Origin returns the real records new records were made from (the real
// records themselves for real ones): Odoo's _origin.
func (r Recordset) Origin() Recordset {
	var ids []int64
	for _, id := range r.idList() {
		if id < 0 {
			id = r.env.tx.comp.origin[id]
		}
		if id > 0 {
			ids = append(ids, id)
		}
	}
	return r.Browse(ids...)
}

// newRecords makes one new record per Values (sharing a prefetch set).
func (r Recordset) newRecords(list []Values, origin int64) Recordset {
	tx := r.env.tx
	ids := make([]int64, len(list))
	for i := range list {
		tx.comp.newSeq++
		ids[i] = -tx.comp.newSeq
		if origin > 0 {
			tx.comp.origin[ids[i]] = origin
		}
	}
	recs := Recordset{env: r.env, model: r.model, ids: ids, prefetch: fixedPrefetch(ids)}
	for i, vals := range list {
		recs.withIDs(ids[i : i+1]).setNewValues(vals)
	}
	return recs
}

// setNewValues puts values in the cache of new records.
func (r Recordset) setNewValues(vals Values) {
	c := r.env.tx.cache
	for _, name := range vals.Keys() {
		f := r.model.mustField(name)
		if name == "id" {
			continue
		}
		v := r.newCacheValue(f, vals[name])
		for _, id := range r.idList() {
			c.set(f, id, v)
		}
	}
}

// newCacheValue converts a value for a new record; x2many commands make
// new lines (Create) or keep real ones (Link, Set).
func (r Recordset) newCacheValue(f *Field, v any) any {
	if f.Type == TypeMany2one {
		if id := newRecordID(v); id < 0 {
			return id
		}
	}
	if !f.Type.X2many() {
		return f.convertValue(v)
	}
	var ids []int64
	for _, cmd := range f.convertValue(v).([]Cmd) {
		switch cmd.Op {
		case CmdCreate:
			vals := copyValues(cmd.Vals)
			if f.Type == TypeOne2many {
				vals[f.InverseName] = r.idList()[0]
			}
			ids = append(ids, r.env.Model(f.Comodel).New(vals).idList()...)
		case CmdLink, CmdUpdate:
			ids = append(ids, cmd.ID)
		case CmdSet:
			ids = append([]int64(nil), cmd.IDs...)
		case CmdClear:
			ids = nil
		case CmdUnlink, CmdDelete:
			ids = removeID(ids, cmd.ID)
		}
	}
	return nonNil(ids)
}

// newRecordID returns the id of a new record given as an id or a
// recordset, or 0.
func newRecordID(v any) int64 {
	if rs, ok := v.(Recordset); ok && rs.Len() == 1 {
		v = rs.idList()[0]
	}
	if id, ok := toInt64(v); ok && id < 0 {
		return id
	}
	return 0
}

// newValue returns the value of a non-computed field of a new record: the
// origin's, or empty.
func (r Recordset) newValue(f *Field, id int64) any {
	c := r.env.tx.cache
	if v, ok := c.get(f, id); ok {
		return v
	}
	v := r.previousValue(f, id)
	if o := r.env.tx.comp.origin[id]; o > 0 && f.Type.X2many() {
		v = relIDs(r.Browse(o).value(f, o))
	}
	c.set(f, id, v)
	return v
}

// writeNew assigns values to new records: the cache changes and the
// dependents of the fields are invalidated; nothing is sent.
func (r Recordset) writeNew(vals Values) {
	tx := r.env.tx
	var fields []*Field
	for _, name := range vals.Keys() {
		fields = append(fields, r.model.mustField(name))
	}
	done := tx.protect(fields, r.idList())
	defer done()
	r.setNewValues(vals)
	tx.modified(fields, r.idList(), false)
}

// ensureNew raises an error unless every record of r is a new record this
// transaction made: a real record among them would not be written, and a
// negative id that New did not return names nothing.
func (r Recordset) ensureNew() {
	tx := r.env.tx
	gone := tx.cache.gone[r.model]
	for _, id := range r.idList() {
		if id >= 0 {
			panic(userErr(r.model.Name, "cannot write new and real records together: %s", r))
		}
		if -id > tx.comp.newSeq || gone[id] {
			panic(missingErr(r.model.Name, []int64{id}, "cannot write: %d is not a new record of this transaction", id))
		}
	}
}

// dropNew forgets new records.
func (tx *Transaction) dropNew(rs Recordset) {
	tx.cache.forget(rs.model, rs.idList())
	for _, id := range rs.idList() {
		delete(tx.comp.origin, id)
	}
}

// cacheGet returns the cached value of f for id in r's env: per context
// key values for a field with DependsContext.
func (r Recordset) cacheGet(f *Field, id int64) (any, bool) {
	if len(f.DependsContext) == 0 {
		return r.env.tx.cache.get(f, id)
	}
	v, ok := r.variant(f)[id]
	return v, ok
}

func (r Recordset) cacheHas(f *Field, id int64) bool {
	_, ok := r.cacheGet(f, id)
	return ok
}

func (r Recordset) cacheSet(f *Field, id int64, v any) {
	if len(f.DependsContext) == 0 {
		r.env.tx.cache.set(f, id, v)
		return
	}
	r.variant(f)[id] = v
}

// variant returns the values of f cached for the env's context key values.
func (r Recordset) variant(f *Field) map[int64]any {
	key := r.env.contextKey(f.DependsContext)
	comp := r.env.tx.comp
	vs := comp.variants[f]
	if vs == nil {
		vs = map[string]map[int64]any{}
		comp.variants[f] = vs
	}
	v := vs[key]
	if v == nil {
		v = map[int64]any{}
		vs[key] = v
	}
	return v
}

// contextKey renders the values of keys in the env ("uid", "lang" and
// "company" read the env's user, language and company).
func (e *Env) contextKey(keys []string) string {
	parts := make([]string, len(keys))
	for i, k := range keys {
		var v any
		switch k {
		case "uid":
			v = e.uid
		case "lang":
			v = e.Lang()
		case "company":
			v = e.companyIDs()
		default:
			v = e.ctx[k]
		}
		parts[i] = fmt.Sprintf("%s=%v", k, v)
	}
	sort.Strings(parts)
	return strings.Join(parts, ";")
}

// invalidateField forgets f (and its context variants) on ids (all when nil).
func (tx *Transaction) invalidateField(f *Field, ids []int64) {
	tx.cache.invalidate(f, ids)
	for key, vs := range tx.comp.variants[f] {
		if ids == nil {
			delete(tx.comp.variants[f], key)
			continue
		}
		for _, id := range ids {
			delete(vs, id)
		}
	}
}

// eachCached calls fn for every record with a cached value of f.
func (c *cache) eachCached(f *Field, fn func(id int64, v any)) {
	mc := c.models[f.Model]
	if mc == nil {
		return
	}
	for id, r := range mc.recs {
		if r.known(f.index) {
			fn(id, r.vals[f.index])
		}
	}
}

// anyCached reports whether some record has a cached value of f.
func (c *cache) anyCached(f *Field) bool {
	mc := c.models[f.Model]
	if mc == nil {
		return false
	}
	for _, r := range mc.recs {
		if r.known(f.index) {
			return true
		}
	}
	return false
}
