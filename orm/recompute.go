package orm

// Recomputation: how computed fields stay consistent with their
// dependencies.
//
// # Dependencies and triggers
//
// A computed field declares what it reads as dotted paths ("quantity",
// "line_ids.price_subtotal", "partner_id.country_id.code"). When the
// registry is set up (Registry.setupDependencies) every path is resolved
// into a chain of fields p0.p1…pn, and each link pi becomes a *trigger*:
// "when pi changes on some records of its model, the target field must be
// recomputed on the records reached by walking p(i-1)…p0 backwards". Walking
// a relational field backwards means:
//
//   - one2many (owner.line_ids ← lines): read the lines' inverse many2one;
//   - many2one (line.order_id ← orders): SELECT the records whose column
//     points to the changed ones (nothing to do for records just created:
//     nobody refers to them yet);
//   - many2many: SELECT the owners from the relation table.
//
// A one2many link also triggers on its inverse many2one: moving a line to
// another order changes the line_ids of both orders. The triggers of all
// fields form the trigger index, read-only afterwards; a cycle of stored
// computed fields is refused there (a field that depends on itself through
// a relation must say Recursive).
//
// # Marking
//
// Every change goes through Transaction.modified(fields, ids): create,
// write, x2many commands, unlink (before the rows go), Recordset.Modified.
// It follows the triggers: a stored target is *marked to compute* on the
// records reached (not computed yet), a non-stored one is invalidated in the
// cache, and in both cases the targets' own triggers are followed in turn,
// so one change marks everything downstream at once (the transitive
// closure, as Odoo's trigger trees). Records already marked stop the walk,
// which also ends the walk down a recursive tree at its leaves. Fields being
// computed or protected (written explicitly, or being inverted) are not
// marked. Non-stored targets that no stored field depends on are
// invalidated from what the cache knows, without a query.
//
// # When marked fields are computed
//
// Lazily, but before anything can read them from the database: reading the
// field (Get on a marked record computes up to PrefetchMax marked records
// at once; a Recursive field one record at a time, so parents come first),
// and every flush (FlushAll, FlushModel, FlushRecordset), which Unlink,
// Catch, raw SQL helpers and Commit perform; Search and ReadGroup compute
// only the marked fields their SQL reads (flush_search.go). A computed
// stored value becomes a dirty cache value like any write (unless it equals
// the value already known), so the recomputation of a thousand records is
// sent as one UPDATE per set of fields. Constraints watching a recomputed
// field run right after its computation.
//
// Fields computed by the same function (same code, same model, same
// dependencies) are computed together: one call assigns them all.

import (
	"fmt"
	"slices"
	"sort"
)

// computeState is the transaction's recomputation state.
type computeState struct {
	todo      map[*Field]map[int64]bool           // stored fields marked to compute
	protected map[*Field]map[int64]int            // fields not to mark (written, inverted)
	assigned  map[*Field]map[int64]bool           // values assigned by running computes
	variants  map[*Field]map[string]map[int64]any // DependsContext values per key
	origin    map[int64]int64                     // new record → the real one it copies
	newSeq    int64                               // last new record id, negated
}

func newComputeState() *computeState {
	return &computeState{
		todo:      map[*Field]map[int64]bool{},
		protected: map[*Field]map[int64]int{},
		assigned:  map[*Field]map[int64]bool{},
		variants:  map[*Field]map[string]map[int64]any{},
		origin:    map[int64]int64{},
	}
}

// markJob is a change to propagate: field f changed on ids (all when all).
type markJob struct {
	f      *Field
	ids    []int64
	all    bool
	create bool // ids were just created: nothing refers to them yet
}

// modified propagates a change of fields on ids of their model: stored
// dependents are marked to compute, non-stored ones invalidated.
func (tx *Transaction) modified(fields []*Field, ids []int64, create bool) {
	if len(ids) == 0 || tx.reg.deps == nil {
		return
	}
	var queue []markJob
	for _, f := range fields {
		if len(tx.reg.deps.triggers[f]) > 0 {
			queue = append(queue, markJob{f: f, ids: ids, create: create})
		}
	}
	done := map[*Field]map[int64]bool{}
	memo := walkMemo{}
	for len(queue) > 0 {
		job := queue[0]
		queue = queue[1:]
		queue = append(queue, tx.followTriggers(job, done, memo)...)
	}
}

