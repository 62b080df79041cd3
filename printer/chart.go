package printer

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// Bar glyphs of a chart.
const (
	barGlyph  = "█"
	axisGlyph = "│"
)

// The label column takes at most a third of the width, the value column at
// most half; bars keep at least minBarRoom cells.
const (
	maxLabelShare = 3
	maxValueShare = 2
	minBarRoom    = 4
)

// chartGap separates the columns of a chart line.
const chartGap = " "

// RenderChart writes a horizontal bar chart of values, one line per label,
// no wider than opts.Width: labels left-aligned, bars scaled to the room
// that is left, values right-aligned at the end.
//
//	amount_total by partner_id
//	Azure Interior      │████████████████████ 1,250.50
//	Deco Addict         │████████████████       980.00
//	Refunds        █████│                      -310.00
//
// When some values are negative a zero axis (│) splits the bar room in
// proportion to the largest negative and positive magnitudes; negative bars
// grow leftwards from it. A non-zero value always gets at least one block;
// zero gets none. NaN and ±Inf get no bar and do not affect the scale.
// Labels and values must pair up; an empty chart says "(no groups)".
func RenderChart(w io.Writer, title string, labels []string, values []float64, opts Options) error {
	if len(labels) != len(values) {
		return fmt.Errorf("printer: chart: %d labels for %d values", len(labels), len(values))
	}
	width := opts.width()
	var out strings.Builder
	if title != "" {
		out.WriteString(opts.bold(Truncate(OneLine(title), width)) + "\n")
	}
	if len(values) == 0 {
		out.WriteString(opts.dim("(no groups)") + "\n")
		return writeString(w, out.String())
	}
	for _, line := range chartLines(labels, values, width) {
		out.WriteString(line + "\n")
	}
	return writeString(w, out.String())
}

// chartLines lays out every bar of the chart.
func chartLines(labels []string, values []float64, width int) []string {
	texts := chartValues(values)
	valueW := min(maxWidth(texts), width/maxValueShare)
	room := width - valueW - 2*len(chartGap)
	labelW := max(min(labelWidth(labels, width), room-minBarRoom), 1)
	s := newScale(values, room-labelW)
	lines := make([]string, len(values))
	for i, v := range values {
		label := pad(Truncate(OneLine(labels[i]), labelW), labelW)
		lines[i] = label + chartGap + s.bar(v) + chartGap + padLeft(Truncate(texts[i], valueW), valueW)
	}
	return lines
}

// labelWidth is the width of the label column: the longest label, but no
// more than a third of the width.
func labelWidth(labels []string, width int) int {
	w := 1
	for _, l := range labels {
		w = max(w, DisplayWidth(OneLine(l)))
	}
	return min(w, width/maxLabelShare)
}

// maxWidth is the display width of the widest text.
func maxWidth(texts []string) int {
	w := 0
	for _, t := range texts {
		w = max(w, DisplayWidth(t))
	}
	return w
}

// chartValues formats the values alike: with thousands separators, and two
// decimals unless every finite value is whole.
func chartValues(values []float64) []string {
	digits := 0
	for _, v := range values {
		if isFinite(v) && v != math.Trunc(v) {
			digits = 2
		}
	}
	texts := make([]string, len(values))
	for i, v := range values {
		texts[i] = chartNumber(v, digits)
	}
	return texts
}

// hugeValue is the magnitude from which chart values use exponent form,
// which keeps every value within 19 cells.
const hugeValue = 1e12

// chartNumber prints v with digits decimals and thousands separators, or
// as 1.5e+20 when it is huge.
func chartNumber(v float64, digits int) string {
	if !isFinite(v) {
		return FormatValue(v, Hint{})
	}
	if math.Abs(v) >= hugeValue {
		return strconv.FormatFloat(v, 'g', 6, 64)
	}
	s := strconv.FormatFloat(v, 'f', digits, 64)
	whole, frac, _ := strings.Cut(strings.TrimPrefix(s, "-"), ".")
	n, _ := strconv.Atoi(whole)
	if whole = thousands(n); frac != "" {
		whole += "." + frac
	}
	if strings.HasPrefix(s, "-") && strings.Trim(s, "-0.") != "" {
		return "-" + whole
	}
	return whole
}

// isFinite reports whether v is neither NaN nor infinite.
func isFinite(v float64) bool {
	return !math.IsNaN(v) && !math.IsInf(v, 0)
}
