package orm_test

import (
	"sort"
	"strings"

	"odsh/orm"
)

// calls counts compute calls per field, and the records each computed.
var calls = map[string][]int64{}

func count(field string, rs orm.Recordset) { calls[field] = append(calls[field], rs.IDs()...) }

// computeAddon holds the models of the computed-field tests: a tree with a
// recursive stored field, members and tags linked by a many2many, and a
// record with inverse, search, context-dependent and sudo fields.
var computeAddon = &orm.Addon{
	Name:    "test_compute",
	Depends: []string{"base"},
	Models: []orm.ModelDef{
		{
			Name: "test.node", ParentName: "parent_id",
			Fields: []*orm.FieldDef{
				orm.Char("name"),
				orm.Many2one("parent_id", "test.node").Ondelete("cascade"),
				orm.Char("path").Store().Recursive().Compute(computePath, "name", "parent_id.path"),
			},
		},
		{
			Name: "test.ctag",
			Fields: []*orm.FieldDef{
				orm.Char("name"),
				orm.Many2many("member_ids", "test.member").Relation("test_member_tag_rel", "tag_id", "member_id"),
				orm.Char("member_names").Store().Compute(computeMemberNames, "member_ids.name"),
			},
		},
		{
			Name: "test.member",
			Fields: []*orm.FieldDef{
				orm.Char("name"),
				orm.Many2many("tag_ids", "test.ctag").Relation("test_member_tag_rel", "member_id", "tag_id"),
				orm.Integer("tag_count").Store().Compute(computeTagCount, "tag_ids"),
				orm.Char("upper").Compute(computeUpper, "name").Inverse(inverseUpper).Search(searchUpper),
				orm.Char("lower").Compute(computeLower, "name").Inverse(inverseUpper),
				orm.Char("greeting").Compute(computeGreeting, "name").DependsContext("lang", "formal"),
				orm.Boolean("computed_as_su").Compute(computeSu),
				orm.Boolean("computed_as_su_sudo").Compute(computeSuSudo).ComputeSudo(true),
				orm.Char("empty").Compute(func(rs orm.Recordset) {}),
				orm.Char("boom").Compute(computeBoom, "name"),
				orm.Char("code").Store().Compute(computeCode, "name").Readonly(false),
				orm.Many2one("currency_id", "res.currency"),
				orm.Monetary("amount"),
			},
		},
	},
}

func computePath(rs orm.Recordset) {
	count("path", rs)
	for _, n := range rs.Records() {
		p := n.Rel("parent_id")
		if p.Len() == 0 {
			n.Set("path", n.Str("name"))
		} else {
			n.Set("path", p.Str("path")+"/"+n.Str("name"))
		}
	}
}

func computeMemberNames(rs orm.Recordset) {
	count("member_names", rs)
	for _, t := range rs.Records() {
		var names []string
		for _, m := range t.Rel("member_ids").Records() {
			names = append(names, m.Str("name"))
		}
		sort.Strings(names)
		t.Set("member_names", strings.Join(names, ","))
	}
}

func computeTagCount(rs orm.Recordset) {
	count("tag_count", rs)
	for _, m := range rs.Records() {
		m.Set("tag_count", m.Rel("tag_ids").Len())
	}
}

func computeUpper(rs orm.Recordset) {
	for _, m := range rs.Records() {
		m.Set("upper", strings.ToUpper(m.Str("name")))
	}
}

func computeLower(rs orm.Recordset) {
	for _, m := range rs.Records() {
		m.Set("lower", strings.ToLower(m.Str("name")))
	}
}

var inverseCalls int

func inverseUpper(rs orm.Recordset) {
	inverseCalls++
	for _, m := range rs.Records() {
		if u := m.Str("upper"); u != "" {
			m.Set("name", strings.ToLower(u)+"!")
		}
	}
}

func searchUpper(rs orm.Recordset, op string, value any) any {
	s, _ := value.(string)
	return []any{[]any{"name", "=ilike", s}}
}

func computeGreeting(rs orm.Recordset) {
	count("greeting", rs)
	ctx := rs.Env().Context()
	hello := "Hello"
	if rs.Env().Lang() == "fr_FR" {
		hello = "Bonjour"
	}
	if ctx.Bool("formal", false) {
		hello += " dear"
	}
	for _, m := range rs.Records() {
		m.Set("greeting", hello+" "+m.Str("name"))
	}
}

func computeSu(rs orm.Recordset) {
	for _, m := range rs.Records() {
		m.Set("computed_as_su", rs.Env().Su())
	}
}

func computeSuSudo(rs orm.Recordset) {
	for _, m := range rs.Records() {
		m.Set("computed_as_su_sudo", rs.Env().Su())
	}
}

func computeBoom(rs orm.Recordset) {
	for _, m := range rs.Records() {
		if m.Str("name") == "boom" {
			var nilMap map[string]int
			nilMap["x"] = 1 // a bug in a compute
		}
		m.Set("boom", "ok")
	}
}

func computeCode(rs orm.Recordset) {
	for _, m := range rs.Records() {
		if n := m.Str("name"); n != "" {
			m.Set("code", strings.ToUpper(n[:1]))
		}
	}
}
