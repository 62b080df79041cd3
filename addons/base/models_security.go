package base

import (
	"strings"

	"odsh/domain"
	"odsh/orm"
)

// securityModels are access rights (ir.model.access) and record rules
// (ir.rule); the ORM enforces them for every user but the superuser.
var securityModels = []orm.ModelDef{
	{
		Name: "ir.model.access", Description: "Model Access", Order: "model_id, group_id, name, id",
		Fields: []*orm.FieldDef{
			orm.Char("name").Required().Index(),
			orm.Boolean("active").Default(true),
			orm.Many2one("model_id", "ir.model").Label("Model").Required().Ondelete("cascade").Index(),
			orm.Many2one("group_id", "res.groups").Label("Group").Ondelete("restrict").Index(),
			orm.Boolean("perm_read").Label("Read Access"),
			orm.Boolean("perm_write").Label("Write Access"),
			orm.Boolean("perm_create").Label("Create Access"),
			orm.Boolean("perm_unlink").Label("Delete Access"),
		},
	},
	{
		Name: "ir.rule", Description: "Record Rule", Order: "model_id, name, id",
		Fields: []*orm.FieldDef{
			orm.Char("name").Index(),
			orm.Boolean("active").Default(true),
			orm.Many2one("model_id", "ir.model").Label("Model").Required().Ondelete("cascade").Index(),
			orm.Many2many("groups", "res.groups").Relation("rule_group_rel", "rule_group_id", "group_id"),
			orm.Text("domain_force").Label("Domain"),
			orm.Boolean("perm_read").Label("Apply for Read").Default(true),
			orm.Boolean("perm_write").Label("Apply for Write").Default(true),
			orm.Boolean("perm_create").Label("Apply for Create").Default(true),
			orm.Boolean("perm_unlink").Label("Apply for Delete").Default(true),
			orm.Boolean("global").Compute(func(rs orm.Recordset) {
				for _, r := range rs.Records() {
					r.Set("global", r.Rel("groups").Len() == 0)
				}
			}, "groups").Help("a rule without groups applies to everyone"),
		},
		Constraints: []orm.Constraint{{Fields: []string{"domain_force", "model_id", "active"}, Check: checkRuleDomain}},
	},
}

// checkRuleDomain refuses an active rule whose domain does not parse or
// does not apply to its model (Odoo's ir.rule._check_domain): the domain is
// read with the rule variables of the current user (user, company_ids,
// company_id) and checked as a search on the model would check it.
func checkRuleDomain(rules orm.Recordset) {
	env := rules.Env()
	vars := env.RuleVars()
	for _, rule := range rules.Records() {
		text := rule.Str("domain_force")
		if !rule.Bool("active") || strings.TrimSpace(text) == "" {
			continue
		}
		model := rule.Rel("model_id").Str("model")
		d, err := domain.ParseWith(text, vars)
		if err == nil && env.HasModel(model) {
			err = env.Sudo().Model(model).CheckDomain(d)
		}
		if err != nil {
			panic(&orm.ValidationError{ErrorInfo: orm.ErrorInfo{Model: "ir.rule", Field: "domain_force",
				IDs: rule.IDs(), Value: text, HasValue: true, Err: err,
				Msg: "Invalid domain: " + strings.TrimPrefix(strings.TrimPrefix(err.Error(), "orm: "), "domain: ")}})
		}
	}
}
