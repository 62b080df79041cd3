package orm

import "fmt"

// Related fields and the default display_name.

// setupRelated checks a related field's path and copies the target's
// attributes that the field does not set itself.
func (r *Registry) setupRelated(f *Field) error {
	chain, err := r.resolvePath(f.Model, f.Related)
	if err != nil {
		return fmt.Errorf("orm: %s: invalid related path %q: %v", f, f.Related, err)
	}
	target := chain[len(chain)-1]
	if target.Type != f.Type {
		return fmt.Errorf("orm: %s: related field is %v but %s is %v", f, f.Type, target, target.Type)
	}
	f.Depends = []string{f.Related}
	f.Compute = computeRelated(f)
	if f.labelDefault && target.Label != "" {
		f.Label = target.Label
	}
	f.Help = firstNonEmpty(f.Help, target.Help)
	if len(f.Selection) == 0 {
		f.Selection, f.SelectionFunc = target.Selection, target.SelectionFunc
	}
	if !f.HasDigits {
		f.Digits, f.HasDigits = target.Digits, target.HasDigits
	}
	if f.Comodel == "" {
		f.Comodel = target.Comodel
	}
	f.Size = max(f.Size, target.Size)
	return nil
}

// computeRelated returns the compute of a related field: follow the path.
func computeRelated(f *Field) ComputeFunc {
	return func(rs Recordset) {
		src := rs
		if f.ComputeSudo {
			src = rs.Sudo()
		}
		for _, rec := range src.Records() {
			v := relatedValue(rec, f.Related)
			rec.WithEnv(rs.env).setComputed(f, v)
		}
	}
}

// relatedValue follows a related path from one record as Odoo's
// _compute_related: each step before the last keeps the first record of
// its value, so a path through an x2many reads its first line.
func relatedValue(rec Recordset, path string) any {
	segs := splitPath(path)
	cur := rec
	for _, name := range segs[:len(segs)-1] {
		next, ok := cur.getField(name).(Recordset)
		if !ok {
			panic(fieldErr(cur.model.Name, name, "%q is not a relational field: cannot follow path %q", name, path))
		}
		if next.Len() > 1 {
			next = next.Slice(0, 1)
		}
		cur = next
	}
	return cur.getField(segs[len(segs)-1])
}

// computeDisplayName is the default display_name compute: the rec-name
// field's value, or "model,id" without one.
func computeDisplayName(rs Recordset) {
	m := rs.model
	for _, rec := range rs.Records() {
		if m.RecName == "" {
			rec.Set("display_name", fmt.Sprintf("%s,%d", m.Name, rec.idList()[0]))
			continue
		}
		switch v := rec.Get(m.RecName).(type) {
		case Recordset:
			rec.Set("display_name", v.DisplayName())
		case nil:
			rec.Set("display_name", nil)
		case string:
			rec.Set("display_name", v)
		default:
			rec.Set("display_name", fmt.Sprint(v))
		}
	}
}
