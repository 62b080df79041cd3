package orm

// Merging jsonb maps at flush time.
//
// A write to a translated or company-dependent field changes a few keys
// of the record's map (one language, one company). The cache holds the
// whole new map, for reads; beside it, each dirty map keeps the change
// that produced it, a jsonDelta, and the flush sends that change, not the
// map, merged into the row by the server:
//
//	col = NULLIF((fallback || COALESCE(col, '{}') || set) - removed, '{}')
//
// so two transactions writing two languages (or companies) of one record
// both keep their key: the second UPDATE waits for the first to commit,
// then merges into the committed row (READ COMMITTED re-evaluates the SET
// on the new row version). "fallback" is Odoo's own trick for the en_US
// rule: a write in L sends {"en_US": v} before the row, so the row's
// en_US wins when it has one and v fills it when it has none, decided by
// the server on the row it updates, not on what this transaction read.
// Writing False (NULL) or a value with no known base (a computed value, a
// copy, a write after a NULL) sends the whole map instead.
//
// The UPDATE returns the merged column (RETURNING), which replaces the
// cached map: after a flush the cache equals the row, keys written by
// other transactions included, without another query. A company-dependent
// many2one whose returned map differs from the cached one is invalidated
// instead (its targets must be checked for deletion when fetched).
//
// Delta and map stay paired by identity: a delta is used only while the
// record is dirty and the cache still holds the very map the delta
// produced. Any other way a dirty map got there (a compute, Copy, a
// savepoint rollback that cleared the cache) makes the flush send the
// whole map, as before.
//
// Writes still load the maps they change when the cache lacks them
// (loadMaps). The merge makes that read unnecessary for the stored value,
// but not for the cache: it holds whole maps, which reads resolve for any
// language, and a partial map would have to be completed by every path
// that fills the cache (fetch, Read, SearchFetch). The read is cheap: it is
// the same single query that Write's existence check would send for
// records it does not know, and records it knows were fetched with their
// maps (jsonb maps are prefetched with the other columns).

import (
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strings"

	"github.com/jackc/pgx/v5"
)

// jsonDelta is a change of a jsonb map: fallback keys kept only where the
// row lacks them, keys set, keys removed; clear empties the column.
type jsonDelta struct {
	clear    bool
	fallback jsonMap
	set      jsonMap
	del      map[string]bool
}

// apply returns old (a cache value) changed by d, nil when empty.
func (d *jsonDelta) apply(f *Field, old any) any {
	if d.clear {
		return nil
	}
	m := jsonMap{}
	for k, v := range d.fallback {
		m[k] = v
	}
	if old != nil {
		for k, v := range f.clone(old) {
			m[k] = v
		}
	}
	for k, v := range d.set {
		m[k] = v
	}
	for k := range d.del {
		delete(m, k)
	}
	if len(m) == 0 {
		return nil
	}
	return m
}

// then is d followed by e (neither clears).
func (d *jsonDelta) then(e *jsonDelta) *jsonDelta {
	out := &jsonDelta{fallback: d.fallback, set: jsonMap{}, del: map[string]bool{}}
	if len(out.fallback) == 0 {
		out.fallback = e.fallback
	}
	for k, v := range d.set {
		out.set[k] = v
	}
	for k := range d.del {
		out.del[k] = true
	}
	for k, v := range e.set {
		out.set[k] = v
		delete(out.del, k)
	}
	for k := range e.del {
		out.del[k] = true
		delete(out.set, k)
	}
	return out
}

// jsonMerge is the pending change of one record's dirty map.
type jsonMerge struct {
	delta  *jsonDelta // nil: send result whole
	result any        // the cache value the change produced
	param  *string    // the flush parameter, once encoded
}

// stageMap changes f's cached map of id by d and marks it dirty, keeping
// the change for the flush.
func (c *cache) stageMap(f *Field, id int64, d *jsonDelta) {
	old, _ := c.get(f, id)
	prev := c.pendingMerge(f, id)
	next := &jsonMerge{result: d.apply(f, old)}
	switch {
	case d.clear || next.result == nil:
	case prev != nil && prev.delta != nil:
		next.delta = prev.delta.then(d)
	case prev == nil && !c.isDirty(f, id): // the cached map is the row as read
		next.delta = d
	}
	c.setDirty(f, id, next.result)
	if c.merges == nil {
		c.merges = map[*Field]map[int64]*jsonMerge{}
	}
	if c.merges[f] == nil {
		c.merges[f] = map[int64]*jsonMerge{}
	}
	c.merges[f][id] = next
}

// pendingMerge returns the change that produced f's dirty map of id, nil
// when there is none or the map came from elsewhere.
func (c *cache) pendingMerge(f *Field, id int64) *jsonMerge {
	mg := c.merges[f][id]
	if mg == nil || !c.isDirty(f, id) {
		return nil
	}
	v, _ := c.get(f, id)
	if !sameRef(mg.result, v) {
		return nil
	}
	return mg
}