// followTriggers applies the triggers of one change and returns the
// changes it causes. memo keeps the inverse walks of the whole propagation
// (nothing is written meanwhile): several changed fields that reach their
// targets through the same relation (a partner's name, is_company and
// parent_id all walk back parent_id) select its referrers once.
func (tx *Transaction) followTriggers(job markJob, done map[*Field]map[int64]bool, memo walkMemo) []markJob {
	var next []markJob
	walks := map[string]walkResult{}
	for _, tg := range tx.reg.deps.triggers[job.f] {
		precise := tg.target.Store || tx.reg.deps.feedsStored[tg.target]
		key := tg.key(precise)
		w, ok := walks[key]
		if !ok {
			w = tx.walkBack(tg.back, job, precise, memo)
			walks[key] = w
		}
		if out, ok := tx.mark(tg.target, w, done); ok {
			out.create = job.create && len(tg.back) == 0
			next = append(next, out)
		}
	}
	return next
}

// walkResult is the records a walk reached, or all of them when the cache
// could not tell.
type walkResult struct {
	ids []int64
	all bool
}

// walkBack follows back from the job's records to the target's.
func (tx *Transaction) walkBack(back []*Field, job markJob, precise bool, memo walkMemo) walkResult {
	w := walkResult{ids: job.ids, all: job.all}
	for i, p := range back {
		if w.all || len(w.ids) == 0 {
			return w
		}
		if i == 0 && job.create && p.Type != TypeOne2many {
			return walkResult{} // nothing refers to records just created
		}
		key := walkKey{p: p, precise: precise, n: len(w.ids), sum: hashIDs(w.ids)}
		if m, ok := memo[key]; ok && slices.Equal(m.from, w.ids) {
			w = m.to
			continue
		}
		from := w.ids
		w = tx.inverseOf(p, from, precise)
		memo[key] = walkMemoEntry{from: from, to: w}
	}
	return w
}

// walkMemo remembers the inverse walks of one propagation by field and
// records walked from (a hash as key, the ids themselves to compare).
type walkMemo map[walkKey]walkMemoEntry

type walkKey struct {
	p       *Field
	precise bool
	n       int
	sum     uint64
}

type walkMemoEntry struct {
	from []int64
	to   walkResult
}

// hashIDs is FNV-1a over the ids.
func hashIDs(ids []int64) uint64 {
	h := uint64(14695981039346656037)
	for _, id := range ids {
		h ^= uint64(id)
		h *= 1099511628211
	}
	return h
}

// inverseOf returns the records of p's model whose p refers to ids.
func (tx *Transaction) inverseOf(p *Field, ids []int64, precise bool) walkResult {
	switch {
	case p.Type == TypeOne2many:
		return tx.one2manyOwners(p, ids, precise)
	case !precise || !p.Store:
		return tx.cachedReferrers(p, ids)
	case p.Type == TypeMany2one:
		return tx.many2oneReferrers(p, ids)
	case p.Type == TypeMany2many:
		return tx.many2manyReferrers(p, ids)
	}
	return walkResult{}
}

// one2manyOwners reads the inverse many2one of the lines (fetching what
// the cache lacks when precise, with the other columns of the lines).
func (tx *Transaction) one2manyOwners(p *Field, ids []int64, precise bool) walkResult {
	co := tx.reg.models[p.Comodel]
	inv := co.Fields[p.InverseName]
	c := tx.cache
	var missing []int64
	for _, id := range ids {
		if _, ok := c.get(inv, id); !ok && id > 0 && !c.gone[co][id] {
			missing = append(missing, id)
		}
	}
	if len(missing) > 0 {
		if !precise || inv.column == "" {
			return walkResult{all: true}
		}
		rs := r0(co, tx)
		for i := 0; i < len(missing); i += PrefetchMax {
			rs.fetchRows(co.prefetch, missing[i:min(i+PrefetchMax, len(missing))])
		}
	}
	var out []int64
	seen := map[int64]bool{}
	for _, id := range ids {
		v, _ := c.get(inv, id)
		for _, x := range relIDs(v) {
			if !seen[x] {
				seen[x] = true
				out = append(out, x)
			}
		}
	}
	return walkResult{ids: out}
}

