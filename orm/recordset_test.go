package orm_test

import (
	"reflect"
	"testing"

	"odsh/internal/testdb"
	"odsh/orm"
)

// TestExistsNonPositiveIDs: Exists drops id 0 and negative ids that are
// not new records of the transaction (Odoo's exists() keeps only ids found
// in the table, and new records); it keeps new records.
func TestExistsNonPositiveIDs(t *testing.T) {
	env := testdb.Env(t)
	partners := env.Model("res.partner")
	p := partners.Create(orm.Values{"name": "Real"})
	n := partners.New(orm.Values{"name": "New"})
	for _, tc := range []struct {
		name string
		ids  []int64
		want []int64
	}{
		{"zero", []int64{0}, nil},
		{"zero and real", []int64{0, p.ID()}, []int64{p.ID()}},
		{"negative not new", []int64{-1000}, nil},
		{"new", []int64{n.IDs()[0]}, []int64{n.IDs()[0]}},
		{"new and real", []int64{n.IDs()[0], p.ID()}, []int64{n.IDs()[0], p.ID()}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := partners.Browse(tc.ids...).Exists().IDs(); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Browse(%v).Exists(): got %v, want %v", tc.ids, got, tc.want)
			}
		})
	}
}

// TestRecordsetAlgebraAsOdoo: a - b keeps the duplicates of a not in b;
// == compares the sets of ids; | and & drop duplicates.
func TestRecordsetAlgebraAsOdoo(t *testing.T) {
	env := testdb.Env(t)
	ps := env.Model("res.partner").Create(orm.Values{"name": "A"}, orm.Values{"name": "B"}, orm.Values{"name": "C"})
	a, b, c := ps.At(0), ps.At(1), ps.At(2)
	dup := a.Concat(b, a, c, b)
	if got, want := dup.Subtract(c).IDs(), []int64{a.ID(), b.ID(), a.ID(), b.ID()}; !reflect.DeepEqual(got, want) {
		t.Errorf("(a+b+a+c+b) - c: got %v, want %v", got, want)
	}
	ab, ba := a.Union(b), b.Union(a)
	for _, tc := range []struct {
		name string
		x, y orm.Recordset
		want bool
	}{
		{"a|b == b|a", ab, ba, true},
		{"a+a == a", a.Concat(a), a, true},
		{"a+b+a == b|a", a.Concat(b, a), ba, true},
		{"a == b", a, b, false},
		{"a|b == a", ab, a, false},
		{"empty == empty", ps.Browse(), a.Subtract(a), true},
	} {
		if got := tc.x.Equal(tc.y); got != tc.want {
			t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
		}
	}
	if got, want := dup.Intersect(b.Union(a)).IDs(), []int64{a.ID(), b.ID()}; !reflect.DeepEqual(got, want) {
		t.Errorf("(a+b+a+c+b) & (b|a): got %v, want %v", got, want)
	}
}
