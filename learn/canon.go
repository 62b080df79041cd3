package learn

import (
	"fmt"
	"math"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"odsh/orm"
)

// Canon returns the canonical text of a value, the form in which a
// learner's result and the reference answer's are compared:
//
//	recordset          model(id, id, …)        (ids sorted when !ordered)
//	integer, float     the number; a float with an integral value as the integer (3.0 = 3)
//	string             quoted
//	slice, array       [item, item, …]         (items sorted when !ordered)
//	map                {key: value, …}         keys sorted
//	time.Time          RFC 3339 in UTC
//	error              error: message
//	nil                nil
//
// Records compare by model and ids only: Canon never reads the database.
func Canon(v any, ordered bool) string {
	if v == nil {
		return "nil"
	}
	switch x := v.(type) {
	case orm.Recordset:
		return canonRecords(x, ordered)
	case time.Time:
		return x.UTC().Format(time.RFC3339Nano)
	case error:
		return "error: " + x.Error()
	}
	return canonValue(reflect.ValueOf(v), ordered)
}

func canonRecords(r orm.Recordset, ordered bool) string {
	ids := append([]int64(nil), r.IDs()...)
	if !ordered {
		sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	}
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = strconv.FormatInt(id, 10)
	}
	return r.ModelName() + "(" + strings.Join(parts, ", ") + ")"
}

func canonValue(v reflect.Value, ordered bool) string {
	switch v.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(v.Int(), 10)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return strconv.FormatUint(v.Uint(), 10)
	case reflect.Float32, reflect.Float64:
		return canonFloat(v.Float())
	case reflect.String:
		return strconv.Quote(v.String())
	case reflect.Bool:
		return strconv.FormatBool(v.Bool())
	case reflect.Slice, reflect.Array:
		return canonList(v, ordered)
	case reflect.Map:
		return canonMap(v, ordered)
	case reflect.Interface, reflect.Pointer:
		if v.IsNil() {
			return "nil"
		}
		if v.Kind() == reflect.Interface {
			return Canon(v.Elem().Interface(), ordered)
		}
	}
	return fmt.Sprintf("%v", v.Interface())
}

// canonFloat writes integral floats as integers, others in their
// shortest form rounded to 9 significant digits (sums in another order
// differ in the last bits).
func canonFloat(f float64) string {
	if f == math.Trunc(f) && math.Abs(f) < 1e15 {
		return strconv.FormatInt(int64(f), 10)
	}
	return strconv.FormatFloat(f, 'g', 9, 64)
}

func canonList(v reflect.Value, ordered bool) string {
	parts := make([]string, v.Len())
	for i := range parts {
		parts[i] = Canon(v.Index(i).Interface(), ordered)
	}
	if !ordered {
		sort.Strings(parts)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

func canonMap(v reflect.Value, ordered bool) string {
	parts := make([]string, 0, v.Len())
	for it := v.MapRange(); it.Next(); {
		parts = append(parts, Canon(it.Key().Interface(), ordered)+": "+Canon(it.Value().Interface(), ordered))
	}
	sort.Strings(parts)
	return "{" + strings.Join(parts, ", ") + "}"
}

// Difference says, without giving the expected value away, how a result
// differs from the expected one, both in their canonical text (Canon):
// of another kind, records of another model, another number of records or
// items, the same records in another order; else just that they differ.
func Difference(got, want string) string {
	const differs = "the result differs from the expected one"
	gk, wk := canonKind(got), canonKind(want)
	switch {
	case got == want:
		return ""
	case gk != wk:
		return fmt.Sprintf("the result is %s; the task wants %s", gk, wk)
	case gk == "records":
		gm, gids := splitRecords(got)
		wm, wids := splitRecords(want)
		switch {
		case gm != wm:
			return fmt.Sprintf("the result is records of %s; the task wants records of %s", gm, wm)
		case len(gids) != len(wids):
			return fmt.Sprintf("%s; the expected result has %d", countOf(len(gids), "record"), len(wids))
		case sameItems(gids, wids):
			return "the right records, in another order"
		}
		return fmt.Sprintf("%s, as many as expected, but not the same ones", countOf(len(gids), "record"))
	case gk == "a list":
		g, w := listItems(got), listItems(want)
		switch {
		case len(g) != len(w):
			return fmt.Sprintf("%s; the expected list has %d", countOf(len(g), "item"), len(w))
		case sameItems(g, w):
			return "the right items, in another order"
		}
		if len(g) > 0 && canonKind(g[0]) == "a map" && canonKind(w[0]) == "a map" {
			if gk, wk := mapKeys(g[0]), mapKeys(w[0]); !slices.Equal(gk, wk) {
				return fmt.Sprintf("the items have the keys %s; the expected ones have %s", strings.Join(gk, ", "), strings.Join(wk, ", "))
			}
		}
	}
	return differs
}

// canonKind names the kind of a canonical text.
func canonKind(c string) string {
	switch {
	case c == "nil":
		return "nil"
	case c == "true" || c == "false":
		return "a bool"
	case strings.HasPrefix(c, "error: "):
		return "an error"
	case strings.HasPrefix(c, `"`):
		return "a string"
	case strings.HasPrefix(c, "["):
		return "a list"
	case strings.HasPrefix(c, "{"):
		return "a map"
	case strings.HasSuffix(c, ")") && strings.Contains(c, "("):
		return "records"
	}
	if _, err := strconv.ParseFloat(c, 64); err == nil {
		return "a number"
	}
	return "a value"
}

// splitRecords splits "model(1, 2)" into the model and its ids.
func splitRecords(c string) (string, []string) {
	model, ids, _ := strings.Cut(strings.TrimSuffix(c, ")"), "(")
	if ids == "" {
		return model, nil
	}
	return model, strings.Split(ids, ", ")
}

// mapKeys are the keys of the canonical text of a map, sorted.
func mapKeys(c string) []string {
	var keys []string
	for _, item := range splitTop(strings.TrimSuffix(strings.TrimPrefix(c, "{"), "}")) {
		if k, err := strconv.Unquote(item[:strings.Index(item+": ", ": ")]); err == nil {
			keys = append(keys, k)
		} else {
			keys = append(keys, item[:strings.Index(item+": ", ": ")])
		}
	}
	return keys
}

// listItems splits the canonical text of a list into its items' texts.
func listItems(c string) []string {
	return splitTop(strings.TrimSuffix(strings.TrimPrefix(c, "["), "]"))
}

// splitTop splits the body of a canonical list or map at its top-level
// commas.
func splitTop(body string) []string {
	if body == "" {
		return nil
	}
	var items []string
	depth, quoted, start := 0, false, 0
	for i := 0; i < len(body); i++ {
		switch ch := body[i]; {
		case quoted && ch == '\\':
			i++
		case ch == '"':
			quoted = !quoted
		case quoted:
		case ch == '[' || ch == '{' || ch == '(':
			depth++
		case ch == ']' || ch == '}' || ch == ')':
			depth--
		case ch == ',' && depth == 0:
			items = append(items, body[start:i])
			start = i + 2 // ", "
		}
	}
	return append(items, body[start:])
}

// sameItems reports whether a and b hold the same items, in any order.
func sameItems(a, b []string) bool {
	x, y := append([]string(nil), a...), append([]string(nil), b...)
	sort.Strings(x)
	sort.Strings(y)
	return strings.Join(x, "\x00") == strings.Join(y, "\x00")
}

// countOf is "1 record" or "3 records".
func countOf(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
