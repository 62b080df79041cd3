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

// SelectionAdd extends an inherited selection (Odoo's selection_add): new
// values are added after the existing ones; an item whose value exists is
// a position marker (and relabels it when it has a label): the new values
// listed before it are inserted before it. Added values get the ondelete
// policy "set null" unless SelectionOndelete says otherwise.
func (d *FieldDef) SelectionAdd(items ...SelectionItem) *FieldDef {
	return d.set(func(f *Field) { f.addSelection(items) })
}

// SelectionOndelete sets what happens to the records holding a value added
// by SelectionAdd when the value goes away: "set null", "cascade", "set
// default", or "set <value>". Checked at set-up.
func (d *FieldDef) SelectionOndelete(policies map[string]string) *FieldDef {
	return d.set(func(f *Field) {
		if f.SelectionOndelete == nil {
			f.SelectionOndelete = map[string]string{}
		}
		for k, v := range policies {
			f.SelectionOndelete[k] = v
		}
	})
}

func (f *Field) addSelection(items []SelectionItem) {
	labels := map[string]string{}
	old := make([]string, len(f.Selection))
	for i, it := range f.Selection {
		old[i], labels[it.Value] = it.Value, it.Label
	}
	add := make([]string, len(items))
	for i, it := range items {
		add[i] = it.Value
		if _, known := labels[it.Value]; !known {
			f.selectionAdded = append(f.selectionAdded, it.Value)
		}
		if it.Label != "" || labels[it.Value] == "" {
			labels[it.Value] = it.Label
		}
	}
	merged := mergeSequences(old, add)
	f.Selection = make([]SelectionItem, len(merged))
	for i, v := range merged {
		f.Selection[i] = SelectionItem{Value: v, Label: labels[v]}
	}
}

// mergeSequences merges sequences keeping the order of each, as Odoo's
// merge_sequences: each item depends on the one before it in every
// sequence, and items come out depth first in order of first appearance.
func mergeSequences(seqs ...[]string) []string {
	deps := map[string][]string{}
	var order []string
	for _, seq := range seqs {
		for i, it := range seq {
			if _, ok := deps[it]; !ok {
				order = append(order, it)
				deps[it] = nil
			}
			if i > 0 {
				deps[it] = append(deps[it], seq[i-1])
			}
		}
	}
	var out []string
	done := map[string]bool{}
	var visit func(string)
	visit = func(it string) {
		if done[it] {
			return
		}
		done[it] = true
		for _, d := range deps[it] {
			visit(d)
		}
		out = append(out, it)
	}
	for _, it := range order {
		visit(it)
	}
	return out
}

// checkSelectionOndelete checks the policies of added values: each is a
// known policy, "set default" needs a default, "set <v>" a known value, and
// a required field refuses "set null".
func (f *Field) checkSelectionOndelete() error {
	for _, v := range f.selectionAdded {
		p, ok := f.SelectionOndelete[v]
		if !ok {
			p = "set null"
			if f.SelectionOndelete == nil {
				f.SelectionOndelete = map[string]string{}
			}
			f.SelectionOndelete[v] = p
		}
		if err := f.checkPolicy(v, p); err != nil {
			return fmt.Errorf("orm: %s: ondelete policy %q of selection value %q: %v", f, p, v, err)
		}
	}
	return nil
}

func (f *Field) checkPolicy(value, p string) error {
	switch {
	case p == "set null":
		if f.Required {
			return fmt.Errorf("a required field needs another policy")
		}
	case p == "cascade":
	case p == "set default":
		if f.Default == nil {
			return fmt.Errorf("the field has no default")
		}
	case strings.HasPrefix(p, "set "):
		if target := strings.TrimPrefix(p, "set "); !f.HasSelectionValue(target) || target == value {
			return fmt.Errorf("%q is not another value of the selection", target)
		}
	default:
		return fmt.Errorf("unknown policy")
	}
	return nil
}
