package orm_test

import (
	"testing"

	"odsh/orm"
)

func names(rs orm.Recordset) []string {
	var out []string
	for _, r := range rs.Records() {
		out = append(out, r.Str("name"))
	}
	return out
}

func sameStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestOne2manyCommands(t *testing.T) {
	env, m := things(t)
	lines := env.Model("test.line")
	rec := m.Create(orm.Values{"name": "T", "line_ids": []any{
		orm.Command.Create(orm.Values{"name": "a", "sequence": 1}),
		[]any{0, 0, map[string]any{"name": "b", "sequence": 2}}, // raw triple
	}})
	if got := names(rec.Rel("line_ids")); !sameStrings(got, []string{"a", "b"}) {
		t.Fatalf("create: got %v", got)
	}
	a, b := rec.Rel("line_ids").At(0), rec.Rel("line_ids").At(1)
	other := m.Create(orm.Values{"name": "O"})
	c := lines.Create(orm.Values{"name": "c", "thing_id": other.ID(), "sequence": 3})

	steps := []struct {
		name string
		cmd  any
		want []string
	}{
		{"update", orm.Command.Update(a.ID(), orm.Values{"name": "a2"}), []string{"a2", "b"}},
		{"link moves a line", orm.Command.Link(c.ID()), []string{"a2", "b", "c"}},
		{"delete", orm.Command.Delete(b.ID()), []string{"a2", "c"}},
		{"unlink of a cascade line deletes it", orm.Command.Unlink(a.ID()), []string{"c"}},
		{"set", orm.Command.Set(c.ID()), []string{"c"}},
		{"clear", orm.Command.Clear(), nil},
	}
	for _, s := range steps {
		rec.Write(orm.Values{"line_ids": []any{s.cmd}})
		if got := names(rec.Rel("line_ids")); !sameStrings(got, s.want) {
			t.Fatalf("%s: got %v, want %v", s.name, got, s.want)
		}
	}
	if b.Exists().Len() != 0 || a.Exists().Len() != 0 || c.Exists().Len() != 0 {
		t.Fatal("lines of a required cascade inverse must be deleted when removed")
	}
	if other.Rel("line_ids").Len() != 0 {
		t.Fatalf("link did not move the line away from its old parent: %v", other.Rel("line_ids"))
	}
}

func TestOne2manyDetach(t *testing.T) {
	env, m := things(t)
	rec := m.Create(orm.Values{"name": "T", "note_ids": []any{
		orm.Command.Create(orm.Values{"name": "n1"}),
		orm.Command.Create(orm.Values{"name": "n2"}),
	}})
	notes := rec.Rel("note_ids")
	rec.Write(orm.Values{"note_ids": []any{orm.Command.Unlink(notes.At(0).ID())}})
	if notes.At(0).Exists().Len() != 1 || notes.At(0).Rel("thing_id").Len() != 0 {
		t.Fatal("unlink on a set-null inverse must detach, not delete")
	}
	rec.Write(orm.Values{"note_ids": nil}) // nil clears
	if rec.Rel("note_ids").Len() != 0 || notes.At(1).Exists().Len() != 1 {
		t.Fatalf("clear: got %v", rec.Rel("note_ids"))
	}
	_ = env
}

