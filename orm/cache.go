package orm

// The cache.
//
// One cache per transaction holds field values by record, whatever env
// reads them (values do not depend on the user). Values are kept per
// model, per record, in a slice indexed by the field's position in the
// model, with a bit saying whether the value is known; nil stands for
// NULL. A whole row of a fetch is one map operation, a read is one map
// lookup.
//
// A value written but not yet sent to the database is "dirty": flush
// turns dirty values into UPDATEs. Reading never overwrites a value
// already in the cache (so a pending write is never lost to a fetch), and
// invalidating keeps dirty values: flush first.

type cache struct {
	models map[*Model]*modelCache
	dirty  map[*Field]map[int64]struct{}
	exist  map[*Model]*existSet            // ids known to exist (fetched, found or created)
	gone   map[*Model]map[int64]bool       // ids known to be missing
	merges map[*Field]map[int64]*jsonMerge // pending jsonb-map changes (field_jsonb_merge.go)
}

type modelCache struct {
	recs map[int64]*recCache
}

// recCache is one record's known values.
type recCache struct {
	vals []any
	has  []uint64
}

func (r *recCache) known(i int) bool { return r.has[i>>6]&(1<<(uint(i)&63)) != 0 }
func (r *recCache) mark(i int)       { r.has[i>>6] |= 1 << (uint(i) & 63) }
func (r *recCache) unmark(i int)     { r.has[i>>6] &^= 1 << (uint(i) & 63) }

func newCache() *cache {
	return &cache{
		models: map[*Model]*modelCache{},
		dirty:  map[*Field]map[int64]struct{}{},
		exist:  map[*Model]*existSet{},
		gone:   map[*Model]map[int64]bool{},
	}
}

func (c *cache) clear() { *c = *newCache() }

func (c *cache) model(m *Model) *modelCache {
	mc := c.models[m]
	if mc == nil {
		mc = &modelCache{recs: map[int64]*recCache{}}
		c.models[m] = mc
	}
	return mc
}

// row returns the record's values, created empty when absent.
func (c *cache) row(m *Model, id int64) *recCache {
	mc := c.model(m)
	r := mc.recs[id]
	if r == nil {
		n := max(m.slots, len(m.FieldList))
		r = &recCache{vals: make([]any, n), has: make([]uint64, (n+63)/64)}
		mc.recs[id] = r
	}
	return r
}

// rowAllocator returns a row function like row that carves new rows out of
// blocks sized for count records (one allocation per block, not per row).
func (c *cache) rowAllocator(m *Model, count int) func(id int64) *recCache {
	mc := c.model(m)
	n := max(m.slots, len(m.FieldList))
	w := (n + 63) / 64
	var recs []recCache
	var vals []any
	var has []uint64
	return func(id int64) *recCache {
		if r := mc.recs[id]; r != nil {
			return r
		}
		if len(recs) == 0 {
			recs = make([]recCache, count)
			vals = make([]any, count*n)
			has = make([]uint64, count*w)
		}
		r := &recs[0]
		r.vals, r.has = vals[:n:n], has[:w:w]
		recs, vals, has = recs[1:], vals[n:], has[w:]
		mc.recs[id] = r
		return r
	}
}

func (c *cache) lookup(f *Field, id int64) *recCache {
	mc := c.models[f.Model]
	if mc == nil {
		return nil
	}
	return mc.recs[id]
}

func (c *cache) get(f *Field, id int64) (any, bool) {
	r := c.lookup(f, id)
	if r == nil || !r.known(f.index) {
		return nil, false
	}
	return r.vals[f.index], true
}

func (c *cache) has(f *Field, id int64) bool {
	r := c.lookup(f, id)
	return r != nil && r.known(f.index)
}

// set stores a value (not dirty).
func (c *cache) set(f *Field, id int64, v any) {
	r := c.row(f.Model, id)
	r.vals[f.index] = v
	r.mark(f.index)
}

// insertMissing stores a fetched value unless one is already cached.
func (c *cache) insertMissing(f *Field, id int64, v any) {
	r := c.row(f.Model, id)
	if !r.known(f.index) {
		r.vals[f.index] = v
		r.mark(f.index)
	}
}

// setDirty stores a value to be written at the next flush.
func (c *cache) setDirty(f *Field, id int64, v any) {
	c.set(f, id, v)
	d := c.dirty[f]
	if d == nil {
		d = map[int64]struct{}{}
		c.dirty[f] = d
	}
	d[id] = struct{}{}
}

func (c *cache) hasDirty() bool {
	for _, d := range c.dirty {
		if len(d) > 0 {
			return true
		}
	}
	return false
}

func (c *cache) isDirty(f *Field, id int64) bool {
	_, ok := c.dirty[f][id]
	return ok
}

// invalidate forgets the values of f for ids (all ids when nil), keeping
// dirty ones.
func (c *cache) invalidate(f *Field, ids []int64) {
	if f.twin != nil {
		c.invalidate(f.twin, ids)
	}
	mc := c.models[f.Model]
	if mc == nil {
		return
	}
	d := c.dirty[f]
	drop := func(id int64, r *recCache) {
		if _, dirty := d[id]; !dirty {
			r.unmark(f.index)
			r.vals[f.index] = nil
		}
	}
	if ids == nil {
		for id, r := range mc.recs {
			drop(id, r)
		}
		return
	}
	for _, id := range ids {
		if r := mc.recs[id]; r != nil {
			drop(id, r)
		}
	}
}

func (c *cache) existing(m *Model) *existSet {
	s := c.exist[m]
	if s == nil {
		s = &existSet{}
		c.exist[m] = s
	}
	return s
}

func (c *cache) missing(m *Model) map[int64]bool {
	s := c.gone[m]
	if s == nil {
		s = map[int64]bool{}
		c.gone[m] = s
	}
	return s
}

// forget removes every trace of deleted records.
func (c *cache) forget(m *Model, ids []int64) {
	if mc := c.models[m]; mc != nil {
		for _, id := range ids {
			delete(mc.recs, id)
		}
	}
	for _, f := range m.FieldList {
		if d := c.dirty[f]; d != nil {
			for _, id := range ids {
				delete(d, id)
			}
		}
	}
	ex, gone := c.existing(m), c.missing(m)
	for _, id := range ids {
		ex.remove(id)
		gone[id] = true
	}
}
