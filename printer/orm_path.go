package printer

import (
	"fmt"
	"strings"

	"odsh/orm"
)

// fieldPath is a field or a dotted path ("country_id.code") resolved
// against a model once, before any record is read: a misspelt name is
// refused without a query.
type fieldPath struct {
	name  string       // the path as given, used as the column header
	segs  []string     // its field names
	field *orm.Field   // the last field of the path
	model *orm.Model   // the model the path starts from
	hops  []*orm.Field // the relational fields followed before the last
}

// resolvePath resolves path on m. Every name but the last must be a
// relational field; an unknown name gives a *orm.ValidationError naming
// the model and the field.
func resolvePath(m *orm.Model, path string) (fieldPath, error) {
	p := fieldPath{name: path, segs: strings.Split(path, "."), model: m}
	cur := m
	for i, seg := range p.segs {
		f := cur.Field(seg)
		if f == nil {
			return p, pathErr(cur, seg, fmt.Sprintf("unknown field %q%s", seg, suggestField(cur, seg)))
		}
		if i == len(p.segs)-1 {
			p.field = f
			return p, nil
		}
		if !f.Type.Relational() || cur.Registry().Model(f.Comodel) == nil {
			return p, pathErr(cur, seg, fmt.Sprintf("%q is not relational: cannot follow %q", seg, path))
		}
		p.hops = append(p.hops, f)
		cur = cur.Registry().Model(f.Comodel)
	}
	return p, pathErr(m, path, "empty field path")
}

// pathErr is the error for a path that does not resolve.
func pathErr(m *orm.Model, field, msg string) error {
	return &orm.ValidationError{ErrorInfo: orm.ErrorInfo{Model: m.Name, Field: field, Msg: msg}}
}

// resolvePaths resolves every path, stopping at the first error; no
// paths give nil.
func resolvePaths(m *orm.Model, paths []string) ([]fieldPath, error) {
	if len(paths) == 0 {
		return nil, nil
	}
	out := make([]fieldPath, 0, len(paths))
	for _, path := range paths {
		p, err := resolvePath(m, path)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

// fieldPathOf is the one-segment path of a field known to exist.
func fieldPathOf(f *orm.Field) fieldPath {
	return fieldPath{name: f.Name, segs: []string{f.Name}, field: f, model: f.Model}
}

// relational reports whether the path ends on a relational field.
func (p fieldPath) relational() bool { return p.field.Type.Relational() }

// value reads the path on one record. Through an x2many the last field
// may be reached on several records: a relational one gives their union
// (as Odoo), a scalar one a []any with one value per record.
func (p fieldPath) value(rec orm.Recordset) any {
	cur := rec
	for _, hop := range p.hops {
		cur = cur.Get(hop.Name).(orm.Recordset)
	}
	last := p.segs[len(p.segs)-1]
	if p.relational() || cur.Len() <= 1 {
		return cur.Get(last)
	}
	vals := make([]any, 0, cur.Len())
	for _, r := range cur.Records() {
		vals = append(vals, r.Get(last))
	}
	return vals
}

// cell reads and formats the path on one record.
func (p fieldPath) cell(rec orm.Recordset) string {
	return formatField(p.value(rec), p.field)
}

// isEmpty reports whether the path reads as NULL on rec, without asking
// for any display name.
func (p fieldPath) isEmpty(rec orm.Recordset) bool {
	switch v := p.value(rec).(type) {
	case nil:
		return true
	case orm.Recordset:
		return v.Len() == 0
	case []any:
		return len(v) == 0
	}
	return false
}

// formatField formats a value read from field f: a many2one by its display
// name, an x2many by FormatX2many, a selection by its key, dates in ISO
// form, floats with the field's digits; several values (read through an
// x2many) are joined with commas.
func formatField(v any, f *orm.Field) string {
	switch x := v.(type) {
	case orm.Recordset:
		return formatRecords(x, f)
	case []any:
		cells := make([]string, len(x))
		for i, e := range x {
			cells[i] = formatField(e, f)
		}
		return strings.Join(cells, ", ")
	}
	return FormatValue(v, hintOf(f))
}

// formatRecords formats a relational value: the display name of a single
// many2one or reference record (its repr when it has none), else the
// x2many repr.
func formatRecords(rs orm.Recordset, f *orm.Field) string {
	single := f.Type == orm.TypeMany2one || f.Type == orm.TypeReference || f.Type == orm.TypeMany2oneReference
	if !single || rs.Len() > 1 {
		return FormatX2many(rs.ModelName(), rs.IDs())
	}
	if rs.Len() == 0 {
		return Null
	}
	if name := rs.DisplayName(); name != "" {
		return OneLine(name)
	}
	return rs.String()
}

// monetaryDigits is how many decimals a monetary field without digits
// shows: the common case of a currency's rounding.
const monetaryDigits = 2

// hintOf is the Hint for the values of f.
func hintOf(f *orm.Field) Hint {
	switch {
	case f.Type == orm.TypeDate:
		return Hint{Kind: KindDate}
	case f.Type == orm.TypeDatetime:
		return Hint{Kind: KindDatetime}
	case (f.Type == orm.TypeFloat || f.Type == orm.TypeMonetary) && f.HasDigits:
		return Digits(f.Digits[1])
	case f.Type == orm.TypeMonetary:
		return Digits(monetaryDigits)
	}
	return Hint{}
}
