package orm

// The cache.
//
// One cache per transaction holds field values by field and record id,
// whatever env reads them (values do not depend on the user). nil stands
// for NULL. A value written but not yet sent to the database is "dirty":
// flush turns dirty values into UPDATEs. Reading never overwrites a value
// already in the cache (so a pending write is never lost to a fetch), and
// invalidating a dirty value is refused: flush first.

type cache struct {
	data  map[*Field]map[int64]any
	dirty map[*Field]map[int64]struct{}
	exist map[*Model]map[int64]bool // ids known to exist (fetched or created)
	gone  map[*Model]map[int64]bool // ids known to be missing
}

func newCache() *cache {
	return &cache{
		data:  map[*Field]map[int64]any{},
		dirty: map[*Field]map[int64]struct{}{},
		exist: map[*Model]map[int64]bool{},
		gone:  map[*Model]map[int64]bool{},
	}
}

func (c *cache) clear() { *c = *newCache() }

func (c *cache) get(f *Field, id int64) (any, bool) {
	v, ok := c.data[f][id]
	return v, ok
}

func (c *cache) has(f *Field, id int64) bool {
	_, ok := c.data[f][id]
	return ok
}

func (c *cache) fieldMap(f *Field) map[int64]any {
	m := c.data[f]
	if m == nil {
		m = map[int64]any{}
		c.data[f] = m
	}
	return m
}

// set stores a value (not dirty).
func (c *cache) set(f *Field, id int64, v any) { c.fieldMap(f)[id] = v }

// insertMissing stores a fetched value unless one is already cached.
func (c *cache) insertMissing(f *Field, id int64, v any) {
	m := c.fieldMap(f)
	if _, ok := m[id]; !ok {
		m[id] = v
	}
}

// setDirty stores a value to be written at the next flush.
func (c *cache) setDirty(f *Field, id int64, v any) {
	c.fieldMap(f)[id] = v
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
	m := c.data[f]
	if m == nil {
		return
	}
	d := c.dirty[f]
	if ids == nil {
		if len(d) == 0 {
			delete(c.data, f)
			return
		}
		for id := range m {
			if _, dirty := d[id]; !dirty {
				delete(m, id)
			}
		}
		return
	}
	for _, id := range ids {
		if _, dirty := d[id]; !dirty {
			delete(m, id)
		}
	}
}

// invalidateModel forgets every non-dirty value of the model's fields.
func (c *cache) invalidateModel(m *Model, ids []int64) {
	for _, f := range m.FieldList {
		c.invalidate(f, ids)
	}
}

func (c *cache) existing(m *Model) map[int64]bool {
	s := c.exist[m]
	if s == nil {
		s = map[int64]bool{}
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
	for _, f := range m.FieldList {
		if mm := c.data[f]; mm != nil {
			for _, id := range ids {
				delete(mm, id)
			}
		}
		if d := c.dirty[f]; d != nil {
			for _, id := range ids {
				delete(d, id)
			}
		}
	}
	ex, gone := c.existing(m), c.missing(m)
	for _, id := range ids {
		delete(ex, id)
		gone[id] = true
	}
}
