package repl

// The helpers bound in the interpreter, for typing less at the prompt:
//
//	show(x, fields...)            print x through the printer
//	search(model, dom, opts...)   env.Model(model).Search(dom, opts...)
//	browse(model, ids...)         env.Model(model).Browse(ids...)
//	ref(xmlid)                    env.Ref(xmlid)
//	models()                      the model names
//	fields(model)                 the field names of a model
//	sql(query, args...)           flush, run raw SQL, print its rows
//	flush(), commit(), rollback()
//	chart(groups, "field")        a bar chart of ReadGroup rows
//
// They use the session's current env (see :user and :ctx).

import (
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

	"odsh/orm"
	"odsh/printer"
)

// helperNames are the helpers, for completion and :help.
var helperNames = []string{"browse", "chart", "commit", "fields", "flush", "models", "ref", "rollback", "search", "show", "sql"}

// bindHelpers binds every helper.
func (s *Session) bindHelpers() error {
	helpers := map[string]any{
		"show": s.helperShow,
		"search": func(model string, dom any, opts ...orm.SearchOpt) orm.Recordset {
			return s.env.Model(model).Search(dom, opts...)
		},
		"browse":   func(model string, ids ...int64) orm.Recordset { return s.env.Model(model).Browse(ids...) },
		"ref":      func(xmlid string) orm.Recordset { return s.env.Ref(xmlid) },
		"models":   func() []string { return s.env.Registry().Models() },
		"fields":   s.helperFields,
		"sql":      s.helperSQL,
		"flush":    func() { s.env.FlushAll() },
		"commit":   s.commit,
		"rollback": s.rollback,
		"chart":    s.helperChart,
	}
	for _, name := range helperNames {
		if err := s.in.Bind(name, helpers[name]); err != nil {
			return err
		}
	}
	return nil
}

// helperShow prints x, with the given fields for records.
func (s *Session) helperShow(x any, fields ...string) { s.show(s.out, x, fields...) }

// helperFields returns the field names of model, in declaration order.
func (s *Session) helperFields(model string) []string {
	m := s.env.Model(model).Model()
	out := make([]string, len(m.FieldList))
	for i, f := range m.FieldList {
		out[i] = f.Name
	}
	return out
}

// helperSQL flushes, runs query and prints its rows (or the number of
// rows a command affected); the cache is invalidated after a command.
func (s *Session) helperSQL(query string, args ...any) {
	s.env.FlushAll()
	tx := s.tx
	if !isQuery(query) {
		n := tx.Exec(query, args...) // a write is reported to noteWrite
		s.env.InvalidateAll()
		fmt.Fprintf(s.out, "%d rows affected\n", n)
		return
	}
	var cols []string
	var rows [][]string
	tx.Query(query, args, func(r pgx.Rows) error {
		if cols == nil {
			for _, fd := range r.FieldDescriptions() {
				cols = append(cols, fd.Name)
			}
		}
		vals, err := r.Values()
		row := make([]string, len(vals))
		for i, v := range vals {
			row[i] = printer.FormatValue(v, printer.Hint{})
		}
		rows = append(rows, row)
		return err
	})
	s.printRows(cols, rows)
}

// printRows prints a raw result table.
func (s *Session) printRows(cols []string, rows [][]string) {
	if len(rows) == 0 {
		fmt.Fprintln(s.out, "(no rows)")
		return
	}
	t := printer.Table{Rows: rows}
	for _, c := range cols {
		t.Columns = append(t.Columns, printer.Column{Name: c})
	}
	_ = printer.RenderTable(s.out, t, s.printerOptions())
}

// isQuery reports whether a statement returns rows.
func isQuery(q string) bool {
	w := strings.ToUpper(firstWord(q))
	return w == "SELECT" || w == "WITH" || w == "VALUES" || w == "SHOW" || w == "EXPLAIN" || w == "TABLE"
}

func firstWord(s string) string {
	f := strings.Fields(strings.TrimLeft(s, "( \t\n"))
	if len(f) == 0 {
		return ""
	}
	return f[0]
}

// helperChart draws the groups of a ReadGroup as bars of field (e.g.
// "__count", "amount_total"); labels are the group-by values.
func (s *Session) helperChart(groups []orm.Values, field string) {
	if err := printer.Chart(s.out, groups, field, s.printerOptions()); err != nil {
		fmt.Fprintln(s.out, s.FormatError(err))
	}
}

// commit flushes and commits the transaction. The entry running it learns
// of it through the transaction's epoch (see syncEpoch).
func (s *Session) commit() { s.tx.Commit() }

// rollback discards everything since the last commit.
func (s *Session) rollback() { s.tx.Rollback() }
