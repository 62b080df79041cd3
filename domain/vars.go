package domain

import (
	"fmt"
	"strings"
)

// Vars gives values to the names a domain text may use, as Odoo's
// evaluation context does for record rules and actions: "uid",
// "company_ids", "user". Values are the ones a Condition holds (Go integer
// kinds and slices are converted); a value may implement Attrer so that
// dotted names such as "user.company_id.id" can be resolved.
type Vars map[string]any

// Attrer is implemented by values whose attributes a domain text can read
// with a dotted name. Attr returns an error for an unknown attribute.
type Attrer interface {
	Attr(name string) (any, error)
}

// lookup resolves a possibly dotted name: the whole name first, else its
// first part followed by Attr for each further part.
func (vs Vars) lookup(name string) (any, error) {
	if v, ok := vs[name]; ok {
		return normValue(v), nil
	}
	parts := strings.Split(name, ".")
	v, ok := vs[parts[0]]
	if !ok {
		return nil, fmt.Errorf("unknown name %q", parts[0])
	}
	for i, attr := range parts[1:] {
		a, ok := v.(Attrer)
		if !ok {
			return nil, fmt.Errorf("%q has no attribute %q", strings.Join(parts[:i+1], "."), attr)
		}
		var err error
		if v, err = a.Attr(attr); err != nil {
			return nil, fmt.Errorf("%s.%s: %w", strings.Join(parts[:i+1], "."), attr, err)
		}
	}
	return normValue(v), nil
}
