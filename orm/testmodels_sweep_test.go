package orm_test

import (
	"testing"

	"odsh/domain"
	"odsh/internal/testdb"
	"odsh/orm"
)

// sweepAddon holds the models of the tests of _rec_names_search,
// group_expand, Env.Protecting and WithPrefetch: a contact searched by
// name, email and ref; a deal pointing to contacts, with a state whose
// empty groups read_group shows, and a stored computed total.
var sweepAddon = &orm.Addon{
	Name: "test_sweep",
	Models: []orm.ModelDef{
		{
			Name: "test.sweep.contact", Order: "name, id",
			RecNamesSearch: []string{"name", "email", "ref"},
			Fields: []*orm.FieldDef{
				orm.Char("name"),
				orm.Char("email"),
				orm.Char("ref"),
			},
		},
		{
			Name: "test.sweep.deal", Order: "name, id",
			Fields: []*orm.FieldDef{
				orm.Char("name"),
				orm.Many2one("contact_id", "test.sweep.contact"),
				orm.Many2many("contact_ids", "test.sweep.contact"),
				orm.Integer("qty"),
				orm.Integer("price"),
				orm.Integer("total").Compute(sweepTotal, "qty", "price").Store(),
				orm.Datetime("moment"),
				orm.Date("day"),
				orm.Selection("state", orm.SelectionItem{Value: "a", Label: "A"},
					orm.SelectionItem{Value: "b", Label: "B"}, orm.SelectionItem{Value: "c", Label: "C"}).
					GroupExpand(func(rs orm.Recordset, found []any, _ domain.Domain) []any {
						return []any{"c", "b", "a"} // as Odoo's test_static_group_expand
					}),
				orm.Selection("kind", orm.SelectionItem{Value: "x", Label: "X"},
					orm.SelectionItem{Value: "y", Label: "Y"}).GroupExpandAll(),
				orm.Many2one("stage_id", "test.sweep.stage").GroupExpandAll(),
			},
		},
		{
			Name: "test.sweep.stage", Order: "sequence, id",
			Fields: []*orm.FieldDef{
				orm.Char("name"),
				orm.Integer("sequence"),
			},
		},
	},
}

func sweepTotal(rs orm.Recordset) {
	for _, r := range rs.Records() {
		r.Set("total", r.Int("qty")*r.Int("price"))
	}
}

func sweepEnv(t *testing.T) *orm.Env { return testdb.Env(t, sweepAddon) }
