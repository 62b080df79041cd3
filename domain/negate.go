package domain

import "strings"

// NOT returns the negation of d with the negation pushed down to the leaves,
// as Odoo 18's distribute_not does:
//
//	NOT(TRUE) = FALSE, NOT(FALSE) = TRUE
//	NOT(AND(a, b)) = OR(NOT(a), NOT(b)), NOT(OR(a, b)) = AND(NOT(a), NOT(b))
//	NOT(NOT(a)) = a
//	NOT((f, op, v)) = (f, negation of op, v)   for = != < <= > >= in like ilike any and their negations
//	NOT((f, op, v)) = Not{(f, op, v)}          for =? =like =ilike child_of parent_of
//	NOT(('a.b', op, v)) = ('a', 'not any', [('b', op, v)])
//	NOT(('a.p', op, v)) = Not{('a.p', op, v)}   for a number property p of a date
//
// The dotted-path rule reads a dotted path as the implicit "any" it is, so
// records with an empty a match the negation. A number property of a date
// or datetime ('day.month_number', named as Odoo's read_group number
// granularities) is no subfield, so its leaf stays whole. NOT(nil) is FALSE.
func NOT(d Domain) Domain {
	switch x := d.(type) {
	case nil:
		return FALSE
	case Bool:
		return !x
	case And:
		return OR(mapDomains(x, NOT)...)
	case Or:
		return AND(mapDomains(x, NOT)...)
	case Not:
		return x.Domain
	case Condition:
		return negateCondition(x)
	}
	return Not{d}
}

// negateCondition negates one leaf.
func negateCondition(c Condition) Domain {
	if head, rest, dotted := strings.Cut(c.Path, "."); dotted {
		if dateProperties[rest] {
			return Not{c}
		}
		sub := Condition{Path: rest, Operator: c.Operator, Value: c.Value}
		return Condition{Path: head, Operator: NotAny, Value: Domain(sub)}
	}
	if neg, ok := c.Operator.Negation(); ok {
		return Condition{Path: c.Path, Operator: neg, Value: c.Value}
	}
	return Not{c}
}

func mapDomains(ds []Domain, f func(Domain) Domain) []Domain {
	out := make([]Domain, len(ds))
	for i, d := range ds {
		out[i] = f(d)
	}
	return out
}

// dateProperties are the number properties of a date or datetime field
// (Odoo 18's read_group number granularities).
var dateProperties = map[string]bool{
	"year_number": true, "quarter_number": true, "month_number": true, "iso_week_number": true,
	"day_of_year": true, "day_of_month": true, "day_of_week": true, "hour_number": true,
	"minute_number": true, "second_number": true,
}
