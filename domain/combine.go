package domain

// AND returns the conjunction of ds, simplified:
//
//	AND() = TRUE
//	AND(…, TRUE, …) = AND(…, …)
//	AND(…, FALSE, …) = FALSE
//	AND(a, AND(b, c)) = AND(a, b, c)
//	AND(a) = a
//
// nil children count as TRUE. The result shares no slice with its input.
func AND(ds ...Domain) Domain {
	return combine(true, ds)
}

// OR returns the disjunction of ds, simplified symmetrically to AND:
// OR() = FALSE, FALSE children are dropped, a TRUE child makes the result
// TRUE, nested Or are flattened and a single child is returned as is. nil
// children count as FALSE.
func OR(ds ...Domain) Domain {
	return combine(false, ds)
}

// combine implements AND (unit true) and OR (unit false).
func combine(unit bool, ds []Domain) Domain {
	var out []Domain
	for _, d := range ds {
		kids, short := flatten(unit, d)
		if short {
			return Bool(!unit)
		}
		out = append(out, kids...)
	}
	switch len(out) {
	case 0:
		return Bool(unit)
	case 1:
		return out[0]
	}
	if unit {
		return And(out)
	}
	return Or(out)
}

// flatten returns the children d contributes to a combination with the
// given unit, and whether d is the combination's zero.
func flatten(unit bool, d Domain) (kids []Domain, zero bool) {
	switch x := d.(type) {
	case nil:
		return nil, false
	case Bool:
		return nil, bool(x) != unit
	case And:
		if unit {
			return flattenAll(unit, x)
		}
		return reflatten(unit, AND(x...))
	case Or:
		if !unit {
			return flattenAll(unit, x)
		}
		return reflatten(unit, OR(x...))
	}
	return []Domain{d}, false
}

func flattenAll(unit bool, ds []Domain) ([]Domain, bool) {
	var out []Domain
	for _, d := range ds {
		kids, zero := flatten(unit, d)
		if zero {
			return nil, true
		}
		out = append(out, kids...)
	}
	return out, false
}

// reflatten places the simplified child s of the other kind: a constant or a
// single child of this kind is flattened again, anything else is kept whole.
func reflatten(unit bool, s Domain) ([]Domain, bool) {
	switch s.(type) {
	case And:
		if !unit {
			return []Domain{s}, false
		}
	case Or:
		if unit {
			return []Domain{s}, false
		}
	}
	return flatten(unit, s)
}
