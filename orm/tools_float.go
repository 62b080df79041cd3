package orm

import (
	"fmt"
	"math"
)

// Float helpers (Odoo's odoo.tools.float_utils) and Monetary rounding.

// Precision says how a float is rounded: to a number of decimals
// (PrecisionDigits) or to a multiple of a rounding step (PrecisionRounding,
// a currency's rounding).
type Precision struct {
	digits   int
	rounding float64 // 0: use digits
}

// PrecisionDigits rounds to n decimals.
func PrecisionDigits(n int) Precision { return Precision{digits: n} }

// PrecisionRounding rounds to a multiple of step (0.01, 0.05, 1000…).
func PrecisionRounding(step float64) Precision {
	if step <= 0 {
		panic(&ValidationError{ErrorInfo{Value: step, HasValue: true, Msg: "a rounding step must be positive"}})
	}
	return Precision{rounding: step}
}

// String prints the precision: "2 digits" or "rounding 0.05".
func (p Precision) String() string {
	if p.rounding > 0 {
		return fmt.Sprintf("rounding %g", p.rounding)
	}
	return fmt.Sprintf("%d digits", p.digits)
}

// step returns the rounding step.
func (p Precision) step() float64 {
	if p.rounding > 0 {
		return p.rounding
	}
	return math.Pow(10, -float64(p.digits))
}

// FloatRound rounds value half away from zero (Odoo's HALF-UP), after
// correcting the binary representation error: 2.675 → 2.68.
func FloatRound(value float64, p Precision) float64 {
	if p.rounding == 0 {
		return roundDigits(value, p.digits)
	}
	n := value / p.rounding
	sign := 1.0
	if n < 0 {
		sign, n = -1, -n
	}
	if n != 0 {
		n += math.Pow(2, math.Log2(n)-52) // one ulp of the normalized value
	}
	out := sign * math.Floor(n+0.5) * p.rounding
	return roundDigits(out, stepDigits(p.rounding))
}

// stepDigits is how many decimals a rounding step has (0.05 → 2).
func stepDigits(step float64) int {
	d := int(math.Ceil(-math.Log10(step) - 1e-9))
	return max(d, 0)
}

// FloatIsZero reports whether value rounds to zero at precision p.
func FloatIsZero(value float64, p Precision) bool {
	return math.Abs(FloatRound(value, p)) < p.step()
}

// FloatCompare compares a and b once rounded at precision p: -1, 0 or 1
// (0.1+0.2 and 0.3 are equal at 2 digits).
func FloatCompare(a, b float64, p Precision) int {
	delta := FloatRound(a, p) - FloatRound(b, p)
	switch {
	case FloatIsZero(delta, p):
		return 0
	case delta < 0:
		return -1
	}
	return 1
}

// currencyRounding returns the rounding step of a res.currency record.
func (e *Env) currencyRounding(id int64) float64 {
	return e.Sudo().Model("res.currency").Browse(id).Float("rounding")
}

// roundMonetaryRow rounds the Monetary values of a new row to the
// currency given in the same row, when there is one.
func (r Recordset) roundMonetaryRow(cols map[*Field]any) {
	for f, v := range cols {
		if f.Type != TypeMonetary || v == nil {
			continue
		}
		cur := r.model.Fields[f.CurrencyField]
		if cur == nil {
			continue
		}
		if id, ok := cols[cur].(int64); ok && id > 0 {
			cols[f] = FloatRound(v.(float64), PrecisionRounding(r.env.currencyRounding(id)))
		}
	}
}

// roundMonetaryWrite rounds the Monetary values written on r to their
// currency: the one written with them, else the records'. Records in
// several currencies cannot get one amount (Odoo's ValueError).
func (r Recordset) roundMonetaryWrite(cols map[*Field]any) {
	for f, v := range cols {
		if f.Type != TypeMonetary || v == nil {
			continue
		}
		cur := r.model.Fields[f.CurrencyField]
		if cur == nil {
			continue
		}
		id, ok := cols[cur].(int64)
		if _, given := cols[cur]; !given {
			currencies := r.Get(cur.Name).(Recordset)
			if currencies.Len() > 1 {
				panic(validationErr(r.model.Name, f.Name, v, "the records are in several currencies (%s): one amount cannot be written to all", currencies))
			}
			id, ok = currencies.ID(), currencies.Len() == 1
		}
		if ok && id > 0 {
			cols[f] = FloatRound(v.(float64), PrecisionRounding(r.env.currencyRounding(id)))
		}
	}
}
