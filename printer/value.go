package printer

import (
	"database/sql/driver"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Null is how a missing value (nil, Odoo's False for a non-boolean field)
// is shown. It is plain text; with Options.Color it is dimmed.
const Null = "NULL"

// Kind tells FormatValue how to read a value when its Go type is not enough.
type Kind int

// The kinds of Hint. KindAuto decides from the Go type alone.
const (
	KindAuto     Kind = iota // decide from the Go type
	KindFloat                // a float shown with Hint.Digits decimals
	KindDate                 // a time.Time shown as 2006-01-02
	KindDatetime             // a time.Time shown as 2006-01-02 15:04:05
)

// String returns the kind's name, such as "float".
func (k Kind) String() string {
	switch k {
	case KindAuto:
		return "auto"
	case KindFloat:
		return "float"
	case KindDate:
		return "date"
	case KindDatetime:
		return "datetime"
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// Hint carries what the field knows and the Go value does not: a float's
// digits (Odoo's digits=(16, 2)) or whether a time is a date. The zero Hint
// formats by Go type.
type Hint struct {
	Kind   Kind
	Digits int // decimals for KindFloat; 0 shows none
}

// Digits returns the Hint of a float field with n decimals.
func Digits(n int) Hint { return Hint{Kind: KindFloat, Digits: n} }

// FormatValue turns one field value into a single line of text:
//
//	nil                    NULL
//	bool                   true / false
//	integers               42
//	floats                 shortest form (12.5), or Hint.Digits decimals (12.50)
//	time.Time              2026-11-22 14:03:05, or 2026-11-22 for KindDate
//	                       and for a time at midnight UTC with KindAuto;
//	                       the zero time is NULL
//	string, fmt.Stringer   as is, newlines and tabs escaped (see OneLine)
//	[]byte                 <12 bytes> (binary fields are never dumped)
//	[]int64, []int         [1, 2, 3]
//
// Relational values are the caller's to name: pass a many2one's display name
// as a string, and an x2many through FormatX2many. Anything else is printed
// with fmt's %v and made one line.
func FormatValue(v any, h Hint) string {
	switch x := v.(type) {
	case nil:
		return Null
	case bool:
		return strconv.FormatBool(x)
	case string:
		return OneLine(x)
	case float64:
		return formatFloat(x, 64, h)
	case float32:
		return formatFloat(float64(x), 32, h)
	case time.Time:
		return formatTime(x, h)
	case []byte:
		return "<" + strconv.Itoa(len(x)) + " bytes>"
	case []int64:
		return formatIDs(x)
	case []int:
		return formatIDs(toInt64s(x))
	case fmt.Stringer:
		return OneLine(x.String())
	}
	return formatOther(v, h)
}

// formatOther handles the integer types and everything FormatValue does not
// name.
func formatOther(v any, h Hint) string {
	switch x := v.(type) {
	case int:
		return formatInt(int64(x), h)
	case int64:
		return formatInt(x, h)
	case int32:
		return formatInt(int64(x), h)
	case int16:
		return formatInt(int64(x), h)
	case int8:
		return formatInt(int64(x), h)
	case uint, uint64, uint32, uint16, uint8:
		return fmt.Sprint(x)
	case driver.Valuer:
		// a raw column value of the database driver (a numeric as
		// its exact decimal text, as psql shows it)
		if dv, err := x.Value(); err == nil && isDriverScalar(dv) {
			return FormatValue(dv, h)
		}
	}
	return OneLine(sprint(v))
}

// isDriverScalar reports whether a driver.Value is one FormatValue shows
// as a scalar (not a struct of the driver).
func isDriverScalar(v any) bool {
	switch v.(type) {
	case nil, bool, string, int64, float64, time.Time, []byte:
		return true
	}
	return false
}

// formatInt prints an integer, as a float when the hint asks for digits
// (an integer stored in a float field).
func formatInt(n int64, h Hint) string {
	if h.Kind == KindFloat {
		return formatFloat(float64(n), 64, h)
	}
	return strconv.FormatInt(n, 10)
}

// formatFloat prints f with the hint's digits, or as Go's %v does: the
// shortest form that reads back as the same float of bitSize bits, with an
// exponent when it is below -4 or from 21 (1e-13, 0.1 for float32(0.1),
// 1e+21). NaN and infinities are spelled NaN, +Inf, -Inf.
func formatFloat(f float64, bitSize int, h Hint) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 0):
		return strconv.FormatFloat(f, 'f', -1, 64)
	case h.Kind == KindFloat:
		return strconv.FormatFloat(f, 'f', max(h.Digits, 0), 64)
	}
	if bitSize == 32 {
		return fmt.Sprint(float32(f))
	}
	return fmt.Sprint(f)
}

// formatTime prints t in ISO form without time zone; Odoo keeps datetimes in
// UTC and so does the printer.
func formatTime(t time.Time, h Hint) string {
	if t.IsZero() {
		return Null
	}
	if h.Kind == KindDate || (h.Kind == KindAuto && isMidnightUTC(t)) {
		return t.Format(time.DateOnly)
	}
	return t.Format(time.DateTime)
}

// isMidnightUTC reports whether t looks like a date: 00:00:00 UTC.
func isMidnightUTC(t time.Time) bool {
	return t.Location() == time.UTC && t.Equal(t.Truncate(24*time.Hour))
}

// maxListedIDs is how many ids a list or an x2many shows before summing up.
const maxListedIDs = 3

// formatIDs prints ids as [1, 2, 3], or [1, 2, 3, … 10 in all] when long.
func formatIDs(ids []int64) string {
	shown, more := joinIDs(ids)
	if more {
		return "[" + shown + ", … " + strconv.Itoa(len(ids)) + " in all]"
	}
	return "[" + shown + "]"
}

// joinIDs joins the first maxListedIDs ids and says whether more exist.
func joinIDs(ids []int64) (string, bool) {
	n := min(len(ids), maxListedIDs)
	parts := make([]string, n)
	for i, id := range ids[:n] {
		parts[i] = strconv.FormatInt(id, 10)
	}
	return strings.Join(parts, ", "), len(ids) > n
}

// toInt64s widens ids.
func toInt64s(ids []int) []int64 {
	out := make([]int64, len(ids))
	for i, id := range ids {
		out[i] = int64(id)
	}
	return out
}

// FormatX2many is the short form of a one2many or many2many value, after
// Odoo's repr: demo.order.line(1, 2, 3) for up to three records,
// demo.order.line(12 records) beyond, demo.order.line() when empty.
func FormatX2many(model string, ids []int64) string {
	if len(ids) > maxListedIDs {
		return model + "(" + formatCount(len(ids), "record") + ")"
	}
	shown, _ := joinIDs(ids)
	return model + "(" + shown + ")"
}

// formatCount prints n with thousands separators and the noun, pluralised:
// "1 record", "10,000 records".
func formatCount(n int, noun string) string {
	return thousands(n) + " " + nounFor(n, noun)
}

// nounFor returns noun with an s unless n is 1.
func nounFor(n int, noun string) string {
	if n == 1 {
		return noun
	}
	return noun + "s"
}

// thousands prints n with commas between groups of three digits.
func thousands(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if neg {
		return "-" + s
	}
	return s
}
