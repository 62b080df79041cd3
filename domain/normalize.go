package domain

// Normalize returns d in canonical form, so that two domains that read the
// same compare equal with reflect.DeepEqual:
//
//   - And and Or are flattened, their units dropped, their zeros absorbing,
//     a single child stands alone (AND and OR);
//   - Not(TRUE) = FALSE, Not(Not(a)) = a; other Not nodes stay (use NOT to
//     push negations down);
//   - each Condition goes through NormalizeCondition.
//
// Normalize is idempotent and never fails: a malformed leaf is left for Eval
// or the ORM to refuse.
func Normalize(d Domain) Domain {
	out, _ := Transform(d, func(c Condition) (Domain, error) {
		return NormalizeCondition(c), nil
	})
	if out == nil {
		return TRUE
	}
	return out
}

// NormalizeCondition puts one leaf in canonical form, as Odoo's
// normalize_leaf does:
//
//	operator lower-cased, '<>' → '!='
//	(f, 'in', bool) → (f, '=', bool), (f, 'not in', bool) → (f, '!=', bool)
//	(f, '=', list) → (f, 'in', list), (f, '!=', list) → (f, 'not in', list)
//
// Values are converted as Cond does (Go integers → int64, slices → []any),
// and the domain value of any/not any is normalized too.
func NormalizeCondition(c Condition) Condition {
	c = Cond(c.Path, c.Operator.Canonical(), c.Value)
	switch v := c.Value.(type) {
	case bool:
		c.Operator = rewrite(c.Operator, In, Eq, NotIn, Ne)
	case []any:
		c.Operator = rewrite(c.Operator, Eq, In, Ne, NotIn)
	case Domain:
		if isAnyOp(c.Operator) {
			c.Value = Normalize(v)
		}
	}
	return c
}

// rewrite maps op through the pairs (from, to, from, to, …).
func rewrite(op Operator, pairs ...Operator) Operator {
	for i := 0; i+1 < len(pairs); i += 2 {
		if op == pairs[i] {
			return pairs[i+1]
		}
	}
	return op
}
