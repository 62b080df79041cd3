package base_test

import (
	"errors"
	"strings"
	"testing"

	"odsh/internal/testdb"
	"odsh/orm"
)

// Odoo: "invalid domains rejected at write (ValidationError "Invalid
// domain")": Odoo's ir.rule._check_domain evaluates domain_force with the
// rule variables and checks it against the rule's model.
func TestRuleInvalidDomain(t *testing.T) {
	env := testdb.Env(t)
	model := env.Model("ir.model").Search("[('model', '=', 'res.partner')]")
	create := func(dom string) error {
		return env.Catch(func() {
			env.Model("ir.rule").Create(orm.Values{"name": "r", "model_id": model.ID(), "domain_force": dom})
		})
	}
	for _, dom := range []string{
		"[('name', '=', 'x')]",
		"[('company_id', 'in', company_ids)]",
		"['|', ('company_id', '=', False), ('company_id', '=', company_id)]",
		"[('id', '=', user.id)]",
		"[('create_uid', '=', user.partner_id.id)]",
		"[]",
		"",
	} {
		if err := create(dom); err != nil {
			t.Errorf("create with %s: got %v, want no error", dom, err)
		}
	}
	for _, dom := range []string{
		"[('nmae', '=', 'x')]",
		"[('name', '=', 'x'",
		"[('name', 'equals', 'x')]",
		"[('name', '=', unknown_var)]",
		"[('country_id.nope', '=', 1)]",
		"[('id', '=', user.no_such_field)]",
	} {
		err := create(dom)
		var ve *orm.ValidationError
		if !errors.As(err, &ve) || !strings.Contains(ve.Msg, "Invalid domain") {
			t.Errorf("create with %s: got %v, want ValidationError \"Invalid domain\"", dom, err)
		}
	}
	rule := env.Model("ir.rule").Create(orm.Values{"name": "ok", "model_id": model.ID(), "domain_force": "[('name', '=', 'x')]"})
	err := env.Catch(func() { rule.Write(orm.Values{"domain_force": "[('nmae', '=', 'x')]"}) })
	var ve *orm.ValidationError
	if !errors.As(err, &ve) || !strings.Contains(ve.Msg, "Invalid domain") {
		t.Fatalf("write: got %v, want ValidationError \"Invalid domain\"", err)
	}
	if got := rule.Str("domain_force"); got != "[('name', '=', 'x')]" {
		t.Errorf("domain_force after failed write: got %q", got)
	}
	// An archived rule is not checked, as in Odoo.
	if err := env.Catch(func() {
		env.Model("ir.rule").Create(orm.Values{"name": "off", "active": false, "model_id": model.ID(), "domain_force": "[('nmae', '=', 1)]"})
	}); err != nil {
		t.Errorf("archived rule: got %v, want no error", err)
	}
}
