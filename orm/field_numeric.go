package orm

import (
	"fmt"
	"math"
	"strconv"

	"github.com/jackc/pgx/v5/pgtype"
)

// floatKind serves Float and Monetary: float8, or numeric when the field
// has digits (Monetary always).
type floatKind struct{}

func (floatKind) sqlType(f *Field) string {
	if f.HasDigits || f.Type == TypeMonetary {
		return "numeric"
	}
	return "float8"
}

func (floatKind) empty(*Field) any { return 0.0 }

func (floatKind) fromDB(_ *Field, v any) any {
	switch x := v.(type) {
	case nil:
		return nil
	case float64:
		return x
	case float32:
		return float64(x)
	case pgtype.Numeric:
		f, err := x.Float64Value()
		if err != nil || !f.Valid {
			return nil
		}
		return f.Float64
	}
	n, _ := toInt64(v)
	return float64(n)
}

func (floatKind) text(_ *Field, v any) string {
	return strconv.FormatFloat(v.(float64), 'g', -1, 64)
}

// convert accepts any Go number; False/None store 0. With digits, the value
// is rounded half away from zero, as Odoo's float_round.
func (floatKind) convert(f *Field, v any) (any, error) {
	var x float64
	switch y := v.(type) {
	case nil:
		return 0.0, nil
	case bool:
		if y {
			return nil, fmt.Errorf("expected a number, got true")
		}
		return 0.0, nil
	case float64:
		x = y
	case float32:
		x = float64(y)
	default:
		n, ok := toInt64(v)
		if !ok {
			return nil, fmt.Errorf("expected a number, got %T", v)
		}
		x = float64(n)
	}
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return nil, fmt.Errorf("not a finite number")
	}
	if f.HasDigits {
		x = roundDigits(x, f.Digits[1])
	}
	return x, nil
}

// roundDigits rounds x to the given number of decimals, halves away from
// zero (Odoo's float_round with rounding 10^-digits), correcting the binary
// representation error first (2.675 → 2.68).
func roundDigits(x float64, digits int) float64 {
	p := math.Pow(10, float64(digits))
	scaled := x * p
	// nudge by the representation error of x, as Odoo does with its epsilon
	eps := math.Nextafter(math.Abs(scaled), math.Inf(1)) - math.Abs(scaled)
	if scaled >= 0 {
		return math.Floor(scaled+0.5+4*eps) / p
	}
	return -math.Floor(-scaled+0.5+4*eps) / p
}
