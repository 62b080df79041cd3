package orm

import (
	"encoding/binary"
	"math"
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

// pgEpoch is PostgreSQL's binary time origin.
var pgEpoch = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// decodeRaw turns one binary column value into a cache value without going
// through pgx's scan plans, for the types fields use most; it reports false
// for anything else (text format, numeric, special dates), which the caller
// scans the ordinary way.
func decodeRaw(f *Field, oid uint32, format int16, raw []byte) (any, bool) {
	if raw == nil {
		return nil, true
	}
	if f.jsonKeyed() {
		return f.decodeJSONB(oid, format, raw), true
	}
	switch oid {
	case pgtype.VarcharOID, pgtype.TextOID, pgtype.BPCharOID: // the same bytes in text and binary format
		return string(raw), true
	}
	if format != pgtype.BinaryFormatCode {
		return nil, false
	}
	switch oid {
	case pgtype.Int4OID:
		return int64(int32(binary.BigEndian.Uint32(raw))), len(raw) == 4
	case pgtype.Int8OID:
		return int64(binary.BigEndian.Uint64(raw)), len(raw) == 8
	case pgtype.Int2OID:
		return int64(int16(binary.BigEndian.Uint16(raw))), len(raw) == 2
	case pgtype.BoolOID:
		return raw[0] == 1, len(raw) == 1
	case pgtype.Float8OID:
		return math.Float64frombits(binary.BigEndian.Uint64(raw)), len(raw) == 8
	case pgtype.TimestampOID:
		if len(raw) != 8 {
			return nil, false
		}
		us := int64(binary.BigEndian.Uint64(raw))
		if us == math.MaxInt64 || us == math.MinInt64 { // ±infinity
			return nil, false
		}
		return time.UnixMicro(us + pgEpoch.UnixMicro()).UTC(), true
	case pgtype.DateOID:
		if len(raw) != 4 {
			return nil, false
		}
		days := int32(binary.BigEndian.Uint32(raw))
		if days == math.MaxInt32 || days == math.MinInt32 {
			return nil, false
		}
		return pgEpoch.AddDate(0, 0, int(days)), true
	}
	return nil, false
}
