package demo

import (
	"fmt"

	"odsh/orm"
)

// computeAmounts sums the lines of each order (one call assigns the three
// amounts).
func computeAmounts(orders orm.Recordset) {
	for _, o := range orders.Records() {
		var untaxed, tax float64
		for _, l := range o.Rel("line_ids").Records() {
			untaxed += l.Float("price_subtotal")
			tax += l.Float("price_tax")
		}
		o.Set("amount_untaxed", untaxed)
		o.Set("amount_tax", tax)
		o.Set("amount_total", orm.FloatRound(untaxed+tax, orm.PrecisionDigits(2)))
	}
}

// computeLineCount counts the lines of each order (not stored).
func computeLineCount(orders orm.Recordset) {
	for _, o := range orders.Records() {
		o.Set("line_count", o.Rel("line_ids").Len())
	}
}

// computePriceUnit takes the product's list price when the line's product
// is set or changes; a line without a product keeps the price it has (the
// field is editable). As Odoo's sale order lines, it depends on the product
// only, not on its price: a later change of the product's list price leaves
// the price of the lines already made as it was.
func computePriceUnit(lines orm.Recordset) {
	for _, l := range lines.Records() {
		if p := l.Rel("product_id"); p.Len() > 0 {
			l.Set("price_unit", p.Float("list_price"))
		}
	}
}

// computeLineAmounts computes subtotal, tax and total, rounded to cents.
func computeLineAmounts(lines orm.Recordset) {
	cents := orm.PrecisionDigits(2)
	for _, l := range lines.Records() {
		sub := orm.FloatRound(l.Float("quantity")*l.Float("price_unit"), cents)
		tax := orm.FloatRound(sub*l.Float("tax_rate"), cents)
		l.Set("price_subtotal", sub)
		l.Set("price_tax", tax)
		l.Set("price_total", orm.FloatRound(sub+tax, cents))
	}
}

// checkQuantity refuses negative quantities.
func checkQuantity(lines orm.Recordset) {
	for _, l := range lines.Records() {
		if q := l.Float("quantity"); q < 0 {
			panic(&orm.ValidationError{ErrorInfo: orm.ErrorInfo{Model: "demo.order.line", Field: "quantity",
				IDs: l.IDs(), Value: q, HasValue: true, Msg: "the quantity of a line cannot be negative"}})
		}
	}
}

// onchangeProduct describes a line after its product when it has no
// description yet.
func onchangeProduct(line orm.Recordset) string {
	p := line.Rel("product_id")
	if p.Len() == 0 {
		return ""
	}
	if line.Str("name") == "" {
		line.Set("name", p.Str("name"))
	}
	if p.Float("list_price") == 0 {
		return fmt.Sprintf("%s has no price", p.Str("name"))
	}
	return ""
}
