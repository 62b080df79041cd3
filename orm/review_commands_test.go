package orm_test

import (
	"testing"

	"odsh/internal/testdb"
	"odsh/orm"
)

func TestSetOnTwoParentsAssignsToTheLast(t *testing.T) {
	env := testdb.Env(t, reviewAddon)
	a := reviewOrder(env, "a", 1, 2)
	b := reviewOrder(env, "b", 5)
	l := a.Rel("line_ids").Records()[0]
	both := a.Union(b)
	err := env.Catch(func() { both.Write(orm.Values{"line_ids": []any{orm.Command.Set(l.ID())}}) })
	if err != nil {
		t.Fatalf("set on two orders: %v", err)
	}
	env.FlushAll()
	env.InvalidateAll()
	if a.Rel("line_ids").Len() != 0 || b.Rel("line_ids").ID() != l.ID() || a.Int("total") != 0 || b.Int("total") != 1 {
		t.Errorf("got a lines %v, b lines %v, totals %d %d; want [], [%d], 0 1",
			a.Rel("line_ids").IDs(), b.Rel("line_ids").IDs(), a.Int("total"), b.Int("total"), l.ID())
	}
}

func TestCopyDuplicatesRequiredLines(t *testing.T) {
	env := testdb.Env(t, reviewAddon)
	a := reviewOrder(env, "a", 1, 2)
	c := a.Copy(nil)
	if c.Int("total") != 3 || c.Rel("line_ids").Len() != 2 {
		t.Errorf("copy wrong")
	}
	if a.Rel("line_ids").Len() != 2 {
		t.Errorf("orig lines %d", a.Rel("line_ids").Len())
	}
}

func TestWritesThroughTwoEnvsShareTheCache(t *testing.T) {
	env := testdb.Env(t, reviewAddon)
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

func TestCreateIgnoresReadonlyComputedValues(t *testing.T) {
	env := testdb.Env(t, reviewAddon)
	a := env.Model("review.order").Create(orm.Values{"name": "a", "total": 99, "upper": "zz"})
	if a.Int("total") != 0 || a.Str("upper") != "A" {
		t.Errorf("create with values for read-only computed fields: got total %d, upper %q; want 0, %q", a.Int("total"), a.Str("upper"), "A")
	}
}
