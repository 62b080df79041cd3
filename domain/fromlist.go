package domain

import "fmt"

// FromList reads a domain given as Odoo's prefix list in Go values, as a
// Python caller would write it:
//
//	domain.FromList([]any{"|", []any{"a", "=", 1}, []any{"b", "in", []any{1, 2}}})
//
// Leaves are []any triples (any Go slice or array works), prefix operators
// are the strings "&", "|", "!", and a Domain may stand for a term. The
// checks and the result are those of Parse; errors are *SyntaxError with
// Pos -1 whose message names the offending top-level term. An empty list is
// TRUE.
func FromList(list []any) (Domain, error) {
	items := make([]*node, len(list))
	for i, x := range list {
		items[i] = valueNode(x, i)
	}
	return builder{fromList: true}.domain(items)
}

// Of converts the usual ways of giving a domain to a Domain: a Domain is
// returned as is, a string is parsed (Parse), a []any or another slice is
// read by FromList, and nil is TRUE.
func Of(x any) (Domain, error) {
	switch v := x.(type) {
	case nil:
		return TRUE, nil
	case Domain:
		return v, nil
	case string:
		return Parse(v)
	case []any:
		return FromList(v)
	}
	if list, ok := normValue(x).([]any); ok {
		return FromList(list)
	}
	return nil, fmt.Errorf("domain: cannot make a domain of %T", x)
}
