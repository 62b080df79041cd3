// Package demo is the teaching addon: products, sales orders and their
// lines, with every kind of computed field the ORM offers.
//
//   - demo.order.line.price_unit is stored, precomputed and editable: it
//     takes the product's list price when the product is set or changes
//     (unless the user sets it), and, as Odoo's sale lines, does not follow
//     later changes of that price.
//   - price_subtotal, price_tax and price_total are stored, precomputed,
//     computed together by one function.
//   - demo.order's amount_untaxed, amount_tax and amount_total sum the
//     lines (stored, recomputed when a line is added, changed or deleted);
//     line_count is not stored; country_code is a stored related field.
//   - a constraint refuses negative quantities; an onchange names a line
//     after its product.
//
// Load fills a database with deterministic demo data of three sizes.
package demo