func TestMany2manyCommands(t *testing.T) {
	env, m := things(t)
	tags := env.Model("test.tag")
	t1 := tags.Create(orm.Values{"name": "t1"})
	t2 := tags.Create(orm.Values{"name": "t2"})
	rec := m.Create(orm.Values{"name": "T", "tag_ids": []any{orm.Command.Link(t1.ID()), orm.Command.Create(orm.Values{"name": "t0"})}})
	if got := names(rec.Rel("tag_ids")); !sameStrings(got, []string{"t0", "t1"}) {
		t.Fatalf("create: got %v (ordered by the comodel's order)", got)
	}
	t0 := rec.Rel("tag_ids").At(0)
	steps := []struct {
		name string
		val  any
		want []string
	}{
		{"link is idempotent", []any{orm.Command.Link(t1.ID()), orm.Command.Link(t2.ID())}, []string{"t0", "t1", "t2"}},
		{"unlink keeps the record", []any{orm.Command.Unlink(t2.ID())}, []string{"t0", "t1"}},
		{"update", []any{orm.Command.Update(t1.ID(), orm.Values{"name": "t1b"})}, []string{"t0", "t1b"}},
		{"delete", []any{orm.Command.Delete(t0.ID())}, []string{"t1b"}},
		{"set from a recordset", t2, []string{"t2"}},
		{"set from ids", []int64{t1.ID(), t2.ID()}, []string{"t1b", "t2"}},
		{"raw set triple", []any{[]any{6, 0, []any{t2.ID()}}}, []string{"t2"}},
		{"clear", []any{orm.Command.Clear()}, nil},
	}
	for _, s := range steps {
		rec.Write(orm.Values{"tag_ids": s.val})
		if got := names(rec.Rel("tag_ids")); !sameStrings(got, s.want) {
			t.Fatalf("%s: got %v, want %v", s.name, got, s.want)
		}
	}
	if t2.Exists().Len() != 1 {
		t.Fatal("unlink/clear on a many2many must keep the records")
	}
	if t0.Exists().Len() != 0 {
		t.Fatal("delete must delete the record")
	}
	// linking a record that does not exist is a MissingError, nothing linked
	err := env.Catch(func() { rec.Write(orm.Values{"tag_ids": []any{orm.Command.Link(987654)}}) })
	if err == nil {
		t.Fatal("linking a missing record: no error")
	}
}

func TestSetOperations(t *testing.T) {
	_, m := things(t)
	rs := m.Create(orm.Values{"name": "a"}, orm.Values{"name": "b"}, orm.Values{"name": "c"})
	a, b, c := rs.At(0), rs.At(1), rs.At(2)
	ab := a.Concat(b)
	if got := ab.Concat(a).Len(); got != 3 {
		t.Errorf("concat keeps duplicates: got %d", got)
	}
	if got := ab.Union(b, c, a); !got.Equal(rs) {
		t.Errorf("union: got %v, want %v", got, rs)
	}
	if got := rs.Intersect(c.Concat(a)); !got.Equal(a.Concat(c)) {
		t.Errorf("intersect keeps the left order: got %v", got)
	}
	if got := rs.Subtract(b); !got.Equal(a.Concat(c)) {
		t.Errorf("subtract: got %v", got)
	}
	if !rs.Contains(b) || ab.Contains(c) {
		t.Error("contains")
	}
	if !ab.IsSubset(rs) || rs.IsSubset(ab) {
		t.Error("subset")
	}
	want := "test.thing(" + itoa(a.ID()) + ",)"
	if got := a.String(); got != want {
		t.Errorf("repr: got %q, want %q", got, want)
	}
	if got := m.Browse().String(); got != "test.thing()" {
		t.Errorf("empty repr: got %q", got)
	}
	err := rs.Env().Catch(func() { rs.Union(rs.Env().Model("test.tag")) })
	if err == nil {
		t.Error("mixing models must fail")
	}
}

func itoa(n int64) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(b)
}

func TestMultiRecordRelationalAccess(t *testing.T) {
	env, m := things(t)
	be, fr := env.Ref("base.be"), env.Ref("base.fr")
	rs := m.Create(orm.Values{"name": "a", "country_id": be.ID()}, orm.Values{"name": "b", "country_id": fr.ID()},
		orm.Values{"name": "c", "country_id": be.ID()}, orm.Values{"name": "d"})
	got := rs.Get("country_id").(orm.Recordset)
	if !got.Equal(be.Concat(fr)) {
		t.Fatalf("union of many2one values: got %v", got)
	}
	// several countries: reading a scalar on them is an error
	err := env.Catch(func() { rs.Get("country_id.code") })
	wantValidation(t, err, "res.country", "code")
}
