package orm

import (
	"fmt"
	"strings"
)

// Computed and related fields.
//
// A computed field's value comes from its compute function, run on a batch
// of records (those of the prefetch set that lack the value). While it
// runs, the batch is "being computed": assigning the field on those
// records (rec.Set) stores the value in the cache instead of writing it.
// A non-stored computed value stays cached until one of its dependencies
// changes; the registry knows, for every field, which computed fields
// depend on it (dependents).

// setupDependencies checks every dependency path and related path, copies
// related attributes, and indexes the dependents of each field.
func (r *Registry) setupDependencies() error {
	r.dependents = map[*Field][]*Field{}
	for _, name := range r.names {
		m := r.models[name]
		for _, f := range m.FieldList {
			if f.Related != "" {
				if err := r.setupRelated(f); err != nil {
					return err
				}
			}
			for _, dep := range f.Depends {
				chain, err := r.resolvePath(m, dep)
				if err != nil {
					return fmt.Errorf("orm: %s: invalid dependency %q: %v", f, dep, err)
				}
				for _, g := range chain {
					r.dependents[g] = appendUnique(r.dependents[g], f)
				}
			}
			if f.Label == "" {
				f.Label = defaultLabel(f.Name)
			}
		}
	}
	return nil
}

func appendUnique(list []*Field, f *Field) []*Field {
	for _, x := range list {
		if x == f {
			return list
		}
	}
	return append(list, f)
}

// resolvePath returns the fields along a dotted path from m; every field
// but the last must be relational.
func (r *Registry) resolvePath(m *Model, path string) ([]*Field, error) {
	var chain []*Field
	cur := m
	segs := splitPath(path)
	for i, s := range segs {
		f := cur.Fields[s]
		if f == nil {
			return nil, fmt.Errorf("unknown field %s.%s", cur.Name, s)
		}
		chain = append(chain, f)
		if i < len(segs)-1 {
			if !f.Type.Relational() {
				return nil, fmt.Errorf("%s.%s is not relational", cur.Name, s)
			}
			cur = r.models[f.Comodel]
		}
	}
	return chain, nil
}

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
			v := rec.Get(f.Related)
			rec.WithEnv(rs.env).setComputed(f, v)
		}
	}
}

// computeDisplayName is the default display_name compute: the rec-name
// field's value, or "model,id" without one.
func computeDisplayName(rs Recordset) {
	m := rs.model
	for _, rec := range rs.Records() {
		if m.RecName == "" {
			rec.Set("display_name", fmt.Sprintf("%s,%d", m.Name, rec.ids[0]))
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

// computeValue computes f for id and the records of its prefetch set that
// lack it, then checks that every one was assigned.
func (r Recordset) computeValue(f *Field, id int64) {
	tx := r.env.tx
	ids := r.batch(f, id)
	batch := r.withIDs(ids)
	if f.ComputeSudo {
		batch = batch.Sudo()
	}
	prot := tx.computing[f]
	if prot == nil {
		prot = map[int64]bool{}
		tx.computing[f] = prot
	}
	for _, x := range ids {
		prot[x] = true
	}
	defer func() {
		for _, x := range ids {
			delete(prot, x)
		}
	}()
	func() {
		defer func() {
			if p := recover(); p != nil {
				panic(computeFailed(f, p))
			}
		}()
		f.Compute(batch)
	}()
	var unassigned []int64
	for _, x := range ids {
		if !tx.cache.has(f, x) {
			unassigned = append(unassigned, x)
		}
	}
	if len(unassigned) > 0 {
		panic(&ValidationError{ErrorInfo{Model: r.model.Name, Field: f.Name, IDs: unassigned,
			Msg: "the compute method did not assign a value to every record"}})
	}
}

// computeFailed names the field whose compute raised p.
func computeFailed(f *Field, p any) any {
	if e, ok := p.(Error); ok {
		info := e.Info()
		if !strings.Contains(info.Msg, "computing ") {
			info.Msg = fmt.Sprintf("computing %s: %s", f, info.Msg)
		}
		return e
	}
	return fmt.Errorf("orm: computing %s: %v", f, p)
}

// setComputed assigns a computed value in the cache (inside its compute).
func (r Recordset) setComputed(f *Field, v any) {
	var cv any
	if f.Type.X2many() {
		ids, err := toIDList(v)
		if err != nil {
			panic(validationErr(r.model.Name, f.Name, v, "%v", err))
		}
		cv = nonNil(ids)
	} else {
		cv = f.convertValue(v)
	}
	c := r.env.tx.cache
	for _, id := range r.ids {
		if f.Store {
			c.setDirty(f, id, cv)
		} else {
			c.set(f, id, cv)
		}
	}
}

// isComputing reports whether every record of r is being computed for f.
func (r Recordset) isComputing(f *Field) bool {
	prot := r.env.tx.computing[f]
	if len(prot) == 0 {
		return false
	}
	for _, id := range r.ids {
		if !prot[id] {
			return false
		}
	}
	return true
}

// modified invalidates the cached values of the computed fields that depend
// on the given fields of m (transitively).
func (tx *Transaction) modified(fields []*Field) {
	seen := map[*Field]bool{}
	var walk func(f *Field)
	walk = func(f *Field) {
		for _, g := range tx.reg.dependents[f] {
			if seen[g] {
				continue
			}
			seen[g] = true
			if !g.Store {
				tx.cache.invalidate(g, nil)
			}
			walk(g)
		}
	}
	for _, f := range fields {
		walk(f)
	}
}
