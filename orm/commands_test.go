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
	env := testdb.Env(t, coreAddon, reviewAddon)
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
	env := testdb.Env(t, coreAddon, reviewAddon)
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

// "Seen on a running Odoo 18": Command.set on a one2many moves the listed
// lines to this record and detaches (parent NULL) the lines it drops;
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

// Odoo: "Commands: … a plain list of ids on an x2many = set"; raw triples.
func TestRuleRawCommands(t *testing.T) {
	env, m := rulesEnv(t)
	tags := env.Model("test.tag").Create(orm.Values{"name": "a"}, orm.Values{"name": "b"}, orm.Values{"name": "c"})
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
