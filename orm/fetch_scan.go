package orm

import (
	"time"

	"github.com/jackc/pgx/v5/pgtype"
)

// Typed scan destinations for fetches: one set per query, reused for every
// row, so a row costs no intermediate boxing (pgx's Values would allocate
// every value twice).

func scanDest(f *Field) any {
	switch f.Type {
	case TypeBoolean:
		return &pgtype.Bool{}
	case TypeInteger, TypeMany2one:
		return &pgtype.Int8{}
	case TypeFloat, TypeMonetary:
		if f.kind.sqlType(f) == "numeric" {
			return &pgtype.Numeric{}
		}
		return &pgtype.Float8{}
	case TypeChar, TypeText, TypeHTML, TypeSelection:
		return &pgtype.Text{}
	case TypeDate:
		return &pgtype.Date{}
	case TypeDatetime:
		return &pgtype.Timestamp{}
	case TypeBinary:
		return &[]byte{}
	}
	var v any
	return &v
}

// scanned converts a scan destination into a cache value (nil for NULL).
func scanned(f *Field, d any) any {
	switch x := d.(type) {
	case *pgtype.Bool:
		if x.Valid {
			return x.Bool
		}
	case *pgtype.Int8:
		if x.Valid {
			return x.Int64
		}
	case *pgtype.Float8:
		if x.Valid {
			return x.Float64
		}
	case *pgtype.Numeric:
		if x.Valid {
			v, err := x.Float64Value()
			if err == nil && v.Valid {
				return v.Float64
			}
		}
	case *pgtype.Text:
		if x.Valid {
			return x.String
		}
	case *pgtype.Date:
		if x.Valid {
			t := x.Time
			return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
		}
	case *pgtype.Timestamp:
		if x.Valid {
			return x.Time.UTC()
		}
	case *[]byte:
		if *x != nil {
			return append([]byte(nil), *x...)
		}
	case *any:
		return f.kind.fromDB(f, *x)
	}
	return nil
}
