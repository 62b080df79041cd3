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

// Odoo: "One2many fields with context={'active_test': False} always show
// archived lines"; "copy() copies archived lines".
func TestRuleArchivedLines(t *testing.T) {
	_, m := rulesEnv(t)
	r := m.Create(orm.Values{"name": "r", "line_ids": []any{
		orm.Command.Create(orm.Values{"name": "on"}), orm.Command.Create(orm.Values{"name": "off", "active": false})}})
	if got := names(r.Rel("line_ids")); !sameStrings(got, []string{"on"}) {
		t.Errorf("line_ids: got %v", got)
	}
	if got := names(r.Rel("all_line_ids")); !sameStrings(got, []string{"on", "off"}) {
		t.Errorf("all_line_ids: got %v", got)
	}
	cp := r.Copy(nil)
	if got := names(cp.Rel("all_line_ids")); !sameStrings(got, []string{"on", "off"}) {
		t.Errorf("copy: lines %v, want the archived line copied too", got)
	}
}
