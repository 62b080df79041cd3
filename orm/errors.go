package orm

import (
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
)

// ErrorInfo is what every ORM error carries: the model, field, records and
// value concerned, and the cause. The error kinds embed it.
type ErrorInfo struct {
	Model    string  // model name, e.g. "res.partner"
	Field    string  // field name, when one field is concerned
	IDs      []int64 // records concerned, when known
	Value    any     // offending value, when HasValue
	HasValue bool
	Msg      string // what went wrong, lowercase, no trailing period
	Err      error  // cause (e.g. a *pgconn.PgError), may be nil
}

// Message formats the error as "orm: model.field: msg (value: v) [ids]".
func (e *ErrorInfo) Message() string {
	var b strings.Builder
	b.WriteString("orm: ")
	if e.Model != "" {
		b.WriteString(e.Model)
		if e.Field != "" {
			b.WriteString(".")
			b.WriteString(e.Field)
		}
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	if e.HasValue {
		fmt.Fprintf(&b, " (value: %s)", reprValue(e.Value))
	}
	if len(e.IDs) > 0 && len(e.IDs) <= 10 {
		fmt.Fprintf(&b, " [ids %v]", e.IDs)
	} else if len(e.IDs) > 10 {
		fmt.Fprintf(&b, " [%d records]", len(e.IDs))
	}
	return b.String()
}

func reprValue(v any) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case string:
		return fmt.Sprintf("%q", x)
	case Recordset:
		return x.String()
	case []byte:
		return fmt.Sprintf("<%d bytes>", len(x))
	default:
		return fmt.Sprintf("%v (%T)", x, x)
	}
}

// Info returns the error's details.
func (e *ErrorInfo) Info() *ErrorInfo { return e }

// Error is implemented by every ORM error kind; Kind names the Odoo
// exception class ("ValidationError", ...).
type Error interface {
	error
	Kind() string
	Info() *ErrorInfo
}

// UserError is Odoo's UserError: an operation refused for a business reason.
type UserError struct{ ErrorInfo }

// ValidationError is Odoo's ValidationError (and ValueError for a bad field
// or value): the data given does not fit the model.
type ValidationError struct{ ErrorInfo }

// AccessError is Odoo's AccessError: the user may not do this.
type AccessError struct{ ErrorInfo }

// MissingError is Odoo's MissingError: a record does not exist (any more).
type MissingError struct{ ErrorInfo }

// ConcurrencyError is a serialization failure or deadlock: the transaction
// may be retried from the start.
type ConcurrencyError struct{ ErrorInfo }

// CancelledError reports a statement cancelled by the user (Ctrl-C) or a
// deadline.
type CancelledError struct{ ErrorInfo }

// Error returns the message, "orm: model.field: what went wrong".
func (e *UserError) Error() string { return e.Message() }

// Error returns the message, "orm: model.field: what went wrong".
func (e *ValidationError) Error() string { return e.Message() }

// Error returns the message, "orm: model.field: what went wrong".
func (e *AccessError) Error() string { return e.Message() }

// Error returns the message, "orm: model.field: what went wrong".
func (e *MissingError) Error() string { return e.Message() }

// Error returns the message, "orm: model.field: what went wrong".
func (e *ConcurrencyError) Error() string { return e.Message() }

// Error returns the message, "orm: model.field: what went wrong".
func (e *CancelledError) Error() string { return e.Message() }

// Unwrap returns the cause (a *pgconn.PgError, say), or nil.
func (e *UserError) Unwrap() error { return e.Err }

// Unwrap returns the cause (a *pgconn.PgError, say), or nil.
func (e *ValidationError) Unwrap() error { return e.Err }

// Unwrap returns the cause (a *pgconn.PgError, say), or nil.
func (e *AccessError) Unwrap() error { return e.Err }

// Unwrap returns the cause (a *pgconn.PgError, say), or nil.
func (e *MissingError) Unwrap() error { return e.Err }

// Unwrap returns the cause (a *pgconn.PgError, say), or nil.
func (e *ConcurrencyError) Unwrap() error { return e.Err }

// Unwrap returns the cause (a *pgconn.PgError, say), or nil.
func (e *CancelledError) Unwrap() error { return e.Err }

// Kind returns "UserError".
func (e *UserError) Kind() string { return "UserError" }

// Kind returns "ValidationError".
func (e *ValidationError) Kind() string { return "ValidationError" }

// Kind returns "AccessError".
func (e *AccessError) Kind() string { return "AccessError" }

// Kind returns "MissingError".
func (e *MissingError) Kind() string { return "MissingError" }

// Kind returns "ConcurrencyError".
func (e *ConcurrencyError) Kind() string { return "ConcurrencyError" }

// Kind returns "CancelledError".
func (e *CancelledError) Kind() string { return "CancelledError" }

