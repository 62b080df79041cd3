package orm

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// textKind serves Char (varchar), Text and Html (text). The cache holds a
// string, nil for NULL; ” is kept as ”.
type textKind struct{}

func (textKind) sqlType(f *Field) string {
	if f.Type == TypeChar {
		if f.Size > 0 {
			return fmt.Sprintf("varchar(%d)", f.Size)
		}
		return "varchar"
	}
	return "text"
}

func (textKind) empty(*Field) any { return nil }

func (textKind) fromDB(_ *Field, v any) any { return v }

func (textKind) text(_ *Field, v any) string { return v.(string) }

// convert: a Char with a size truncates longer values (no error, as Odoo).
// Text PostgreSQL would refuse (invalid UTF-8, NUL bytes) is refused here,
// at the write, rather than by the flush that sends it later.
func (textKind) convert(f *Field, v any) (any, error) {
	var x string
	switch y := v.(type) {
	case string:
		x = y
	case []byte:
		x = string(y)
	default:
		return nil, fmt.Errorf("expected a string, got %T", v)
	}
	if !utf8.ValidString(x) {
		return nil, fmt.Errorf("invalid UTF-8 text")
	}
	if strings.IndexByte(x, 0) >= 0 {
		return nil, fmt.Errorf("text cannot hold a NUL byte (PostgreSQL refuses it)")
	}
	if f.Size > 0 && utf8.RuneCountInString(x) > f.Size {
		x = string([]rune(x)[:f.Size])
	}
	return x, nil
}
