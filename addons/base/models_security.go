package base

import "odsh/orm"

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
	},
}
