package orm_test

import "odsh/orm"

// coreAddon holds the models the core tests use: one field of every type,
// and lines to exercise one2many/many2many commands and ondelete rules.
var coreAddon = &orm.Addon{
	Name:    "test_core",
	Depends: []string{"base"},
	Models: []orm.ModelDef{
		{
			Name: "test.tag", Order: "name",
			Fields: []*orm.FieldDef{orm.Char("name").Required(), orm.Boolean("active").Default(true)},
		},
		{
			Name: "test.thing", Description: "Thing with every field type",
			Fields: []*orm.FieldDef{
				orm.Char("name").Required(),
				orm.Char("code").Size(4),
				orm.Boolean("flag"),
				orm.Integer("count"),
				orm.Float("ratio"),
				orm.Float("price").Digits(16, 2),
				orm.Monetary("amount"),
				orm.Many2one("currency_id", "res.currency"),
				orm.Text("note"),
				orm.HTML("body"),
				orm.Selection("state",
					orm.SelectionItem{Value: "draft", Label: "Draft"},
					orm.SelectionItem{Value: "done", Label: "Done"}).Default("draft"),
				orm.Date("day"),
				orm.Datetime("moment"),
				orm.Binary("blob"),
				orm.Many2one("partner_id", "res.partner").Ondelete("set null"),
				orm.Many2one("country_id", "res.country").Ondelete("restrict"),
				orm.One2many("line_ids", "test.line", "thing_id").Copy(true),
				orm.One2many("note_ids", "test.note", "thing_id"),
				orm.Many2many("tag_ids", "test.tag"),
				orm.Char("secret").Copy(false),
				orm.Integer("weight").Default(func(env *orm.Env) any { return 7 }),
			},
			SQLConstraints: []orm.SQLConstraint{
				{Name: "code_uniq", Definition: "unique (code)", Message: "the code must be unique"},
			},
		},
		{
			Name: "test.line", Order: "sequence, id",
			Fields: []*orm.FieldDef{
				orm.Many2one("thing_id", "test.thing").Required().Ondelete("cascade"),
				orm.Char("name"),
				orm.Integer("sequence").Default(10),
			},
		},
		{
			// lines whose parent link is optional: unlink/clear detach them
			Name: "test.note",
			Fields: []*orm.FieldDef{
				orm.Many2one("thing_id", "test.thing"),
				orm.Char("name"),
			},
		},
	},
}
