package repl

// How the session shows values and errors. Recordsets and read results go
// through show, the one place to switch to printer.Show once the printer
// knows the ORM (printer/orm.go); errors go through FormatError.

import (
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"sort"
	"strings"

	"odsh/orm"
	"odsh/printer"
)

// InternalError is a panic that is not an ORM error: a bug, shown as
// "internal error: …" with its stack kept for :trace.
type InternalError struct {
	Value any
	Stack []byte
}

// Error returns "internal error: " and the panic value.
func (e *InternalError) Error() string { return fmt.Sprintf("internal error: %v", e.Value) }

// recovered turns a recovered panic into an error.
func recovered(r any) error {
	if e, ok := r.(error); ok {
		var oe orm.Error
		if errors.As(e, &oe) {
			return e
		}
	}
	return &InternalError{Value: r, Stack: debug.Stack()}
}

// FormatError returns the one line the shell prints for err:
//
//	ValidationError: res.partner.email: invalid address (value: "x")
//	undefined: foo
//	panic: boom
//	internal error: runtime error: index out of range [3] with length 1
func (s *Session) FormatError(err error) string {
	var se *ScriptError
	if errors.As(err, &se) {
		return fmt.Sprintf("line %d: %s", se.Line, s.FormatError(se.Err))
	}
	var oe orm.Error
	var ce *CompileError
	var pe *PanicError
	var ie *InternalError
	switch {
	case errors.As(err, &oe):
		return oe.Kind() + ": " + strings.TrimPrefix(oe.Info().Message(), "orm: ")
	case errors.As(err, &ce):
		return ce.Msg
	case errors.As(err, &pe), errors.As(err, &ie):
		return err.Error()
	case errors.As(err, new(*SyntaxError)), errors.As(err, new(*MetaError)):
		return err.Error()
	}
	return "internal error: " + err.Error()
}

// print shows the values of an entry's last bare expression.
func (s *Session) print(res Result) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = recovered(r)
		}
	}()
	if len(res.Values) > 1 {
		parts := make([]string, len(res.Values))
		for i, v := range res.Values {
			parts[i] = scalar(v)
		}
		fmt.Fprintln(s.out, strings.Join(parts, ", "))
		return nil
	}
	for _, v := range res.Values {
		s.show(s.out, v)
	}
	return nil
}

// printerOptions are the session's table options.
func (s *Session) printerOptions() printer.Options {
	return printer.Options{Width: s.opts.Width, Color: s.opts.Color}
}

// show writes one value: recordsets as tables (a card for one record in
// vertical mode), lists of Values as tables, strings quoted, the rest with
// fmt. It is the seam for printer.Show.
func (s *Session) show(w io.Writer, v any, fields ...string) {
	switch x := v.(type) {
	case orm.Recordset:
		s.showRecords(w, x, fields)
	case []orm.Values:
		s.showValues(w, x, fields)
	case error:
		fmt.Fprintln(w, s.FormatError(x))
	case string:
		fmt.Fprintf(w, "%q\n", x)
	case nil:
		fmt.Fprintln(w, "nil")
	default:
		fmt.Fprintln(w, printer.FormatValue(v, printer.Hint{}))
	}
}

// showRecords prints a recordset: id and the given fields (the record
// name by default).
func (s *Session) showRecords(w io.Writer, rs orm.Recordset, fields []string) {
	if rs.Len() == 0 {
		fmt.Fprintln(w, rs.String())
		return
	}
	m := rs.Model()
	if len(fields) == 0 && m.Fields[m.RecName] != nil {
		fields = []string{m.RecName}
	}
	if s.vertical {
		s.showCards(w, rs, fields)
		return
	}
	t := printer.Table{Title: m.Name, Columns: []printer.Column{{Name: "id"}}}
	for _, f := range fields {
		t.Columns = append(t.Columns, printer.Column{Name: f})
	}
	for _, rec := range rs.Slice(0, min(rs.Len(), maxShown)).Records() {
		row := []string{fmt.Sprint(rec.ID())}
		for _, f := range fields {
			row = append(row, cell(rec.Get(f)))
		}
		t.Rows = append(t.Rows, row)
	}
	t.Total = rs.Len()
	_ = printer.RenderTable(w, t, s.printerOptions())
}

// maxShown caps the records read to print a recordset.
const maxShown = 50

// showCards prints each record vertically (:x), every field when none
// are given.
func (s *Session) showCards(w io.Writer, rs orm.Recordset, fields []string) {
	m := rs.Model()
	for _, rec := range rs.Slice(0, min(rs.Len(), maxShown)).Records() {
		names := fields
		if len(names) == 0 || len(names) == 1 && names[0] == m.RecName {
			names = nil
			for _, f := range m.FieldList {
				names = append(names, f.Name)
			}
		}
		c := printer.Card{Title: rec.String()}
		g := printer.Group{}
		for _, f := range names {
			g.Fields = append(g.Fields, printer.Field{Name: f, Value: cell(rec.Get(f))})
		}
		c.Groups = []printer.Group{g}
		_ = printer.RenderCard(w, c, s.printerOptions())
	}
}

// showValues prints rows of Values (Read, ReadGroup) as a table, id first
// then the keys in order.
func (s *Session) showValues(w io.Writer, rows []orm.Values, fields []string) {
	if len(fields) == 0 {
		fields = valueKeys(rows)
	}
	t := printer.Table{}
	for _, f := range fields {
		t.Columns = append(t.Columns, printer.Column{Name: f})
	}
	for _, r := range rows {
		var row []string
		for _, f := range fields {
			row = append(row, cell(r[f]))
		}
		t.Rows = append(t.Rows, row)
	}
	_ = printer.RenderTable(w, t, s.printerOptions())
}

// valueKeys returns the keys of rows: "id" first, then sorted.
func valueKeys(rows []orm.Values) []string {
	seen := map[string]bool{}
	var keys []string
	for _, r := range rows {
		for k := range r {
			if !seen[k] && k != "id" && !strings.HasPrefix(k, "__") {
				seen[k] = true
				keys = append(keys, k)
			}
		}
	}
	sort.Strings(keys)
	if len(rows) > 0 {
		if _, ok := rows[0]["id"]; ok {
			keys = append([]string{"id"}, keys...)
		}
	}
	return keys
}

// scalar formats one of several results on a line.
func scalar(v any) string {
	switch x := v.(type) {
	case string:
		return fmt.Sprintf("%q", x)
	case nil:
		return "nil"
	case error:
		return x.Error()
	}
	return cell(v)
}

// cell formats one field value for a table.
func cell(v any) string {
	switch x := v.(type) {
	case orm.Recordset:
		if x.Len() == 1 && x.Model().Fields[x.Model().RecName] != nil {
			return fmt.Sprint(x.Get(x.Model().RecName))
		}
		return printer.FormatX2many(x.ModelName(), x.IDs())
	}
	return printer.FormatValue(v, printer.Hint{})
}
