package orm_test

// ODOO-RULES.md "Seen on a running Odoo 18": the lines not covered by the
// domain operator tables.

import (
	"testing"

	"odsh/internal/testdb"
	"odsh/orm"
)

// "res.partner.category's display name is `Root / Child / Leaf`";
// "parent_path is root_id/…/own_id/".
func TestRuleCategoryDisplayName(t *testing.T) {
	env := testdb.Env(t)
	cat := env.Model("res.partner.category")
	root := cat.Create(orm.Values{"name": "Root"})
	child := cat.Create(orm.Values{"name": "Child", "parent_id": root.ID()})
	leaf := cat.Create(orm.Values{"name": "Leaf", "parent_id": child.ID()})
	if got := leaf.DisplayName(); got != "Root / Child / Leaf" {
		t.Errorf("display name: got %q", got)
	}
	want := itoa(root.ID()) + "/" + itoa(child.ID()) + "/" + itoa(leaf.ID()) + "/"
	if got := leaf.Str("parent_path"); got != want {
		t.Errorf("parent_path: got %q, want %q", got, want)
	}
	child.Write(orm.Values{"name": "Kid"})
	if got := leaf.DisplayName(); got != "Root / Kid / Leaf" {
		t.Errorf("after renaming the parent: got %q", got)
	}
}

// "ordering by a many2one orders by the comodel's _order (res.country: by
// name)".
func TestRuleOrderByMany2oneUsesComodelOrder(t *testing.T) {
	env, m := rulesEnv(t)
	be, fr, de := env.Ref("base.be"), env.Ref("base.fr"), env.Ref("base.de")
	ps := env.Model("res.partner").Create(orm.Values{"name": "p-fr", "country_id": fr.ID()},
		orm.Values{"name": "p-be", "country_id": be.ID()}, orm.Values{"name": "p-de", "country_id": de.ID()})
	got := env.Model("res.partner").Search([]any{[]any{"id", "in", ps.IDs()}}, orm.Order("country_id"))
	if n := names(got); !sameStrings(n, []string{"p-be", "p-fr", "p-de"}) { // Belgium, France, Germany
		t.Errorf("order by country_id: got %v, want by country name", n)
	}
	_ = m
}
