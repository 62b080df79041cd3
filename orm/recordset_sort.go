package orm

import (
	"bytes"
	"strings"
	"time"
)

// Ordering records in memory.
//
// Sorted must give the order Search gives for the same spec, so it mirrors
// query.orderBy term for term: a NULL sorts after every value ascending and
// before every value descending (PostgreSQL's default) unless the term says
// "nulls first/last"; a boolean NULL counts as false (COALESCE); a
// many2one whose comodel is not ordered by id compares the comodel's
// records by the comodel's order, recursively, reversed under "desc", and
// an empty many2one compares as a record whose every column is NULL (the
// LEFT JOIN finds no row). Models already on the path are compared by id
// (loop protection). Under the model's own order, ties end with the id, as
// Search's ORDER BY does; under an order given to Sorted, ties keep their
// input order (Python's stable sort, which Odoo's sorted uses), in reverse
// too.

// recordOrder compares records by cached (or fetched) values.
type recordOrder struct {
	env      *Env
	prefetch map[*Model]*prefetchSet // per model: records read together
}

// compare orders records a and b of m (0 for an empty many2one) by terms.
func (o recordOrder) compare(m *Model, terms []orderTerm, a, b int64, reverse bool, seen map[string]bool) int {
	for _, t := range terms {
		if c := o.compareTerm(m, t, a, b, reverse, seen); c != 0 {
			return c
		}
	}
	return 0
}

func (o recordOrder) compareTerm(m *Model, t orderTerm, a, b int64, reverse bool, seen map[string]bool) int {
	desc := t.desc != reverse
	nulls := t.nulls
	if reverse && nulls != "" {
		nulls = flipNulls(nulls)
	}
	f := t.field
	va, vb := o.value(m, f, a), o.value(m, f, b)
	if f.Type == TypeMany2one && !seen[f.Comodel] {
		co := m.registry.models[f.Comodel]
		if !(len(co.order) == 1 && co.order[0].field.Name == "id") {
			if o.prefetch[co] == nil {
				o.prefetch[co] = &prefetchSet{src: o.prefetch[m], field: f}
			}
			return o.compareMany2one(co, va, vb, desc, nulls, seen)
		}
	}
	return compareNullable(normalizeSortValue(f, va), normalizeSortValue(f, vb), desc, nulls)
}

// compareMany2one: an outer NULLS clause first places empty values, then
// the comodel's order decides.
func (o recordOrder) compareMany2one(co *Model, va, vb any, desc bool, nulls string, seen map[string]bool) int {
	ia, _ := va.(int64)
	ib, _ := vb.(int64)
	if nulls != "" && (ia == 0) != (ib == 0) {
		if (ia == 0) == (nulls == "NULLS FIRST") {
			return -1
		}
		return 1
	}
	nested := make(map[string]bool, len(seen)+1)
	for k := range seen {
		nested[k] = true
	}
	nested[co.Name] = true
	return o.compare(co, co.order, ia, ib, desc, nested)
}

// value reads f on record id of m; an absent record (0) has NULLs.
func (o recordOrder) value(m *Model, f *Field, id int64) any {
	if id == 0 {
		return nil
	}
	if f.Name == "id" {
		return id
	}
	p := o.prefetch[m]
	if p == nil {
		p = fixedPrefetch([]int64{id})
	}
	return Recordset{env: o.env, model: m, prefetch: p}.value(f, id)
}

// normalizeSortValue applies COALESCE(f, FALSE) to booleans.
func normalizeSortValue(f *Field, v any) any {
	if f.Type == TypeBoolean && v == nil {
		return false
	}
	return v
}

func flipNulls(n string) string {
	if n == "NULLS FIRST" {
		return "NULLS LAST"
	}
	return "NULLS FIRST"
}

// compareNullable orders two values in the given direction; a nil goes
// last ascending and first descending unless nulls says otherwise.
func compareNullable(a, b any, desc bool, nulls string) int {
	if a == nil || b == nil {
		if a == nil && b == nil {
			return 0
		}
		nullsFirst := desc
		if nulls != "" {
			nullsFirst = nulls == "NULLS FIRST"
		}
		if (a == nil) == nullsFirst {
			return -1
		}
		return 1
	}
	c := compareValues(a, b)
	if desc {
		return -c
	}
	return c
}

// compareValues orders two non-nil cache values of one field as
// PostgreSQL does with the C collation.
func compareValues(a, b any) int {
	switch x := a.(type) {
	case int64:
		y, _ := b.(int64)
		return cmpInt(x, y)
	case float64:
		y, _ := b.(float64)
		switch {
		case x < y:
			return -1
		case x > y:
			return 1
		}
		return 0
	case string:
		y, _ := b.(string)
		return strings.Compare(x, y)
	case bool:
		y, _ := b.(bool)
		switch {
		case !x && y:
			return -1
		case x && !y:
			return 1
		}
		return 0
	case time.Time:
		y, _ := b.(time.Time)
		return x.Compare(y)
	case []byte:
		y, _ := b.([]byte)
		return bytes.Compare(x, y)
	}
	return 0
}

func cmpInt(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
