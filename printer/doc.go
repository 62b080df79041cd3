// Package printer decides how odsh shows values in a terminal: a recordset
// as a table, one record as a vertical card, read_group results as a table
// or a bar chart, errors as one line. It has two layers: the layout (Table,
// Card, RenderTable, RenderCard, RenderChart, FormatValue) knows nothing of
// the ORM; Show, Chart and FormatError turn ORM values into those shapes.
// printer imports orm, never the reverse.
//
// # Showing what the shell meets
//
// The REPL hands every result to Show:
//
//	printer.Show(os.Stdout, partners, opts)                           // table: id, display_name, stored fields that fit
//	printer.Show(os.Stdout, partners, opts, "email", "country_id.code") // id and these columns
//	printer.Show(os.Stdout, partner, opts)                            // one record: a card in groups
//	printer.Show(os.Stdout, groups, opts)                             // read_group: groupby, count, aggregates
//	printer.Chart(os.Stdout, groups, "amount_total", opts)            // the same as bars
//	printer.Show(os.Stdout, err, opts)                                // ValidationError: res.partner.email: …
//
// Listing a recordset reads only the rows shown (Options.MaxRows): on a
// search of 10,000 partners it costs one SELECT of the first page and one
// per many2one column shown, for the display names. Options.Vertical prints
// one card per record instead of a table. FormatError gives an error's line
// and IsInternal tells a bug (a recovered panic, see Recovered) from a
// refusal.
//
// # Values
//
// Every cell is one line of text. FormatValue makes it from a field value,
// with a Hint for what the Go type does not say:
//
//	printer.FormatValue(nil, printer.Hint{})                     // NULL
//	printer.FormatValue(true, printer.Hint{})                    // true
//	printer.FormatValue(12.5, printer.Digits(2))                 // 12.50
//	printer.FormatValue(t, printer.Hint{Kind: printer.KindDate}) // 2026-11-22
//	printer.FormatValue("a\nb", printer.Hint{})                  // a\nb
//	printer.FormatX2many("demo.order.line", ids)                 // demo.order.line(12 records)
//
// A many2one is shown by its display name: pass that string.
//
// # Tables
//
// A Table is a title, columns and rows of formatted cells. RenderTable fits
// it to Options.Width: it keeps the leading columns (put id and the display
// name first), drops the trailing ones that do not fit and names them in a
// footer, shares the room so that short columns show in full, and cuts long
// cells with "…". Numbers, dates and booleans are not cut (their column is
// dropped instead); numbers are right-aligned. Headers keep their case.
// Rows beyond Options.MaxRows are summed up in a footer; set Table.Total
// when the caller fetched only the first rows of a larger result:
//
//	res.partner
//	┌────┬────────────────┬──────────────┐
//	│ id │ display_name   │ credit_limit │
//	├────┼────────────────┼──────────────┤
//	│  1 │ Azure Interior │     12500.50 │
//	└────┴────────────────┴──────────────┘
//	… 38 more rows (40 in all)
//	+1 column not shown: child_ids
//
// # Cards and charts
//
// RenderCard shows one record as aligned name/value lines in groups, like
// psql's \x. RenderChart draws one aggregate of read_group results as
// horizontal bars, with an axis when some values are negative.
//
// # Width
//
// No line of output is ever wider than Options.Width, counted in terminal
// cells: CJK characters and emoji count two (DisplayWidth), so nothing wraps.
// TerminalWidth reads the width of the terminal. Widths follow tablewriter's
// own rule, so what this package cuts is what tablewriter aligns. Emoji
// joined by ZWJ count as the sum of their parts, as tablewriter counts them;
// terminals that draw them as one glyph show such a row a little short.
//
// Colour is off unless Options.Color is set; then NULL and footers are dim
// and headers bold, and widths are unchanged.
//
// Golden files in testdata/ pin every shape; rewrite them with
//
//	go test ./printer -update
package printer
