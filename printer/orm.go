package printer

import (
	"io"

	"odsh/orm"
)

// Showing what the shell meets.
//
// Show is the one entry point of the REPL: whatever a statement returns, it
// picks the shape. Recordsets become tables or cards (orm_table.go,
// orm_card.go), read and read_group results tables (groups.go), errors one
// line (errors.go), and any other Go value fmt's %v (other.go). A panic
// raised while reading records (a MissingError, say) comes back as the
// error it carries; any other panic as an *InternalError.

// Show writes v to w as the shell prints it, no line wider than
// opts.Width:
//
//   - an orm.Recordset of several records: a table of id, the display name
//     and the stored fields that fit, or of id and the named fields and
//     dotted paths ("country_id.code"); only the first opts.MaxRows records
//     are read, and the footer counts the rest;
//   - a single record, or every record with opts.Vertical: a card of all its
//     fields in groups (Fields, Relations, Technical), or of the named ones;
//   - []orm.Values (read, search_read, read_group): a table with the keys as
//     columns: groupby keys first, then counts and aggregates; keys starting
//     with "__" (__domain, __context, __range, __fold) only when named;
//   - orm.Values: a card;
//   - orm.Groups (Grouped): a table of key, count and records;
//   - an error: FormatError's line, wrapped to the width;
//   - a Table or a Card: rendered as is;
//   - any other value: scalars as FormatValue shows them (nil as "<nil>",
//     as Go's %v; strings as they are), slices of scalars as [a, b] with
//     each item as it prints alone (strings quoted), one item per line
//     when they do not fit on one, the rest with fmt's %v, wrapped to the
//     width.
//
// Field values follow FormatValue: a many2one shows its display name, an
// x2many its short repr (FormatX2many), a selection its key (the value to
// use in domains and writes), dates in ISO form, floats with the field's
// digits, booleans as true/false and empty values as NULL.
//
// Unknown field names give a *orm.ValidationError before any query. ORM
// errors raised while reading come back as errors, as does the writer's.
func Show(w io.Writer, v any, opts Options, fields ...string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = Recovered(r)
		}
	}()
	switch x := v.(type) {
	case nil:
		return writeString(w, "<nil>\n")
	case error:
		return showError(w, x, opts)
	case orm.Recordset:
		return showRecordset(w, x, opts, fields)
	case []orm.Values:
		return showValuesList(w, x, opts, fields)
	case orm.Values:
		return RenderCard(w, valuesCard(x, fields), opts)
	case orm.Groups:
		return RenderTable(w, groupsTable(x), opts)
	}
	return showPlain(w, v, opts, fields)
}

// showPlain shows the printer's own types, plain maps, and other values.
func showPlain(w io.Writer, v any, opts Options, fields []string) error {
	switch x := v.(type) {
	case []map[string]any:
		return showValuesList(w, toValues(x), opts, fields)
	case map[string]any:
		return RenderCard(w, valuesCard(x, fields), opts)
	case Table:
		return RenderTable(w, x, opts)
	case *Table:
		return RenderTable(w, *x, opts)
	case Card:
		return RenderCard(w, x, opts)
	case *Card:
		return RenderCard(w, *x, opts)
	}
	return showOther(w, v, opts)
}

// toValues converts plain maps to orm.Values.
func toValues(maps []map[string]any) []orm.Values {
	out := make([]orm.Values, len(maps))
	for i, m := range maps {
		out[i] = m
	}
	return out
}

// showRecordset prints records as cards or as a table.
func showRecordset(w io.Writer, rs orm.Recordset, opts Options, fields []string) error {
	if rs.Model() == nil {
		return writeString(w, "(no model)\n")
	}
	paths, err := resolvePaths(rs.Model(), fields)
	if err != nil {
		return err
	}
	shown := showing(rs, opts.maxRows())
	if shown.total == 1 || opts.Vertical && shown.total > 1 {
		return renderCards(w, shown, paths, opts)
	}
	return RenderTable(w, recordsetTable(shown, paths, opts), opts)
}
