package printer

import (
	"strconv"

	"odsh/orm"
)

// groupsTable shows the result of Recordset.Grouped: one row per group,
// its key (a record's display name, NULL for no record), how many records
// it holds and their repr.
//
//	key            │ count │ records
//	United Kingdom │     4 │ res.partner(9, 22, 26, 7)
func groupsTable(gs orm.Groups) Table {
	t := Table{Title: formatCount(len(gs), "group"), Columns: []Column{
		{Name: "key"}, {Name: "count", Align: AlignRight}, {Name: "records", Align: AlignLeft},
	}}
	for _, g := range gs {
		t.Rows = append(t.Rows, []string{groupKeyCell(g.Key), strconv.Itoa(g.Records.Len()), g.Records.String()})
	}
	return t
}

// groupKeyCell formats a group key: a single record by its display name,
// an empty recordset as NULL, other keys as FormatValue does.
func groupKeyCell(key any) string {
	rs, ok := key.(orm.Recordset)
	if !ok {
		return FormatValue(key, Hint{})
	}
	switch rs.Len() {
	case 0:
		return FormatValue(nil, Hint{})
	case 1:
		return rs.DisplayName()
	}
	return rs.String()
}
