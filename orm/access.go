package orm

import (
	"fmt"
	"strings"
	"time"
)

// Get returns the value of a field, or of a dotted path through relational
// fields ("partner_id.country_id.code"). Relational fields give recordsets
// (the union over every record, as Odoo 13+; empty when unset); scalar
// fields need a single record (or none: the empty value) and give Go
// values: bool, int64, float64, string, time.Time, []byte, or nil for an
// empty Char/Text/Selection/Date/Datetime/Binary (Odoo's False). Boolean
// and numbers read false/0 when unset.
//
// Example:
//
//	env.Ref("base.main_company").Get("partner_id.name")
func (r Recordset) Get(path string) any {
	r.check()
	if strings.IndexByte(path, '.') < 0 {
		return r.getField(path)
	}
	segs := splitPath(path)
	cur := r
	for i, name := range segs {
		v := cur.getField(name)
		if i == len(segs)-1 {
			return v
		}
		rs, ok := v.(Recordset)
		if !ok {
			panic(fieldErr(cur.model.Name, name, "%q is not a relational field: cannot follow path %q", name, path))
		}
		cur = rs
	}
	return nil
}

// getField reads one field on r.
func (r Recordset) getField(name string) any {
	f := r.model.mustField(name)
	r.checkFieldAccess(f)
	if f.Type.Relational() {
		return r.relValue(f)
	}
	if g, ok := f.kind.(getter); ok {
		return g.get(r, f)
	}
	switch len(r.idList()) {
	case 0:
		return f.kind.empty(f)
	case 1:
	default:
		panic(fieldErr(r.model.Name, name, "expected singleton to read a value: %s", r))
	}
	v := r.value(f, r.idList()[0])
	if v == nil {
		return f.kind.empty(f)
	}
	return v
}

// value returns the value of f for id, fetching it when needed: the cache
// value, resolved for the env's language or company for a jsonb-map field.
func (r Recordset) value(f *Field, id int64) any {
	v := r.rawValue(f, id)
	if f.jsonKeyed() {
		return r.contextValue(f, v)
	}
	return v
}

// rawValue returns the cache value of f for id, fetching it when needed.
func (r Recordset) rawValue(f *Field, id int64) any {
	if f.Compute != nil {
		return r.computedValue(f, id)
	}
	if id < 0 {
		return r.newValue(f, id)
	}
	if f.twin != nil && !r.lineActive(f) {
		f = f.twin // archived lines included: a value of its own
	}
	c := r.env.tx.cache
	if v, ok := c.get(f, id); ok {
		return v
	}
	if c.gone[r.model][id] && !f.IsComputed() {
		panic(r.missing(id))
	}
	r.fetch(f, id)
	v, ok := c.get(f, id)
	if !ok {
		panic(r.missing(id))
	}
	return v
}

// relValue returns the records a relational field refers to, for every
// record of r, without duplicates; their prefetch set follows r's.
func (r Recordset) relValue(f *Field) Recordset {
	co := r.env.Model(f.Comodel)
	var ids []int64
	if len(r.idList()) == 1 {
		ids = append(ids, relIDs(r.value(f, r.idList()[0]))...)
	} else {
		seen := map[int64]bool{}
		for _, id := range r.idList() {
			for _, x := range relIDs(r.value(f, id)) {
				if !seen[x] {
					seen[x] = true
					ids = append(ids, x)
				}
			}
		}
	}
	src := r.prefetch
	if src == nil {
		src = fixedPrefetch(r.idList())
	}
	co.ids = ids
	co.prefetch = &prefetchSet{src: src, field: f}
	if f.Context != nil {
		co = co.WithContext(f.Context)
	}
	return co
}

// Set writes one field on every record of r (Odoo's rec.field = value).
//
// Example:
//
//	p := env.Model("res.partner").Create(orm.Values{"name": "A"})
//	p.Set("name", "B")
//	p.Str("name")
func (r Recordset) Set(field string, v any) { r.Write(Values{field: v}) }

// Str returns a text value ("" when unset).
//
// Example:
//
//	env.Ref("base.main_company").Str("currency_id.name")
func (r Recordset) Str(path string) string {
	switch v := r.Get(path).(type) {
	case nil:
		return ""
	case string:
		return v
	case []byte:
		return string(v)
	case Recordset:
		return v.DisplayName()
	case time.Time:
		return v.Format(DatetimeLayout)
	default:
		return fmt.Sprint(v)
	}
}

// Int returns an integer value (0 when unset; the id of a many2one).
func (r Recordset) Int(path string) int64 {
	switch v := r.Get(path).(type) {
	case int64:
		return v
	case float64:
		return int64(v)
	case Recordset:
		return v.ID()
	case nil:
		return 0
	}
	panic(r.typedErr(path, "an integer"))
}

// Float returns a number (0 when unset).
func (r Recordset) Float(path string) float64 {
	switch v := r.Get(path).(type) {
	case float64:
		return v
	case int64:
		return float64(v)
	case nil:
		return 0
	}
	panic(r.typedErr(path, "a number"))
}

// Bool returns a value's truth, as Python's bool() (false/0/""/empty).
func (r Recordset) Bool(path string) bool {
	switch v := r.Get(path).(type) {
	case bool:
		return v
	case nil:
		return false
	case int64:
		return v != 0
	case float64:
		return v != 0
	case string:
		return v != ""
	case Recordset:
		return v.Len() > 0
	}
	return true
}

// Time returns a date or datetime (the zero time when unset).
func (r Recordset) Time(path string) time.Time {
	switch v := r.Get(path).(type) {
	case time.Time:
		return v
	case nil:
		return time.Time{}
	}
	panic(r.typedErr(path, "a date or datetime"))
}

// Rel returns a relational value as a recordset.
func (r Recordset) Rel(path string) Recordset {
	if v, ok := r.Get(path).(Recordset); ok {
		return v
	}
	panic(r.typedErr(path, "a relational field"))
}

func (r Recordset) typedErr(path, want string) *ValidationError {
	return fieldErr(r.model.Name, path, "is not %s", want)
}

// DisplayName returns the display name of a single record ("" for none).
func (r Recordset) DisplayName() string {
	if len(r.idList()) == 0 {
		return ""
	}
	s, _ := r.getField("display_name").(string)
	return s
}

// NameGet returns (id, display name) pairs, as Odoo's read of a many2one.
func (r Recordset) NameGet() [][2]any {
	out := make([][2]any, 0, len(r.idList()))
	for _, rec := range r.Records() {
		out = append(out, [2]any{rec.idList()[0], rec.DisplayName()})
	}
	return out
}
