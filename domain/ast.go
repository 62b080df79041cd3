package domain

import (
	"reflect"
	"time"
)

// Domain is one node of a search domain: a Condition, an And, an Or, a Not
// or a Bool. String prints the node in Odoo's literal syntax, which Parse
// reads back. The set of implementations is closed.
type Domain interface {
	String() string
	isDomain()
}

// Condition is one leaf of a domain, Odoo's triple (path, operator, value).
// Path names a field and may be dotted ("partner_id.country_id.code"); a
// dotted path is read as nested "any" conditions. Value holds nil, bool,
// int64, float64, string, time.Time, []any (Odoo lists and tuples) or, for
// Any and NotAny, a Domain.
type Condition struct {
	Path     string
	Operator Operator
	Value    any
}

// And is the conjunction of its children; an empty And is TRUE.
type And []Domain

// Or is the disjunction of its children; an empty Or is FALSE.
type Or []Domain

// Not is the negation of Domain. NOT pushes negations down to the leaves,
// so a Not survives only around operators that have no negation.
type Not struct{ Domain Domain }

// Bool is a constant domain: TRUE matches every record, FALSE none. Odoo
// writes them as the leaves (1, '=', 1) and (0, '=', 1).
type Bool bool

// TRUE and FALSE are the constant domains.
var (
	TRUE  = Bool(true)
	FALSE = Bool(false)
)

func (Condition) isDomain() {}
func (And) isDomain()       {}
func (Or) isDomain()        {}
func (Not) isDomain()       {}
func (Bool) isDomain()      {}

// Cond builds a Condition. Go integers of any kind become int64, float32
// becomes float64, slices and arrays become []any, and for Any and NotAny a
// list value is read as a domain (as FromList does) when it is one.
func Cond(path string, op Operator, value any) Condition {
	v := normValue(value)
	if isAnyOp(op) {
		if list, ok := v.([]any); ok {
			if d, err := FromList(list); err == nil {
				v = d
			}
		}
	}
	return Condition{Path: path, Operator: op, Value: v}
}

// normValue converts a Go value to the value kinds a Condition holds.
func normValue(v any) any {
	switch x := v.(type) {
	case nil, bool, int64, float64, string, time.Time, Domain:
		return v
	case []any:
		return normList(x)
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return rv.Int()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return int64(rv.Uint())
	case reflect.Float32, reflect.Float64:
		return rv.Float()
	case reflect.Bool:
		return rv.Bool()
	case reflect.String:
		return rv.String()
	case reflect.Slice, reflect.Array:
		if rv.Kind() == reflect.Slice && rv.IsNil() {
			return []any{}
		}
		out := make([]any, rv.Len())
		for i := range out {
			out[i] = normValue(rv.Index(i).Interface())
		}
		return out
	}
	return v
}

func normList(list []any) []any {
	out := make([]any, len(list))
	for i, x := range list {
		out[i] = normValue(x)
	}
	return out
}
