package printer

import (
	"database/sql/driver"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
	"time"
)

// showOther prints a value that is neither a recordset, values nor an
// error: scalars as FormatValue shows them, strings as they are, slices of
// scalars on one line or one per line, the rest with %v. Long lines are
// wrapped, never cut: what the user asked to see is shown whole.
func showOther(w io.Writer, v any, opts Options) error {
	width := opts.width()
	if items, ok := scalarItems(v); ok {
		return writeLines(w, listLines(v, items, opts))
	}
	text, ok := v.(string)
	if !ok {
		text = formatScalar(v)
	}
	var lines []string
	for _, line := range strings.Split(text, "\n") {
		lines = append(lines, wrapCells(OneLine(line), width)...)
	}
	return writeLines(w, lines)
}

// formatScalar formats booleans, numbers and times with FormatValue and
// anything else with %v.
func formatScalar(v any) string {
	if isScalar(reflect.ValueOf(v)) {
		return FormatValue(v, Hint{})
	}
	return sprint(v)
}

// scalarItems returns the items of a slice or array of scalars (not of
// bytes), formatted; ok is false for any other value.
func scalarItems(v any) ([]string, bool) { return scalarItemsIn(v, true) }

// scalarItemsIn is scalarItems; with rows, an item may itself be a list of
// scalars (one level: a list holding itself is not a list of rows).
func scalarItemsIn(v any, rows bool) ([]string, bool) {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Slice && rv.Kind() != reflect.Array || rv.Type().Elem().Kind() == reflect.Uint8 {
		return nil, false
	}
	items := make([]string, rv.Len())
	for i := range items {
		e := rv.Index(i)
		if !isScalar(e) {
			// a list of such lists (the rows of a raw query)
			if !rows || !e.CanInterface() {
				return nil, false
			}
			inner, ok := scalarItemsIn(e.Interface(), false)
			if !ok {
				return nil, false
			}
			items[i] = "[" + strings.Join(inner, ", ") + "]"
			continue
		}
		items[i] = formatItem(e.Interface())
	}
	return items, true
}

// formatItem formats one item of a list as it prints alone: a string
// quoted (so that ["a b", "c"] is not read as three items), a nil as
// <nil>, the rest as FormatValue does.
func formatItem(v any) string {
	switch x := v.(type) {
	case string:
		return strconv.Quote(x)
	case nil:
		return "<nil>"
	}
	return FormatValue(v, Hint{})
}

// isScalar reports whether v holds a boolean, number, string or time (an
// interface holding one, or nil, counts).
func isScalar(v reflect.Value) bool {
	if v.Kind() == reflect.Interface {
		if v.IsNil() {
			return true
		}
		v = v.Elem()
	}
	switch v.Kind() {
	case reflect.Bool, reflect.String, reflect.Float32, reflect.Float64,
		reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return true
	case reflect.Struct:
		if v.CanInterface() {
			// a raw column value of the database driver (pgtype.Numeric)
			if dv, ok := v.Interface().(driver.Valuer); ok {
				if x, err := dv.Value(); err == nil && isDriverScalar(x) {
					return true
				}
			}
		}
		return v.Type() == reflect.TypeOf(time.Time{})
	}
	return false
}

// listLines shows a list of scalars as [a, b, c] when that fits the width,
// else one item per line, at most opts.MaxRows of them and a footer.
func listLines(v any, items []string, opts Options) []string {
	width := opts.width()
	if line := "[" + strings.Join(items, ", ") + "]"; DisplayWidth(line) <= width {
		return []string{line}
	}
	shown := shownRows(toRows(items), opts.maxRows())
	lines := make([]string, 0, len(shown)+1)
	for _, row := range shown {
		lines = append(lines, Truncate(row[0], width))
	}
	if hidden := len(items) - len(shown); hidden > 0 {
		line := fmt.Sprintf("%s %s more (%s in all, %T)", Ellipsis, thousands(hidden), thousands(len(items)), v)
		lines = append(lines, opts.dim(Truncate(line, width)))
	}
	return lines
}

// toRows makes one single-cell row per item.
func toRows(items []string) [][]string {
	rows := make([][]string, len(items))
	for i, it := range items {
		rows[i] = []string{it}
	}
	return rows
}

// writeLines writes each line followed by a newline, in one call.
func writeLines(w io.Writer, lines []string) error {
	if len(lines) == 0 {
		return nil
	}
	return writeString(w, strings.Join(lines, "\n")+"\n")
}

// wrapCells breaks s into lines of at most width cells, anywhere.
func wrapCells(s string, width int) []string {
	lines := []string{}
	for DisplayWidth(s) > width {
		head := cut(s, width)
		if head == "" {
			head = string([]rune(s)[:1])
		}
		lines = append(lines, head)
		s = s[len(head):]
	}
	return append(lines, s)
}

// wrapWords breaks s into lines of at most width cells at spaces where it
// can, anywhere else; continuation lines are indented by two spaces.
func wrapWords(s string, width int) []string {
	var lines []string
	indent := ""
	for DisplayWidth(indent+s) > width {
		head := cut(s, width-len(indent))
		if i := strings.LastIndex(head, " "); i > len(head)/2 {
			head = head[:i+1]
		}
		if head == "" {
			head = string([]rune(s)[:1])
		}
		lines = append(lines, indent+strings.TrimRight(head, " "))
		s = strings.TrimLeft(s[len(head):], " ")
		indent = "  "
	}
	return append(lines, indent+s)
}
