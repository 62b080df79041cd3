package orm_test

import (
	"fmt"

	"odsh/orm"
)

// The test addons of inheritance: the spec's documented examples
// (inheritance.0/1, extension.0, delegation.parent), Odoo's test_inherit
// parent/child case, a multi-level delegation and the "state" field of the
// incremental definition example.

// callMethod returns a method that ignores super (a new method).
func callMethod(fn func(rs orm.Recordset, args ...any) any) orm.MethodDecorator {
	return func(orm.Method) orm.Method { return fn }
}

// suffix returns an override appending s to what super returns.
func suffix(s string) orm.MethodDecorator {
	return func(super orm.Method) orm.Method {
		return func(rs orm.Recordset, args ...any) any { return super(rs, args...).(string) + s }
	}
}

var stateItems = []orm.SelectionItem{{Value: "a", Label: "A"}, {Value: "b", Label: "B"}}

var testInherit = &orm.Addon{
	Name: "test_inherit",
	Models: []orm.ModelDef{
		{
			Name:   "inheritance.0",
			Fields: []*orm.FieldDef{orm.Char("name")},
			Methods: map[string]orm.MethodDecorator{
				"call": callMethod(func(rs orm.Recordset, _ ...any) any { return rs.Call("check", "model 0") }),
				"check": callMethod(func(rs orm.Recordset, args ...any) any {
					return fmt.Sprintf("This is %s record %s", args[0], rs.Str("name"))
				}),
			},
		},
		{
			Name: "inheritance.1", Inherit: []string{"inheritance.0"},
			Methods: map[string]orm.MethodDecorator{
				"call": callMethod(func(rs orm.Recordset, _ ...any) any { return rs.Call("check", "model 1") }),
			},
		},
		{Name: "extension.0", Fields: []*orm.FieldDef{orm.Char("name").Default("A")}},
		{Name: "delegation.child0", Fields: []*orm.FieldDef{orm.Integer("field_0")}},
		{Name: "delegation.child1", Fields: []*orm.FieldDef{orm.Integer("field_1")}},
		{
			Name:     "delegation.parent",
			Inherits: map[string]string{"delegation.child0": "child0_id", "delegation.child1": "child1_id"},
			Fields: []*orm.FieldDef{
				orm.Many2one("child0_id", "delegation.child0").Required().Ondelete("cascade"),
				orm.Many2one("child1_id", "delegation.child1").Required().Ondelete("cascade"),
			},
		},
		{
			Name: "test.inherit.parent", Abstract: true,
			Fields:         []*orm.FieldDef{orm.Char("foo")},
			SQLConstraints: []orm.SQLConstraint{{Name: "unique_foo", Definition: "unique (foo)", Message: "foo must be unique"}},
			Methods:        map[string]orm.MethodDecorator{"stuff": callMethod(func(orm.Recordset, ...any) any { return "P1" })},
		},
		{
			Name: "test.inherit.child", Inherit: []string{"test.inherit.parent"},
			Fields:  []*orm.FieldDef{orm.Integer("bar")},
			Methods: map[string]orm.MethodDecorator{"stuff": suffix("C1")},
		},
		{Name: "test.unit", Fields: []*orm.FieldDef{orm.Char("name").Required(), orm.Integer("size").Default(1)}},
		{
			Name: "test.box", Inherits: map[string]string{"test.unit": "unit_id"},
			Fields: []*orm.FieldDef{orm.Many2one("unit_id", "test.unit"), orm.Integer("size").Default(10), orm.Char("field_in_box")},
		},
		{
			Name: "test.pallet",
			Fields: []*orm.FieldDef{
				orm.Many2one("box_id", "test.box").Delegate().Required().Ondelete("cascade"),
				orm.Char("field_in_pallet"),
			},
		},
		{
			Name: "test.foo", Order: "id",
			Fields: []*orm.FieldDef{
				orm.Char("name"), orm.Selection("state", stateItems...).Required().Label("State").Default("a"),
				orm.Selection("kind", stateItems...).Required().Default("a"),
			},
		},
		{
			Name: "test.mixin.a", Abstract: true,
			Fields: []*orm.FieldDef{orm.Char("a"), orm.Char("shared").Default("from a")},
		},
		{
			Name: "test.mixin.b", Abstract: true,
			Fields: []*orm.FieldDef{orm.Char("b"), orm.Char("shared").Default("from b")},
		},
		{Name: "test.mixed", Inherit: []string{"test.mixin.a", "test.mixin.b"}, Fields: []*orm.FieldDef{orm.Char("name")}},
	},
}

// testInheritExt extends the models of test_inherit from another addon.
var testInheritExt = &orm.Addon{
	Name:    "test_inherit_ext",
	Depends: []string{"test_inherit"},
	Models: []orm.ModelDef{
		{Inherit: []string{"extension.0"}, Fields: []*orm.FieldDef{orm.Char("description").Default("Extended")}},
		{
			Inherit: []string{"test.inherit.parent"},
			Methods: map[string]orm.MethodDecorator{"stuff": suffix("P2")},
		},
		{Inherit: []string{"test.foo"}, Order: "name desc", Fields: []*orm.FieldDef{
			orm.Selection("state").Help("Blah blah blah"),
			orm.Selection("kind").SelectionAdd(orm.SelectionItem{Value: "c", Label: "C"}, orm.SelectionItem{Value: "b"}).
				SelectionOndelete(map[string]string{"c": "set a"}),
		}},
		{Inherit: []string{"test.foo"}, Fields: []*orm.FieldDef{
			orm.Selection("kind").SelectionAdd(orm.SelectionItem{Value: "d", Label: "D"}).SelectionOndelete(map[string]string{"d": "cascade"}),
		}},
		{
			Inherit: []string{"test.unit"},
			Fields:  []*orm.FieldDef{orm.Char("color")},
			Methods: map[string]orm.MethodDecorator{
				"create": func(super orm.Method) orm.Method {
					return func(rs orm.Recordset, args ...any) any {
						for _, v := range args[0].([]orm.Values) {
							if v["color"] == nil {
								v["color"] = "grey"
							}
						}
						return super(rs, args...)
					}
				},
				"compute_display_name": func(super orm.Method) orm.Method {
					return func(rs orm.Recordset, args ...any) any {
						for _, r := range rs.Records() {
							r.Set("display_name", fmt.Sprintf("[%s] %s", r.Str("color"), r.Str("name")))
						}
						return nil
					}
				},
			},
		},
		{
			Inherit: []string{"inheritance.0"},
			Methods: map[string]orm.MethodDecorator{
				"action_confirm": callMethod(func(rs orm.Recordset, _ ...any) any {
					rs.Write(orm.Values{"name": rs.Str("name") + " (confirmed)"})
					return true
				}),
			},
		},
	},
}