// cachedReferrers finds in the cache the records whose p refers to ids.
func (tx *Transaction) cachedReferrers(p *Field, ids []int64) walkResult {
	want := idSet(ids)
	var out []int64
	tx.cache.eachCached(p, func(id int64, v any) {
		for _, x := range relIDs(v) {
			if want[x] {
				out = append(out, id)
				return
			}
		}
	})
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return walkResult{ids: out}
}

// many2oneReferrers selects the records whose column p points to ids,
// after sending the pending writes of p; new records come from the cache.
func (tx *Transaction) many2oneReferrers(p *Field, ids []int64) walkResult {
	m := p.Model
	real := positive(ids)
	out := tx.cachedNewReferrers(p, ids)
	if len(real) == 0 || !m.HasTable() {
		return walkResult{ids: out}
	}
	if len(tx.cache.dirty[p]) > 0 {
		tx.flushRecords(m, func(f *Field) bool { return f == p }, nil)
		tx.referrers.forget()
	}
	return walkResult{ids: append(tx.referringIDs(p, real), out...)}
}

// referringIDs selects the records whose many2one column p holds one of
// ids, in id order. While an unlink works out what its deletion changes
// (tx.referrers set), the same question is asked once: the dependencies
// of several fields go through the same many2one (parent_id for
// child_ids, display_name, commercial_partner_id, …) and nothing is
// written meanwhile.
func (tx *Transaction) referringIDs(p *Field, ids []int64) []int64 {
	if got, ok := tx.referrers.get(p, ids); ok {
		return got
	}
	q := fmt.Sprintf("SELECT id FROM %s WHERE %s = ANY($1) ORDER BY id", quote(p.Model.Table), quote(p.column))
	out := tx.selectIDs(q, ids)
	tx.referrers.put(p, ids, out)
	return out
}

// referrerMemo holds referringIDs' answers during one unlink's marking.
// A nil memo remembers nothing.
type referrerMemo struct {
	entries []referrerEntry
}

type referrerEntry struct {
	field    *Field
	ids, out []int64
}

func (m *referrerMemo) get(p *Field, ids []int64) ([]int64, bool) {
	if m == nil {
		return nil, false
	}
	for _, e := range m.entries {
		if e.field == p && slices.Equal(e.ids, ids) {
			return slices.Clone(e.out), true // callers append to it
		}
	}
	return nil, false
}

func (m *referrerMemo) put(p *Field, ids, out []int64) {
	if m != nil {
		m.entries = append(m.entries, referrerEntry{field: p, ids: slices.Clone(ids), out: slices.Clone(out)})
	}
}

// forget drops what was remembered (after a write that may change it).
func (m *referrerMemo) forget() {
	if m != nil {
		m.entries = nil
	}
}

// many2manyReferrers selects the owners of links to ids.
func (tx *Transaction) many2manyReferrers(p *Field, ids []int64) walkResult {
	real := positive(ids)
	out := tx.cachedNewReferrers(p, ids)
	if len(real) == 0 {
		return walkResult{ids: out}
	}
	q := fmt.Sprintf("SELECT DISTINCT %s FROM %s WHERE %s = ANY($1) ORDER BY 1", quote(p.Column1), quote(p.Relation), quote(p.Column2))
	return walkResult{ids: append(tx.selectIDs(q, real), out...)}
}

// cachedNewReferrers finds the new records (not in the database) whose p
// refers to ids.
func (tx *Transaction) cachedNewReferrers(p *Field, ids []int64) []int64 {
	if tx.comp.newSeq == 0 {
		return nil
	}
	var out []int64
	for _, id := range tx.cachedReferrers(p, ids).ids {
		if id < 0 {
			out = append(out, id)
		}
	}
	return out
}

func (tx *Transaction) selectIDs(q string, ids []int64) []int64 {
	var out []int64
	tx.query(q, []any{ids}, func(rows pgxRows) error {
		var id int64
		err := rows.Scan(&id)
		out = append(out, id)
		return err
	})
	return out
}

func positive(ids []int64) []int64 {
	out := make([]int64, 0, len(ids))
	for _, id := range ids {
		if id > 0 {
			out = append(out, id)
		}
	}
	return out
}

