package domain

// Transform rebuilds d with every Condition replaced by f's result, keeping
// And, Or and Not nodes and simplifying them with AND, OR and NOT (so a leaf
// rewritten to TRUE or FALSE folds away). Conditions nested as the value of
// any/not any are not visited: f decides what to do with them. The first
// error f returns stops the walk and is returned as is.
func Transform(d Domain, f func(Condition) (Domain, error)) (Domain, error) {
	switch x := d.(type) {
	case Condition:
		return f(x)
	case And:
		kids, err := transformAll(x, f)
		if err != nil {
			return nil, err
		}
		return AND(kids...), nil
	case Or:
		kids, err := transformAll(x, f)
		if err != nil {
			return nil, err
		}
		return OR(kids...), nil
	case Not:
		kid, err := Transform(x.Domain, f)
		if err != nil {
			return nil, err
		}
		return notKeep(kid), nil
	}
	return d, nil
}

func transformAll(ds []Domain, f func(Condition) (Domain, error)) ([]Domain, error) {
	out := make([]Domain, len(ds))
	for i, d := range ds {
		t, err := Transform(d, f)
		if err != nil {
			return nil, err
		}
		out[i] = t
	}
	return out, nil
}

// notKeep negates d without distributing: constants and double negations
// fold, anything else gets a Not node.
func notKeep(d Domain) Domain {
	switch x := d.(type) {
	case Bool:
		return !x
	case Not:
		return x.Domain
	}
	return Not{d}
}
