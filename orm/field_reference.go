package orm

// Pseudo-relational fields: no foreign key, the database only holds a
// string or an id.
//
// A Reference is a varchar "model,id" whose model is one of the field's
// selection (a Reference is a Selection of model names, as in Odoo). Get
// returns the record, or an empty recordset when the value is unset or the
// record was deleted (Odoo's convert_to_cache drops references to records
// that no longer exist); Read returns "model,id", or nil.
//
// A Many2oneReference is an int4 id whose model name is the value of
// another field of the record (ModelField, a Char). Get returns the
// record; Read returns the id, as Odoo's integer.

import (
	"fmt"
	"strconv"
	"strings"
)

// Reference declares a Reference field to records of the given models.
func Reference(name string, models ...string) *FieldDef {
	d := newDef(name, TypeReference)
	if len(models) > 0 {
		items := make([]SelectionItem, len(models))
		for i, m := range models {
			items[i] = SelectionItem{Value: m}
		}
		d.set(func(f *Field) { f.Selection = items })
	}
	return d
}

// Many2oneReference declares a Many2oneReference field: the id of a record
// of the model named by the Char field modelField.
func Many2oneReference(name, modelField string) *FieldDef {
	return newDef(name, TypeMany2oneReference, func(f *Field) { f.ModelField = modelField })
}

// referenceKind serves Reference fields; the cache holds "model,id".
type referenceKind struct{}

func (referenceKind) sqlType(*Field) string       { return "varchar" }
func (referenceKind) empty(*Field) any            { return nil }
func (referenceKind) fromDB(_ *Field, v any) any  { return v }
func (referenceKind) text(_ *Field, v any) string { return v.(string) }

// convert accepts a record (or an empty recordset) of an allowed model or
// a "model,id" string.
func (referenceKind) convert(f *Field, v any) (any, error) {
	switch x := v.(type) {
	case Recordset:
		if x.model == nil {
			return nil, fmt.Errorf("expected a record, got an empty value")
		}
		if err := f.allowsModel(x.model.Name); err != nil {
			return nil, err
		}
		switch len(x.idList()) {
		case 0:
			return nil, nil
		case 1:
			return x.model.Name + "," + strconv.FormatInt(x.idList()[0], 10), nil
		}
		return nil, fmt.Errorf("expected a single record, got %d", len(x.idList()))
	case string:
		model, id, err := parseReference(x)
		if err != nil {
			return nil, err
		}
		if err := f.allowsModel(model); err != nil {
			return nil, err
		}
		return model + "," + strconv.FormatInt(id, 10), nil
	}
	return nil, fmt.Errorf("expected a record or a \"model,id\" string, got %T", v)
}

// parseReference splits "model,id".
func parseReference(s string) (string, int64, error) {
	model, rest, ok := strings.Cut(s, ",")
	id, err := strconv.ParseInt(strings.TrimSpace(rest), 10, 64)
	if !ok || err != nil || id <= 0 || strings.TrimSpace(model) == "" {
		return "", 0, fmt.Errorf("expected \"model,id\", got %q", s)
	}
	return strings.TrimSpace(model), id, nil
}

// allowsModel checks a model against the reference's selection; a
// selection given by a function is not checked, as Odoo, beyond the
// model existing.
func (f *Field) allowsModel(model string) error {
	if f.SelectionFunc != nil {
		if f.Model.registry != nil && f.Model.registry.models[model] == nil {
			return fmt.Errorf("unknown model %q", model)
		}
		return nil
	}
	if !f.HasSelectionValue(model) {
		return fmt.Errorf("model %q is not allowed; expected one of %s", model, f.selectionKeys())
	}
	return nil
}

// get returns the referenced record, or an empty recordset.
func (referenceKind) get(r Recordset, f *Field) any {
	v, ok := r.singleValue(f)
	if !ok || v == nil {
		return r.emptyReference(f)
	}
	model, id, err := parseReference(v.(string))
	m := r.model.registry.models[model]
	if err != nil || m == nil {
		return r.emptyReference(f)
	}
	if !r.env.recordExists(m, id) {
		return r.env.Model(model)
	}
	return r.env.Model(model).Browse(id)
}

