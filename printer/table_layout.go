package printer

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/olekukonko/tablewriter/tw"
)

// Fitting a table to the terminal.
//
// Each column has a natural width (its widest shown cell or header, capped by
// Column.Max) and a minimum (see Column.Min; never more than the natural
// width). Columns are kept from the left while their minimums
// and the borders fit; the first column always stays. The room left is then
// shared by water-filling: every kept column gets min(natural, L) for the
// largest level L that fits, so narrow columns show in full and wide ones
// share what remains equally. Cells are then truncated to their column.

// borderCost is what the light box costs around k columns: "│ " before
// each cell, " " after it, and the closing "│".
func borderCost(k int) int { return 3*k + 1 }

// layout is a table ready to draw: the kept columns' widths, alignments,
// and header and cells truncated to those widths.
type layout struct {
	widths []int
	aligns []tw.Align
	header []string
	cells  [][]string
}

// layOut fits columns and rows into width cells.
func layOut(cols []Column, rows [][]string, width int) layout {
	rows = normaliseRows(rows, len(cols))
	header := make([]string, len(cols))
	for i, c := range cols {
		header[i] = OneLine(c.Name)
	}
	aligns := make([]tw.Align, len(cols))
	for i, c := range cols {
		aligns[i] = resolveAlign(c.Align, rows, i)
	}
	natural, minimum := columnWidths(cols, header, rows)
	widths := share(natural, minimum, width)
	l := layout{widths: widths, aligns: aligns[:len(widths)], header: truncateRow(header, widths)}
	for _, row := range rows {
		l.cells = append(l.cells, truncateRow(row, widths))
	}
	return l
}

// normaliseRows gives every row exactly n one-line cells.
func normaliseRows(rows [][]string, n int) [][]string {
	out := make([][]string, len(rows))
	for i, row := range rows {
		cells := make([]string, n)
		for j := range min(n, len(row)) {
			cells[j] = OneLine(row[j])
		}
		out[i] = cells
	}
	return out
}

// columnWidths returns each column's natural and minimum width.
func columnWidths(cols []Column, header []string, rows [][]string) (natural, minimum []int) {
	natural = make([]int, len(cols))
	minimum = make([]int, len(cols))
	for i, c := range cols {
		n := max(DisplayWidth(header[i]), 1)
		for _, row := range rows {
			n = max(n, DisplayWidth(row[i]))
		}
		if c.Max > 0 {
			n = min(n, c.Max)
		}
		natural[i] = n
		minimum[i] = min(n, minWidth(c, header[i], rows, i))
	}
	return natural, minimum
}

// minWidth is column i's minimum before capping by its natural width:
// Column.Min when set, everything for a column of atoms (numbers, dates,
// booleans: cut, they would mislead), otherwise its header up to
// MaxHeaderMin and at least DefaultMinColumn.
func minWidth(c Column, header string, rows [][]string, i int) int {
	switch {
	case c.Min > 0:
		return c.Min
	case columnOf(rows, i, isAtom):
		return math.MaxInt
	}
	return clamp(DisplayWidth(header), DefaultMinColumn, MaxHeaderMin)
}

// share returns the widths of the columns that fit in width: a prefix of
// the columns, water-filled between their minimum and natural widths.
func share(natural, minimum []int, width int) []int {
	k := keptColumns(minimum, width)
	budget := width - borderCost(k)
	if k == 1 && minimum[0] > budget {
		return []int{max(budget, 1)}
	}
	natural, minimum = natural[:k], minimum[:k]
	level := waterLevel(natural, minimum, budget)
	widths := make([]int, k)
	for i := range widths {
		widths[i] = clamp(level, minimum[i], natural[i])
	}
	spread(widths, natural, budget-sum(widths))
	return widths
}

// keptColumns counts the leading columns whose minimums fit (at least 1).
func keptColumns(minimum []int, width int) int {
	used := 0
	for k, m := range minimum {
		used += m
		if used+borderCost(k+1) > width {
			return max(k, 1)
		}
	}
	return len(minimum)
}

// waterLevel finds the largest L with Σ clamp(L, min, natural) ≤ budget,
// by binary search: the sum grows with L.
func waterLevel(natural, minimum []int, budget int) int {
	lo, hi := 0, slices.Max(natural)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if levelCost(mid, natural, minimum) <= budget {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo
}

// levelCost is the room the columns take at level L.
func levelCost(level int, natural, minimum []int) int {
	total := 0
	for i := range natural {
		total += clamp(level, minimum[i], natural[i])
	}
	return total
}

// spread hands out the cells left over after water-filling, one per column
// from the left, to columns still narrower than their natural width.
func spread(widths, natural []int, extra int) {
	for i := range widths {
		if extra <= 0 {
			return
		}
		if widths[i] < natural[i] {
			widths[i]++
			extra--
		}
	}
}

// clamp limits v to [lo, hi].
func clamp(v, lo, hi int) int {
	return max(lo, min(v, hi))
}

// sum adds up xs.
func sum(xs []int) int {
	total := 0
	for _, x := range xs {
		total += x
	}
	return total
}

// truncateRow cuts the first len(widths) cells of row to their widths.
func truncateRow(row []string, widths []int) []string {
	out := make([]string, len(widths))
	for i, w := range widths {
		out[i] = Truncate(row[i], w)
	}
	return out
}

// resolveAlign turns AlignAuto into left or right for column i.
func resolveAlign(a Align, rows [][]string, i int) tw.Align {
	switch a {
	case AlignLeft:
		return tw.AlignLeft
	case AlignRight:
		return tw.AlignRight
	}
	if columnOf(rows, i, isNumber) {
		return tw.AlignRight
	}
	return tw.AlignLeft
}

// columnOf reports whether column i holds at least one cell satisfying is,
// and nothing but such cells, NULL and empty cells.
func columnOf(rows [][]string, i int, is func(string) bool) bool {
	seen := false
	for _, row := range rows {
		switch c := row[i]; {
		case c == Null || c == "":
		case is(c):
			seen = true
		default:
			return false
		}
	}
	return seen
}

// isAtom reports whether s is a value that means nothing once cut: a
// number, a boolean, or an ISO date or datetime as FormatValue writes them.
func isAtom(s string) bool {
	switch s {
	case "true", "false":
		return true
	}
	return isNumber(s) || isTime(s, time.DateOnly) || isTime(s, time.DateTime)
}

// isTime reports whether s parses with layout.
func isTime(s, layout string) bool {
	_, err := time.Parse(layout, s)
	return err == nil
}

// isNumber reports whether s reads as a number, thousands separators allowed.
func isNumber(s string) bool {
	_, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
	return err == nil
}
