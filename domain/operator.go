package domain

import "strings"

// Operator is the comparison operator of a Condition, spelled as in Odoo.
type Operator string

// The operators of Odoo 18 domains.
const (
	Eq       Operator = "="
	Ne       Operator = "!="
	Lt       Operator = "<"
	Le       Operator = "<="
	Gt       Operator = ">"
	Ge       Operator = ">="
	EqIfSet  Operator = "=?"
	EqLike   Operator = "=like"
	EqILike  Operator = "=ilike"
	Like     Operator = "like"
	NotLike  Operator = "not like"
	ILike    Operator = "ilike"
	NotILike Operator = "not ilike"
	In       Operator = "in"
	NotIn    Operator = "not in"
	ChildOf  Operator = "child_of"
	ParentOf Operator = "parent_of"
	Any      Operator = "any"
	NotAny   Operator = "not any"
)

// operators lists every valid operator in canonical spelling.
var operators = []Operator{Eq, Ne, Lt, Le, Gt, Ge, EqIfSet, EqLike, EqILike,
	Like, NotLike, ILike, NotILike, In, NotIn, ChildOf, ParentOf, Any, NotAny}

// negations maps each operator that has one to its negation (Odoo's
// TERM_OPERATORS_NEGATION, with any ↔ not any).
var negations = map[Operator]Operator{
	Eq: Ne, Ne: Eq, Lt: Ge, Ge: Lt, Gt: Le, Le: Gt,
	In: NotIn, NotIn: In, Like: NotLike, NotLike: Like,
	ILike: NotILike, NotILike: ILike, Any: NotAny, NotAny: Any,
}

// Canonical returns the operator in Odoo's canonical spelling: lower-cased,
// "<>" read as "!=". The result is not necessarily valid; see Valid.
func (op Operator) Canonical() Operator {
	c := Operator(strings.ToLower(string(op)))
	if c == "<>" {
		return Ne
	}
	return c
}

// Valid reports whether op, once made canonical, is an Odoo operator.
func (op Operator) Valid() bool {
	c := op.Canonical()
	for _, o := range operators {
		if o == c {
			return true
		}
	}
	return false
}

// Negation returns the operator matching exactly the records op does not
// match, and false when op has none (=?, =like, =ilike, child_of,
// parent_of).
func (op Operator) Negation() (Operator, bool) {
	n, ok := negations[op.Canonical()]
	return n, ok
}

// Negative reports whether op is one of Odoo's negative operators, those
// that also match NULL: !=, not like, not ilike, not in, not any.
func (op Operator) Negative() bool {
	switch op.Canonical() {
	case Ne, NotLike, NotILike, NotIn, NotAny:
		return true
	}
	return false
}

func isAnyOp(op Operator) bool {
	c := op.Canonical()
	return c == Any || c == NotAny
}
