package base

import (
	"embed"

	"odsh/orm"
)

//go:embed data/*.csv
var dataFS embed.FS

// Addon is the base addon: every database has it.
var Addon = &orm.Addon{
	Name:   "base",
	Models: append(append(append(append([]orm.ModelDef(nil), irModels...), attachmentModels...), resModels...), securityModels...),
	FS:     dataFS,
	Data: []orm.DataFile{
		{Path: "data/res.currency.csv"},
		{Path: "data/res.country.csv"},
		{Path: "data/res.lang.csv"},
		{Path: "data/res.partner.category.csv"},
		{Path: "data/base_partners.csv", Model: "res.partner", NoUpdate: true},
		{Path: "data/res.company.csv", NoUpdate: true},
		{Path: "data/res.groups.csv"},
		{Path: "data/res.users.csv", NoUpdate: true},
		{Path: "data/ir.model.access.csv"},
		{Path: "data/ir.rule.csv", NoUpdate: true},
	},
}
