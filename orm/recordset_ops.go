package orm

import (
	"fmt"
	"reflect"
	"sort"
)

// Mapped applies x to every record (Odoo's mapped):
//
//   - "" returns r itself;
//   - a dotted path ("partner_id.country_id") follows relational fields;
//     when the last field is relational the result is the Recordset union,
//     otherwise a []any with one value per record reached (duplicates kept);
//   - a func(Recordset) T returns a []any of the results, or the Recordset
//     union when every result is a Recordset (and there is at least one).
//
// Example:
//
//	orders := env.Model("demo.order").Search("[]", orm.Limit(5))
//	orders.Mapped("partner_id.country_id.code")
//	orders.Mapped("partner_id")
func (r Recordset) Mapped(x any) any {
	r.check()
	switch k := x.(type) {
	case string:
		return r.mappedPath(k)
	case func(Recordset) any:
		return mappedResults(r, func(rec Recordset) any { return k(rec) })
	case func(Recordset) Recordset:
		return mappedResults(r, func(rec Recordset) any { return k(rec) })
	}
	fn := recordFunc(r.model.Name, "Mapped", x)
	return mappedResults(r, fn)
}

// mappedPath follows a path: relational prefixes give unions.
func (r Recordset) mappedPath(path string) any {
	if path == "" {
		return r
	}
	segs := splitPath(path)
	cur := r
	for _, name := range segs[:len(segs)-1] {
		f := cur.model.mustField(name)
		if !f.Type.Relational() {
			panic(fieldErr(cur.model.Name, name, "%q is not a relational field: cannot follow path %q", name, path))
		}
		cur = cur.relValue(f)
	}
	last := cur.model.mustField(segs[len(segs)-1])
	if last.Type.Relational() {
		return cur.relValue(last)
	}
	out := make([]any, 0, len(cur.idList()))
	for _, rec := range cur.Records() {
		out = append(out, rec.getField(last.Name))
	}
	return out
}

// mappedResults applies fn to each record; all-Recordset results are united.
func mappedResults(r Recordset, fn func(Recordset) any) any {
	out := make([]any, 0, len(r.idList()))
	allRecords := len(r.idList()) > 0
	for _, rec := range r.Records() {
		v := fn(rec)
		if _, ok := v.(Recordset); !ok {
			allRecords = false
		}
		out = append(out, v)
	}
	if !allRecords {
		return out
	}
	union := out[0].(Recordset)
	rest := make([]Recordset, 0, len(out)-1)
	for _, v := range out[1:] {
		rest = append(rest, v.(Recordset))
	}
	return union.Union(rest...)
}

// recordFunc adapts any func(Recordset) T (e.g. from interpreted code) to
// func(Recordset) any, or panics with a ValidationError naming the method.
func recordFunc(model, method string, x any) func(Recordset) any {
	v := reflect.ValueOf(x)
	t := v.Type()
	if x == nil || t.Kind() != reflect.Func || t.NumIn() != 1 || t.NumOut() != 1 ||
		t.In(0) != reflect.TypeOf(Recordset{}) {
		panic(&ValidationError{ErrorInfo{Model: model, Value: x, HasValue: true,
			Msg: fmt.Sprintf("%s: want a field path or a func(Recordset) value, got %T", method, x)}})
	}
	return func(rec Recordset) any {
		return v.Call([]reflect.Value{reflect.ValueOf(rec)})[0].Interface()
	}
}

// Filtered returns the records for which x holds, in order (Odoo's
// filtered): x is a path, true when some value it reaches is truthy (a
// non-empty recordset for a relational path), or a func(Recordset) bool.
//
// Example:
//
//	orders := env.Model("demo.order").Search("[]", orm.Limit(20))
//	orders.Filtered(func(o orm.Recordset) bool { return o.Float("amount_total") > 1000 }).Len()
//	orders.Filtered("partner_id.is_company").Len()
func (r Recordset) Filtered(x any) Recordset {
	r.check()
	var keep func(Recordset) bool
	switch k := x.(type) {
	case string:
		keep = func(rec Recordset) bool { return anyTruthy(rec.Mapped(k)) }
	case func(Recordset) bool:
		keep = k
	default:
		fn := recordFunc(r.model.Name, "Filtered", x)
		keep = func(rec Recordset) bool { return truthy(fn(rec)) }
	}
	var ids []int64
	for _, rec := range r.Records() {
		if keep(rec) {
			ids = append(ids, rec.idList()[0])
		}
	}
	return r.withIDs(ids)
}

// anyTruthy is Python's any() over a mapped value.
func anyTruthy(v any) bool {
	switch x := v.(type) {
	case Recordset:
		return x.Len() > 0
	case []any:
		for _, it := range x {
			if truthy(it) {
				return true
			}
		}
		return false
	}
	return truthy(v)
}

