package repl

// How the session shows values and errors. Recordsets and read results go
// through show, the one place to switch to printer.Show once the printer
// knows the ORM (printer/orm.go); errors go through FormatError.

import (
	"errors"
	"fmt"
	"io"
	"runtime/debug"
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
		return fmt.Sprintf("line %d: %s%s", se.Line, s.FormatError(se.Err), se.where())
	}
	var oe orm.Error
	var ce *CompileError
	var pe *PanicError
	var ie *InternalError
	switch {
	case errors.As(err, &oe):
		return printer.FormatError(oe)
	case errors.As(err, &ce):
		return ce.Msg
	case errors.As(err, &pe), errors.As(err, &ie):
		return err.Error()
	case errors.As(err, new(*SyntaxError)), errors.As(err, new(*MetaError)), errors.As(err, new(*RefusedError)):
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
	values := make([]any, len(res.Values))
	for i, v := range res.Shown() {
		// as fmt's %v sees it: an interpreted value held in an interface
		// (yaegi's struct), alone or in a container, by its own methods
		values[i] = s.in.printConv.shown(v)
	}
	if len(values) > 1 {
		parts := make([]string, len(values))
		for i, v := range values {
			parts[i] = scalar(v)
		}
		fmt.Fprintln(s.out, strings.Join(parts, ", "))
		return nil
	}
	for _, v := range values {
		s.show(s.out, v)
	}
	return nil
}

// printerOptions are the session's display options.
func (s *Session) printerOptions() printer.Options {
	return printer.Options{Width: s.opts.Width, Color: s.opts.Color, Vertical: s.vertical, MaxRows: maxShown}
}

// maxShown caps the records read to print a recordset.
const maxShown = 50

// show writes one value through the printer: recordsets as tables (a card
// for one record, or for each in vertical mode), read and read_group rows
// as tables, errors as their one line, strings quoted, the rest as the
// printer formats them.
func (s *Session) show(w io.Writer, v any, fields ...string) {
	switch x := v.(type) {
	case string:
		fmt.Fprintf(w, "%q\n", x)
		return
	case error:
		fmt.Fprintln(w, s.formatValueError(x))
		return
	case nil:
		fmt.Fprintln(w, "<nil>") // as Go's %v: a nil error and a nil pointer alike
		return
	}
	if err := printer.Show(w, v, s.printerOptions(), fields...); err != nil {
		fmt.Fprintln(w, s.FormatError(err))
	}
}

// formatValueError formats an error value the user's code returned (not
// one the entry failed with): ORM errors as FormatError does, any other
// error as its message, never as an internal error of the shell.
func (s *Session) formatValueError(err error) string {
	var oe orm.Error
	if errors.As(err, &oe) {
		return s.FormatError(err)
	}
	return err.Error()
}

// scalar formats one of several results on a line.
func scalar(v any) string {
	switch x := v.(type) {
	case string:
		return fmt.Sprintf("%q", x)
	case nil:
		return "<nil>"
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
