package modeldoc

import (
	"fmt"
	"strings"

	"odsh/orm"
)

// UnknownModelError is a model name the registry does not know.
type UnknownModelError struct {
	Name       string
	Suggestion string // the closest model name, or ""
}

// Error returns `unknown model "res.partnr" (did you mean "res.partner"?)`.
func (e *UnknownModelError) Error() string {
	if e.Suggestion == "" {
		return fmt.Sprintf("unknown model %q", e.Name)
	}
	return fmt.Sprintf("unknown model %q (did you mean %q?)", e.Name, e.Suggestion)
}

// lookup returns the named model or an *UnknownModelError proposing the
// closest name: a few edits away, else the one model whose name ends with
// the given one ("partner" → "res.partner").
func lookup(reg *orm.Registry, name string) (*orm.Model, error) {
	if m := reg.Model(name); m != nil {
		return m, nil
	}
	err := &UnknownModelError{Name: name, Suggestion: reg.ClosestModel(name)}
	if err.Suggestion == "" && name != "" {
		var found []string
		for _, n := range reg.Models() {
			if strings.HasSuffix(n, "."+name) {
				found = append(found, n)
			}
		}
		if len(found) == 1 {
			err.Suggestion = found[0]
		}
	}
	return nil, err
}
