package domain

import "fmt"

// evalRelational evaluates a relational condition as Odoo 18 searches it. rel is the set
// of related records (at most one for a many2one):
//
//	(f, 'any', D)       ⇔  some r in rel satisfies D
//	(f, 'not any', D)   ⇔  no r in rel satisfies D (an empty f matches)
//	(m2o, op, ids)      ⇔  the id column compared as an integer (NULL when empty)
//	(x2m, 'in', ids)    ⇔  some r in rel has an id in ids (or rel is empty, if ids holds False)
//	(x2m, 'not in', ids)⇔  no r in rel has an id in ids (and rel is not empty, if ids holds False)
//	(f, op, name)       ⇔  some r in rel has name op name          (op positive)
//	(f, op, name)       ⇔  no r in rel has name (negation of op) name  (op negative)
//
// where "r has name op v" is r's NameDomain(op, v) when r is a
// NameSearcher that gives one (its model's name fields, OR-ed), else its
// display name op v: = compares exactly, ilike as a substring without
// case. <, <=, >, >= with a name act as = (Odoo's name_search quirk).
func evalRelational(v Value, c Condition) (bool, error) {
	switch {
	case c.Operator == Any || c.Operator == NotAny:
		return evalAny(v.Records, c)
	case ByName(c.Operator, c.Value):
		return evalByName(v, c)
	case v.Kind == KindMany2one:
		return evalScalar(KindMany2one, many2oneID(v.Records), c.Operator, c.Value)
	}
	return evalX2manyIDs(v.Records, c)
}

func evalAny(recs []Record, c Condition) (bool, error) {
	sub, err := Of(c.Value)
	if err != nil {
		return false, fmt.Errorf("domain: %q needs a domain: %w", c.Operator, err)
	}
	found, err := anyRecord(recs, sub)
	return found == (c.Operator == Any), err
}

// ByName reports whether a condition on a relational field compares
// display names rather than ids: the value is a string or a non-empty list
// of strings, or op is of the like family.
func ByName(op Operator, value any) bool {
	switch op {
	case Like, ILike, NotLike, NotILike, EqLike, EqILike:
		return true
	}
	switch x := value.(type) {
	case string:
		return true
	case []any:
		for _, it := range x {
			if _, ok := it.(string); !ok {
				return false
			}
		}
		return len(x) > 0
	}
	return false
}

// evalByName implements the name_search forms.
func evalByName(v Value, c Condition) (bool, error) {
	op := nameOperator(c.Operator, c.Value)
	if !op.Negative() {
		return anyName(v.Records, op, c.Value)
	}
	pos, _ := op.Negation()
	found, err := anyName(v.Records, pos, c.Value)
	return !found, err
}

// nameOperator adapts the operator as Odoo's many2one name search does:
// inequalities become 'in', and in/= follow the shape of the value.
func nameOperator(op Operator, value any) Operator {
	if op == Lt || op == Le || op == Gt || op == Ge {
		op = In
	}
	_, isList := value.([]any)
	switch {
	case isList:
		return rewrite(op, Eq, In, Ne, NotIn)
	default:
		return rewrite(op, In, Eq, NotIn, Ne)
	}
}

// anyName reports whether some record's name satisfies (op, value).
func anyName(recs []Record, op Operator, value any) (bool, error) {
	for _, rec := range recs {
		ok, err := hasName(rec, op, value)
		if err != nil || ok {
			return ok, err
		}
	}
	return false, nil
}

// hasName reports whether rec's name satisfies (op, value): its NameDomain,
// or its display name.
func hasName(rec Record, op Operator, value any) (bool, error) {
	if ns, ok := rec.(NameSearcher); ok {
		if d := ns.NameDomain(op, value); d != nil {
			return Eval(d, rec)
		}
	}
	return evalScalar(KindChar, rec.DisplayName(), op, value)
}

func many2oneID(recs []Record) any {
	if len(recs) == 0 {
		return nil
	}
	return recs[0].ID()
}

// evalX2manyIDs implements x2many conditions on ids.
func evalX2manyIDs(recs []Record, c Condition) (bool, error) {
	op := c.Operator
	switch op {
	case Eq, In, Ne, NotIn, EqIfSet:
	case Lt, Le, Gt, Ge:
		return anyID(recs, op, c.Value)
	default:
		return false, fmt.Errorf("domain: operator %q is not supported on a one2many/many2many with ids", op)
	}
	if op == EqIfSet {
		if c.Value == nil || c.Value == false {
			return true, nil
		}
		op = Eq
	}
	list := asList(c.Value)
	if len(list) == 0 {
		return op == Ne || op == NotIn, nil
	}
	ids, nullIn, err := inParams(KindID, list)
	if err != nil {
		return false, err
	}
	hit := hasID(recs, ids) || (nullIn && len(recs) == 0)
	return hit == (op == Eq || op == In), nil
}

func hasID(recs []Record, ids []any) bool {
	for _, rec := range recs {
		if contains(ids, rec.ID()) {
			return true
		}
	}
	return false
}

// anyID reports whether some related record's id satisfies (op, value).
func anyID(recs []Record, op Operator, value any) (bool, error) {
	for _, rec := range recs {
		ok, err := evalScalar(KindID, rec.ID(), op, value)
		if err != nil || ok {
			return ok, err
		}
	}
	return false, nil
}
