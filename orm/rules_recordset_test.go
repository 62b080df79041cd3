package orm_test

// ODOO-RULES.md §4 (recordset API).

import (
	"errors"
	"testing"

	"odsh/orm"
)

// §4 "Records yielded by iteration share the recordset's prefetch set;
// rs[0], rs[:5], browse() get their own prefetch set; with_user,
// with_context keep it".
func TestRulePrefetchSharing(t *testing.T) {
	env, m := rulesEnv(t)
	ids := m.Create(orm.Values{"name": "a"}, orm.Values{"name": "b"}, orm.Values{"name": "c"}).IDs()
	rs := m.Browse(ids...)
	reads := func(f func()) int {
		env.InvalidateAll()
		n := env.QueryCount()
		f()
		return env.QueryCount() - n
	}
	if n := reads(func() {
		for _, r := range rs.Records() {
			_ = r.Str("name")
		}
	}); n != 1 {
		t.Errorf("iteration: %d queries, want 1 (shared prefetch set)", n)
	}
	if n := reads(func() {
		for _, r := range rs.Records() {
			_ = r.WithContext(orm.Ctx{"x": 1}).Sudo().Str("name")
		}
	}); n != 1 {
		t.Errorf("iteration through WithContext/Sudo: %d queries, want 1", n)
	}
	if n := reads(func() {
		for i := 0; i < rs.Len(); i++ {
			_ = rs.At(i).Str("name")
		}
	}); n != 3 {
		t.Errorf("indexing: %d queries, want 3 (own prefetch set per rs[i])", n)
	}
	if n := reads(func() {
		_ = rs.Slice(0, 2).Records()[0].Str("name")
		_ = rs.At(2).Str("name")
	}); n != 2 {
		t.Errorf("slice then index: %d queries, want 2", n)
	}
	n := env.QueryCount()
	m.Browse(987654321)
	if env.QueryCount() != n {
		t.Errorf("browse sent a query")
	}
}

// §4 "attribute assignment on a multi-record set writes all"; §8 "write on
// many records applies the same value; duplicates in the recordset are
// fine".
func TestRuleMultiAssignment(t *testing.T) {
	env, m := rulesEnv(t)
	rs := m.Create(orm.Values{"name": "a"}, orm.Values{"name": "b"})
	dup := rs.Concat(rs)
	dup.Set("n", 3)
	env.InvalidateAll()
	if got := rs.Mapped("n").([]any); len(got) != 2 || got[0] != int64(3) || got[1] != int64(3) {
		t.Errorf("n on both: got %v", got)
	}
	if got := dup.Len(); got != 4 {
		t.Errorf("concat keeps duplicates: %d", got)
	}
}

// §4 "+ concat (keeps duplicates/order), | union, & intersection, -
// difference (dedup, left order), subset tests, in membership; mixing models
// → TypeError".
func TestRuleSetOperatorsMixedModels(t *testing.T) {
	env, m := rulesEnv(t)
	r := m.Create(orm.Values{"name": "a"})
	tag := env.Model("rules.tag").Create(orm.Values{"name": "t"})
	for name, f := range map[string]func(){
		"concat":    func() { r.Concat(tag) },
		"union":     func() { r.Union(tag) },
		"intersect": func() { r.Intersect(tag) },
		"subtract":  func() { r.Subtract(tag) },
		"contains":  func() { r.Contains(tag) },
		"subset":    func() { r.IsSubset(tag) },
	} {
		if err := env.Catch(f); err == nil {
			t.Errorf("%s of two models: no error", name)
		}
	}
	ab := m.Create(orm.Values{"name": "b"}).Concat(r)
	if got := ab.Subtract(m.Browse()).Concat(ab); got.Len() != 4 {
		t.Errorf("concat: got %v", got)
	}
	if got := ab.Concat(ab).Subtract(m.Browse()); !got.Equal(ab) {
		t.Errorf("difference deduplicates, left order: got %v, want %v", got, ab)
	}
}

// §4 "sorted(key=None|'field'|func, reverse) (None → model _order)".
func TestRuleSortedReverse(t *testing.T) {
	_, m := rulesEnv(t)
	rs := m.Create(orm.Values{"name": "b", "n": 1}, orm.Values{"name": "c", "n": 1}, orm.Values{"name": "a", "n": 2})
	b, c, a := rs.At(0), rs.At(1), rs.At(2)
	if got := rs.Sorted(nil); !got.Equal(a.Concat(b, c)) {
		t.Errorf("Sorted(nil): got %v, want model order a b c", got)
	}
	if got := rs.Sorted(nil, true); !got.Equal(c.Concat(b, a)) {
		t.Errorf("Sorted(nil, reverse): got %v, want c b a", got)
	}
	if got := rs.Sorted("n", true); !got.Equal(a.Concat(c, b)) {
		t.Errorf("Sorted(n, reverse): got %v, want a c b (ids reversed on ties)", got)
	}
	byN := func(x, y orm.Recordset) bool { return x.Int("n") < y.Int("n") }
	if got := rs.Sorted(byN, true); !got.Equal(a.Concat(b, c)) {
		t.Errorf("Sorted(func, reverse): got %v, want a b c (stable on ties, as Python)", got)
	}
	if got := rs.Reversed(); !got.Equal(a.Concat(c, b)) {
		t.Errorf("Reversed: got %v", got)
	}
}

// §4 "exists() filters out deleted ids (new records count as existing)".
func TestRuleExistsKeepsNewRecords(t *testing.T) {
	_, m := rulesEnv(t)
	gone := m.Create(orm.Values{"name": "gone"})
	kept := m.Create(orm.Values{"name": "kept"})
	gone.Unlink()
	nw := m.New(orm.Values{"name": "new"})
	got := nw.Concat(gone, kept).Exists()
	if !got.Equal(nw.Concat(kept)) {
		t.Errorf("Exists: got %v, want the new record and the kept one", got)
	}
	if got := nw.Exists(); !got.Equal(nw) {
		t.Errorf("Exists of a new record alone: got %v", got)
	}
}

// §4 "create(vals | [vals]) returns records in order; create([]) returns
// empty"; "_origin of a real record is itself".
func TestRuleCreateOrderAndOrigin(t *testing.T) {
	env, m := rulesEnv(t)
	n := env.QueryCount()
	if got := m.Create(); got.Len() != 0 || env.QueryCount() != n {
		t.Errorf("Create(): got %v after %d queries, want empty and none", got, env.QueryCount()-n)
	}
	rs := m.Create(orm.Values{"name": "z"}, orm.Values{"name": "a"}, orm.Values{"name": "m"})
	if got := names(rs); !sameStrings(got, []string{"z", "a", "m"}) {
		t.Errorf("Create order: got %v", got)
	}
	if !rs.Origin().Equal(rs) {
		t.Errorf("Origin of real records: got %v", rs.Origin())
	}
}

// §4 "ensure_one() raises ValueError on 0 or >1 records" with Odoo's
// message "Expected singleton: model(ids)".
func TestRuleEnsureOneMessage(t *testing.T) {
	_, m := rulesEnv(t)
	two := m.Create(orm.Values{"name": "a"}, orm.Values{"name": "b"})
	for _, rs := range []orm.Recordset{m.Browse(), two} {
		err := rs.Env().Catch(func() { rs.EnsureOne() })
		var ve *orm.ValidationError
		if !errors.As(err, &ve) || !contains(err.Error(), "expected singleton: "+rs.String()) {
			t.Errorf("EnsureOne on %v: got %v", rs, err)
		}
	}
}
