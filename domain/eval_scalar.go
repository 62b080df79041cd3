package domain

import "fmt"

// Scalar conditions, evaluated as the SQL Odoo 18 generates for them
// (Field._condition_to_sql). z is the kind's falsy value (falsyValue), which
// a NULL column is taken to hold:
//
//	f = v        ⇔  f in [v]                    f != v  ⇔  f not in [v]
//	f in L       ⇔  f ∈ L' or (f is NULL and N)
//	f not in L   ⇔  f ∉ L' and not (f is NULL and N), when N
//	             ⇔  f ∉ L' or f is NULL,                otherwise
//	  where L' is L without False/None (plus z when L held one), and N says
//	  whether L held False/None or z
//	f in []      ⇔  FALSE                      f not in []  ⇔  TRUE
//	f =? v       ⇔  v is False/None, or f = v
//	f like v     ⇔  f::text LIKE '%v%'  (ilike: case-insensitive); TRUE when v is falsy
//	f not like v ⇔  f::text NOT LIKE '%v%' or f is NULL; FALSE when v is falsy
//	f =like v    ⇔  f::text LIKE 'v'
//	f < v        ⇔  f < v' or (f is NULL and z < v'), v' = (v converted) or z
func evalScalar(k Kind, s any, op Operator, value any) (bool, error) {
	stored, err := storedScalar(k, s)
	if err != nil {
		return false, err
	}
	if k == KindBinary && !(op == Eq || op == Ne || op == EqIfSet) {
		return false, fmt.Errorf("domain: operator %q is not supported on binary fields", op)
	}
	switch op {
	case EqIfSet:
		if value == nil || value == false {
			return true, nil
		}
		return evalIn(k, stored, In, []any{value})
	case Eq, In:
		return evalIn(k, stored, In, asList(value))
	case Ne, NotIn:
		return evalIn(k, stored, NotIn, asList(value))
	case Like, ILike, NotLike, NotILike, EqLike, EqILike:
		return evalLike(k, stored, op, value)
	case Lt, Le, Gt, Ge:
		return evalInequality(k, stored, op, value)
	}
	return false, fmt.Errorf("domain: operator %q needs a relational field, not a %s", op, k)
}

// asList reads the value of in/not in; a single value is a list of one.
func asList(v any) []any {
	if list, ok := v.([]any); ok {
		return list
	}
	return []any{v}
}

// evalIn implements in and not in (and so = and !=).
func evalIn(k Kind, s any, op Operator, list []any) (bool, error) {
	if len(list) == 0 {
		return op == NotIn, nil
	}
	params, nullIn, err := inParams(k, list)
	if err != nil {
		return false, err
	}
	if s == nil {
		return nullIn == (op == In), nil
	}
	found := contains(params, s)
	if op == In {
		return found, nil
	}
	return !found, nil
}

// inParams converts the items of an in-list to the column type, dropping
// False/None, and says whether NULL is part of the list.
func inParams(k Kind, list []any) ([]any, bool, error) {
	var params []any
	for _, it := range list {
		if it == nil || it == false {
			continue
		}
		p, err := toColumn(k, it, dayStart)
		if err != nil {
			return nil, false, err
		}
		params = append(params, p)
	}
	nullIn := len(params) < len(list)
	if z, ok := falsyValue(k); ok {
		if contains(params, z) {
			nullIn = true
		} else if nullIn {
			params = append(params, z)
		}
	}
	return params, nullIn, nil
}

func contains(list []any, v any) bool {
	for _, x := range list {
		if c, ok := compare(v, x); ok && c == 0 {
			return true
		}
	}
	return false
}

// evalLike implements the like family on the text of the column.
func evalLike(k Kind, s any, op Operator, value any) (bool, error) {
	negative := op == NotLike || op == NotILike
	if (value == nil || value == false || value == "") && op != EqLike && op != EqILike {
		return !negative, nil // (f, 'ilike', '') is TRUE, (f, 'not ilike', '') FALSE
	}
	if s == nil {
		return negative, nil
	}
	pattern := pyStr(value)
	if op != EqLike && op != EqILike {
		pattern = "%" + pattern + "%"
	}
	insensitive := op == ILike || op == NotILike || op == EqILike
	ok, err := matchLike(pgText(k, s), pattern, insensitive)
	return ok != negative, err
}

// evalInequality implements <, <=, > and >=.
func evalInequality(k Kind, s any, op Operator, value any) (bool, error) {
	bound := dayStart
	if op == Gt || op == Le {
		bound = dayEnd
	}
	z, hasZ := falsyValue(k)
	if _, isText := z.(string); isText {
		hasZ = false // Odoo 18 does not count NULL as '' here
	}
	var v any
	if value != nil && value != false {
		var err error
		if v, err = toColumn(k, value, bound); err != nil {
			return false, err
		}
	}
	if hasZ && !truthy(v) {
		v = z
	}
	if v == nil {
		return false, nil // f < NULL
	}
	if s == nil {
		s = z
		if !hasZ {
			return false, nil
		}
	}
	c, ok := compare(s, v)
	return ok && holds(op, c), nil
}

// holds applies an inequality operator to a comparison result.
func holds(op Operator, c int) bool {
	switch op {
	case Lt:
		return c < 0
	case Le:
		return c <= 0
	case Gt:
		return c > 0
	case Ge:
		return c >= 0
	}
	return c == 0
}
