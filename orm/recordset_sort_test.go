package orm_test

import (
	"reflect"
	"testing"

	"odsh/internal/testdb"
	"odsh/orm"
)

// TestSortedStableTies: Sorted by a field name keeps the input order of
// records that compare equal, also in reverse (Python's stable sorted
// with reverse=True); the model's order (nil) still ends ties with the id.
func TestSortedStableTies(t *testing.T) {
	env := testdb.Env(t)
	m := env.Model("res.partner")
	x1 := m.Create(orm.Values{"name": "X", "ref": "1"})
	y := m.Create(orm.Values{"name": "Y"})
	x2 := m.Create(orm.Values{"name": "X", "ref": "2"})
	x3 := m.Create(orm.Values{"name": "X", "ref": "3"})
	in := x3.Concat(y, x1, x2)
	for _, tc := range []struct {
		name string
		got  orm.Recordset
		want orm.Recordset
	}{
		{`Sorted("name")`, in.Sorted("name"), x3.Concat(x1, x2, y)},
		{`Sorted("name", true)`, in.Sorted("name", true), y.Concat(x3, x1, x2)},
		{`Sorted("name desc")`, in.Sorted("name desc"), y.Concat(x3, x1, x2)},
		{`Sorted("name desc", true)`, in.Sorted("name desc", true), x3.Concat(x1, x2, y)},
		{`Sorted(func)`, in.Sorted(func(a, b orm.Recordset) bool { return a.Str("name") < b.Str("name") }, true), y.Concat(x3, x1, x2)},
	} {
		if !reflect.DeepEqual(tc.got.IDs(), tc.want.IDs()) {
			t.Errorf("%s: got %v, want %v", tc.name, tc.got.IDs(), tc.want.IDs())
		}
	}
	byOrder := in.Sorted(nil)
	if !reflect.DeepEqual(byOrder.IDs(), m.Search([]any{[]any{"id", "in", in.IDs()}}).IDs()) {
		t.Errorf("Sorted(nil): got %v, want the order Search gives", byOrder.IDs())
	}
}

// Odoo: "sorted(key=None|'field'|func, reverse) (None → model _order)".
func TestRuleSortedReverse(t *testing.T) {
	_, m := rulesEnv(t)
	rs := m.Create(orm.Values{"name": "b", "n": 1}, orm.Values{"name": "c", "n": 1}, orm.Values{"name": "a", "n": 2})
	b, c, a := rs.At(0), rs.At(1), rs.At(2)
	if got := rs.Sorted(nil); !got.Equal(a.Concat(b, c)) {
		t.Errorf("Sorted(nil): got %v, want model order a b c", got)
	}
	if got := rs.Sorted(nil, true); !got.Equal(c.Concat(b, a)) {
		t.Errorf("Sorted(nil, reverse): got %v, want c b a", got)
	}
	if got := rs.Sorted("n", true); !got.Equal(a.Concat(c, b)) {
		t.Errorf("Sorted(n, reverse): got %v, want a c b (ids reversed on ties)", got)
	}
	byN := func(x, y orm.Recordset) bool { return x.Int("n") < y.Int("n") }
	if got := rs.Sorted(byN, true); !got.Equal(a.Concat(b, c)) {
		t.Errorf("Sorted(func, reverse): got %v, want a b c (stable on ties, as Python)", got)
	}
	if got := rs.Reversed(); !got.Equal(a.Concat(c, b)) {
		t.Errorf("Reversed: got %v", got)
	}
}
