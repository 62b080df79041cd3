package orm

import (
	"fmt"
	"time"
)

// Date and datetime layouts of the ORM (Odoo's DATE_FORMAT and
// DATETIME_FORMAT).
const (
	DateLayout     = "2006-01-02"
	DatetimeLayout = "2006-01-02 15:04:05"
)

// dateKind serves Date fields; the cache holds a time.Time at UTC midnight.
type dateKind struct{}

func (dateKind) sqlType(*Field) string { return "date" }
func (dateKind) empty(*Field) any      { return nil }
func (dateKind) fromDB(_ *Field, v any) any {
	if t, ok := v.(time.Time); ok {
		return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	}
	return v
}
func (dateKind) text(_ *Field, v any) string { return v.(time.Time).Format(DateLayout) }

// convert accepts a time.Time (its date), "YYYY-MM-DD", or
// "YYYY-MM-DD HH:MM:SS" (the time is dropped).
func (dateKind) convert(_ *Field, v any) (any, error) {
	switch x := v.(type) {
	case time.Time:
		if x.IsZero() {
			return nil, nil
		}
		return time.Date(x.Year(), x.Month(), x.Day(), 0, 0, 0, 0, time.UTC), nil
	case string:
		return ParseDate(x)
	}
	return nil, fmt.Errorf("expected a date, got %T", v)
}

// ParseDate reads "YYYY-MM-DD" or "YYYY-MM-DD HH:MM:SS" (time dropped).
func ParseDate(s string) (time.Time, error) {
	if len(s) > len(DateLayout) {
		if _, err := time.Parse(DatetimeLayout, s); err != nil {
			return time.Time{}, fmt.Errorf("invalid date %q: expected YYYY-MM-DD", s)
		}
		s = s[:len(DateLayout)]
	}
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("invalid date %q: expected YYYY-MM-DD", s)
	}
	return t, nil
}

// datetimeKind serves Datetime fields: naive UTC timestamps in the
// database, time.Time in UTC in the cache.
type datetimeKind struct{}

func (datetimeKind) sqlType(*Field) string { return "timestamp" }
func (datetimeKind) empty(*Field) any      { return nil }
func (datetimeKind) fromDB(_ *Field, v any) any {
	if t, ok := v.(time.Time); ok {
		return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC)
	}
	return v
}
func (datetimeKind) text(_ *Field, v any) string {
	return v.(time.Time).Format("2006-01-02 15:04:05.999999")
}

// convert accepts a time.Time (converted to UTC), a date string (midnight),
// "YYYY-MM-DD HH:MM:SS" (UTC) or RFC 3339.
func (datetimeKind) convert(_ *Field, v any) (any, error) {
	switch x := v.(type) {
	case time.Time:
		if x.IsZero() {
			return nil, nil
		}
		return x.UTC().Truncate(time.Microsecond), nil
	case string:
		return ParseDatetime(x)
	}
	return nil, fmt.Errorf("expected a datetime, got %T", v)
}

// ParseDatetime reads "YYYY-MM-DD HH:MM:SS[.ffffff]" (UTC), "YYYY-MM-DD"
// (midnight UTC) or RFC 3339, to the microsecond (the database's
// precision: a finer value would differ between the cache and the row).
func ParseDatetime(s string) (time.Time, error) {
	for _, layout := range []string{"2006-01-02 15:04:05.999999", DateLayout, time.RFC3339Nano, "2006-01-02T15:04:05"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC().Truncate(time.Microsecond), nil
		}
	}
	return time.Time{}, fmt.Errorf("invalid datetime %q: expected YYYY-MM-DD HH:MM:SS", s)
}
