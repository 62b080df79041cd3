package orm_test

import (
	"strings"
	"testing"

	"odsh/addons/base"
	"odsh/orm"
)

// TestOndeleteValidatedAtDefinition: ondelete is a typed value that goes
// into the foreign key's DDL; a value other than SetNull, Cascade and
// Restrict (a typo, or text meant for the DDL) is a set-up error naming
// the field, never SQL. A required many2one cannot be SetNull; a
// many2many takes Cascade or Restrict.
func TestOndeleteValidatedAtDefinition(t *testing.T) {
	cases := []struct {
		field *orm.FieldDef
		want  string
	}{
		{orm.Many2one("partner_id", "res.partner").Ondelete("casade"), `ondelete "casade" is not one of "set null", "cascade", "restrict"`},
		{orm.Many2one("partner_id", "res.partner").Ondelete("cascade; DROP TABLE res_partner"), `is not one of`},
		{orm.Many2one("partner_id", "res.partner").Required().Ondelete(orm.SetNull), `cannot have ondelete 'set null'`},
		{orm.Many2many("tag_ids", "res.partner.category").Ondelete(orm.SetNull), `a many2many's ondelete is "cascade" or "restrict"`},
	}
	for _, tc := range cases {
		bad := &orm.Addon{Name: "test_bad_ondelete", Models: []orm.ModelDef{{
			Name: "test.bad.ondelete", Fields: []*orm.FieldDef{orm.Char("name"), tc.field},
		}}}
		_, err := orm.NewRegistryFrom([]*orm.Addon{base.Addon, bad})
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "test.bad.ondelete") {
			t.Errorf("got %v, want an error naming test.bad.ondelete and saying %s", err, tc.want)
		}
	}
	for _, o := range []orm.OnDelete{orm.SetNull, orm.Cascade, orm.Restrict} {
		ok := &orm.Addon{Name: "test_ok_ondelete", Models: []orm.ModelDef{{
			Name: "test.ok.ondelete", Fields: []*orm.FieldDef{orm.Many2one("partner_id", "res.partner").Ondelete(o)},
		}}}
		if _, err := orm.NewRegistryFrom([]*orm.Addon{base.Addon, ok}); err != nil {
			t.Errorf("ondelete %q: %v", o, err)
		}
	}
}

// Odoo: "Many2one default ondelete: 'set null'; required → 'restrict';
// required + 'set null' → ValueError".
func TestRuleMany2oneOndeleteDefaults(t *testing.T) {
	reg := orm.NewRegistry()
	err := reg.Define(orm.ModelDef{Name: "x.parent", Fields: []*orm.FieldDef{orm.Char("name")}},
		orm.ModelDef{Name: "x.child", Fields: []*orm.FieldDef{
			orm.Many2one("plain_id", "x.parent"),
			orm.Many2one("req_id", "x.parent").Required(),
		}})
	if err != nil {
		t.Fatal(err)
	}
	if err := reg.Setup(); err != nil {
		t.Fatal(err)
	}
	m := reg.Model("x.child")
	if got := m.Field("plain_id").Ondelete; got != "set null" {
		t.Errorf("plain many2one: ondelete %q, want set null", got)
	}
	if got := m.Field("req_id").Ondelete; got != "restrict" {
		t.Errorf("required many2one: ondelete %q, want restrict", got)
	}
	bad := orm.NewRegistry()
	if err := bad.Define(orm.ModelDef{Name: "x.parent", Fields: []*orm.FieldDef{orm.Char("name")}},
		orm.ModelDef{Name: "x.child", Fields: []*orm.FieldDef{
			orm.Many2one("req_id", "x.parent").Required().Ondelete("set null"),
		}}); err != nil {
		t.Fatal(err)
	}
	if err := bad.Setup(); err == nil {
		t.Error("required many2one with ondelete set null: no setup error")
	}
}
