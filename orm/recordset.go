package orm

import (
	"fmt"
	"strings"
)

// Recordset is an ordered collection of records of one model, bound to an
// env (Odoo's recordset). It is a small immutable value: operations return
// new recordsets. Records reached from a recordset share its prefetch set,
// so reading a field on one record loads it for its siblings too.
//
// Example:
//
//	partners := env.Model("res.partner").Search("[('is_company', '=', True)]", orm.Limit(3))
//	partners.Len()
//	for _, p := range partners.Records() { fmt.Println(p.ID(), p.Str("name")) }
type Recordset struct {
	env      *Env
	model    *Model
	ids      []int64     // nil while lazy has not run: read them with idList
	lazy     *lazySearch // the search whose result these are, when it has not run yet (search_lazy.go)
	prefetch *prefetchSet
}

// prefetchSet is the ids whose fields are loaded together. For a
// relational value it is computed lazily: the values of that field on the
// records of the source's prefetch set that are in the cache.
type prefetchSet struct {
	ids    []int64
	src    *prefetchSet
	field  *Field
	search *lazySearch // the set is the result of this search (search_lazy.go)
	done   bool
	pos    map[int64]int // index of each id, built on first use
}

// position returns the index of id in the set (0 when absent).
func (p *prefetchSet) position(id int64) int {
	if p.pos == nil {
		p.pos = make(map[int64]int, len(p.ids))
		for i, x := range p.ids {
			if _, dup := p.pos[x]; !dup {
				p.pos[x] = i
			}
		}
	}
	return p.pos[id]
}

func fixedPrefetch(ids []int64) *prefetchSet { return &prefetchSet{ids: ids, done: true} }

func (p *prefetchSet) get(c *cache) []int64 {
	if p.done {
		return p.ids
	}
	if p.search != nil {
		p.ids, p.done = p.search.result(), true
		return p.ids
	}
	p.done = true
	seen := map[int64]bool{}
	for _, id := range p.src.get(c) {
		v, ok := c.get(p.field, id)
		if !ok {
			continue
		}
		for _, x := range relIDs(v) {
			if !seen[x] {
				seen[x] = true
				p.ids = append(p.ids, x)
			}
		}
	}
	return p.ids
}

// relIDs returns the ids held by a relational cache value.
func relIDs(v any) []int64 {
	switch x := v.(type) {
	case int64:
		return []int64{x}
	case []int64:
		return x
	}
	return nil
}

func (r Recordset) check() {
	if r.model == nil || r.env == nil {
		panic(&UserError{ErrorInfo{Msg: "this recordset belongs to no model (zero value)"}})
	}
	r.env.tx.checkOwner()
}

// Env returns the recordset's environment.
func (r Recordset) Env() *Env { return r.env }

// Model returns the recordset's model.
func (r Recordset) Model() *Model { return r.model }

// ModelName returns the model's name ("res.partner").
func (r Recordset) ModelName() string {
	if r.model == nil {
		return ""
	}
	return r.model.Name
}

// Browse returns the records of the given ids, without any query.
//
// Example:
//
//	id := env.Ref("base.main_partner").ID()
//	env.Model("res.partner").Browse(id)
func (r Recordset) Browse(ids ...int64) Recordset {
	r.check()
	own := append([]int64(nil), ids...)
	return Recordset{env: r.env, model: r.model, ids: own, prefetch: fixedPrefetch(own)}
}

// BrowseInts is Browse for ids given as int.
//
// Example:
//
//	ids := []int{int(env.Ref("base.main_partner").ID())}
//	env.Model("res.partner").BrowseInts(ids...)
func (r Recordset) BrowseInts(ids ...int) Recordset {
	out := make([]int64, len(ids))
	for i, id := range ids {
		out[i] = int64(id)
	}
	return r.Browse(out...)
}

// WithPrefetch returns the same records with ids as their prefetch set
// (Odoo's with_prefetch): reading a field on one of them loads it for
// those ids too. Without ids, the prefetch set is the records themselves,
// as after Browse. The records reached from the result share it.
func (r Recordset) WithPrefetch(ids ...int64) Recordset {
	r.check()
	if len(ids) == 0 {
		ids = r.idList()
	}
	own := append([]int64(nil), ids...)
	return Recordset{env: r.env, model: r.model, ids: r.idList(), prefetch: fixedPrefetch(own)}
}

// withIDs keeps the env and prefetch set for other ids.
func (r Recordset) withIDs(ids []int64) Recordset {
	p := r.prefetch
	if p == nil {
		p = fixedPrefetch(ids)
	}
	return Recordset{env: r.env, model: r.model, ids: ids, prefetch: p}
}

