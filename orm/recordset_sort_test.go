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
