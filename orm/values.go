package orm

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Values maps field names to values, as Odoo's vals dictionaries: the input
// of Create and Write and the output of Read.
//
// Example:
//
//	vals := orm.Values{"name": "Acme", "country_id": env.Ref("base.be").ID()}
//	env.Model("res.partner").Create(vals)
type Values map[string]any

// Ctx is an environment's context (Odoo's env.context): language, timezone,
// active_test, default_<field> keys, and anything a caller passes along.
type Ctx map[string]any

// Keys returns the sorted keys of v.
func (v Values) Keys() []string {
	keys := make([]string, 0, len(v))
	for k := range v {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// String prints the values sorted by key: {city: "Liège", name: "Acme"}.
func (v Values) String() string {
	var b strings.Builder
	b.WriteString("{")
	for i, k := range v.Keys() {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s: %s", k, formatAny(v[k]))
	}
	b.WriteString("}")
	return b.String()
}

func formatAny(x any) string {
	switch y := x.(type) {
	case nil:
		return "nil"
	case string:
		return fmt.Sprintf("%q", y)
	case fmt.Stringer:
		return y.String()
	default:
		return fmt.Sprintf("%v", y)
	}
}

// with returns a copy of c with the given keys merged in.
func (c Ctx) with(extra Ctx) Ctx {
	out := make(Ctx, len(c)+len(extra))
	for k, v := range c {
		out[k] = v
	}
	for k, v := range extra {
		out[k] = v
	}
	return out
}

// Bool reads a boolean key, with a default for an absent key.
func (c Ctx) Bool(key string, def bool) bool {
	v, ok := c[key]
	if !ok || v == nil {
		return def
	}
	switch b := v.(type) {
	case bool:
		return b
	case int:
		return b != 0
	case int64:
		return b != 0
	case string:
		// Odoo reads any non-empty string as true ("false" included);
		// reading it as false instead would make "false" and "no"
		// differ silently: a string is refused
		panic(&ValidationError{ErrorInfo{Msg: fmt.Sprintf("context key %q must be a bool, not the string %q: write orm.Ctx{%q: %s} "+
			"(Odoo reads any non-empty string as true)", key, b, key, strconv.FormatBool(!def)), Value: b, HasValue: true}})
	}
	return true
}

// Str reads a string key ("" when absent).
func (c Ctx) Str(key string) string {
	s, _ := c[key].(string)
	return s
}