// Len returns the number of records.
func (r Recordset) Len() int { return len(r.idList()) }

// IDs returns a copy of the ids, in order.
func (r Recordset) IDs() []int64 { return append([]int64(nil), r.idList()...) }

// ID returns the id of a single record, 0 for an empty recordset; several
// records panic with a ValidationError, as Odoo's "Expected singleton".
func (r Recordset) ID() int64 {
	switch len(r.idList()) {
	case 0:
		return 0
	case 1:
		return r.idList()[0]
	}
	panic(r.singletonErr())
}

func (r Recordset) singletonErr() *ValidationError {
	return &ValidationError{ErrorInfo{Model: r.ModelName(), IDs: r.idList(), Msg: fmt.Sprintf("expected singleton: %s", r)}}
}

// Records returns one recordset per record, sharing the prefetch set.
//
// Example:
//
//	for _, o := range env.Model("demo.order").Search("[]", orm.Limit(2)).Records() { fmt.Println(o.Str("name")) }
func (r Recordset) Records() []Recordset {
	out := make([]Recordset, len(r.idList()))
	for i := range r.idList() {
		out[i] = r.withIDs(r.idList()[i : i+1 : i+1])
	}
	return out
}

// At returns the i-th record (negative i counts from the end).
//
// Example:
//
//	orders := env.Model("demo.order").Search("[]", orm.Limit(3))
//	orders.At(0).Str("name")
//	orders.At(-1).Str("name")
func (r Recordset) At(i int) Recordset {
	if i < 0 {
		i += len(r.idList())
	}
	if i < 0 || i >= len(r.idList()) {
		panic(&UserError{ErrorInfo{Model: r.ModelName(), Msg: fmt.Sprintf("index %d out of range for %d records", i, len(r.idList()))}})
	}
	return r.Browse(r.idList()[i])
}

// Slice returns records [i, j) with Python's slicing rules, as Odoo's
// rs[i:j]: a negative bound counts from the end, and bounds out of range
// are clamped, so Slice never fails (Slice(-2, 3) is the last two of
// three records, Slice(5, 9) of three records is empty).
func (r Recordset) Slice(i, j int) Recordset {
	n := len(r.idList())
	clamp := func(k int) int {
		if k < 0 {
			k += n
		}
		return max(0, min(k, n))
	}
	i, j = clamp(i), clamp(j)
	if i > j {
		i = j
	}
	return r.Browse(r.idList()[i:j]...)
}

// EnsureOne returns r if it holds exactly one record, else panics with a
// ValidationError.
func (r Recordset) EnsureOne() Recordset {
	if len(r.idList()) != 1 {
		panic(r.singletonErr())
	}
	return r
}

// IsEmpty reports whether r has no record (Odoo's `not records`).
func (r Recordset) IsEmpty() bool { return len(r.idList()) == 0 }

// String prints Odoo's repr: res.partner(1, 2, 3).
func (r Recordset) String() string {
	var b strings.Builder
	b.WriteString(r.ModelName())
	b.WriteString("(")
	for i, id := range r.idList() {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%d", id)
	}
	if len(r.idList()) == 1 {
		b.WriteString(",")
	}
	b.WriteString(")")
	return b.String()
}

func (r Recordset) sameModel(o Recordset, op string) {
	if r.model != o.model && (r.model == nil || o.model == nil || r.model.Name != o.model.Name) {
		panic(&UserError{ErrorInfo{Model: r.ModelName(), Msg: fmt.Sprintf("cannot %s %s and %s records", op, r.ModelName(), o.ModelName())}})
	}
}

// Concat returns r followed by the others, duplicates kept (Odoo's +).
func (r Recordset) Concat(others ...Recordset) Recordset {
	ids := append([]int64(nil), r.idList()...)
	for _, o := range others {
		r.sameModel(o, "concatenate")
		ids = append(ids, o.idList()...)
	}
	return r.Browse(ids...)
}

