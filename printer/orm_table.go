package printer

import (
	"fmt"
	"slices"

	"odsh/orm"
)

// A recordset as a table.
//
// Only the records shown are read: the first MaxRows ids are browsed as a
// recordset of their own, so the ORM's prefetching loads their columns in
// one SELECT and never touches the rest; Table.Total carries the full count
// to the footer.
//
// Columns are built one at a time, left to right, and the layout's own rule
// (leading columns are kept while their minimum widths fit) is applied as
// they come. Once a column does not fit, the ones after it are added with
// no cells: RenderTable drops them all and names them in its footer, and no
// display name is fetched for a column nobody will see.
//
// Without named fields the columns are id, display_name, then the stored
// fields, most telling first, each kind in declaration order: those whose
// value differs between the shown records, those with one value on all of
// them (lang, active), the technical ones (create_uid, create_date,
// write_uid, write_date), those that only repeat the record on every shown
// record (its display name again, as res.partner's complete_name; a
// many2one to the record itself, as commercial_partner_id), and last those
// empty on every shown record. The
// rec name field (usually name) is left out, display_name shows it; binary
// fields too. Sorting them reads no display name: a many2one compares ids.

// technicalFields are the log-access fields every model gets, and id.
var technicalFields = map[string]bool{
	"id": true, "display_name": true,
	"create_uid": true, "create_date": true, "write_uid": true, "write_date": true,
}

// recordsetTable builds the table of rs; paths are the named columns, or
// nil for the default ones.
func recordsetTable(shown shownSet, paths []fieldPath, opts Options) Table {
	rs, recs := shown.rs, shown.recs
	t := Table{Title: recordsetTitle(rs.ModelName(), shown.total), Total: shown.total}
	if len(recs) == 0 {
		t.Columns = []Column{{Name: "id", Align: AlignRight}}
		return t
	}
	b := newColumnBuilder(recs, opts.width())
	b.addID()
	if paths == nil {
		b.addPath(fieldPathOf(rs.Model().Field("display_name")))
		paths = defaultPaths(rs.Model(), recs)
	}
	for _, p := range paths {
		if p.field.Name != "id" || len(p.segs) > 1 {
			b.addPath(p)
		}
	}
	t.Columns, t.Rows = b.cols, b.rows()
	return t
}

// shownSet is a recordset as printed: its first records and its size.
type shownSet struct {
	rs    orm.Recordset
	recs  []orm.Recordset // the shown records, each a recordset of its own sharing a prefetch set of the shown ids only
	total int
}

// showing returns the first max records of rs (-1: all) and their count.
// The result of a search that has not run yet is not loaded: a count and
// the first page are (orm.Recordset.Head).
func showing(rs orm.Recordset, max int) shownSet {
	head, total := rs.Head(max)
	return shownSet{rs: rs, recs: head.Records(), total: total}
}

// recordsetTitle is "res.partner (3 records)", or the model alone when
// there are none.
func recordsetTitle(model string, total int) string {
	if total == 0 {
		return model
	}
	return model + " (" + formatCount(total, "record") + ")"
}

// defaultPaths orders the stored fields of m for a listing of recs.
func defaultPaths(m *orm.Model, recs []orm.Recordset) []fieldPath {
	var varying, constant, technical, echo, empty []fieldPath
	for _, f := range m.FieldList {
		if !listed(m, f) {
			continue
		}
		p := fieldPathOf(f)
		switch {
		case allEmpty(p, recs):
			empty = append(empty, p)
		case technicalFields[f.Name]:
			technical = append(technical, p)
		case echoesRecord(p, recs):
			echo = append(echo, p)
		case constantOn(p, recs):
			constant = append(constant, p)
		default:
			varying = append(varying, p)
		}
	}
	return slices.Concat(varying, constant, technical, echo, empty)
}