// validationErr builds a ValidationError about model.field and value.
func validationErr(model, field string, value any, format string, args ...any) *ValidationError {
	return &ValidationError{ErrorInfo{Model: model, Field: field, Value: value, HasValue: true, Msg: fmt.Sprintf(format, args...)}}
}

// fieldErr builds a ValidationError about a field without a value.
func fieldErr(model, field string, format string, args ...any) *ValidationError {
	return &ValidationError{ErrorInfo{Model: model, Field: field, Msg: fmt.Sprintf(format, args...)}}
}

func userErr(model string, format string, args ...any) *UserError {
	return &UserError{ErrorInfo{Model: model, Msg: fmt.Sprintf(format, args...)}}
}

func missingErr(model string, ids []int64, format string, args ...any) *MissingError {
	return &MissingError{ErrorInfo{Model: model, IDs: ids, Msg: fmt.Sprintf(format, args...)}}
}

// Catch is the shell's spelling of env.Catch: in odsh and in scripts it
// runs f in a savepoint of the session's transaction and returns the ORM
// error f raised, or nil (the shell binds it to its env). A savepoint
// belongs to the transaction it is taken on, and a compiled program may
// hold several, so outside the shell Catch does not guess: it panics with
// a *UserError that says to call env.Catch on the env meant.
func Catch(f func()) error {
	panic(&UserError{ErrorInfo{Msg: "orm.Catch takes its savepoint on the shell's transaction and has none here: " +
		"call env.Catch(f) on the env whose transaction is meant"}})
}

// Try runs f and returns the ORM error it panics with, or nil, without a
// savepoint (unlike Env.Catch): after an error the transaction may be
// aborted and the caller rolls back. Panics that are not ORM errors
// propagate.
func Try(f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = asError(r)
		}
	}()
	f()
	return nil
}

// asError converts a recovered panic value into an error, re-panicking for
// values that are not ORM errors.
func asError(r any) error {
	if e, ok := r.(Error); ok {
		return e
	}
	if e, ok := r.(error); ok {
		var oe Error
		if errors.As(e, &oe) {
			return e
		}
	}
	panic(r)
}

// mapPgError maps a PostgreSQL error to an ORM error kind, in one place.
func (tx *Transaction) mapPgError(err error, query string) error {
	var pe *pgconn.PgError
	if !errors.As(err, &pe) {
		if tx.ctxErr() != nil {
			return &CancelledError{ErrorInfo{Msg: "statement cancelled", Err: err}}
		}
		return &UserError{ErrorInfo{Msg: "database error: " + err.Error(), Err: err}}
	}
	info := ErrorInfo{Err: err, Msg: pe.Message}
	if m := tx.reg.modelByTable(pe.TableName); m != nil {
		info.Model = m.Name
		if f := m.fieldByColumn(pe.ColumnName); f != nil {
			info.Field = f.Name
		}
	}
	switch pe.Code {
	case "23502": // not_null_violation
		info.Msg = "a value is required"
		return &ValidationError{info}
	case "23505", "23514", "23P01": // unique, check, exclusion
		if c := tx.reg.sqlConstraint(pe.ConstraintName); c != nil {
			info.Model, info.Msg = c.model, c.Message
			if c.field != "" {
				info.Field = c.field
			}
		}
		return &ValidationError{info}
	case "23503": // foreign_key_violation
		return tx.fkError(pe, info, strings.HasPrefix(strings.TrimSpace(query), "DELETE"))
	case "40001", "40P01", "55P03": // serialization failure, deadlock, lock not available (Odoo retries these)
		return concurrencyErr(info, pe)
	case "57014":
		info.Msg = "statement cancelled"
		return &CancelledError{info}
	case "25006":
		info.Msg = "the transaction is read-only: " + pe.Message
		return &UserError{info}
	case "22001", "22003", "22007", "22008", "22P02":
		return &ValidationError{info}
	}
	return &UserError{info}
}

// fkError explains a foreign key violation: deleting a record still referred
// to (restrict), or linking to a record that does not exist.
func (tx *Transaction) fkError(pe *pgconn.PgError, info ErrorInfo, deleting bool) error {
	ref := tx.reg.fkByName(pe.ConstraintName)
	if ref == nil {
		if deleting {
			info.Msg = "cannot delete: other records still refer to it (" + pe.Detail + ")"
			return &UserError{info}
		}
		info.Msg = "a record referred to does not exist (" + pe.Detail + ")"
		return &MissingError{info}
	}
	if !deleting {
		// insert/update on the referring table: the target does not exist
		info.Model, info.Field = ref.Model.Name, ref.Name
		info.Msg = fmt.Sprintf("the %s record referred to does not exist: %s", ref.Comodel, pe.Detail)
		return &MissingError{info}
	}
	info.Model = ref.Comodel
	info.Field = ""
	info.Msg = fmt.Sprintf("cannot delete or modify: %s records still refer to it through %s.%s (%s)",
		ref.Model.Name, ref.Model.Name, ref.Name, pe.Detail)
	return &UserError{info}
}
