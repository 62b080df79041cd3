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
