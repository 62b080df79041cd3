package demo

import (
	"embed"

	"odsh/orm"
)

//go:embed data/*.csv
var dataFS embed.FS

// Addon is the demo addon (name "demo", depends on base): its models and
// their access rights; demo records come from Load.
var Addon = &orm.Addon{
	Name:    "demo",
	Depends: []string{"base"},
	Models:  []orm.ModelDef{productModel, orderModel, lineModel},
	FS:      dataFS,
	Data:    []orm.DataFile{{Path: "data/ir.model.access.csv"}},
}

var productModel = orm.ModelDef{
	Name: "demo.product", Description: "Demo Product", Order: "name, id",
	Fields: []*orm.FieldDef{
		orm.Char("name").Required().Translate(),
		orm.Float("list_price").Digits(16, 2).Label("Sales Price"),
		orm.Boolean("active").Default(true),
		orm.One2many("line_ids", "demo.order.line", "product_id").Label("Order Lines"),
	},
}

var orderModel = orm.ModelDef{
	Name: "demo.order", Description: "Demo Sales Order", Order: "date_order desc, id desc",
	Fields: []*orm.FieldDef{
		orm.Char("name").Label("Order Reference"),
		orm.Many2one("partner_id", "res.partner").Label("Customer").Index(),
		orm.Char("country_code").Related("partner_id.country_id.code").Store(),
		orm.One2many("line_ids", "demo.order.line", "order_id").Label("Order Lines").Copy(true),
		orm.Float("amount_untaxed").Digits(16, 2).Store().Compute(computeAmounts, "line_ids.price_subtotal", "line_ids.price_tax", "line_ids.price_total"),
		orm.Float("amount_tax").Digits(16, 2).Store().Compute(computeAmounts, "line_ids.price_subtotal", "line_ids.price_tax", "line_ids.price_total"),
		orm.Float("amount_total").Digits(16, 2).Store().Compute(computeAmounts, "line_ids.price_subtotal", "line_ids.price_tax", "line_ids.price_total"),
		orm.Integer("line_count").Compute(computeLineCount, "line_ids"),
		orm.Selection("state",
			orm.SelectionItem{Value: "draft", Label: "Quotation"},
			orm.SelectionItem{Value: "confirmed", Label: "Sales Order"},
			orm.SelectionItem{Value: "done", Label: "Locked"},
			orm.SelectionItem{Value: "cancel", Label: "Cancelled"}).Default("draft").GroupExpandAll(),
		orm.Datetime("date_order").Label("Order Date").Default(func(env *orm.Env) any { return env.Now() }),
		orm.Text("note").Label("Terms and conditions"),
	},
}

var lineModel = orm.ModelDef{
	Name: "demo.order.line", Description: "Demo Sales Order Line", Order: "order_id, id",
	Fields: []*orm.FieldDef{
		orm.Many2one("order_id", "demo.order").Required().Ondelete("cascade").Index(),
		orm.Many2one("product_id", "demo.product").Index(),
		orm.Char("name").Label("Description"),
		orm.Float("quantity").Digits(16, 3).Default(1.0),
		orm.Float("price_unit").Digits(16, 2).Label("Unit Price").
			Compute(computePriceUnit, "product_id").Store().Precompute().Readonly(false),
		orm.Float("tax_rate").Default(0.21),
		orm.Float("price_subtotal").Digits(16, 2).Store().Precompute().Compute(computeLineAmounts, "quantity", "price_unit", "tax_rate"),
		orm.Float("price_tax").Digits(16, 2).Store().Precompute().Compute(computeLineAmounts, "quantity", "price_unit", "tax_rate"),
		orm.Float("price_total").Digits(16, 2).Store().Precompute().Compute(computeLineAmounts, "quantity", "price_unit", "tax_rate"),
	},
	Constraints: []orm.Constraint{{Fields: []string{"quantity"}, Check: checkQuantity}},
	Onchanges:   map[string]orm.OnchangeFunc{"product_id": onchangeProduct},
}
