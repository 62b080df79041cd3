package orm_test

import (
	"testing"

	"odsh/internal/testdb"
	"odsh/orm"
)

// searchAddon holds the models of the search tests: an item with a field
// of every scalar type, a many2one, a one2many, a many2many, an active
// field and a parent hierarchy (without parent_path); a tag with
// _parent_store; lines with their own active field.
var searchAddon = &orm.Addon{
	Name: "test_search",
	Models: []orm.ModelDef{
		{
			Name: "test.search.tag", Order: "name, id", ParentName: "parent_id", ParentStore: true,
			Fields: []*orm.FieldDef{
				orm.Char("name").Required(),
				orm.Integer("sequence"),
				orm.Many2one("parent_id", "test.search.tag").Ondelete("cascade"),
				orm.One2many("child_ids", "test.search.tag", "parent_id"),
				orm.Char("parent_path").Index(),
				orm.Boolean("active").Default(true),
			},
		},
		{
			Name: "test.search.item", Order: "name, id", ParentName: "parent_id",
			Fields: []*orm.FieldDef{
				orm.Char("name"),
				orm.Char("code"),
				orm.Text("note"),
				orm.HTML("body"),
				orm.Boolean("flag"),
				orm.Integer("count"),
				orm.Float("amount"),
				orm.Float("weight").Digits(10, 2),
				orm.Selection("state", orm.SelectionItem{Value: "draft", Label: "Draft"},
					orm.SelectionItem{Value: "done", Label: "Done"}),
				orm.Date("day"),
				orm.Datetime("moment"),
				orm.Binary("data"),
				orm.Boolean("active").Default(true),
				orm.Many2one("tag_id", "test.search.tag"),
				orm.Many2one("partner_id", "res.partner"),
				orm.Many2many("tag_ids", "test.search.tag"),
				orm.One2many("line_ids", "test.search.line", "item_id"),
				orm.Many2one("parent_id", "test.search.item"),
				orm.One2many("child_ids", "test.search.item", "parent_id"),
			},
		},
		{
			Name: "test.search.line", Order: "sequence, id",
			Fields: []*orm.FieldDef{
				orm.Char("name"),
				orm.Integer("sequence"),
				orm.Integer("qty"),
				orm.Many2one("item_id", "test.search.item").Ondelete("cascade"),
				orm.Boolean("active").Default(true),
			},
		},
		{
			Name: "test.search.noname", Order: "id",
			Fields: []*orm.FieldDef{
				orm.Integer("value"),
				orm.Many2one("parent_id", "test.search.noname"),
			},
		},
	},
}

func searchEnv(t *testing.T) *orm.Env {
	t.Helper()
	return testdb.Env(t, searchAddon)
}

// fixture is a small data set with NULLs, archived records and x2many
// links, shared by the operator and differential tests.
type fixture struct {
	env   *orm.Env
	tags  map[string]orm.Recordset
	items map[string]orm.Recordset
	lines map[string]orm.Recordset
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	env := searchEnv(t)
	fx := &fixture{env: env, tags: map[string]orm.Recordset{}, items: map[string]orm.Recordset{}, lines: map[string]orm.Recordset{}}
	tag := env.Model("test.search.tag")
	fx.tags["root"] = tag.Create(orm.Values{"name": "Root", "sequence": 1})
	fx.tags["a"] = tag.Create(orm.Values{"name": "Alpha", "parent_id": fx.tags["root"].ID(), "sequence": 2})
	fx.tags["a1"] = tag.Create(orm.Values{"name": "Alpha One", "parent_id": fx.tags["a"].ID()})
	fx.tags["b"] = tag.Create(orm.Values{"name": "Beta", "parent_id": fx.tags["root"].ID(), "sequence": 3})
	fx.tags["old"] = tag.Create(orm.Values{"name": "Old", "active": false})
	item := env.Model("test.search.item")
	mk := func(key string, v orm.Values) {
		fx.items[key] = item.Create(v)
	}
	mk("empty", orm.Values{})
	mk("blank", orm.Values{"name": "", "code": "", "count": 0, "amount": 0.0, "flag": false})
	mk("apple", orm.Values{"name": "Apple", "code": "A1", "note": "red fruit", "body": "<p>x</p>", "flag": true,
		"count": 3, "amount": 1.5, "weight": 2.25, "state": "draft", "day": "2024-03-10",
		"moment": "2024-03-10 08:30:00", "data": []byte("bin"), "tag_id": fx.tags["a"].ID(),
		"tag_ids": []any{orm.Command.Set(fx.tags["a"].ID(), fx.tags["b"].ID())}})
	mk("banana", orm.Values{"name": "banana", "code": "B2", "note": "yellow", "flag": false, "count": -2,
		"amount": -0.5, "state": "done", "day": "2024-11-22", "moment": "2024-11-22 23:59:59",
		"tag_id": fx.tags["a1"].ID(), "tag_ids": []any{orm.Command.Set(fx.tags["a1"].ID())},
		"parent_id": fx.items["apple"].ID()})
	mk("cherry", orm.Values{"name": "Cherry", "count": 10, "amount": 100.0, "state": "draft",
		"day": "2023-01-01", "moment": "2023-01-01 00:00:00", "tag_id": fx.tags["old"].ID(),
		"tag_ids": []any{orm.Command.Set(fx.tags["old"].ID())}, "parent_id": fx.items["banana"].ID()})
	mk("archived", orm.Values{"name": "Zombie", "active": false, "count": 1, "tag_id": fx.tags["b"].ID(),
		"parent_id": fx.items["apple"].ID()})
	line := env.Model("test.search.line")
	fx.lines["l1"] = line.Create(orm.Values{"name": "first", "qty": 1, "item_id": fx.items["apple"].ID()})
	fx.lines["l2"] = line.Create(orm.Values{"name": "second", "qty": 5, "item_id": fx.items["apple"].ID()})
	fx.lines["l3"] = line.Create(orm.Values{"name": "third", "item_id": fx.items["banana"].ID()})
	fx.lines["off"] = line.Create(orm.Values{"name": "gone", "qty": 7, "active": false, "item_id": fx.items["cherry"].ID()})
	fx.lines["orphan"] = line.Create(orm.Values{"name": "orphan", "qty": 2})
	return fx
}

// keys returns the fixture keys of the items in rs, sorted by key.
func (fx *fixture) keys(rs orm.Recordset) []string {
	byID := map[int64]string{}
	for k, r := range fx.items {
		byID[r.ID()] = k
	}
	var out []string
	for _, id := range rs.IDs() {
		k, ok := byID[id]
		if !ok {
			k = "?"
		}
		out = append(out, k)
	}
	sortStrings(out)
	return out
}
