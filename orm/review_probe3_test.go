package orm_test

import (
	"testing"
	"time"

	"odsh/internal/testdb"
	"odsh/orm"
)

func TestProbeSetOnTwoParents(t *testing.T) {
	env := testdb.Env(t, reviewAddon)
	a := reviewOrder(env, "a", 1, 2)
	b := reviewOrder(env, "b", 5)
	l := a.Rel("line_ids").Records()[0]
	both := a.Union(b)
	err := orm.Catch(func() { both.Write(orm.Values{"line_ids": []any{orm.Command.Set(l.ID())}}) })
	t.Logf("err %v", err)
	if err == nil {
		t.Logf("a lines %v b lines %v totals %d %d", a.Rel("line_ids").IDs(), b.Rel("line_ids").IDs(), a.Int("total"), b.Int("total"))
		env.FlushAll()
		env.InvalidateAll()
		t.Logf("after inval: a lines %v b lines %v totals %d %d", a.Rel("line_ids").IDs(), b.Rel("line_ids").IDs(), a.Int("total"), b.Int("total"))
	}
}

func TestProbeCopyLines(t *testing.T) {
	env := testdb.Env(t, reviewAddon)
	a := reviewOrder(env, "a", 1, 2)
	c := a.Copy(nil)
	t.Logf("copy lines %v total %d count %d", c.Rel("line_ids").IDs(), c.Int("total"), c.Int("line_count"))
	if c.Int("total") != 3 || c.Rel("line_ids").Len() != 2 {
		t.Errorf("copy wrong")
	}
	if a.Rel("line_ids").Len() != 2 {
		t.Errorf("orig lines %d", a.Rel("line_ids").Len())
	}
}

func TestProbeDatetimeNanos(t *testing.T) {
	env := testdb.Env(t, coreAddon)
	th := env.Model("test.thing").Create(orm.Values{"name": "x", "moment": "2024-01-02T03:04:05.123456789Z"})
	c := th.Time("moment")
	env.InvalidateAll()
	d := th.Time("moment")
	if !c.Equal(d) {
		t.Errorf("cache %v db %v", c, d)
	}
	_ = time.Now
}

func TestProbeSudoUserSameField(t *testing.T) {
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

func TestProbeCreateComputedReadonlyValue(t *testing.T) {
	env := testdb.Env(t, reviewAddon)
	a := env.Model("review.order").Create(orm.Values{"name": "a", "total": 99, "upper": "zz"})
	t.Logf("total %d upper %q", a.Int("total"), a.Str("upper"))
	a.Write(orm.Values{"upper": "yy"})
	env.FlushAll()
	env.InvalidateAll()
	t.Logf("after write: upper %q", a.Str("upper"))
}