// echoesRecord reports whether p only repeats each record: a many2one to
// the record itself, or a text equal to its display name.
func echoesRecord(p fieldPath, recs []orm.Recordset) bool {
	for _, rec := range recs {
		switch v := p.value(rec).(type) {
		case orm.Recordset:
			if v.String() != rec.String() {
				return false
			}
		case string:
			if v != rec.DisplayName() {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// listed reports whether f is a default column of a listing of m.
func listed(m *orm.Model, f *orm.Field) bool {
	switch {
	case f.Name == "id" || f.Name == "display_name" || f.Name == m.RecName:
		return false
	case f.Column() == "" || f.Type == orm.TypeBinary:
		return false
	}
	return true
}

// allEmpty reports whether p reads as NULL on every record.
func allEmpty(p fieldPath, recs []orm.Recordset) bool {
	for _, rec := range recs {
		if !p.isEmpty(rec) {
			return false
		}
	}
	return true
}

// constantOn reports whether p has the same value on every record of
// several.
func constantOn(p fieldPath, recs []orm.Recordset) bool {
	if len(recs) < 2 {
		return false
	}
	first := valueKey(p.value(recs[0]))
	for _, rec := range recs[1:] {
		if valueKey(p.value(rec)) != first {
			return false
		}
	}
	return true
}

// valueKey identifies a value for comparison; records by model and ids.
func valueKey(v any) string {
	if rs, ok := v.(orm.Recordset); ok {
		return rs.String()
	}
	return fmt.Sprintf("%T %v", v, v)
}

// columnBuilder adds columns to a table while they fit the width, as
// layOut will keep them; see the comment at the top of this file.
type columnBuilder struct {
	recs  []orm.Recordset
	width int
	cols  []Column
	cells [][]string // column-major
	used  int        // sum of the kept columns' minimum widths
	full  bool       // a column did not fit: the rest get no cells
}

// newColumnBuilder starts a table of recs no wider than width.
func newColumnBuilder(recs []orm.Recordset, width int) *columnBuilder {
	return &columnBuilder{recs: recs, width: width}
}

// addID adds the id column.
func (b *columnBuilder) addID() {
	cells := make([]string, len(b.recs))
	for i, rec := range b.recs {
		cells[i] = FormatValue(rec.ID(), Hint{})
	}
	b.add(Column{Name: "id", Align: AlignRight}, cells)
}

// addPath adds the column of p, reading its values only if it may fit.
func (b *columnBuilder) addPath(p fieldPath) {
	col := Column{Name: p.name}
	if b.full || b.used+1+borderCost(len(b.cols)+1) > b.width {
		b.full = true
		b.cols = append(b.cols, col)
		b.cells = append(b.cells, nil)
		return
	}
	cells := make([]string, len(b.recs))
	for i, rec := range b.recs {
		cells[i] = p.cell(rec)
	}
	b.add(col, cells)
}

// add appends a column with its cells and notes whether it fits.
func (b *columnBuilder) add(col Column, cells []string) {
	b.cols = append(b.cols, col)
	b.cells = append(b.cells, cells)
	b.used += columnMinimum(col, cells)
	if len(b.cols) > 1 && b.used+borderCost(len(b.cols)) > b.width {
		b.full = true
	}
}

// columnMinimum is the minimum width layOut gives a column of these cells.
func columnMinimum(col Column, cells []string) int {
	rows := make([][]string, len(cells))
	for i, c := range cells {
		rows[i] = []string{c}
	}
	rows = normaliseRows(rows, 1)
	_, minimum := columnWidths([]Column{col}, []string{OneLine(col.Name)}, rows)
	return minimum[0]
}

// rows turns the column-major cells into rows; columns without cells give
// empty ones.
func (b *columnBuilder) rows() [][]string {
	rows := make([][]string, len(b.recs))
	for i := range rows {
		row := make([]string, len(b.cols))
		for j, col := range b.cells {
			if col != nil {
				row[j] = col[i]
			}
		}
		rows[i] = row
	}
	return rows
}
