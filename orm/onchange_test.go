package orm_test

import (
	"reflect"
	"testing"

	"odsh/internal/testdb"
	"odsh/orm"
)

// onchangeAddon has a form whose name picks a partner: the onchange sets a
// many2one and a many2many.
var onchangeAddon = &orm.Addon{
	Name:    "test_onchange",
	Depends: []string{"base"},
	Models: []orm.ModelDef{{
		Name: "test.onchange",
		Fields: []*orm.FieldDef{
			orm.Char("name"),
			orm.Many2one("partner_id", "res.partner"),
			orm.Many2many("partner_ids", "res.partner"),
		},
		Onchanges: map[string]orm.OnchangeFunc{"name": func(rec orm.Recordset) string {
			found := rec.Env().Model("res.partner").Search([]any{[]any{"name", "=", rec.Str("name")}}, orm.Limit(1))
			rec.Set("partner_id", found)
			rec.Set("partner_ids", found)
			return ""
		}},
	}},
}

// TestOnchangeRelationalValues: as Odoo 17+, a many2one comes back as
// {id, display_name} (nil when empty) and an x2many as its ids.
func TestOnchangeRelationalValues(t *testing.T) {
	env := testdb.Env(t, onchangeAddon)
	p := env.Model("res.partner").Create(orm.Values{"name": "Onchange Partner"})
	form := env.Model("test.onchange")
	changed, _ := form.Onchange(orm.Values{"name": "Onchange Partner"}, "name")
	want := orm.Values{
		"partner_id":  orm.Values{"id": p.ID(), "display_name": "Onchange Partner"},
		"partner_ids": []int64{p.ID()},
	}
	if !reflect.DeepEqual(changed, want) {
		t.Errorf("got %#v, want %#v", changed, want)
	}
	rec := form.Create(orm.Values{"name": "Onchange Partner", "partner_id": p.ID(), "partner_ids": p})
	changed, _ = rec.Onchange(orm.Values{"name": "nobody"}, "name")
	want = orm.Values{"partner_id": nil, "partner_ids": []int64{}}
	if !reflect.DeepEqual(changed, want) {
		t.Errorf("clearing: got %#v, want %#v", changed, want)
	}
}
