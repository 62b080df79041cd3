package connector

import (
	"embed"

	"odsh/orm"
)

//go:embed data/*.csv
var dataFS embed.FS

// Addon is the connector addon: the abstract backend and binding models
// and the example connector.
var Addon = &orm.Addon{
	Name:    "connector",
	Depends: []string{"base"},
	Models:  append(append([]orm.ModelDef(nil), abstractModels...), exampleModels...),
	FS:      dataFS,
	Data: []orm.DataFile{
		{Path: "data/ir.model.access.csv"},
		{Path: "data/connector.example.backend.csv", NoUpdate: true},
	},
}

// abstractModels are connector.backend and external.binding.
var abstractModels = []orm.ModelDef{
	{
		Name: "connector.backend", Description: "Connector Backend", Abstract: true,
		Fields: []*orm.FieldDef{
			orm.Char("name").Required(),
			orm.Selection("version").SelectionMethod("_select_versions").Label("Version"),
		},
		Methods: map[string]orm.MethodDecorator{"_select_versions": selectVersions()},
	},
	{
		Name: "external.binding", Description: "External Binding (abstract)", Abstract: true,
		Fields: []*orm.FieldDef{
			orm.Many2one("backend_id", "connector.backend").Label("Backend"),
			orm.Char("external_id").Label("ID on the Backend").Index(),
			orm.Datetime("sync_date").Label("Last synchronization date"),
		},
	},
}

// selectVersions returns a "_select_versions" method giving versions,
// appended to those of the implementation it overrides.
func selectVersions(versions ...orm.SelectionItem) orm.MethodDecorator {
	return func(super orm.Method) orm.Method {
		return func(rs orm.Recordset, args ...any) any {
			var out []orm.SelectionItem
			if super != nil {
				out, _ = super(rs, args...).([]orm.SelectionItem)
			}
			return append(append([]orm.SelectionItem(nil), out...), versions...)
		}
	}
}

// SelectVersions returns an override of "_select_versions" adding versions
// to a backend, for an addon that supports more versions of it.
func SelectVersions(versions ...orm.SelectionItem) orm.MethodDecorator {
	return selectVersions(versions...)
}

// exampleModels are the worked example: a backend and its bindings of
// partner categories.
var exampleModels = []orm.ModelDef{
	{
		Name: "connector.example.backend", Description: "Example Backend", Inherit: []string{"connector.backend"},
		Fields: []*orm.FieldDef{
			orm.Char("location").Required(),
			orm.Char("username"),
			orm.Char("password"),
			orm.One2many("category_binding_ids", "connector.example.partner.category", "backend_id").Label("Partner Category Bindings"),
		},
		Methods: map[string]orm.MethodDecorator{
			"_select_versions":          selectVersions(orm.SelectionItem{Value: "1.0", Label: "Example 1.0"}),
			"import_partner_categories": importMethod,
		},
	},
	{
		Name: "connector.example.partner.category", Description: "Example Partner Category Binding",
		Inherit:  []string{"external.binding"},
		Inherits: map[string]string{"res.partner.category": "odoo_id"},
		Fields: []*orm.FieldDef{
			orm.Many2one("odoo_id", "res.partner.category").Label("Partner Category").Required().Ondelete("cascade"),
			orm.Many2one("backend_id", "connector.example.backend").Label("Example Backend").Required().Ondelete("restrict"),
		},
		SQLConstraints: []orm.SQLConstraint{{
			Name: "example_uniq", Definition: "unique (backend_id, external_id)",
			Message: "Partner Tag with same ID on the backend already exists.",
		}},
	},
}
