package domain

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Conversions of domain values to a field's column type, following Odoo's
// convert_to_column, and of column values to text, following PostgreSQL's
// ::text cast.

// falsyValue returns the value Odoo 18 treats as equivalent to NULL for a
// kind (Field.falsy_value): 0 for numbers, the empty string for text,
// false for booleans.
func falsyValue(k Kind) (any, bool) {
	switch k {
	case KindInteger:
		return int64(0), true
	case KindFloat, KindMonetary:
		return float64(0), true
	case KindChar, KindText, KindHTML:
		return "", true
	case KindBoolean:
		return false, true
	}
	return nil, false
}

// timeBound says which end of a day a date-only string stands for when
// compared with a datetime.
type timeBound int

const (
	dayStart timeBound = iota
	dayEnd
)

// toColumn converts a (non-NULL) domain value to the column type of k.
func toColumn(k Kind, v any, bound timeBound) (any, error) {
	switch k {
	case KindBoolean:
		return truthy(v), nil
	case KindInteger, KindID, KindMany2one, KindOne2many, KindMany2many:
		return toInt(v)
	case KindFloat, KindMonetary:
		return toFloat(v)
	case KindChar, KindText, KindHTML, KindSelection, KindReference, KindBinary:
		return pyStr(v), nil
	case KindDate:
		t, err := toTime(v, dayStart)
		return truncDay(t), err
	case KindDatetime:
		return toTime(v, bound)
	}
	return v, nil
}

// Truthy is Python's bool() of a domain value: false for None, False, zero
// numbers of any Go kind, "" and empty lists.
func Truthy(v any) bool {
	switch x := v.(type) {
	case nil:
		return false
	case bool:
		return x
	case int:
		return x != 0
	case int8:
		return x != 0
	case int16:
		return x != 0
	case int32:
		return x != 0
	case int64:
		return x != 0
	case uint:
		return x != 0
	case uint8:
		return x != 0
	case uint16:
		return x != 0
	case uint32:
		return x != 0
	case uint64:
		return x != 0
	case float32:
		return x != 0
	case float64:
		return x != 0
	case string:
		return x != ""
	case []any:
		return len(x) > 0
	}
	return true
}

func truthy(v any) bool { return Truthy(v) }

func toInt(v any) (int64, error) {
	switch x := v.(type) {
	case int64:
		return x, nil
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return 0, fmt.Errorf("domain: cannot convert %v to an integer", x)
		}
		return int64(x), nil
	case bool:
		return map[bool]int64{false: 0, true: 1}[x], nil
	case string:
		i, err := strconv.ParseInt(strings.TrimSpace(x), 10, 64)
		if err != nil {
			return 0, fmt.Errorf("domain: invalid integer %q", x)
		}
		return i, nil
	}
	return 0, fmt.Errorf("domain: cannot convert %s to an integer", repr(v))
}

func toFloat(v any) (float64, error) {
	switch x := v.(type) {
	case int64:
		return float64(x), nil
	case float64:
		return x, nil
	case bool:
		return map[bool]float64{false: 0, true: 1}[x], nil
	case string:
		f, err := strconv.ParseFloat(strings.TrimSpace(x), 64)
		if err != nil {
			return 0, fmt.Errorf("domain: invalid number %q", x)
		}
		return f, nil
	}
	return 0, fmt.Errorf("domain: cannot convert %s to a number", repr(v))
}

// toTime reads a time.Time or an Odoo date/datetime string; a date-only
// string stands for the start or the end of its day.
func toTime(v any, bound timeBound) (time.Time, error) {
	switch x := v.(type) {
	case time.Time:
		return x.UTC(), nil
	case string:
		return parseTime(strings.TrimSpace(x), bound)
	}
	return time.Time{}, fmt.Errorf("domain: cannot convert %s to a date", repr(v))
}

var timeLayouts = []string{"2006-01-02 15:04:05.999999", "2006-01-02T15:04:05.999999", "2006-01-02 15:04", "2006-01-02T15:04"}

func parseTime(s string, bound timeBound) (time.Time, error) {
	if len(s) == len(time.DateOnly) {
		t, err := time.Parse(time.DateOnly, s)
		if err != nil {
			return t, fmt.Errorf("domain: invalid date %q", s)
		}
		if bound == dayEnd {
			t = t.Add(24*time.Hour - time.Microsecond)
		}
		return t, nil
	}
	for _, layout := range timeLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("domain: invalid datetime %q", s)
}

func truncDay(t time.Time) time.Time {
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// storedScalar brings a stored value to the comparison type of k: integer
// kinds to int64, dates to UTC days, date strings parsed.
func storedScalar(k Kind, s any) (any, error) {
	if s == nil {
		return nil, nil
	}
	switch k {
	case KindDate, KindDatetime:
		if _, ok := s.(time.Time); ok || k == KindDate {
			return toColumn(k, s, dayStart)
		}
		if str, ok := s.(string); ok {
			return parseTime(str, dayStart)
		}
	case KindFloat, KindMonetary:
		if i, ok := s.(int64); ok {
			return float64(i), nil
		}
	}
	return s, nil
}

// pyStr is Python's str() of a domain value, as Odoo formats like patterns
// and char comparands.
func pyStr(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case time.Time:
		return formatTime(x)
	}
	return repr(v)
}

// pgText is PostgreSQL's ::text of a stored value of kind k.
func pgText(k Kind, v any) string {
	switch x := v.(type) {
	case string:
		return x
	case bool:
		return strconv.FormatBool(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return pgFloat(x)
	case time.Time:
		if k == KindDate {
			return x.Format(time.DateOnly)
		}
		return x.UTC().Format("2006-01-02 15:04:05.999999")
	}
	return fmt.Sprint(v)
}

// pgFloat prints a float8 as PostgreSQL 12+ does: shortest exact digits,
// exponent notation below 1e-4 and from 1e15 on.
func pgFloat(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	}
	if a := math.Abs(f); a != 0 && (a < 1e-4 || a >= 1e15) {
		return strconv.FormatFloat(f, 'e', -1, 64)
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// compare orders two column values of the same type: -1, 0 or +1, and
// false when they cannot be compared.
func compare(a, b any) (int, bool) {
	switch x := a.(type) {
	case int64:
		switch y := b.(type) {
		case int64:
			return cmp3(x < y, x > y), true
		case float64:
			return cmp3(float64(x) < y, float64(x) > y), true
		}
	case float64:
		switch y := b.(type) {
		case int64:
			return cmp3(x < float64(y), x > float64(y)), true
		case float64:
			return cmp3(x < y, x > y), true
		}
	case string:
		if y, ok := b.(string); ok {
			return strings.Compare(x, y), true
		}
	case bool:
		if y, ok := b.(bool); ok {
			return cmp3(!x && y, x && !y), true
		}
	case time.Time:
		if y, ok := b.(time.Time); ok {
			return x.Compare(y), true
		}
	}
	return 0, false
}

func cmp3(less, greater bool) int {
	switch {
	case less:
		return -1
	case greater:
		return 1
	}
	return 0
}
