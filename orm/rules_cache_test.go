package orm_test

// ODOO-RULES.md §16 (cache, flush, invalidate), §17 (savepoints).

import (
	"testing"

	"odsh/orm"
)

// §16 "flush_model(fnames), flush_recordset(fnames), env.flush_all()":
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

// §16 "invalidate_model, invalidate_recordset, env.invalidate_all() (flush
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

// §16 "Same-value batch write = 1 UPDATE; recomputations happen at flush
// time".
func TestRuleRecomputeAtFlush(t *testing.T) {
	env, m := rulesEnv(t)
	rs := m.Create(orm.Values{"name": "a", "n": 1}, orm.Values{"name": "b", "n": 2})
	env.FlushAll()
	clear(ruleCalls)
	rs.Write(orm.Values{"n": 5})
	if ruleCalls["double"] != 0 {
		t.Errorf("double computed at write time (%d calls), want at flush", ruleCalls["double"])
	}
	n, stmts := countQueries(env, func() { env.FlushAll() })
	if n != 1 || stmts[0] != "UPDATE" || ruleCalls["double"] != 1 {
		t.Errorf("flush: %d statements %v, %d computations; want 1 UPDATE (n and double together), 1 computation", n, stmts, ruleCalls["double"])
	}
}

// §17 "cr.savepoint(): on exception clear the ORM cache, ROLLBACK TO
// SAVEPOINT, RELEASE and re-raise; the transaction stays usable"; the
// savepoint flushes on enter and on success.
func TestRuleSavepointFlushes(t *testing.T) {
	env, m := rulesEnv(t)
	r := m.Create(orm.Values{"name": "before"})
	var inside [][]any
	if err := env.Catch(func() {
		inside = sqlRows(env, `SELECT name FROM rules_rec WHERE id = %s`, r.ID())
		r.Write(orm.Values{"name": "inside"})
	}); err != nil {
		t.Fatal(err)
	}
	if len(inside) != 1 || inside[0][0] != "before" {
		t.Errorf("not flushed on enter: %v", inside)
	}
	after := sqlRows(env, `SELECT name FROM rules_rec WHERE id = %s`, r.ID())
	if after[0][0] != "inside" {
		t.Errorf("not flushed on success: %v", after)
	}
}
