package printer_test

import (
	"os"
	"time"

	"odsh/printer"
)

// A recordset becomes a Table of formatted cells; the columns that do not
// fit are named in a footer.
func ExampleRenderTable() {
	created := time.Date(2026, 11, 22, 14, 3, 5, 0, time.UTC)
	t := printer.Table{
		Title: "res.partner",
		Columns: []printer.Column{
			{Name: "id"}, {Name: "display_name"}, {Name: "credit_limit"},
			{Name: "is_company"}, {Name: "create_date"}, {Name: "child_ids"},
		},
		Rows: [][]string{{
			printer.FormatValue(1, printer.Hint{}),
			printer.FormatValue("Azure Interior", printer.Hint{}),
			printer.FormatValue(12500.5, printer.Digits(2)),
			printer.FormatValue(true, printer.Hint{}),
			printer.FormatValue(created, printer.Hint{}),
			printer.FormatX2many("res.partner", []int64{3, 9}),
		}, {
			printer.FormatValue(2, printer.Hint{}),
			printer.FormatValue("Deco Addict", printer.Hint{}),
			printer.FormatValue(nil, printer.Hint{}),
			printer.FormatValue(false, printer.Hint{}),
			printer.FormatValue(created, printer.Hint{}),
			printer.FormatX2many("res.partner", nil),
		}},
		Total: 40,
	}
	printer.RenderTable(os.Stdout, t, printer.Options{Width: 80})
	// Output:
	// res.partner
	// ┌────┬────────────────┬──────────────┬────────────┬─────────────────────┐
	// │ id │ display_name   │ credit_limit │ is_company │ create_date         │
	// ├────┼────────────────┼──────────────┼────────────┼─────────────────────┤
	// │  1 │ Azure Interior │     12500.50 │ true       │ 2026-11-22 14:03:05 │
	// │  2 │ Deco Addict    │         NULL │ false      │ 2026-11-22 14:03:05 │
	// └────┴────────────────┴──────────────┴────────────┴─────────────────────┘
	// … 38 more rows (40 in all)
	// +1 column not shown: child_ids
}

// A single record is a Card, one field per line, in groups.
func ExampleRenderCard() {
	c := printer.Card{
		Title: "res.partner(1) Azure Interior",
		Groups: []printer.Group{
			{Fields: []printer.Field{{Name: "id", Value: "1"}, {Name: "name", Value: "Azure Interior"}}},
			{Name: "Notes", Fields: []printer.Field{{Name: "comment", Value: "Prefers email.\nCall after 10."}}},
		},
	}
	printer.RenderCard(os.Stdout, c, printer.Options{Width: 40})
	// Output:
	// ─[ res.partner(1) Azure Interior ]──────
	// id      │ 1
	// name    │ Azure Interior
	// ── Notes ───────────────────────────────
	// comment │ Prefers email.…
}

// One aggregate of read_group results as bars; negatives grow left of an
// axis.
func ExampleRenderChart() {
	labels := []string{"Azure Interior", "Deco Addict", "Refunds"}
	values := []float64{1250.5, 980, -310}
	printer.RenderChart(os.Stdout, "amount_total by partner_id", labels, values, printer.Options{Width: 50})
	// Output:
	// amount_total by partner_id
	// Azure Interior      │████████████████████ 1,250.50
	// Deco Addict         │████████████████       980.00
	// Refunds        █████│                      -310.00
}