// read returns "model,id", or nil when unset or the record is gone.
func (k referenceKind) read(r Recordset, f *Field) any {
	rec, _ := k.get(r, f).(Recordset)
	if rec.model == nil || len(rec.idList()) == 0 {
		return nil
	}
	return rec.model.Name + "," + strconv.FormatInt(rec.idList()[0], 10)
}

// emptyReference is the empty recordset of the reference's first model
// (nil when its models come from a function).
func (r Recordset) emptyReference(f *Field) any {
	if len(f.Selection) == 0 || r.model.registry.models[f.Selection[0].Value] == nil {
		return nil
	}
	return r.env.Model(f.Selection[0].Value)
}

// singleValue is the cache value of f on a singleton, false on an empty
// recordset; more records panic as getField does.
func (r Recordset) singleValue(f *Field) (any, bool) {
	switch len(r.idList()) {
	case 0:
		return nil, false
	case 1:
		return r.value(f, r.idList()[0]), true
	}
	panic(fieldErr(r.model.Name, f.Name, "expected singleton to read a value: %s", r))
}

// recordExists reports whether record id of m exists, from the cache when
// it knows, else by a query whose answer the cache keeps.
func (env *Env) recordExists(m *Model, id int64) bool {
	c := env.tx.cache
	if id < 0 || c.existing(m).has(id) {
		return true
	}
	if c.gone[m][id] {
		return false
	}
	ok := env.Model(m.Name).Sudo().Browse(id).Exists().Len() == 1
	if ok {
		c.existing(m).add(id)
	} else {
		c.missing(m)[id] = true
	}
	return ok
}

// many2oneReferenceKind serves Many2oneReference fields: an int4 column;
// the cache holds the id (int64), nil when empty.
type many2oneReferenceKind struct{ many2oneKind }

// convert accepts an id or a single record (its id is kept).
func (many2oneReferenceKind) convert(f *Field, v any) (any, error) {
	if x, ok := v.(Recordset); ok {
		switch len(x.idList()) {
		case 0:
			return nil, nil
		case 1:
			return x.idList()[0], nil
		}
		return nil, fmt.Errorf("expected a single record, got %d", len(x.idList()))
	}
	if id, ok := toInt64(v); ok {
		if id <= 0 {
			return nil, nil
		}
		return id, nil
	}
	return nil, fmt.Errorf("expected an id or a record, got %T", v)
}

// get returns the record of the model named by ModelField, or the empty
// recordset of that model when the id is unset; nil when the model field
// is empty or names no model.
func (many2oneReferenceKind) get(r Recordset, f *Field) any {
	v, ok := r.singleValue(f)
	if !ok {
		return nil
	}
	m := r.model.registry.models[r.Str(f.ModelField)]
	if m == nil {
		return nil
	}
	rs := r.env.Model(m.Name)
	if v == nil {
		return rs
	}
	return rs.Browse(v.(int64))
}

// read returns the id (0 when unset), as Odoo's Integer.
func (many2oneReferenceKind) read(r Recordset, f *Field) any {
	v, _ := r.singleValue(f)
	if v == nil {
		return int64(0)
	}
	return v
}

// setupPseudoRelational checks the attributes of Reference and
// Many2oneReference fields (and of binaries kept in attachments), and
// labels a reference's models with their descriptions.
func (r *Registry) setupPseudoRelational(f *Field) error {
	switch f.Type {
	case TypeReference:
		if len(f.Selection) == 0 && f.SelectionFunc == nil && f.Related == "" {
			return fmt.Errorf("orm: %s: a reference field needs models or a selection function", f)
		}
		for i, it := range f.Selection {
			if m := r.models[it.Value]; m != nil && it.Label == "" {
				f.Selection[i].Label = m.Description
			}
		}
	case TypeMany2oneReference:
		mf := f.Model.Fields[f.ModelField]
		if mf == nil || (mf.Type != TypeChar && mf.Type != TypeSelection) {
			return fmt.Errorf("orm: %s: model field %q must be a char field of %s", f, f.ModelField, f.Model.Name)
		}
	case TypeBinary:
		return r.checkAttachmentSetup(f)
	}
	return nil
}
