package printer

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
)

// Align is a column's horizontal alignment.
type Align int

// The alignments. AlignAuto right-aligns a column whose shown cells are all
// numbers (or NULL), and left-aligns any other.
const (
	AlignAuto Align = iota
	AlignLeft
	AlignRight
)

// String returns the alignment's name, such as "right".
func (a Align) String() string {
	switch a {
	case AlignAuto:
		return "auto"
	case AlignLeft:
		return "left"
	case AlignRight:
		return "right"
	}
	return "Align(" + strconv.Itoa(int(a)) + ")"
}

// Column describes one column of a Table. Its header is Name, as given:
// the printer never changes its case.
type Column struct {
	Name  string
	Align Align
	// Min is the width in cells below which the column is dropped rather
	// than squeezed. 0 means: a number column is never squeezed, any other
	// keeps its header up to MaxHeaderMin cells and at least
	// DefaultMinColumn; never more than its widest cell. The first column
	// is never dropped.
	Min int
	// Max caps the column's width in cells; 0 means no cap.
	Max int
}

// DefaultMinColumn is the narrowest a text column is squeezed to before
// the columns after it are dropped, unless Column.Min says otherwise.
const DefaultMinColumn = 10

// MaxHeaderMin bounds how much of a long header a squeezed column keeps.
const MaxHeaderMin = 16

// Table is a result set ready to print: column headers and rows of cells
// already formatted (see FormatValue). Cells are single lines; RenderTable
// escapes any newline left in them.
type Table struct {
	// Title is printed above the table when not empty, e.g. "res.partner".
	Title   string
	Columns []Column
	// Rows holds one []string per record; a short row is padded with
	// empty cells, cells beyond the columns are ignored.
	Rows [][]string
	// Total is the number of rows in the full result when Rows holds only
	// the first of them; it only feeds the footer. 0 means len(Rows).
	Total int
}

// RenderTable writes t as a boxed table no wider than opts.Width:
//
//   - the leading columns are kept and trailing ones that do not fit are
//     dropped, and named in a footer "+2 columns not shown: email, phone";
//   - wide cells are cut with Ellipsis, never wrapped, so every row is one
//     line; the width of CJK characters and emoji is accounted for;
//   - numbers are right-aligned (see AlignAuto);
//   - at most opts.MaxRows rows are shown, and a footer says how many were
//     not: "… 9,950 more rows (10,000 in all)".
//
// A table without rows prints "(no records)". The only error is the
// writer's.
func RenderTable(w io.Writer, t Table, opts Options) error {
	width := opts.width()
	var out strings.Builder
	if t.Title != "" {
		out.WriteString(opts.bold(Truncate(OneLine(t.Title), width)) + "\n")
	}
	if len(t.Rows) == 0 && t.Total <= 0 || len(t.Columns) == 0 {
		out.WriteString(opts.dim("(no records)") + "\n")
		return writeString(w, out.String())
	}
	rows := shownRows(t.Rows, opts.maxRows())
	l := layOut(t.Columns, rows, width)
	if err := renderBox(&out, l, opts); err != nil {
		return fmt.Errorf("printer: table: %w", err)
	}
	for _, line := range tableFooters(t, len(rows), l, width) {
		out.WriteString(opts.dim(line) + "\n")
	}
	return writeString(w, out.String())
}

// writeString writes s to w in one call.
func writeString(w io.Writer, s string) error {
	_, err := io.WriteString(w, s)
	return err
}

// shownRows returns the rows to show, at most max of them (-1: all), each
// exactly as they are; layOut normalises them.
func shownRows(rows [][]string, max int) [][]string {
	if max >= 0 && len(rows) > max {
		return rows[:max]
	}
	return rows
}

// tableFooters returns the lines under the table: rows and columns not shown.
func tableFooters(t Table, shown int, l layout, width int) []string {
	var lines []string
	total := max(t.Total, len(t.Rows))
	if hidden := total - shown; hidden > 0 {
		line := fmt.Sprintf("%s %s more %s (%s in all)",
			Ellipsis, thousands(hidden), nounFor(hidden, "row"), thousands(total))
		lines = append(lines, Truncate(line, width))
	}
	if dropped := t.Columns[len(l.widths):]; len(dropped) > 0 {
		lines = append(lines, Truncate(droppedFooter(dropped), width))
	}
	return lines
}

// droppedFooter names the columns that were left out.
func droppedFooter(cols []Column) string {
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = OneLine(c.Name)
	}
	n := formatCount(len(cols), "column")
	return "+" + n + " not shown: " + strings.Join(names, ", ")
}

// renderBox draws the laid-out cells with tablewriter. Everything is already
// the right width, so tablewriter only pads, aligns and draws the borders.
func renderBox(w io.Writer, l layout, opts Options) error {
	tbl := newTableWriter(w, l.aligns)
	tbl.Header(toAny(styleHeader(l.header, opts))...)
	for _, row := range l.cells {
		if err := tbl.Append(styleNulls(row, opts)); err != nil {
			return err
		}
	}
	return tbl.Render()
}

// newTableWriter configures tablewriter to keep cells as they are: no
// upper-casing, no wrapping, no trimming, and this package's width rule.
func newTableWriter(w io.Writer, aligns []tw.Align) *tablewriter.Table {
	r := tw.Rendition{Symbols: tw.NewSymbols(tw.StyleLight)}
	return tablewriter.NewTable(w,
		tablewriter.WithRenderer(renderer.NewBlueprint(r)),
		tablewriter.WithEastAsian(tw.Off),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAutoWrap(tw.WrapNone),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
		tablewriter.WithTrimSpace(tw.Off),
		tablewriter.WithHeaderAlignmentConfig(tw.CellAlignment{PerColumn: aligns}),
		tablewriter.WithRowAlignmentConfig(tw.CellAlignment{PerColumn: aligns}),
	)
}

// styleHeader makes headers bold when colour is on.
func styleHeader(header []string, opts Options) []string {
	if !opts.Color {
		return header
	}
	out := make([]string, len(header))
	for i, h := range header {
		out[i] = opts.bold(h)
	}
	return out
}

// styleNulls dims NULL cells when colour is on.
func styleNulls(row []string, opts Options) []string {
	if !opts.Color {
		return row
	}
	out := make([]string, len(row))
	for i, c := range row {
		if c == Null {
			c = opts.dim(c)
		}
		out[i] = c
	}
	return out
}

// toAny converts cells for tablewriter's variadic Header.
func toAny(cells []string) []any {
	out := make([]any, len(cells))
	for i, c := range cells {
		out[i] = c
	}
	return out
}
