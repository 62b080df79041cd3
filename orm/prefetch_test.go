package orm_test

import (
	"fmt"
	"testing"

	"odsh/orm"
)

// Odoo: "Records yielded by iteration share the recordset's prefetch set
// (reversed iteration reverses it); rs[0], rs[:5], browse() get their own
// prefetch set; with_user, with_context, with_prefetch(ids) keep it":
// reading a field after a full invalidation costs one query for the
// records sharing the set, and one more for a record outside it.
func TestPrefetchSharing(t *testing.T) {
	env := sweepEnv(t)
	contacts := env.Model("test.sweep.contact")
	var vals []orm.Values
	for i := range 6 {
		vals = append(vals, orm.Values{"name": fmt.Sprintf("c%d", i)})
	}
	all := contacts.Create(vals...)
	ids := all.IDs()
	// queries reads name on each record of reads, from a cold cache, and
	// returns the number of queries.
	queries := func(reads ...orm.Recordset) int {
		env.InvalidateAll()
		before := env.QueryCount()
		for _, r := range reads {
			_ = r.Str("name")
		}
		return env.QueryCount() - before
	}
	recs := all.Records()
	for _, tc := range []struct {
		name  string
		reads []orm.Recordset
		want  int
	}{
		{"iteration shares", []orm.Recordset{recs[0], recs[3], recs[5]}, 1},
		{"reversed shares", []orm.Recordset{all.Reversed().Records()[0], all.Reversed().Records()[4]}, 1},
		{"At has its own", []orm.Recordset{all.At(0), all.At(1)}, 2},
		{"Slice has its own", []orm.Recordset{all.Slice(0, 2).Records()[0], all.Slice(2, 4).Records()[0], all.Slice(0, 2).Records()[1]}, 2},
		{"Browse has its own", []orm.Recordset{contacts.Browse(ids[0]), contacts.Browse(ids[1])}, 2},
		{"WithContext keeps", []orm.Recordset{recs[0].WithContext(orm.Ctx{"lang": "en_US"}), recs[1]}, 1},
		{"Sudo keeps", []orm.Recordset{recs[0].Sudo(), recs[2]}, 1},
		{"WithPrefetch(ids) shares them", []orm.Recordset{contacts.Browse(ids[0]).WithPrefetch(ids...), contacts.Browse(ids[4])}, 1},
		{"WithPrefetch() is its own", []orm.Recordset{recs[0].WithPrefetch(), recs[1]}, 2},
		{"WithPrefetch keeps through WithContext", []orm.Recordset{contacts.Browse(ids[2]).WithPrefetch(ids...).WithContext(orm.Ctx{"x": 1}), contacts.Browse(ids[5])}, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := queries(tc.reads...); got != tc.want {
				t.Errorf("got %d queries, want %d", got, tc.want)
			}
		})
	}
	// The ids stay those of the recordset.
	if got := contacts.Browse(ids[1]).WithPrefetch(ids...).IDs(); len(got) != 1 || got[0] != ids[1] {
		t.Errorf("WithPrefetch ids: got %v, want [%d]", got, ids[1])
	}
}

// Odoo: "Records yielded by iteration share the recordset's prefetch set;
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