// sameRef reports whether two cache values are the same map (or both nil).
func sameRef(a, b any) bool {
	x, okX := a.(jsonMap)
	y, okY := b.(jsonMap)
	if !okX || !okY {
		return a == nil && b == nil
	}
	return reflect.ValueOf(x).UnsafePointer() == reflect.ValueOf(y).UnsafePointer()
}

// mergeParam is the flush parameter of f's dirty map of id, for mergeSQL:
// NULL to clear, {"w": map} for a whole map, {"fb", "set", "del"} for a
// change.
func (c *cache) mergeParam(f *Field, id int64) *string {
	mg := c.pendingMerge(f, id)
	if mg == nil {
		v, _ := c.get(f, id)
		mg = &jsonMerge{result: v}
	}
	if mg.param != nil || (mg.delta == nil && mg.result == nil) {
		return mg.param
	}
	var s string
	if mg.delta == nil {
		s = `{"w": ` + f.encodeMap(mg.result) + `}`
	} else {
		s = f.encodeDelta(mg.delta)
	}
	mg.param = &s
	return mg.param
}

// encodeDelta is the JSON of a change.
func (f *Field) encodeDelta(d *jsonDelta) string {
	enc := func(m jsonMap) map[string]any {
		out := make(map[string]any, len(m))
		for k, v := range m {
			out[k] = f.jsonValue(v)
		}
		return out
	}
	del := make([]string, 0, len(d.del))
	for k := range d.del {
		del = append(del, k)
	}
	sort.Strings(del)
	b, err := json.Marshal(map[string]any{"fb": enc(d.fallback), "set": enc(d.set), "del": del})
	if err != nil {
		panic(fmt.Errorf("orm: %s: cannot encode %v: %w", f, d.set, err))
	}
	return string(b)
}

// mergeSQL is the new value of column col (qualified) given p, a jsonb
// parameter from mergeParam:
//
//	p NULL           ⇔  NULL
//	{"w": m}         ⇔  m
//	{fb, set, del}   ⇔  NULLIF((fb || COALESCE(col, '{}') || set) - del, '{}')
func mergeSQL(col, p string) string {
	return strings.NewReplacer("$p", p, "$c", col).Replace(
		`CASE WHEN $p IS NULL THEN NULL WHEN $p ? 'w' THEN $p->'w' ` +
			`ELSE NULLIF(($p->'fb' || COALESCE($c, '{}'::jsonb) || ($p->'set')) ` +
			`- ARRAY(SELECT jsonb_array_elements_text($p->'del')), '{}'::jsonb) END`)
}

// execUpdate runs an UPDATE of fields for ids and returns the number of
// rows changed. With jsonb-map fields it returns their merged columns
// (RETURNING), which replace the cached maps.
func (tx *Transaction) execUpdate(m *Model, fields []*Field, q string, args []any) int64 {
	var maps []*Field
	for _, f := range fields {
		if f.jsonKeyed() {
			maps = append(maps, f)
		}
	}
	if len(maps) == 0 {
		return tx.exec(q, args...)
	}
	cols := []string{qualify(m.Table, "id")}
	for _, f := range maps {
		cols = append(cols, qualify(m.Table, f.column))
	}
	var n int64
	c := tx.cache
	tx.query(q+" RETURNING "+strings.Join(cols, ", "), args, func(rows pgx.Rows) error {
		vals, err := rows.Values()
		if err != nil {
			return err
		}
		n++
		id, _ := toInt64(vals[0])
		for i, f := range maps {
			c.refreshMap(f, id, f.decodeMap(vals[i+1]))
		}
		return nil
	})
	return n
}

// refreshMap replaces f's cached map of id by the row's, after a flush.
func (c *cache) refreshMap(f *Field, id int64, row any) {
	delete(c.merges[f], id)
	cached, _ := c.get(f, id)
	if m, ok := row.(jsonMap); ok && sameMap(m, cached) || row == nil && cached == nil {
		return
	}
	if f.CompanyDependent && f.Type == TypeMany2one { // targets are checked when fetched
		delete(c.dirty[f], id)
		c.invalidate(f, []int64{id})
		return
	}
	c.set(f, id, row)
}

// sameMergeParams reports whether every record of ids sends the same
// change of f.
func (c *cache) sameMergeParams(f *Field, ids []int64) bool {
	first := c.mergeParam(f, ids[0])
	for _, id := range ids[1:] {
		p := c.mergeParam(f, id)
		if (p == nil) != (first == nil) || p != nil && *p != *first {
			return false
		}
	}
	return true
}
