package orm_test

import (
	"errors"
	"strings"
	"testing"

	"odsh/internal/testdb"
	"odsh/orm"
)

// TestFlatCommandRefused: Odoo's (4, id) written without its outer list is
// refused with an error naming the model, field and value; lists of ids
// that cannot be read as a command, typed id lists and recordsets stay a
// set.
func TestFlatCommandRefused(t *testing.T) {
	env := testdb.Env(t)
	cats := env.Model("res.partner.category").Create(
		orm.Values{"name": "A"}, orm.Values{"name": "B"}, orm.Values{"name": "C"})
	a, b := cats.IDs()[0], cats.IDs()[1]
	p := env.Model("res.partner").Create(orm.Values{"name": "Flat", "category_id": []int64{a}})
	for _, v := range []any{[]any{4, b}, []any{3, b}, []any{2, b}, []any{4, b, 0}, []any{5, 0, 0}} {
		err := env.Catch(func() { p.Write(orm.Values{"category_id": v}) })
		var ve *orm.ValidationError
		if !errors.As(err, &ve) || ve.Field != "category_id" || !strings.Contains(err.Error(), "res.partner") ||
			!strings.Contains(err.Error(), "without its outer list") {
			t.Errorf("write %v: got %v, want a ValidationError on res.partner.category_id about the outer list", v, err)
		}
		if got := p.Rel("category_id").IDs(); len(got) != 1 || got[0] != a {
			t.Errorf("write %v: tags after the refusal: got %v, want [%d]", v, got, a)
		}
	}
	for _, tc := range []struct {
		v    any
		want []int64
	}{
		{[]int64{4, b}, nil}, // a typed list is ids, even when it starts with 4
		{[]any{a, b}, []int64{a, b}},
		{[]any{[]any{4, b}}, []int64{a, b}},
		{[]any{orm.Command.Link(cats.IDs()[2])}, cats.IDs()},
	} {
		err := env.Catch(func() { p.Write(orm.Values{"category_id": tc.v}) })
		if tc.want == nil {
			// id 4 may not be a tag: only that it is not refused as a command matters
			if err != nil && strings.Contains(err.Error(), "outer list") {
				t.Errorf("write %v: refused as a command: %v", tc.v, err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("write %v: %v", tc.v, err)
		}
		got := p.Rel("category_id").IDs()
		if !sameIDs(got, tc.want) {
			t.Errorf("write %v: got %v, want %v", tc.v, got, tc.want)
		}
	}
}

func sameIDs(a, b []int64) bool {
	seen := map[int64]int{}
	for _, x := range a {
		seen[x]++
	}
	for _, x := range b {
		seen[x]--
	}
	for _, n := range seen {
		if n != 0 {
			return false
		}
	}
	return len(a) == len(b)
}

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
