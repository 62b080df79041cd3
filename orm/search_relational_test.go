package orm_test

import (
	"fmt"
	"reflect"
	"testing"

	"odsh/internal/testdb"
	"odsh/orm"
)

// TestX2manyInIDsMatchesArchived: ('child_ids', 'in', [id]) and
// ('category_id', 'in', [id]) take the ids as given, as Odoo: records
// linked to an archived line match, and not in excludes them; so does
// FilteredDomain.
func TestX2manyInIDsMatchesArchived(t *testing.T) {
	env := testdb.Env(t)
	partners := env.Model("res.partner")
	tag := env.Model("res.partner.category").Create(orm.Values{"name": "Old tag", "active": false})
	acme := partners.Create(orm.Values{"name": "Acme", "is_company": true, "category_id": []int64{tag.ID()}})
	gone := partners.Create(orm.Values{"name": "Gone", "parent_id": acme.ID(), "active": false})
	other := partners.Create(orm.Values{"name": "Other"})
	scope := fmt.Sprintf("('id', 'in', [%d, %d])", acme.ID(), other.ID())
	for _, tc := range []struct {
		dom  string
		want []int64
	}{
		{fmt.Sprintf("[('child_ids', 'in', [%d]), %s]", gone.ID(), scope), []int64{acme.ID()}},
		{fmt.Sprintf("[('child_ids', '=', %d), %s]", gone.ID(), scope), []int64{acme.ID()}},
		{fmt.Sprintf("[('child_ids', 'not in', [%d]), %s]", gone.ID(), scope), []int64{other.ID()}},
		{fmt.Sprintf("[('category_id', 'in', [%d]), %s]", tag.ID(), scope), []int64{acme.ID()}},
		{fmt.Sprintf("[('category_id', 'not in', [%d]), %s]", tag.ID(), scope), []int64{other.ID()}},
	} {
		if got := partners.Search(tc.dom, orm.Order("id")).IDs(); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("search %s: got %v, want %v", tc.dom, got, tc.want)
		}
		if got := acme.Union(other).FilteredDomain(tc.dom).IDs(); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("filtered_domain %s: got %v, want %v", tc.dom, got, tc.want)
		}
	}
}
