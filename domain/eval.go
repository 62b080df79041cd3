package domain

import (
	"fmt"
	"strings"
)

// Eval reports whether record r satisfies d, giving the result Odoo 18's
// SQL search gives, NULLs included (see the rules in eval_scalar.go and
// eval_relational.go). Each leaf is read through NormalizeCondition. A
// dotted path ('a.b', op, v) is ('a', 'any', [('b', op, v)]): records with
// an empty a never match it, even for negative operators, except when a
// is a date or datetime and b one of its number properties (see
// evalDatePart).
//
// Errors: an unknown field (from r.Value, wrapped), a value that cannot be
// converted to the field's type, a malformed leaf, and ErrNeedsSearch
// (wrapped, naming the leaf) for child_of and parent_of, which need the
// database.
func Eval(d Domain, r Record) (bool, error) {
	switch x := d.(type) {
	case nil:
		return true, nil
	case Bool:
		return bool(x), nil
	case And:
		return evalAll(x, r, true)
	case Or:
		return evalAll(x, r, false)
	case Not:
		ok, err := Eval(x.Domain, r)
		return !ok, err
	case Condition:
		ok, err := evalCondition(NormalizeCondition(x), r)
		if err != nil {
			return false, fmt.Errorf("%w (in %s)", err, termString(x))
		}
		return ok, nil
	}
	return false, fmt.Errorf("domain: unknown domain node %T", d)
}

// evalAll evaluates an And (unit true) or an Or (unit false), stopping at
// the first child that decides.
func evalAll(ds []Domain, r Record, unit bool) (bool, error) {
	for _, d := range ds {
		ok, err := Eval(d, r)
		if err != nil {
			return false, err
		}
		if ok != unit {
			return !unit, nil
		}
	}
	return unit, nil
}

// evalCondition evaluates one normalized leaf.
func evalCondition(c Condition, r Record) (bool, error) {
	if !c.Operator.Valid() {
		return false, fmt.Errorf("domain: unknown operator %q", c.Operator)
	}
	if c.Operator == ChildOf || c.Operator == ParentOf {
		return false, ErrNeedsSearch
	}
	if head, rest, dotted := strings.Cut(c.Path, "."); dotted {
		sub := Condition{Path: rest, Operator: c.Operator, Value: c.Value}
		return evalAnyOf(r, head, c, sub)
	}
	v, err := fieldValue(r, c.Path)
	if err != nil {
		return false, err
	}
	if v.Kind.Relational() {
		return evalRelational(v, c)
	}
	return evalScalar(v.Kind, normValue(v.Scalar), c.Operator, c.Value)
}

// evalAnyOf reports whether some record of relational field fname satisfies
// sub, the rest of c's path; on a date or datetime field, c names one of
// its number properties.
func evalAnyOf(r Record, fname string, c Condition, sub Domain) (bool, error) {
	v, err := fieldValue(r, fname)
	if err != nil {
		return false, err
	}
	if v.Kind == KindDate || v.Kind == KindDatetime {
		return evalDatePart(r, c)
	}
	if !v.Kind.Relational() {
		return false, fmt.Errorf("domain: field %q is a %s, not relational: it has no subfields", fname, v.Kind)
	}
	return anyRecord(v.Records, sub)
}

func anyRecord(recs []Record, d Domain) (bool, error) {
	for _, rec := range recs {
		ok, err := Eval(d, rec)
		if err != nil || ok {
			return ok, err
		}
	}
	return false, nil
}

// fieldValue reads one field; "id" is the record's id.
func fieldValue(r Record, fname string) (Value, error) {
	if fname == "id" {
		return Value{Kind: KindID, Scalar: r.ID()}, nil
	}
	v, err := r.Value(fname)
	if err != nil {
		return Value{}, fmt.Errorf("domain: field %q: %w", fname, err)
	}
	return v, nil
}

// evalDatePart compares a number property of a date (Record.Value of
// "f.month_number") as an integer, except that an empty date has no parts:
// only negative and "= False" conditions match it (as Search does).
//
//	(f.p, op, n)  ⇔  p(f) op n and f is set   (op positive, n not False)
func evalDatePart(r Record, c Condition) (bool, error) {
	v, err := fieldValue(r, c.Path)
	if err != nil {
		return false, err
	}
	ok, err := evalScalar(KindInteger, normValue(v.Scalar), c.Operator, c.Value)
	if err != nil || v.Scalar != nil || c.Operator.Negative() || falsyCondition(c) {
		return ok, err
	}
	return false, nil
}

// falsyCondition reports whether c is "= False" or "in" a list holding False.
func falsyCondition(c Condition) bool {
	if c.Operator != Eq && c.Operator != In {
		return false
	}
	for _, v := range asList(c.Value) {
		if v == nil || v == false {
			return true
		}
	}
	return false
}
