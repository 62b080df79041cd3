package orm_test

import (
	"slices"
	"testing"
)

// TestOdooModulesOfModelsAndFields: an Odoo database's registry knows
// which module defines a model, which extend it with which fields, and
// which module introduced each field (Odoo's external ids of ir.model and
// ir.model.fields).
func TestOdooModulesOfModelsAndFields(t *testing.T) {
	m := odooEnv(t, "").Registry().Model("res.partner")
	if len(m.Layers) < 2 || m.Layers[0].Addon != "base" || m.Layers[0].Extends || !slices.Contains(m.Layers[0].Fields, "name") {
		t.Fatalf("first layer: got %+v, want base defining res.partner with name", m.Layers[:min(len(m.Layers), 1)])
	}
	var sale bool
	for _, l := range m.Layers[1:] {
		if !l.Extends {
			t.Errorf("%s: an extension, got Extends false", l.Addon)
		}
		if l.Addon == "sale" {
			sale = slices.Contains(l.Fields, "sale_order_ids")
		}
		if slices.Contains(l.Fields, "create_uid") {
			t.Errorf("%s: the magic create_uid listed among its fields", l.Addon)
		}
	}
	if !sale {
		t.Errorf("no layer of sale adding sale_order_ids: %+v", m.Layers)
	}
	for field, addon := range map[string]string{"name": "base", "sale_order_ids": "sale", "create_uid": "", "id": ""} {
		if got := m.Field(field).Addon; got != addon {
			t.Errorf("%s: got addon %q, want %q", field, got, addon)
		}
	}
}
