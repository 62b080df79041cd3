package base

import "odsh/orm"

// fieldTypes are the values of ir.model.fields.ttype: Odoo's type names.
var fieldTypes = func() []orm.SelectionItem {
	var out []orm.SelectionItem
	for t := orm.TypeBoolean; t <= orm.LastType; t++ {
		out = append(out, orm.SelectionItem{Value: t.String(), Label: t.String()})
	}
	return out
}()

var reflectionState = []orm.SelectionItem{{Value: "manual", Label: "Custom Object"}, {Value: "base", Label: "Base Object"}}

// irModels are the technical models: installed addons, external ids, and
// the models and fields of the registry (written by orm.ReflectModels).
var irModels = []orm.ModelDef{
	{
		Name: "ir.model", Description: "Models", Order: "model",
		Fields: []*orm.FieldDef{
			orm.Char("name").Label("Model Description").Required(),
			orm.Char("model").Label("Model").Required().Index(),
			orm.Char("order").Label("Order").Help("SQL expression for ordering records in the model"),
			orm.Text("info").Label("Information"),
			orm.One2many("field_id", "ir.model.fields", "model_id").Label("Fields"),
			orm.Selection("state", reflectionState...).Label("Type").Default("manual"),
			orm.Boolean("transient").Label("Transient Model"),
			orm.Boolean("abstract").Label("Abstract Model").Help("an abstract model has no table"),
		},
		SQLConstraints: []orm.SQLConstraint{{Name: "obj_name_uniq", Definition: "unique (model)", Message: "each model must have a unique name"}},
	},
	{
		Name: "ir.model.fields", Description: "Fields", Order: "model, name",
		Fields: []*orm.FieldDef{
			orm.Char("name").Label("Field Name").Required().Index(),
			orm.Char("model").Label("Model Name").Required().Index(),
			orm.Many2one("model_id", "ir.model").Label("Model").Required().Ondelete("cascade").Index(),
			orm.Char("field_description").Label("Field Label"),
			orm.Text("help").Label("Field Help"),
			orm.Selection("ttype", fieldTypes...).Label("Field Type").Required(),
			orm.Char("relation").Label("Related Model"),
			orm.Char("relation_field").Label("Relation Field").Help("the inverse many2one of a one2many"),
			orm.Char("relation_table").Label("Relation Table"),
			orm.Char("column1").Label("Column 1"),
			orm.Char("column2").Label("Column 2"),
			orm.Char("related").Label("Related Field"),
			orm.Selection("on_delete",
				orm.SelectionItem{Value: "cascade", Label: "Cascade"},
				orm.SelectionItem{Value: "set null", Label: "Set NULL"},
				orm.SelectionItem{Value: "restrict", Label: "Restrict"}).Label("On Delete"),
			orm.Boolean("required"),
			orm.Boolean("readonly"),
			orm.Boolean("index").Label("Indexed"),
			orm.Boolean("store").Label("Stored"),
			orm.Boolean("copied").Label("Copied"),
			orm.Boolean("translate").Label("Translatable"),
			orm.Boolean("company_dependent").Label("Company Dependent"),
			orm.Integer("size"),
			orm.Selection("state", reflectionState...).Label("Type").Default("manual"),
		},
		RecName:        "field_description",
		SQLConstraints: []orm.SQLConstraint{{Name: "name_unique", Definition: "unique (model, name)", Message: "field names must be unique per model"}},
	},
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
