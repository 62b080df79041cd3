package orm_test

import (
	"strconv"

	"odsh/orm"
)

// reviewAddon holds the models of the review tests: it extends test_core's
// test.thing (orders with lines (cascade) and notes (set null), and tags)
// with totals computed from the lines, values computed from a many2one
// alone and counts of the x2many fields, gives test.line a quantity, and
// adds a delegating child whose computed field reads a field of its parent.
var reviewAddon = &orm.Addon{
	Name:    "test_review",
	Depends: []string{"base", "test_core"},
	Models: []orm.ModelDef{
		{
			Inherit: []string{"test.thing"},
			Fields: []*orm.FieldDef{
				orm.Integer("total").Store().Compute(computeReviewTotal, "line_ids.qty"),
				orm.Integer("line_count").Store().Compute(computeReviewLineCount, "line_ids"),
				orm.Integer("note_count").Store().Compute(computeReviewNoteCount, "note_ids"),
				orm.Boolean("has_partner").Store().Compute(computeReviewHasPartner, "partner_id"),
				orm.Char("partner_name").Store().Compute(computeReviewPartnerName, "partner_id.name"),
				orm.Char("upper").Store().Compute(computeReviewUpper, "name"),
				orm.Integer("tag_count").Store().Compute(computeReviewTagCount, "tag_ids"),
			},
		},
		{
			Inherit: []string{"test.line"},
			Fields:  []*orm.FieldDef{orm.Integer("qty")},
		},
		{
			Name: "review.base",
			Fields: []*orm.FieldDef{
				orm.Char("name"),
				orm.Integer("size"),
			},
		},
		{
			Name: "review.child", Inherits: map[string]string{"review.base": "base_id"},
			Fields: []*orm.FieldDef{
				orm.Many2one("base_id", "review.base").Required().Ondelete("cascade"),
				orm.Char("label").Store().Compute(computeReviewLabel, "name", "size"),
				orm.Char("base_name").Related("base_id.name").Store(),
			},
		},
	},
}

func computeReviewTotal(rs orm.Recordset) {
	for _, o := range rs.Records() {
		t := 0
		for _, l := range o.Rel("line_ids").Records() {
			t += int(l.Int("qty"))
		}
		o.Set("total", t)
	}
}

func computeReviewLineCount(rs orm.Recordset) {
	for _, o := range rs.Records() {
		o.Set("line_count", o.Rel("line_ids").Len())
	}
}

func computeReviewNoteCount(rs orm.Recordset) {
	for _, o := range rs.Records() {
		o.Set("note_count", o.Rel("note_ids").Len())
	}
}

func computeReviewHasPartner(rs orm.Recordset) {
	for _, o := range rs.Records() {
		o.Set("has_partner", o.Rel("partner_id").Len() > 0)
	}
}

func computeReviewPartnerName(rs orm.Recordset) {
	for _, o := range rs.Records() {
		p := o.Rel("partner_id")
		if p.Len() == 0 {
			o.Set("partner_name", nil)
		} else {
			o.Set("partner_name", p.Str("name"))
		}
	}
}

func computeReviewUpper(rs orm.Recordset) {
	for _, o := range rs.Records() {
		s := o.Str("name")
		if s == "panic" {
			panic("compute bug")
		}
		if s == "fail" {
			panic(&orm.UserError{ErrorInfo: orm.ErrorInfo{Model: "test.thing", Msg: "refused"}})
		}
		o.Set("upper", upperASCII(s))
	}
}

func upperASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'a' && c <= 'z' {
			b[i] = c - 32
		}
	}
	return string(b)
}

func computeReviewLabel(rs orm.Recordset) {
	for _, c := range rs.Records() {
		c.Set("label", c.Str("name")+"#"+strconv.FormatInt(c.Int("size"), 10))
	}
}

func computeReviewTagCount(rs orm.Recordset) {
	for _, o := range rs.Records() {
		o.Set("tag_count", o.Rel("tag_ids").Len())
	}
}

func reviewOrder(env *orm.Env, name string, qtys ...int) orm.Recordset {
	var cmds []any
	for i, q := range qtys {
		cmds = append(cmds, orm.Command.Create(orm.Values{"name": "l" + strconv.Itoa(i), "qty": q}))
	}
	return env.Model("test.thing").Create(orm.Values{"name": name, "line_ids": cmds})
}
