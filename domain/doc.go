// Package domain implements Odoo's search domains: the tree of conditions
// that Model.Search, record rules and FilteredDomain work with.
//
// # Reading and writing domains
//
// A domain pasted from Odoo reads as is:
//
//	d, err := domain.Parse(`[('name', 'ilike', 'acme'), '|',
//	    ('country_id.code', 'in', ['BE', 'DE']), ('parent_id', '=', False)]`)
//
// The result is a tree of Condition leaves (path, operator, value) under
// And, Or and Not nodes, with TRUE and FALSE as constants. d.String()
// prints it back in the same syntax, and Parse reads that text back to the
// same tree. Names such as uid or user.company_id.id are filled in with
// ParseWith and Vars; FromList reads the prefix list a Python caller would
// pass, and Of accepts whichever of these forms it is given.
//
// Domains can also be built in Go:
//
//	d := domain.AND(
//	    domain.Cond("name", domain.ILike, "acme"),
//	    domain.OR(domain.Cond("country_id.code", domain.In, []string{"BE", "DE"}),
//	        domain.Cond("parent_id", domain.Eq, false)),
//	)
//
// AND and OR flatten and simplify (TRUE and FALSE fold away), NOT pushes a
// negation down to the leaves with Odoo 18's rules, Normalize puts a tree
// in canonical form, and Transform rewrites its leaves — the ORM uses it to
// turn child_of into ('id', 'in', ids) before evaluating in memory.
//
// # Evaluating in memory
//
// Eval decides whether one Record satisfies a domain, with exactly the
// result of Odoo 18's SQL search, NULL handling included: an unset number
// counts as 0, an unset string as the empty string, an unset boolean as
// False; negative operators (!=, not like, not ilike, not in) match NULL; a
// dotted path a.b is "a is set and some a has b …", so records with an empty a never
// match it, while NOT of it does.
//
// Errors from parsing are *SyntaxError values carrying the byte offset of
// the fault; Eval reports unknown fields, impossible conversions, and
// ErrNeedsSearch for the conditions only the database can answer.
package domain
