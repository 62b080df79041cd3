package orm_test

import (
	"testing"

	"odsh/internal/testdb"
	"odsh/orm"
)

// A negative id names a new record only when New made it: writing real and
// new records together, or a negative id nothing made, must not succeed
// while writing nothing.

func TestWriteRealAndNewRecordsTogetherFails(t *testing.T) {
	env := testdb.Env(t, coreAddon, reviewAddon)
	a := reviewOrder(env, "a")
	n := env.Model("test.thing").New(orm.Values{"name": "new"})
	both := env.Model("test.thing").Browse(a.ID(), n.ID())
	err := env.Catch(func() { both.Write(orm.Values{"name": "both"}) })
	if err == nil {
		env.InvalidateAll()
		t.Fatalf("write on a real and a new record: no error, and the real one's name is %q", a.Str("name"))
	}
	if got := a.Str("name"); got != "a" {
		t.Errorf("real record after the failed write: got %q, want %q", got, "a")
	}
}

func TestWriteUnknownNegativeIDFails(t *testing.T) {
	env := testdb.Env(t, coreAddon, reviewAddon)
	err := env.Catch(func() { env.Model("test.thing").Browse(-42).Write(orm.Values{"name": "x"}) })
	if err == nil {
		t.Error("write on id -42 (no such new record): no error")
	}
	n := env.Model("test.thing").New(orm.Values{"name": "new"})
	n.Write(orm.Values{"name": "renamed"})
	if got := n.Str("name"); got != "renamed" {
		t.Errorf("new record after a write: got %q, want %q", got, "renamed")
	}
}

// Odoo: "Unknown field in create/write/new → ValueError".
func TestRuleUnknownFieldInNew(t *testing.T) {
	_, m := rulesEnv(t)
	err := m.Env().Catch(func() { m.New(orm.Values{"nmae": "x"}) })
	wantValidation(t, err, "rules.rec", "nmae")
}