// Sorted returns the records ordered by key (Odoo's sorted): nil or "" is
// the model's _order, ties ordered by id as Search orders them; a string is
// an order spec ("name desc, id") compared on the records' values as the
// database would order them (NULLs last ascending, first descending, unless
// "nulls first/last"; booleans with NULL as false; a many2one by its
// comodel's order); a func(a, b Recordset) bool is a "less" function. With
// a string or a func the sort is stable: records that compare equal keep
// their order in r. Sorted(key, true) is Odoo's reverse=True: the model's
// order reversed for nil, else descending with ties still in r's order
// (Python's sorted(key, reverse=True)).
//
// Example:
//
//	env.Model("demo.order").Search("[]", orm.Limit(5)).Sorted("amount_total desc").Mapped("amount_total")
func (r Recordset) Sorted(key any, reverse ...bool) Recordset {
	r.check()
	rev := len(reverse) > 0 && reverse[0]
	recs := r.Records()
	switch k := key.(type) {
	case nil:
		return r.sortedBy(r.model.order, recs, true, false).reversedIf(rev)
	case string:
		if k == "" {
			return r.sortedBy(r.model.order, recs, true, false).reversedIf(rev)
		}
		terms, err := r.model.parseOrderSpec(k)
		if err != nil {
			panic(&ValidationError{ErrorInfo{Model: r.model.Name, Value: k, HasValue: true, Msg: "invalid order: " + err.Error()}})
		}
		return r.sortedBy(terms, recs, false, rev)
	case func(a, b Recordset) bool:
		less := k
		if rev { // Python's reverse=True: descending, ties keep their order
			less = func(a, b Recordset) bool { return k(b, a) }
		}
		sort.SliceStable(recs, func(i, j int) bool { return less(recs[i], recs[j]) })
		return r.fromRecords(recs)
	}
	panic(&ValidationError{ErrorInfo{Model: r.model.Name, Value: key, HasValue: true,
		Msg: fmt.Sprintf("Sorted: want an order string or a func(a, b Recordset) bool, got %T", key)}})
}

// Reversed returns the records in reverse order, sharing r's prefetch set
// (Odoo's reversed(records)).
func (r Recordset) Reversed() Recordset {
	ids := make([]int64, len(r.idList()))
	for i, id := range r.idList() {
		ids[len(ids)-1-i] = id
	}
	return r.withIDs(ids)
}

func (r Recordset) reversedIf(rev bool) Recordset {
	if !rev {
		return r
	}
	return r.Reversed()
}

// sortedBy sorts recs by terms, stably; byID breaks the remaining ties by
// id (the model's order, as Search); reverse compares in the opposite
// direction, ties kept in their order.
func (r Recordset) sortedBy(terms []orderTerm, recs []Recordset, byID, reverse bool) Recordset {
	p := r.prefetch
	if p == nil {
		p = fixedPrefetch(r.idList())
	}
	ord := recordOrder{env: r.env, prefetch: map[*Model]*prefetchSet{r.model: p}}
	sort.SliceStable(recs, func(i, j int) bool {
		a, b := recs[i].idList()[0], recs[j].idList()[0]
		c := ord.compare(r.model, terms, a, b, reverse, map[string]bool{r.model.Name: true})
		if c == 0 && byID {
			c = cmpInt(a, b)
		}
		return c < 0
	})
	return r.fromRecords(recs)
}

func (r Recordset) fromRecords(recs []Recordset) Recordset {
	ids := make([]int64, len(recs))
	for i, rec := range recs {
		ids[i] = rec.idList()[0]
	}
	return r.withIDs(ids)
}

// Group is one group of Grouped: a key and its records.
type Group struct {
	Key     any
	Records Recordset
}

// Groups is the result of Grouped: groups in the order their key was
// first seen.
type Groups []Group

// Get returns the records of the group with that key (an empty recordset
// of no model when there is none).
func (gs Groups) Get(key any) Recordset {
	k := groupKey(key)
	for _, g := range gs {
		if groupKey(g.Key) == k {
			return g.Records
		}
	}
	return Recordset{}
}

// Keys returns the keys of the groups, in order.
func (gs Groups) Keys() []any {
	out := make([]any, len(gs))
	for i, g := range gs {
		out[i] = g.Key
	}
	return out
}

// Grouped splits the records by key (Odoo 17's grouped): a path, whose
// value is the group key (a Recordset for a relational field), or a
// func(Recordset) any. Groups come in first-seen order, records keep theirs.
func (r Recordset) Grouped(key any) Groups {
	r.check()
	var fn func(Recordset) any
	switch k := key.(type) {
	case string:
		fn = func(rec Recordset) any { return rec.Get(k) }
	case func(Recordset) any:
		fn = k
	default:
		fn = recordFunc(r.model.Name, "Grouped", key)
	}
	var out Groups
	index := map[string]int{}
	ids := map[string][]int64{}
	for _, rec := range r.Records() {
		v := fn(rec)
		k := groupKey(v)
		if _, ok := index[k]; !ok {
			index[k] = len(out)
			out = append(out, Group{Key: v})
		}
		ids[k] = append(ids[k], rec.idList()[0])
	}
	for i := range out {
		out[i].Records = r.withIDs(ids[groupKey(out[i].Key)])
	}
	return out
}

// groupKey is a comparable form of a group key.
func groupKey(v any) string {
	if rs, ok := v.(Recordset); ok {
		return "rs:" + rs.String()
	}
	if n, ok := toInt64(v); ok {
		return fmt.Sprintf("int:%d", n)
	}
	return fmt.Sprintf("%T:%v", v, v)
}
