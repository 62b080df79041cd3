package printer

import (
	"io"
	"sort"
	"strings"

	"odsh/orm"
)

// Read and read_group results.
//
// They are []orm.Values with Odoo's keys, and maps have no order, so the
// columns are ordered by what the keys are. In read_group results:
//
//	country_id          a groupby key: its value is the group, a many2one
//	                    as [2]any{id, name}, false or nil for "None"
//	country_id_count    the count of the (first) groupby; __count when lazy=False
//	amount_total        an aggregate: any other key
//	__domain, __context, __range, __fold, __orderby: hidden unless named
//
// A key is a groupby key when its "<key>_count" is present, or when the
// results are grouped (a count or __domain is present) and its values are
// not numbers. Plain read results show id, display_name and name first,
// then the other keys by name: a []orm.Values does not say which model it
// comes from, so the model's field order is not known here (a named type
// for Read's result could not carry it either, and would stop matching
// []orm.Values in type switches).

// groupNone labels the group of records with no value (Odoo's False group).
const groupNone = "None"

// valueKeys sorts the keys of read or read_group results by role.
type valueKeys struct {
	groupby, counts, others []string
	grouped                 bool
}

// classifyKeys finds the role of every key of rows.
func classifyKeys(rows []orm.Values) valueKeys {
	all := keyUnion(rows)
	var k valueKeys
	for _, key := range all {
		if key == "__count" || strings.HasSuffix(key, "_count") && all.has(strings.TrimSuffix(key, "_count")) {
			k.counts = append(k.counts, key)
		}
		if key == "__domain" {
			k.grouped = true
		}
	}
	k.grouped = k.grouped || len(k.counts) > 0
	for _, key := range all {
		switch {
		case hiddenKey(key) || contains(k.counts, key):
		case all.has(key+"_count") || k.grouped && !numericKey(rows, key):
			k.groupby = append(k.groupby, key)
		default:
			k.others = append(k.others, key)
		}
	}
	return k
}

// columns returns the keys to show, in order.
func (k valueKeys) columns() []string {
	if k.grouped {
		return append(append(append([]string{}, k.groupby...), k.counts...), k.others...)
	}
	var lead, rest []string
	for _, key := range []string{"id", "display_name", "name"} {
		if contains(k.others, key) {
			lead = append(lead, key)
		}
	}
	for _, key := range k.others {
		if !contains(lead, key) {
			rest = append(rest, key)
		}
	}
	return append(lead, rest...)
}

// hiddenKey reports whether key is one of read_group's technical keys.
func hiddenKey(key string) bool {
	return strings.HasPrefix(key, "__") && key != "__count"
}

// keySet is a sorted list of keys.
type keySet []string

// has reports whether key is in s.
func (s keySet) has(key string) bool { return contains(s, key) }

// contains reports whether xs holds x.
func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// keyUnion returns every key of rows, sorted.
func keyUnion(rows []orm.Values) keySet {
	seen := map[string]bool{}
	var keys keySet
	for _, row := range rows {
		for key := range row {
			if !seen[key] {
				seen[key] = true
				keys = append(keys, key)
			}
		}
	}
	sort.Strings(keys)
	return keys
}

// numericKey reports whether every non-empty value of key is a number.
func numericKey(rows []orm.Values, key string) bool {
	for _, row := range rows {
		switch row[key].(type) {
		case nil, int, int32, int64, float32, float64:
		default:
			return false
		}
	}
	return true
}

// showValuesList prints read or read_group results as a table; fields,
// when given, are the columns.
func showValuesList(w io.Writer, rows []orm.Values, opts Options, fields []string) error {
	keys := classifyKeys(rows)
	names := fields
	if len(names) == 0 {
		names = keys.columns()
	}
	t := Table{Columns: make([]Column, len(names)), Rows: make([][]string, len(rows))}
	for i := range t.Rows {
		t.Rows[i] = make([]string, len(names))
	}
	for j, name := range names {
		t.Columns[j] = Column{Name: name}
		cells := valueColumn(rows, name, contains(keys.groupby, name))
		for i, c := range cells {
			t.Rows[i][j] = c
		}
	}
	return RenderTable(w, t, opts)
}

// valuesCard is the card of one orm.Values (a read result), keys in the
// order of a table's columns, or the named ones.
func valuesCard(v orm.Values, fields []string) Card {
	rows := []orm.Values{v}
	names := fields
	if len(names) == 0 {
		names = classifyKeys(rows).columns()
	}
	c := Card{Groups: []Group{{}}}
	for _, name := range names {
		c.Groups[0].Fields = append(c.Groups[0].Fields, Field{Name: name, Value: valueColumn(rows, name, false)[0]})
	}
	return c
}
