package printer

import (
	"io"
	"testing"
)

func TestRenderTableGolden(t *testing.T) {
	only := func(cols ...int) Table {
		full := partnerTable()
		t := Table{Title: full.Title}
		for _, c := range cols {
			t.Columns = append(t.Columns, full.Columns[c])
		}
		for _, row := range full.Rows {
			var r []string
			for _, c := range cols {
				r = append(r, row[c])
			}
			t.Rows = append(t.Rows, r)
		}
		return t
	}
	table := func(tb Table, o Options) func(io.Writer) error {
		return func(w io.Writer) error { return RenderTable(w, tb, o) }
	}
	runGolden(t, []goldenCase{
		{"table_fit_160", 160, table(only(0, 1, 2, 4, 5, 6), Options{Width: 160})},
		{"table_wide_160", 160, table(partnerTable(), Options{Width: 160})},
		{"table_default_100", 100, table(partnerTable(), Options{})},
		{"table_narrow_40", 40, table(partnerTable(), Options{Width: 40})},
		{"table_unicode_60", 60, table(only(0, 1, 4, 9), Options{Width: 60})},
		{"table_below_min_width", MinWidth, table(partnerTable(), Options{Width: 5})},
		{"table_row_cap", 100, table(bigTable(50, 10000), Options{MaxRows: 5})},
		{"table_row_cap_default", 100, table(bigTable(60, 0), Options{})},
		{"table_all_rows", 100, table(bigTable(60, 0), Options{MaxRows: -1})},
		{"table_cut_by_caller", 100, table(bigTable(3, 80), Options{})},
		{"table_empty", 100, table(Table{Title: "res.partner", Columns: partnerColumns}, Options{})},
		{"table_empty_untitled", 100, table(Table{}, Options{})},
		{"table_color", 100, table(only(0, 1, 2, 5), Options{Color: true})},
		{"table_column_max", 100, table(withMax(only(0, 1, 2, 9), 2, 12), Options{})},
	})
}

// withMax caps column i of t at max cells.
func withMax(t Table, i, max int) Table {
	t.Columns = append([]Column(nil), t.Columns...)
	t.Columns[i].Max = max
	return t
}
