package orm_test

// ODOO-RULES.md §8 (CRUD), §13 (active), and the one2many lines of "Seen
// on a running Odoo 18".

import (
	"testing"

	"odsh/orm"
)

// "Seen on a running Odoo 18": Command.set on a one2many moves the listed
// lines to this record and detaches (parent NULL) the lines it drops; §8
// "set/clear only touch lines visible in the field's context (archived
// lines untouched unless active_test=False)".
func TestRuleOne2manySetDetaches(t *testing.T) {
	env, m := rulesEnv(t)
	lines := env.Model("rules.line")
	r := m.Create(orm.Values{"name": "r", "line_ids": []any{
		orm.Command.Create(orm.Values{"name": "kept"}), orm.Command.Create(orm.Values{"name": "dropped"}),
		orm.Command.Create(orm.Values{"name": "archived", "active": false})}})
	other := m.Create(orm.Values{"name": "o"})
	moved := lines.Create(orm.Values{"name": "moved", "rec_id": other.ID()})
	all := r.Rel("all_line_ids")
	if got := names(all); !sameStrings(got, []string{"kept", "dropped", "archived"}) {
		t.Fatalf("all_line_ids (active_test false): got %v", got)
	}
	kept, dropped, archived := all.At(0), all.At(1), all.At(2)
	r.Write(orm.Values{"line_ids": []any{orm.Command.Set(kept.ID(), moved.ID())}})
	if got := names(r.Rel("line_ids")); !sameStrings(got, []string{"kept", "moved"}) {
		t.Errorf("after set: got %v", got)
	}
	if dropped.Exists().Len() != 1 || dropped.Rel("rec_id").Len() != 0 {
		t.Errorf("dropped line: must exist with no parent, got rec_id %v", dropped.Rel("rec_id"))
	}
	if other.Rel("line_ids").Len() != 0 {
		t.Errorf("moved line still on its old parent")
	}
	if !archived.Rel("rec_id").Equal(r) {
		t.Errorf("archived line touched by set: rec_id %v", archived.Rel("rec_id"))
	}
	r.Write(orm.Values{"line_ids": []any{orm.Command.Clear()}})
	if !archived.Rel("rec_id").Equal(r) || kept.Rel("rec_id").Len() != 0 {
		t.Errorf("clear: archived rec_id %v (want kept), kept rec_id %v (want none)", archived.Rel("rec_id"), kept.Rel("rec_id"))
	}
	r.WithContext(orm.Ctx{"active_test": false}).Write(orm.Values{"line_ids": []any{orm.Command.Clear()}})
	if archived.Rel("rec_id").Len() != 0 {
		t.Errorf("clear with active_test false left the archived line")
	}
}

// §13 "One2many fields with context={'active_test': False} always show
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

// §8 "unlink(): … deleting already-deleted ids is a no-op"; "unlink()
// returns True" (nothing to return in Go).
func TestRuleUnlinkTwice(t *testing.T) {
	_, m := rulesEnv(t)
	r := m.Create(orm.Values{"name": "x"})
	r.Unlink()
	if err := r.Env().Catch(func() { r.Unlink() }); err != nil {
		t.Fatalf("second unlink: %v", err)
	}
}

// §8 "Unknown field in create/write/new → ValueError".
func TestRuleUnknownFieldInNew(t *testing.T) {
	_, m := rulesEnv(t)
	err := m.Env().Catch(func() { m.New(orm.Values{"nmae": "x"}) })
	wantValidation(t, err, "rules.rec", "nmae")
}

// §8 "Writes are buffered in cache and flushed later (before search, …,
// flush_*)"; §11 "Fields used in ORDER BY are flushed before the query".
func TestRuleWritesBufferedUntilNeeded(t *testing.T) {
	env, m := rulesEnv(t)
	rs := m.Create(orm.Values{"name": "a"}, orm.Values{"name": "b"})
	env.FlushAll()
	rs.At(0).Write(orm.Values{"name": "z"})
	rows := sqlRows(env, `SELECT name FROM rules_rec WHERE id = %s`, rs.At(0).ID())
	if rows[0][0] != "a" {
		t.Fatalf("write sent before a flush: %v", rows)
	}
	if got := m.Search(nil, orm.Order("name desc")); !got.Equal(rs.At(0).Concat(rs.At(1))) {
		t.Errorf("order by a pending field: got %v", got)
	}
}

// §8 "Commands: … a plain list of ids on an x2many = set"; raw triples.
func TestRuleRawCommands(t *testing.T) {
	env, m := rulesEnv(t)
	tags := env.Model("rules.tag").Create(orm.Values{"name": "a"}, orm.Values{"name": "b"}, orm.Values{"name": "c"})
	r := m.Create(orm.Values{"name": "r", "tag_ids": tags.IDs()})
	if r.Rel("tag_ids").Len() != 3 {
		t.Fatalf("list of ids: got %v", r.Rel("tag_ids"))
	}
	r.Write(orm.Values{"tag_ids": []any{[]any{3, tags.At(0).ID()}, []any{5}, []any{4, tags.At(2).ID()}, []any{1, tags.At(2).ID(), map[string]any{"name": "c2"}}}})
	if got := names(r.Rel("tag_ids")); !sameStrings(got, []string{"c2"}) {
		t.Errorf("raw 3/5/4/1: got %v", got)
	}
	r.Write(orm.Values{"tag_ids": []any{[]any{2, tags.At(2).ID()}}})
	if tags.At(2).Exists().Len() != 0 || r.Rel("tag_ids").Len() != 0 {
		t.Errorf("raw 2 (delete): tag still there")
	}
}
