package orm_test

import (
	"testing"

	"odsh/internal/testdb"
	"odsh/orm"
)

// fieldsAddon holds the models of the field-type tests: references,
// binaries in attachments, images, Html and company checks.
var fieldsAddon = &orm.Addon{
	Name:    "test_fields",
	Depends: []string{"base"},
	Models: []orm.ModelDef{
		{
			Name: "test.doc", Description: "Document", CheckCompanyAuto: true,
			Fields: []*orm.FieldDef{
				orm.Char("name").Required(),
				orm.Many2one("company_id", "res.company"),
				orm.Many2one("partner_id", "res.partner").CheckCompany(),
				orm.Many2many("partner_ids", "res.partner").CheckCompany(),
				orm.Many2one("other_partner_id", "res.partner"),
				orm.Reference("ref", "res.partner", "res.country"),
				orm.Char("res_model"),
				orm.Many2oneReference("res_id", "res_model"),
				orm.Binary("file"),
				orm.Binary("raw").Attachment(false),
				orm.Image("photo").MaxWidth(40).MaxHeight(30),
				orm.Image("picture"),
				orm.HTML("body"),
				orm.HTML("raw_body").Sanitize(false),
				orm.HTML("plain_body").StripStyle().StripClasses(),
				orm.One2many("line_ids", "test.doc.line", "doc_id").Copy(true),
				orm.Many2one("owner_id", "res.partner").AutoJoin(),
				orm.One2many("joined_line_ids", "test.doc.line", "doc_id").AutoJoin(),
			},
		},
		{
			Name: "test.doc.line",
			Fields: []*orm.FieldDef{
				orm.Many2one("doc_id", "test.doc").Ondelete("cascade"),
				orm.Char("name"),
				orm.Binary("data"),
			},
		},
	},
}

func fieldsEnv(t *testing.T) *orm.Env {
	t.Helper()
	return testdb.Env(t, fieldsAddon)
}
