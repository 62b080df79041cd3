package orm_test

import (
	"testing"

	"odsh/orm"
)

// An x2many read with active_test false includes archived lines, and the
// two readings do not overwrite each other in the cache (Odoo keys the
// x2many cache by active_test).
func TestX2manyCachePerActiveTest(t *testing.T) {
	env, m := things(t)
	tags := env.Model("test.tag")
	live := tags.Create(orm.Values{"name": "live"})
	old := tags.Create(orm.Values{"name": "old", "active": false})
	rec := m.Create(orm.Values{"name": "T", "tag_ids": []int64{live.ID(), old.ID()}})
	env.InvalidateAll()
	all := rec.WithContext(orm.Ctx{"active_test": false})
	for round := 0; round < 2; round++ { // second round: from the cache
		if got := names(rec.Rel("tag_ids")); !sameStrings(got, []string{"live"}) {
			t.Fatalf("round %d, default read: got %v", round, got)
		}
		if got := names(all.Rel("tag_ids")); !sameStrings(got, []string{"live", "old"}) {
			t.Fatalf("round %d, active_test false: got %v", round, got)
		}
	}
	rec.Write(orm.Values{"tag_ids": []any{orm.Command.Unlink(old.ID())}})
	if got := names(all.Rel("tag_ids")); !sameStrings(got, []string{"live"}) {
		t.Fatalf("after unlinking the archived tag: got %v", got)
	}
}
