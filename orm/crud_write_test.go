package orm_test

import (
	"testing"

	"odsh/internal/testdb"
	"odsh/orm"
)

// A recordset holding the same record twice (Concat keeps duplicates) is
// written once per record: a one2many create command makes one line per
// record, not one per occurrence.
func TestWriteDuplicateRecordsCreatesOneLineEach(t *testing.T) {
	env := testdb.Env(t, coreAddon, reviewAddon)
	a := reviewOrder(env, "a")
	b := reviewOrder(env, "b")
	twice := a.Concat(a, b)
	twice.Write(orm.Values{
		"line_ids": []any{orm.Command.Create(orm.Values{"name": "l", "qty": 1})},
		"tag_ids":  []any{orm.Command.Create(orm.Values{"name": "t"})},
	})
	if got := a.Rel("line_ids").Len(); got != 1 {
		t.Errorf("lines of a: got %d, want 1", got)
	}
	if got := b.Rel("line_ids").Len(); got != 1 {
		t.Errorf("lines of b: got %d, want 1", got)
	}
	if got := a.Int("total"); got != 1 {
		t.Errorf("total of a: got %d, want 1", got)
	}
	if got := env.Model("test.tag").SearchCount("[('name', '=', 't')]"); got != 1 {
		t.Errorf("tags created: got %d, want 1", got)
	}
}

func TestDuplicateIDsInWriteLinkUnlink(t *testing.T) {
	env := testdb.Env(t, coreAddon, reviewAddon)
	a := reviewOrder(env, "a", 1)
	rs := env.Model("test.thing").Browse(a.ID(), a.ID())
	rs.Write(orm.Values{"name": "x"})
	env.FlushAll()
	l := a.Rel("line_ids")
	a.Write(orm.Values{"line_ids": []any{orm.Command.Link(l.ID()), orm.Command.Link(l.ID())}})
	rs.Unlink()
	if env.Model("test.thing").Browse(a.ID()).Exists().Len() != 0 {
		t.Error("still exists")
	}
}

// Odoo: "readonly is a UI/onchange concept; the ORM still lets write() set
// readonly non-computed fields".
func TestRuleReadonlyIsWritable(t *testing.T) {
	env, m := rulesEnv(t)
	r := m.Create(orm.Values{"name": "x", "ro": "given"})
	r.Write(orm.Values{"ro": "changed"})
	env.InvalidateAll()
	if got := r.Str("ro"); got != "changed" {
		t.Fatalf("readonly field: got %q, want changed", got)
	}
}
