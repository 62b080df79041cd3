package orm_test

import (
	"reflect"
	"testing"

	"odsh/domain"
	"odsh/internal/testdb"
	"odsh/orm"
)

// TestChildOfDefaultParentID: a model that declares no parent field uses
// parent_id (Odoo's default _parent_name), so child_of and parent_of on
// res.partner follow parent_id, in SQL and in FilteredDomain.
func TestChildOfDefaultParentID(t *testing.T) {
	env := testdb.Env(t)
	partners := env.Model("res.partner")
	acme := partners.Create(orm.Values{"name": "Acme", "is_company": true})
	ann := partners.Create(orm.Values{"name": "Ann", "parent_id": acme.ID()})
	sub := partners.Create(orm.Values{"name": "Ann's assistant", "parent_id": ann.ID()})
	other := partners.Create(orm.Values{"name": "Other"})
	all := acme.Union(ann, sub, other)
	for _, tc := range []struct {
		field, op string
		arg       int64
		want      []int64
	}{
		{"id", "child_of", acme.ID(), []int64{acme.ID(), ann.ID(), sub.ID()}},
		{"id", "child_of", ann.ID(), []int64{ann.ID(), sub.ID()}},
		{"id", "parent_of", sub.ID(), []int64{acme.ID(), ann.ID(), sub.ID()}},
		{"parent_id", "child_of", acme.ID(), []int64{acme.ID(), ann.ID(), sub.ID()}},
	} {
		d := domain.Cond(tc.field, domain.Operator(tc.op), tc.arg)
		got := partners.Search(domain.AND(d, domain.Cond("id", domain.In, all.IDs()))).Sorted("id")
		if !reflect.DeepEqual(got.IDs(), tc.want) {
			t.Errorf("search %v: got %v, want %v", d, got.IDs(), tc.want)
		}
		if got := all.FilteredDomain(d).Sorted("id"); !reflect.DeepEqual(got.IDs(), tc.want) {
			t.Errorf("filtered_domain %v: got %v, want %v", d, got.IDs(), tc.want)
		}
	}
}
