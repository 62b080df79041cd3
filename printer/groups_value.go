package printer

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"odsh/orm"
)

// maxFloatDigits bounds the decimals of a float column of results.
const maxFloatDigits = 6

// valueColumn formats the values of key in every row. Floats of a column
// share their decimals (the most any of them needs), so they line up. False
// in a column that is not all booleans is Odoo's empty value, shown NULL as
// nil is; the empty value of a groupby key reads "None".
func valueColumn(rows []orm.Values, key string, groupby bool) []string {
	values := make([]any, len(rows))
	for i, row := range rows {
		values[i] = row[key]
	}
	digits := floatDigits(values)
	falseIsEmpty := !boolColumn(values)
	cells := make([]string, len(values))
	for i, v := range values {
		if v == false && falseIsEmpty {
			v = nil
		}
		cells[i] = valueCell(v, groupby, digits)
	}
	return cells
}

// boolColumn reports whether values are all booleans (or nil): only then
// is false a value rather than Odoo's empty value.
func boolColumn(values []any) bool {
	for _, v := range values {
		if _, ok := v.(bool); !ok && v != nil {
			return false
		}
	}
	return true
}

// floatDigits is the most decimals any float of values needs.
func floatDigits(values []any) int {
	digits := 0
	for _, v := range values {
		f, ok := v.(float64)
		if !ok || math.IsNaN(f) || math.IsInf(f, 0) {
			continue
		}
		s := strconv.FormatFloat(f, 'f', -1, 64)
		if _, frac, ok := strings.Cut(s, "."); ok {
			digits = max(digits, len(frac))
		}
	}
	return min(digits, maxFloatDigits)
}

// valueCell formats one value of a read or read_group result: a many2one
// pair [id, name] by its name, other lists by their items.
func valueCell(v any, groupby bool, digits int) string {
	switch x := v.(type) {
	case nil:
		return noValue(groupby)
	case bool:
		if !x && groupby {
			return groupNone
		}
	case float64:
		return FormatValue(x, Digits(digits))
	case [2]any:
		return pairCell(x[:], groupby, digits)
	case []any:
		return pairCell(x, groupby, digits)
	case orm.Recordset:
		return recordsCell(x)
	}
	return FormatValue(v, Hint{})
}

// noValue is how an absent value reads: None for a group, else NULL.
func noValue(groupby bool) string {
	if groupby {
		return groupNone
	}
	return Null
}

// pairCell shows a many2one pair (id, name) as its name, any other list
// as [a, b, c].
func pairCell(xs []any, groupby bool, digits int) string {
	if len(xs) == 2 && isInteger(xs[0]) {
		if name, ok := xs[1].(string); ok {
			return OneLine(name)
		}
	}
	items := make([]string, len(xs))
	for i, x := range xs {
		items[i] = valueCell(x, groupby, digits)
	}
	return "[" + strings.Join(items, ", ") + "]"
}

// recordsCell shows records found in a result: one by its display name,
// several by their repr.
func recordsCell(rs orm.Recordset) string {
	if rs.Len() == 1 {
		return OneLine(rs.DisplayName())
	}
	return FormatX2many(rs.ModelName(), rs.IDs())
}

// isInteger reports whether v is a Go integer.
func isInteger(v any) bool {
	switch v.(type) {
	case int, int32, int64:
		return true
	}
	return false
}

// Chart writes a horizontal bar chart (RenderChart) of one aggregate of
// read_group results: a bar per group, labelled by its groupby values (a
// many2one by its name, a date group by its label, "None" for the group
// without a value; several groupbys joined with " / "), titled
// "amount_total by partner_id". An empty field charts the count. A nil
// value counts as 0; a value that is not a number, or a field that no
// group holds, is an error.
func Chart(w io.Writer, groups []orm.Values, field string, opts Options) error {
	keys := classifyKeys(groups)
	if field == "" && len(keys.counts) > 0 {
		field = keys.counts[0]
	}
	values, err := chartValuesOf(groups, field)
	if err != nil {
		return err
	}
	labels := make([]string, len(groups))
	for i, g := range groups {
		labels[i] = groupLabel(g, keys.groupby)
	}
	return RenderChart(w, chartTitle(field, keys.groupby), labels, values, opts)
}

// chartTitle is "field by groupby, groupby".
func chartTitle(field string, groupby []string) string {
	if len(groupby) == 0 {
		return field
	}
	return field + " by " + strings.Join(groupby, ", ")
}

// chartValuesOf reads field in every group as a number.
func chartValuesOf(groups []orm.Values, field string) ([]float64, error) {
	values := make([]float64, len(groups))
	found := len(groups) == 0
	for i, g := range groups {
		v, ok := g[field]
		found = found || ok
		f, isNum := toFloat(v)
		if !isNum {
			return nil, fmt.Errorf("printer: chart: %s is not a number in group %d: %v (%T)", field, i+1, v, v)
		}
		values[i] = f
	}
	if !found {
		return nil, fmt.Errorf("printer: chart: no group holds %q", field)
	}
	return values, nil
}

// toFloat converts a number (nil as 0).
func toFloat(v any) (float64, bool) {
	switch x := v.(type) {
	case nil:
		return 0, true
	case float64:
		return x, true
	case float32:
		return float64(x), true
	case int:
		return float64(x), true
	case int32:
		return float64(x), true
	case int64:
		return float64(x), true
	}
	return 0, false
}

// groupLabel names a group by its groupby values.
func groupLabel(g orm.Values, groupby []string) string {
	parts := make([]string, len(groupby))
	for i, key := range groupby {
		parts[i] = valueCell(g[key], true, 0)
	}
	return strings.Join(parts, " / ")
}
