package orm_test

import (
	"reflect"
	"testing"

	"odsh/orm"
)

// TestAddonOfModelsAndFields: a registry built from addons records which
// addon defines a model, which extend it and with what, and the addon
// that introduced each field (through a prototype parent, a delegation
// and an extension too).
func TestAddonOfModelsAndFields(t *testing.T) {
	a := &orm.Addon{Name: "a", Models: []orm.ModelDef{
		{Name: "x.mixin", Abstract: true, Fields: []*orm.FieldDef{orm.Char("note")}},
		{Name: "x.parent", Fields: []*orm.FieldDef{orm.Char("code")}},
		{Name: "x.thing", Inherit: []string{"x.mixin"}, Inherits: map[string]string{"x.parent": "parent_id"},
			Fields: []*orm.FieldDef{orm.Char("name"), orm.Char("display_name").Label("Shown as"), orm.Many2one("parent_id", "x.parent").Required()}},
	}}
	b := &orm.Addon{Name: "b", Depends: []string{"a"}, Models: []orm.ModelDef{
		{Inherit: []string{"x.thing"}, Fields: []*orm.FieldDef{orm.Integer("size"), orm.Char("name").Required()}},
	}}
	reg, err := orm.NewRegistryFrom([]*orm.Addon{a, b})
	if err != nil {
		t.Fatal(err)
	}
	if err := reg.Define(orm.ModelDef{Inherit: []string{"x.thing"}, Fields: []*orm.FieldDef{orm.Boolean("flag")}}); err != nil {
		t.Fatal(err)
	}
	if err := reg.Setup(); err != nil {
		t.Fatal(err)
	}
	m := reg.Model("x.thing")
	want := []orm.ModelLayer{
		{Addon: "a", Inherit: []string{"x.mixin"}, Fields: []string{"name", "display_name", "parent_id"}},
		{Addon: "b", Extends: true, Fields: []string{"size", "name"}},
		{Extends: true, Fields: []string{"flag"}},
	}
	if !reflect.DeepEqual(m.Layers, want) {
		t.Errorf("layers: got %+v, want %+v", m.Layers, want)
	}
	for field, addon := range map[string]string{"id": "", "display_name": "", "note": "a", "name": "a",
		"parent_id": "a", "code": "a", "size": "b", "flag": ""} {
		if got := m.Field(field).Addon; got != addon {
			t.Errorf("%s: got addon %q, want %q", field, got, addon)
		}
	}
}

func TestClosestModel(t *testing.T) {
	reg, err := orm.NewRegistryFrom([]*orm.Addon{{Name: "a", Models: []orm.ModelDef{{Name: "res.partner"}, {Name: "res.country"}}}})
	if err != nil {
		t.Fatal(err)
	}
	for in, want := range map[string]string{"res.partnr": "res.partner", "res.contry": "res.country", "sale.order": ""} {
		if got := reg.ClosestModel(in); got != want {
			t.Errorf("ClosestModel(%q): got %q, want %q", in, got, want)
		}
	}
}
