package base

import "odsh/orm"

// irModels are the technical models: installed addons and external ids.
var irModels = []orm.ModelDef{
	{
		Name: "ir.module.module", Description: "Addon", Order: "name",
		Fields: []*orm.FieldDef{
			orm.Char("name").Required().Index(),
			orm.Selection("state",
				orm.SelectionItem{Value: "installed", Label: "Installed"},
				orm.SelectionItem{Value: "uninstalled", Label: "Not Installed"}).Default("uninstalled"),
			orm.Char("checksum").Help("digest of the addon's data files when they were last loaded"),
		},
		SQLConstraints: []orm.SQLConstraint{{Name: "name_uniq", Definition: "unique (name)", Message: "an addon is installed once"}},
	},
	{
		Name: "ir.model.data", Description: "External Identifiers", Order: "module, model, name",
		Fields: []*orm.FieldDef{
			orm.Char("name").Required().Label("External Identifier"),
			orm.Char("module").Required(),
			orm.Char("model").Required().Label("Model Name"),
			orm.Integer("res_id").Label("Record ID"),
			orm.Boolean("noupdate").Label("Non Updatable"),
			orm.Char("complete_name").Compute(func(rs orm.Recordset) {
				for _, r := range rs.Records() {
					r.Set("complete_name", r.Str("module")+"."+r.Str("name"))
				}
			}, "module", "name"),
		},
		RecName: "complete_name",
		SQLConstraints: []orm.SQLConstraint{
			{Name: "module_name_uniq", Definition: "unique (module, name)", Message: "an external id must be unique"},
		},
	},
}
