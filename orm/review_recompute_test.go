package orm_test

import (
	"strconv"
	"testing"

	"odsh/internal/testdb"
	"odsh/orm"
)

func reviewOrder(env *orm.Env, name string, qtys ...int) orm.Recordset {
	var cmds []any
	for i, q := range qtys {
		cmds = append(cmds, orm.Command.Create(orm.Values{"name": "l" + strconv.Itoa(i), "qty": q}))
	}
	return env.Model("review.order").Create(orm.Values{"name": name, "line_ids": cmds})
}

func dbInt(t *testing.T, env *orm.Env, q string, args ...any) int64 {
	t.Helper()
	rows := env.Tx().QueryValues(q, args...)
	if len(rows) == 0 || rows[0][0] == nil {
		return -1
	}
	switch v := rows[0][0].(type) {
	case int32:
		return int64(v)
	case int64:
		return v
	}
	t.Fatalf("dbInt: %T", rows[0][0])
	return 0
}

func TestLinkMovesLineAndRecomputesBothOrders(t *testing.T) {
	env := testdb.Env(t, reviewAddon)
	a := reviewOrder(env, "a", 1, 2)
	b := reviewOrder(env, "b", 5)
	la := a.Rel("line_ids")
	if a.Int("total") != 3 || b.Int("total") != 5 {
		t.Fatalf("totals %d %d", a.Int("total"), b.Int("total"))
	}
	b.Write(orm.Values{"line_ids": []any{orm.Command.Link(la.IDs()[0])}})
	if got := a.Rel("line_ids").Len(); got != 1 {
		t.Errorf("a lines after link to b: %d", got)
	}
	if a.Int("total") != 2 || b.Int("total") != 6 {
		t.Errorf("totals after link: %d %d", a.Int("total"), b.Int("total"))
	}
	env.FlushAll()
	if got := dbInt(t, env, "SELECT total FROM review_order WHERE id=$1", a.ID()); got != 2 {
		t.Errorf("db total a %d", got)
	}
}

func TestDuplicateIDsInWriteLinkUnlink(t *testing.T) {
	env := testdb.Env(t, reviewAddon)
	a := reviewOrder(env, "a", 1)
	rs := env.Model("review.order").Browse(a.ID(), a.ID())
	rs.Write(orm.Values{"name": "x"})
	env.FlushAll()
	l := a.Rel("line_ids")
	a.Write(orm.Values{"line_ids": []any{orm.Command.Link(l.ID()), orm.Command.Link(l.ID())}})
	rs.Unlink()
	if env.Model("review.order").Browse(a.ID()).Exists().Len() != 0 {
		t.Error("still exists")
	}
}

func TestMixedCommandsInOneWrite(t *testing.T) {
	env := testdb.Env(t, reviewAddon)
	a := reviewOrder(env, "a", 1, 2)
	ids := a.Rel("line_ids").IDs()
	a.Write(orm.Values{"line_ids": []any{
		orm.Command.Create(orm.Values{"name": "c", "qty": 10}),
		orm.Command.Update(ids[0], orm.Values{"qty": 100}),
		orm.Command.Delete(ids[1]),
		orm.Command.Unlink(ids[0]),
	}})
	if got := a.Rel("line_ids").Len(); got != 1 {
		t.Errorf("lines: %d", got)
	}
	if got := a.Int("total"); got != 10 {
		t.Errorf("total: %d", got)
	}
	if got := a.Int("line_count"); got != 1 {
		t.Errorf("line_count: %d", got)
	}
}

func TestDelegatedWritesRecomputeChild(t *testing.T) {
	env := testdb.Env(t, reviewAddon)
	c := env.Model("review.child").Create(orm.Values{"name": "n", "size": 3})
	if got := c.Str("label"); got != "n#3" {
		t.Fatalf("label %q", got)
	}
	c.Write(orm.Values{"name": "m"})
	if got := c.Str("label"); got != "m#3" {
		t.Errorf("label after child write %q", got)
	}
	c.Rel("base_id").Write(orm.Values{"size": 4})
	if got := c.Str("label"); got != "m#4" {
		t.Errorf("label after base write %q", got)
	}
	if got := c.Str("base_name"); got != "m" {
		t.Errorf("base_name %q", got)
	}
	c.Rel("base_id").Write(orm.Values{"name": "z"})
	if got := c.Str("base_name"); got != "z" {
		t.Errorf("base_name after base write %q", got)
	}
	env.FlushAll()
	rows := env.Tx().QueryValues("SELECT label, base_name FROM review_child WHERE id=$1", c.ID())
	if rows[0][0] != "z#4" || rows[0][1] != "z" {
		t.Errorf("db %v", rows[0])
	}
}

func TestCatchRollbackKeepsWorkBeforeIt(t *testing.T) {
	env := testdb.Env(t, reviewAddon)
	a := reviewOrder(env, "a", 1)
	a.Write(orm.Values{"name": "before"})
	l := a.Rel("line_ids")
	l.Write(orm.Values{"qty": 7})
	err := env.Catch(func() {
		a.Write(orm.Values{"name": "inside"})
		panic(&orm.UserError{ErrorInfo: orm.ErrorInfo{Msg: "x"}})
	})
	if err == nil {
		t.Fatal("no error")
	}
	if a.Str("name") != "before" || a.Int("total") != 7 || a.Str("upper") != "BEFORE" {
		t.Errorf("after catch: %q %d %q", a.Str("name"), a.Int("total"), a.Str("upper"))
	}
}
