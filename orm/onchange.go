package orm

import "reflect"

// Onchange: what a form shows after the user changes one field.
//
// The values of the form become a new record (one made from the record
// being edited, if any). Its fields are read once (snapshot), the changed
// field is assigned, which invalidates what depends on it, then the
// model's onchange functions for that field run, and for every field they
// change in turn. A second snapshot, compared to the first, gives the
// values to show. Nothing is written: new records live in the cache only.

// OnchangeFunc reacts to a change of a field on a new record: it assigns
// other fields with rec.Set and may return a warning ("" for none).
type OnchangeFunc func(rec Recordset) (warning string)

// Onchange returns the values that change when changedField takes its
// value in values (the form's current values), and the warnings of the
// onchange functions. Call it on the model (a new record) or on the record
// being edited. Relational values are shaped as Odoo 17+ returns them: a
// many2one as Values{"id": …, "display_name": …} (nil when empty), an
// x2many as its ids ([]int64; new lines have negative ids). It writes
// nothing.
func (r Recordset) Onchange(values Values, changedField string) (changed Values, warnings []string) {
	r.check()
	r.model.mustField(changedField)
	init := copyValues(values)
	delete(init, changedField)
	var rec Recordset
	if r.Len() == 1 && !r.IsNew() {
		rec = r.newRecords([]Values{init}, r.idList()[0])
	} else {
		rec = r.Browse().New(init)
	}
	defer r.env.tx.dropNew(rec)
	names := r.model.formFields()
	before := rec.snapshot(names)
	rec.Set(changedField, values[changedField])
	warnings = rec.runOnchanges(changedField, names, before)
	after := rec.snapshot(names)
	changed = Values{}
	for _, n := range names {
		if n != changedField && !reflect.DeepEqual(before[n], after[n]) {
			changed[n] = onchangeValue(rec.model.Fields[n], rec.Get(n))
		}
	}
	return changed, warnings
}

// onchangeValue shapes a value for Onchange's result: a many2one as
// {id, display_name} or nil, an x2many as its ids.
func onchangeValue(f *Field, v any) any {
	rs, ok := v.(Recordset)
	if !ok {
		return v
	}
	if f.Type == TypeMany2one {
		if rs.Len() == 0 {
			return nil
		}
		return Values{"id": rs.idList()[0], "display_name": rs.DisplayName()}
	}
	return append([]int64{}, rs.idList()...)
}

// runOnchanges runs the onchange functions of field, then those of every
// field they change, each once.
func (rec Recordset) runOnchanges(field string, names []string, before map[string]any) []string {
	funcs := rec.env.tx.reg.deps.onchanges[rec.model]
	var warnings []string
	ran := map[string]bool{}
	todo := []string{field}
	for len(todo) > 0 {
		name := todo[0]
		todo = todo[1:]
		if ran[name] || len(funcs[name]) == 0 {
			continue
		}
		ran[name] = true
		for _, fn := range funcs[name] {
			if w := fn(rec); w != "" {
				warnings = append(warnings, w)
			}
		}
		now := rec.snapshot(names)
		for _, n := range names {
			if !ran[n] && len(funcs[n]) > 0 && !reflect.DeepEqual(before[n], now[n]) {
				todo = append(todo, n)
			}
		}
	}
	return warnings
}

// formFields are the fields a form shows: all but the magic ones.
func (m *Model) formFields() []string {
	var out []string
	for _, f := range m.FieldList {
		if f.Name != "id" && !logAccessFields[f.Name] {
			out = append(out, f.Name)
		}
	}
	return out
}

// snapshot reads the fields of a new record, relational values as ids.
func (rec Recordset) snapshot(names []string) map[string]any {
	out := make(map[string]any, len(names))
	for _, n := range names {
		v := rec.Get(n)
		if rs, ok := v.(Recordset); ok {
			v = rs.IDs()
		}
		out[n] = v
	}
	return out
}

// setupOnchanges collects every model's onchange functions from its
// definitions and those of its prototype parents, parents first.
func (idx *dependencyIndex) setupOnchanges(r *Registry) {
	idx.onchanges = map[*Model]map[string][]OnchangeFunc{}
	for _, name := range r.names {
		out := map[string][]OnchangeFunc{}
		r.collectOnchanges(name, out, map[string]bool{})
		if len(out) > 0 {
			idx.onchanges[r.models[name]] = out
		}
	}
}

func (r *Registry) collectOnchanges(name string, out map[string][]OnchangeFunc, seen map[string]bool) {
	if seen[name] {
		return
	}
	seen[name] = true
	for _, layer := range r.layers[name] {
		for _, p := range layer.Inherit {
			if p != name {
				r.collectOnchanges(p, out, seen)
			}
		}
		for _, field := range sortedKeys(layer.Onchanges) {
			out[field] = append(out[field], layer.Onchanges[field])
		}
	}
}