// mark marks (stored) or invalidates (non-stored, or new records) target
// on the records reached, and returns the change to propagate.
func (tx *Transaction) mark(target *Field, w walkResult, done map[*Field]map[int64]bool) (markJob, bool) {
	if w.all {
		if done[target] != nil && done[target][0] {
			return markJob{}, false
		}
		doneSet(done, target)[0] = true
		tx.invalidateField(target, nil)
		return markJob{f: target, all: true}, true
	}
	var newly []int64
	seen := doneSet(done, target)
	for _, id := range w.ids {
		if seen[id] || tx.isProtected(target, id) {
			continue
		}
		seen[id] = true
		if target.Store && id > 0 {
			if tx.comp.todo[target][id] {
				continue
			}
			tx.addToCompute(target, id)
		} else {
			tx.invalidateField(target, []int64{id})
		}
		newly = append(newly, id)
	}
	if len(newly) == 0 {
		return markJob{}, false
	}
	return markJob{f: target, ids: newly}, true
}

func doneSet(done map[*Field]map[int64]bool, f *Field) map[int64]bool {
	s := done[f]
	if s == nil {
		s = map[int64]bool{}
		done[f] = s
	}
	return s
}

func (tx *Transaction) addToCompute(f *Field, id int64) {
	s := tx.comp.todo[f]
	if s == nil {
		s = map[int64]bool{}
		tx.comp.todo[f] = s
	}
	s[id] = true
}

// isToCompute reports whether stored field f is marked to compute on id.
func (tx *Transaction) isToCompute(f *Field, id int64) bool { return tx.comp.todo[f][id] }

// removeToCompute unmarks f on ids.
func (tx *Transaction) removeToCompute(f *Field, ids []int64) {
	s := tx.comp.todo[f]
	for _, id := range ids {
		delete(s, id)
	}
	if len(s) == 0 {
		delete(tx.comp.todo, f)
	}
}

// isProtected reports whether f must not be marked on id: it is being
// computed, written explicitly or inverted.
func (tx *Transaction) isProtected(f *Field, id int64) bool {
	return tx.computing[f][id] || tx.comp.protected[f][id] > 0
}

// protect keeps fields from being marked on ids until the returned
// function is called (nestable).
func (tx *Transaction) protect(fields []*Field, ids []int64) func() {
	for _, f := range fields {
		s := tx.comp.protected[f]
		if s == nil {
			s = map[int64]int{}
			tx.comp.protected[f] = s
		}
		for _, id := range ids {
			s[id]++
		}
	}
	return func() {
		for _, f := range fields {
			s := tx.comp.protected[f]
			for _, id := range ids {
				if s[id]--; s[id] <= 0 {
					delete(s, id)
				}
			}
		}
	}
}

// Protecting runs fn with the named fields of rs protected (Odoo's
// env.protecting): changing their dependencies inside fn neither marks
// them to compute nor invalidates them, so the values they have, or the
// values fn writes, stay as they are. Protections nest; each ends when its
// fn returns or panics. An unknown field panics with a ValidationError.
func (e *Env) Protecting(fields []string, rs Recordset, fn func()) {
	rs.check()
	fs := make([]*Field, len(fields))
	for i, name := range fields {
		fs[i] = rs.model.mustField(name)
	}
	defer e.tx.protect(fs, rs.IDs())()
	fn()
}

// forgetToCompute drops every mark of deleted records.
func (tx *Transaction) forgetToCompute(m *Model, ids []int64) {
	for _, f := range m.FieldList {
		if tx.comp.todo[f] != nil {
			tx.removeToCompute(f, ids)
		}
	}
}

// ToCompute returns the records of r's model whose stored computed field
// is marked to compute (Odoo's env.records_to_compute).
func (r Recordset) ToCompute(field string) Recordset {
	r.check()
	f := r.model.mustField(field)
	ids := make([]int64, 0, len(r.env.tx.comp.todo[f]))
	for id := range r.env.tx.comp.todo[f] {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	return r.Browse(ids...)
}

// Modified tells the ORM that the named fields of r changed behind its
// back (after raw SQL, say): dependents are invalidated or marked to
// compute, as a Write would. Invalidate the changed values themselves
// with InvalidateRecordset.
func (r Recordset) Modified(fields ...string) {
	r.check()
	fs := make([]*Field, len(fields))
	for i, n := range fields {
		fs[i] = r.model.mustField(n)
	}
	r.env.tx.modified(fs, r.idList(), false)
}
