package orm_test

import (
	"testing"

	"odsh/internal/testdb"
	"odsh/orm"
)

func TestWritesThroughTwoEnvsShareTheCache(t *testing.T) {
	env := testdb.Env(t, coreAddon, reviewAddon)
	a := reviewOrder(env, "a", 1)
	u := a.WithUser(2).Sudo()
	a.Write(orm.Values{"name": "su"})
	u.Write(orm.Values{"name": "user"})
	if a.Str("name") != "user" {
		t.Errorf("got %q", a.Str("name"))
	}
	env.FlushAll()
	env.InvalidateAll()
	if a.Str("name") != "user" || a.Str("upper") != "USER" {
		t.Errorf("got %q %q", a.Str("name"), a.Str("upper"))
	}
}

// Odoo: "flush_model(fnames), flush_recordset(fnames), env.flush_all()":
// only the named fields are sent.
func TestRuleFlushNamedFields(t *testing.T) {
	env, m := rulesEnv(t)
	rs := m.Create(orm.Values{"name": "a", "n": 1}, orm.Values{"name": "b", "n": 1})
	env.FlushAll()
	rs.Write(orm.Values{"name": "x", "ro": "y"})
	rs.At(0).Write(orm.Values{"note": "only first"})
	state := func() [][]any {
		return sqlRows(env, `SELECT name, coalesce(ro, '-'), coalesce(note, '-') FROM rules_rec WHERE id = ANY(%s) ORDER BY id`, rs.IDs())
	}
	m.FlushModel("name")
	got := state()
	if got[0][0] != "x" || got[1][0] != "x" || got[0][1] != "-" || got[0][2] != "-" {
		t.Fatalf("FlushModel(name): got %v, want only the names sent", got)
	}
	rs.At(1).FlushRecordset("ro")
	got = state()
	if got[1][1] != "y" || got[0][1] != "-" || got[0][2] != "-" {
		t.Fatalf("FlushRecordset(ro) on the second: got %v", got)
	}
	m.FlushModel()
	got = state()
	if got[0][1] != "y" || got[0][2] != "only first" || got[1][2] != "-" {
		t.Fatalf("FlushModel(): got %v", got)
	}
}

// Odoo: "invalidate_model, invalidate_recordset, env.invalidate_all() (flush
// first by default)": a pending write survives invalidation.
func TestRuleInvalidateFlushesFirst(t *testing.T) {
	env, m := rulesEnv(t)
	r := m.Create(orm.Values{"name": "a"})
	env.FlushAll()
	for _, inv := range []func(){
		func() { r.InvalidateRecordset("name") },
		func() { m.InvalidateModel("name") },
		func() { env.InvalidateAll() },
	} {
		r.Write(orm.Values{"name": "pending"})
		inv()
		if got := r.Str("name"); got != "pending" {
			t.Errorf("after invalidation: got %q, want the pending value", got)
		}
		r.Write(orm.Values{"name": "a"})
	}
}
