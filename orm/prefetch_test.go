package orm_test

import (
	"fmt"
	"testing"

	"odsh/orm"
)

// §4 "Records yielded by iteration share the recordset's prefetch set
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
