package printer

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/olekukonko/tablewriter/pkg/twwidth"
)

// Ellipsis marks text that was cut to fit. It is one cell wide.
const Ellipsis = "…"

// widthOptions is the one width rule of the package. It is tablewriter's own
// (pkg/twwidth, built on go-runewidth and displaywidth) with East Asian
// ambiguous characters narrow, so that a cell this package truncates to n
// cells is also n cells for tablewriter, which pads and aligns it. Every
// table render pins tablewriter to the same rule (see newTableWriter).
var widthOptions = twwidth.Options{EastAsianWidth: false}

// DisplayWidth reports how many terminal cells s occupies: CJK ideographs and
// most emoji take two, combining marks none, ANSI escape sequences none.
func DisplayWidth(s string) int {
	return twwidth.WidthWithOptions(s, widthOptions)
}

// runeWidth is DisplayWidth for one rune.
func runeWidth(r rune) int {
	return twwidth.WidthWithOptions(string(r), widthOptions)
}

// Truncate shortens s to at most width cells, ending it with Ellipsis when
// something was cut. A wide character that would straddle the limit is
// dropped whole, so the result may be one cell narrower than width. Width 0
// or less gives "".
func Truncate(s string, width int) string {
	if width <= 0 {
		return ""
	}
	if DisplayWidth(s) <= width {
		return s
	}
	return cut(s, width-1) + Ellipsis
}

// cut returns the longest prefix of s that fits in width cells. Zero-width
// runes (combining marks, joiners) stay with the rune before them.
func cut(s string, width int) string {
	used := 0
	for i, r := range s {
		w := runeWidth(r)
		if used+w > width {
			return s[:i]
		}
		used += w
	}
	return s
}

// pad appends spaces to s until it is width cells wide.
func pad(s string, width int) string {
	if n := width - DisplayWidth(s); n > 0 {
		return s + strings.Repeat(" ", n)
	}
	return s
}

// padLeft prepends spaces to s until it is width cells wide.
func padLeft(s string, width int) string {
	if n := width - DisplayWidth(s); n > 0 {
		return strings.Repeat(" ", n) + s
	}
	return s
}

// OneLine makes s safe to print on one line: newline, carriage return and tab
// become \n, \r and \t; other control characters (escape included), line
// and paragraph separators and bidirectional overrides become Go escapes such
// as \x1b or \u202e. Everything else is kept as it is.
func OneLine(s string) string {
	if !hasControl(s) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if isControl(r) {
			b.WriteString(escapeControl(r))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// hasControl reports whether s holds a rune OneLine escapes.
func hasControl(s string) bool {
	return strings.IndexFunc(s, isControl) >= 0
}

// isControl reports whether r could break a line or reorder the text
// around it: C0/C1 controls, U+2028, U+2029 and the bidi embeddings,
// overrides and isolates.
func isControl(r rune) bool {
	return unicode.IsControl(r) || r == '\u2028' || r == '\u2029' ||
		(r >= '\u202a' && r <= '\u202e') || (r >= '\u2066' && r <= '\u2069')
}

// escapeControl spells a control character the way Go source would.
func escapeControl(r rune) string {
	switch r {
	case '\n':
		return `\n`
	case '\r':
		return `\r`
	case '\t':
		return `\t`
	}
	q := strconv.QuoteRune(r)
	return q[1 : len(q)-1]
}

// firstLine returns the first line of s and whether more lines follow.
func firstLine(s string) (string, bool) {
	s = strings.TrimRight(s, "\r\n")
	line, _, more := strings.Cut(s, "\n")
	return strings.TrimSuffix(line, "\r"), more
}
