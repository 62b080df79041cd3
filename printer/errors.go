package printer

import (
	"errors"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"odsh/orm"
)

// InternalError is a recovered panic that is not an ORM error: a bug in
// odsh or in the code it ran, not a refusal of the data. The shell prints
// it as "internal error: …" followed by Stack.
type InternalError struct {
	Value any    // what was passed to panic
	Stack []byte // the goroutine's stack where it was recovered
}

// Error returns "panic: " and the panic value.
func (e *InternalError) Error() string { return fmt.Sprintf("panic: %v", e.Value) }

// Unwrap returns the panic value when it is an error, else nil.
func (e *InternalError) Unwrap() error {
	err, _ := e.Value.(error)
	return err
}

// Recovered turns a value returned by recover into an error: an ORM error
// (or an error wrapping one) as it is, anything else as an *InternalError
// with the current stack. Call it in the deferred function that recovered,
// so that the stack still shows where the panic happened. nil gives nil.
func Recovered(r any) error {
	if r == nil {
		return nil
	}
	if err, ok := r.(error); ok && isORM(err) {
		return err
	}
	return &InternalError{Value: r, Stack: debug.Stack()}
}

// IsInternal reports whether err is a bug rather than a refusal: an
// *InternalError, or a Go runtime error (nil dereference, index out of
// range) that no ORM error wraps. ORM errors and ordinary errors are not.
func IsInternal(err error) bool {
	var ie *InternalError
	if errors.As(err, &ie) {
		return true
	}
	var re runtime.Error
	return !isORM(err) && errors.As(err, &re)
}

// isORM reports whether err is or wraps an ORM error.
func isORM(err error) bool {
	var oe orm.Error
	return errors.As(err, &oe)
}

// FormatError returns err as one line for the shell:
//
//	ValidationError: res.partner.email: not a valid email (value: "x")
//	MissingError: res.partner: record does not exist [ids 7]
//	internal error: runtime error: index out of range [3] with length 3
//	open /tmp/x: no such file or directory
//
// An ORM error (or one wrapping it) shows its kind, model.field, message,
// value and up to three ids; an internal error (IsInternal) is marked as
// such; any other error is its message. Newlines are escaped; nil gives "".
func FormatError(err error) string {
	if err == nil {
		return ""
	}
	var oe orm.Error
	switch {
	case errors.As(err, &oe):
		return formatORMError(oe)
	case IsInternal(err):
		return "internal error: " + OneLine(internalMessage(err))
	}
	return OneLine(err.Error())
}

// internalMessage is the panic value of an internal error, or its message.
func internalMessage(err error) string {
	var ie *InternalError
	if errors.As(err, &ie) {
		return fmt.Sprint(ie.Value)
	}
	return err.Error()
}

// formatORMError lays out an ORM error's kind and details.
func formatORMError(e orm.Error) string {
	info := e.Info()
	var b strings.Builder
	b.WriteString(e.Kind() + ": ")
	if where := errorWhere(info); where != "" {
		b.WriteString(where + ": ")
	}
	b.WriteString(errorMessage(info))
	if info.HasValue {
		b.WriteString(" (value: " + reprValue(info.Value) + ")")
	}
	if len(info.IDs) > 0 {
		b.WriteString(" [" + errorIDs(info.IDs) + "]")
	}
	return OneLine(b.String())
}

// errorWhere is "model.field", "model", or "".
func errorWhere(info *orm.ErrorInfo) string {
	switch {
	case info.Model == "":
		return info.Field
	case info.Field == "":
		return info.Model
	}
	return info.Model + "." + info.Field
}

// errorMessage is the message, or the cause's when there is none.
func errorMessage(info *orm.ErrorInfo) string {
	switch {
	case info.Msg != "":
		return info.Msg
	case info.Err != nil:
		return info.Err.Error()
	}
	return "error"
}

// errorIDs is "ids 1, 2, 3", or "12 records" when more.
func errorIDs(ids []int64) string {
	if len(ids) > maxListedIDs {
		return formatCount(len(ids), "record")
	}
	shown, _ := joinIDs(ids)
	return "ids " + shown
}

// maxValueWidth bounds the repr of an offending value in an error line.
const maxValueWidth = 60

// reprValue shows an offending value as Go would write it, cut to
// maxValueWidth cells.
func reprValue(v any) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case string:
		q := strconv.Quote(x)
		if DisplayWidth(q) > maxValueWidth {
			q = Truncate(q, maxValueWidth-1) + `"`
		}
		return q
	case orm.Recordset:
		return Truncate(x.String(), maxValueWidth)
	case time.Time, []byte:
		return FormatValue(x, Hint{})
	}
	return Truncate(OneLine(sprint(v)), maxValueWidth)
}

// showError writes FormatError's line, wrapped to the width.
func showError(w io.Writer, err error, opts Options) error {
	return writeLines(w, wrapWords(FormatError(err), opts.width()))
}
