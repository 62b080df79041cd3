package orm_test

import (
	"testing"

	"odsh/internal/testdb"
	"odsh/orm"
)

// rulesAddon holds the models of the tests of Odoo rules (doc/odoo-behaviour.md)
// (the TestRule* tests): a record with plain, read-only, related, computed and
// constrained fields, lines whose parent link is optional and that can be
// archived, and tags (test_core's test.tag).
var rulesAddon = &orm.Addon{
	Name:    "test_rules",
	Depends: []string{"base", "test_core"},
	Models: []orm.ModelDef{
		{
			Name: "rules.rec", Order: "name, id",
			Fields: []*orm.FieldDef{
				orm.Char("name"),
				orm.Char("ro").Readonly(),
				orm.Char("code").Size(3),
				orm.Integer("n").Index(),
				orm.Float("ratio"),
				orm.Text("note"),
				orm.HTML("body"),
				orm.Selection("state", orm.SelectionItem{Value: "a", Label: "A"}, orm.SelectionItem{Value: "b", Label: "B"}),
				orm.Many2one("currency_id", "res.currency"),
				orm.Monetary("amount"),
				orm.Binary("blob").Attachment(false),
				orm.Float("f").Digits(16, 2),
				orm.Date("d"),
				orm.Datetime("dt"),
				orm.Boolean("active").Default(true),
				orm.Many2one("partner_id", "res.partner"),
				orm.Char("partner_name").Related("partner_id.name"),
				orm.Char("partner_city").Related("partner_id.city").Readonly(false),
				orm.Char("partner_ref").Related("partner_id.ref").Store(),
				orm.One2many("line_ids", "rules.line", "rec_id").Copy(true),
				orm.One2many("all_line_ids", "rules.line", "rec_id").Context(orm.Ctx{"active_test": false}),
				orm.Many2many("tag_ids", "test.tag"),
				orm.Integer("double").Store().Compute(computeDouble, "n"),
				orm.Char("label").Store().Compute(computeLabel, "name").Readonly(false),
				orm.Integer("stamp").Compute(computeStamp),
				orm.Integer("line_count").Store().Compute(computeLineCount, "line_ids"),
			},
			Constraints: []orm.Constraint{
				{Fields: []string{"n"}, Check: checkPositive},
				{Fields: []string{"double"}, Check: checkDoubleSmall},
			},
		},
		{
			Name: "rules.line", Order: "id",
			Fields: []*orm.FieldDef{
				orm.Many2one("rec_id", "rules.rec"),
				orm.Char("name"),
				orm.Boolean("active").Default(true),
			},
		},
	},
}

// ruleCalls counts calls of the rules models' computes and constraints.
var ruleCalls = map[string]int{}

func rulesEnv(t *testing.T) (*orm.Env, orm.Recordset) {
	t.Helper()
	clear(ruleCalls)
	env := testdb.Env(t, coreAddon, rulesAddon)
	return env, env.Model("rules.rec")
}

func computeDouble(rs orm.Recordset) {
	ruleCalls["double"]++
	for _, r := range rs.Records() {
		r.Set("double", 2*r.Int("n"))
	}
}

func computeLabel(rs orm.Recordset) {
	ruleCalls["label"]++
	for _, r := range rs.Records() {
		r.Set("label", "L:"+r.Str("name"))
	}
}

var stampSeq int64

func computeStamp(rs orm.Recordset) {
	ruleCalls["stamp"]++
	for _, r := range rs.Records() {
		stampSeq++
		r.Set("stamp", stampSeq)
	}
}

func computeLineCount(rs orm.Recordset) {
	for _, r := range rs.Records() {
		r.Set("line_count", r.Rel("line_ids").Len())
	}
}

func checkPositive(rs orm.Recordset) {
	ruleCalls["check n"]++
	for _, r := range rs.Records() {
		if r.Int("n") < 0 {
			panic(&orm.ValidationError{ErrorInfo: orm.ErrorInfo{Model: "rules.rec", Field: "n", Msg: "n must not be negative"}})
		}
	}
}

func checkDoubleSmall(rs orm.Recordset) {
	ruleCalls["check double"]++
	for _, r := range rs.Records() {
		if r.Int("double") > 1000 {
			panic(&orm.ValidationError{ErrorInfo: orm.ErrorInfo{Model: "rules.rec", Field: "double", Msg: "double too big"}})
		}
	}
}
