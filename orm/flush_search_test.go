package orm_test

import (
	"testing"

	"odsh/orm"
)

// dbValue reads a column with raw SQL, which flushes nothing.
func dbValue(t *testing.T, env *orm.Env, table, column string, id int64) any {
	t.Helper()
	rows := env.Tx().QueryValues("SELECT "+column+" FROM "+table+" WHERE id = $1", id)
	if len(rows) != 1 {
		t.Fatalf("%s(%d): got %d rows, want 1", table, id, len(rows))
	}
	return rows[0][0]
}

// statements returns how many statements f sends.
func statements(env *orm.Env, f func()) int {
	n := env.QueryCount()
	f()
	return env.QueryCount() - n
}

// TestSearchFlushesOnlyWhatItReads: a search sends the pending writes of
// the fields in its domain (along dotted paths), its order and its active
// filter; an unrelated pending write stays pending until a flush.
func TestSearchFlushesOnlyWhatItReads(t *testing.T) {
	fx := newFixture(t)
	env := fx.env
	items := env.Model("test.search.item")
	apple := fx.items["apple"]
	env.FlushAll()

	apple.Write(orm.Values{"count": 42}) // not read by the searches below
	// want: the first record found
	cases := []struct {
		name  string
		write func()
		dom   string
		order string
		want  orm.Recordset
	}{
		{"domain", func() { apple.Write(orm.Values{"name": "Zapple"}) }, `[('name', '=', 'Zapple')]`, "", apple},
		{"dotted path", func() { fx.tags["a"].Write(orm.Values{"name": "Zeta"}) }, `[('tag_id.name', '=', 'Zeta')]`, "", apple},
		{"any", func() { fx.lines["l1"].Write(orm.Values{"qty": 7}) }, `[('line_ids', 'any', [('qty', '=', 7)])]`, "", apple},
		{"active", func() { fx.items["banana"].Write(orm.Values{"active": false}) }, `[('code', 'in', ['B2', 'A1'])]`, "", apple},
		{"order", func() { fx.items["blank"].Write(orm.Values{"name": "zzz"}) }, `[('code', 'in', ['', 'B2'])]`, "name desc nulls last", fx.items["blank"]},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tc.write()
			var got orm.Recordset
			n := statements(env, func() {
				var opts []orm.SearchOpt
				if tc.order != "" {
					opts = append(opts, orm.Order(tc.order))
				}
				got = items.Search(tc.dom, opts...)
				got.Len() // the SELECT runs when the records are first needed (search_lazy.go)
			})
			if got.Len() == 0 || !got.At(0).Equal(tc.want) {
				t.Errorf("Search(%s): got %v, want %v", tc.dom, got, tc.want)
			}
			if n != 2 {
				t.Errorf("Search(%s): %d statements, want 2 (the UPDATE of the searched field, the SELECT)", tc.dom, n)
			}
			if v := dbValue(t, env, "test_search_item", "count", apple.ID()); v != int32(3) {
				t.Errorf("count in the database after Search: got %v, want 3 (still pending)", v)
			}
		})
	}
	if n := statements(env, func() { items.SearchCount(`[('flag', '=', True)]`) }); n != 1 {
		t.Errorf("SearchCount on an unrelated field: %d statements, want 1", n)
	}
	if n := statements(env, env.FlushAll); n == 0 {
		t.Errorf("FlushAll: no statement, want the pending writes (count, write_date, …)")
	}
	if v := dbValue(t, env, "test_search_item", "count", apple.ID()); v != int32(42) {
		t.Errorf("count in the database after FlushAll: got %v, want 42", v)
	}
}

// TestReadGroupFlushesOnlyWhatItReads: the groupby and aggregated fields
// are flushed, an unrelated pending write is not.
func TestReadGroupFlushesOnlyWhatItReads(t *testing.T) {
	fx := newFixture(t)
	env := fx.env
	items := env.Model("test.search.item")
	env.FlushAll()
	fx.items["apple"].Write(orm.Values{"code": "pending"})
	fx.items["banana"].Write(orm.Values{"state": "draft", "amount": 10.0})
	var groups []orm.Values
	n := statements(env, func() { groups = items.ReadGroup(nil, []string{"amount:sum"}, []string{"state"}) })
	if n != 2 {
		t.Errorf("ReadGroup: %d statements, want 2 (one UPDATE, the SELECT)", n)
	}
	for _, g := range groups {
		if g["state"] == "draft" && g["amount"] != 111.5 {
			t.Errorf("draft group: amount %v, want 111.5", g["amount"])
		}
	}
	if v := dbValue(t, env, "test_search_item", "code", fx.items["apple"].ID()); v != "A1" {
		t.Errorf("code in the database after ReadGroup: got %v, want A1 (still pending)", v)
	}
}

// TestSearchRecomputesOnlyWhatItReads: a stored computed field marked to
// compute is computed and sent before a search that reads it; one the
// search does not read stays marked.
func TestSearchRecomputesOnlyWhatItReads(t *testing.T) {
	env := computeEnv(t)
	members := env.Model("test.member")
	tag := env.Model("test.ctag").Create(orm.Values{"name": "t"})
	m := members.Create(orm.Values{"name": "ann", "tag_ids": []any{orm.Command.Link(tag.ID())}})
	env.FlushAll()

	m.Write(orm.Values{"name": "bob"}) // marks code on m, member_names on tag
	if got := members.Search(`[('code', '=', 'B')]`); !got.Equal(m) {
		t.Errorf("Search on a field marked to compute: got %v, want %v", got, m)
	}
	if got := env.Model("test.ctag").ToCompute("member_names"); !got.Equal(tag) {
		t.Errorf("member_names to compute after the search: got %v, want %v", got, tag)
	}
	if v := dbValue(t, env, "test_member", "name", m.ID()); v != "ann" {
		t.Errorf("name in the database: got %v, want ann (still pending)", v)
	}
	if got := env.Model("test.ctag").Search(`[('member_names', '=', 'bob')]`); !got.Equal(tag) {
		t.Errorf("Search on member_names: got %v, want %v", got, tag)
	}
}

// Odoo: "Writes are buffered in cache and flushed later (before search, …,
// flush_*)"; "Fields used in ORDER BY are flushed before the query".
func TestRuleWritesBufferedUntilNeeded(t *testing.T) {
	env, m := rulesEnv(t)
	rs := m.Create(orm.Values{"name": "a"}, orm.Values{"name": "b"})
	env.FlushAll()
	rs.At(0).Write(orm.Values{"name": "z"})
	rows := sqlRows(env, `SELECT name FROM rules_rec WHERE id = %s`, rs.At(0).ID())
	if rows[0][0] != "a" {
		t.Fatalf("write sent before a flush: %v", rows)
	}
	if got := m.Search(nil, orm.Order("name desc")); !got.Equal(rs.At(0).Concat(rs.At(1))) {
		t.Errorf("order by a pending field: got %v", got)
	}
}