// Union returns the records of r and the others, first occurrence order,
// without duplicates (Odoo's |).
func (r Recordset) Union(others ...Recordset) Recordset {
	seen := make(map[int64]bool, len(r.idList()))
	var ids []int64
	add := func(xs []int64) {
		for _, id := range xs {
			if !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
	}
	add(r.idList())
	for _, o := range others {
		r.sameModel(o, "unite")
		add(o.idList())
	}
	return r.Browse(ids...)
}

// Intersect returns the records of r that are in every other, in r's
// order, without duplicates (Odoo's &).
func (r Recordset) Intersect(others ...Recordset) Recordset {
	ids := dedup(r.idList())
	for _, o := range others {
		r.sameModel(o, "intersect")
		in := idSet(o.idList())
		kept := ids[:0:0]
		for _, id := range ids {
			if in[id] {
				kept = append(kept, id)
			}
		}
		ids = kept
	}
	return r.Browse(ids...)
}

// Subtract returns the records of r in none of the others, in r's order,
// duplicates of r kept (Odoo's -).
func (r Recordset) Subtract(others ...Recordset) Recordset {
	out := map[int64]bool{}
	for _, o := range others {
		r.sameModel(o, "subtract")
		for _, id := range o.idList() {
			out[id] = true
		}
	}
	var ids []int64
	for _, id := range r.idList() {
		if !out[id] {
			ids = append(ids, id)
		}
	}
	return r.Browse(ids...)
}

// Contains reports whether every record of rec is in r (Odoo's `in`).
func (r Recordset) Contains(rec Recordset) bool {
	r.sameModel(rec, "compare")
	in := idSet(r.idList())
	for _, id := range rec.idList() {
		if !in[id] {
			return false
		}
	}
	return true
}

// Equal reports whether r and o hold the same set of ids of the same model,
// whatever their order, duplicates and envs (Odoo's ==): a.Union(b) equals
// b.Union(a), and a.Concat(a) equals a.
func (r Recordset) Equal(o Recordset) bool {
	if r.ModelName() != o.ModelName() {
		return false
	}
	in, other := idSet(r.idList()), idSet(o.idList())
	if len(in) != len(other) {
		return false
	}
	for id := range other {
		if !in[id] {
			return false
		}
	}
	return true
}

// IsSubset reports whether every record of r is in o (Odoo's <=).
func (r Recordset) IsSubset(o Recordset) bool { return o.Contains(r) }

func dedup(ids []int64) []int64 {
	seen := make(map[int64]bool, len(ids))
	out := make([]int64, 0, len(ids))
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

func idSet(ids []int64) map[int64]bool {
	s := make(map[int64]bool, len(ids))
	for _, id := range ids {
		s[id] = true
	}
	return s
}

// WithEnv returns the same records in another env, same prefetch set.
func (r Recordset) WithEnv(env *Env) Recordset {
	m := env.tx.reg.models[r.ModelName()]
	if m == nil {
		m = r.model
	}
	return Recordset{env: env, model: m, ids: r.ids, lazy: r.lazy, prefetch: r.prefetch}
}

// WithContext returns the records with c merged into the context.
//
// Example:
//
//	env.Model("res.partner").WithContext(orm.Ctx{"active_test": false}).SearchCount("[]")
func (r Recordset) WithContext(c Ctx) Recordset { r.check(); return r.WithEnv(r.env.WithContext(c)) }

// Sudo returns the records in superuser mode (Sudo(false) leaves it).
func (r Recordset) Sudo(flag ...bool) Recordset { r.check(); return r.WithEnv(r.env.Sudo(flag...)) }

// WithUser returns the records seen by another user (id, login or record).
func (r Recordset) WithUser(user any) Recordset { r.check(); return r.WithEnv(r.env.WithUser(user)) }

// WithCompany returns the records with c as the current company.
func (r Recordset) WithCompany(c any) Recordset { r.check(); return r.WithEnv(r.env.WithCompany(c)) }

// Exists returns the records of r that still exist in the database (one
// query, as Odoo); new records (Model.New) count as existing, and other
// non-positive ids (0, a negative id New did not return) never exist.
func (r Recordset) Exists() Recordset {
	r.check()
	if len(r.idList()) == 0 {
		return r
	}
	known := map[int64]bool{}
	var real []int64
	for _, id := range dedup(r.idList()) {
		switch {
		case id > 0 && r.model.HasTable():
			real = append(real, id)
		case id > 0, r.isNewID(id):
			known[id] = true
		}
	}
	if len(real) > 0 {
		r.env.tx.query(fmt.Sprintf("SELECT id FROM %s WHERE id = ANY($1)", quote(r.model.Table)), []any{real},
			func(rows pgxRows) error {
				var id int64
				if err := rows.Scan(&id); err != nil {
					return err
				}
				known[id] = true
				return nil
			})
	}
	var ids []int64
	for _, id := range r.idList() {
		if known[id] {
			ids = append(ids, id)
		}
	}
	return r.withIDs(ids)
}

// isNewID reports whether id is a new record this transaction made and
// has not dropped.
func (r Recordset) isNewID(id int64) bool {
	tx := r.env.tx
	return id < 0 && -id <= tx.comp.newSeq && !tx.cache.gone[r.model][id]
}
