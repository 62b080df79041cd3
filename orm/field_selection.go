package orm

import (
	"fmt"
	"strings"
)

// selectionKind serves Selection fields: a varchar holding one of the keys.
type selectionKind struct{}

func (selectionKind) sqlType(*Field) string       { return "varchar" }
func (selectionKind) empty(*Field) any            { return nil }
func (selectionKind) fromDB(_ *Field, v any) any  { return v }
func (selectionKind) text(_ *Field, v any) string { return v.(string) }

// convert validates a static selection's keys; a selection given by a
// function is not validated, as in Odoo.
func (selectionKind) convert(f *Field, v any) (any, error) {
	switch x := v.(type) {
	case nil:
		return nil, nil
	case bool:
		if !x {
			return nil, nil
		}
	case string:
		if f.SelectionFunc != nil || f.HasSelectionValue(x) {
			return x, nil
		}
		return nil, fmt.Errorf("not a valid selection value; expected one of %s", f.selectionKeys())
	}
	return nil, fmt.Errorf("expected a selection key (string), got %T", v)
}

// HasSelectionValue reports whether key is one of a static selection's values.
func (f *Field) HasSelectionValue(key string) bool {
	for _, it := range f.Selection {
		if it.Value == key {
			return true
		}
	}
	return false
}

func (f *Field) selectionKeys() string {
	keys := make([]string, len(f.Selection))
	for i, it := range f.Selection {
		keys[i] = fmt.Sprintf("%q", it.Value)
	}
	return strings.Join(keys, ", ")
}

// SelectionLabel returns the label of a selection key (the key itself when
// unknown).
func (f *Field) SelectionLabel(env *Env, key string) string {
	items := f.Selection
	if f.SelectionFunc != nil && env != nil {
		items = f.SelectionFunc(env)
	}
	for _, it := range items {
		if it.Value == key {
			return it.Label
		}
	}
	return key
}
