package orm

import (
	"fmt"
	"strings"
)

// build makes a Model from its resolution: attributes with their defaults,
// magic fields, fields and the method table. When the model was set up
// before, old is updated in place so that pointers to it stay valid.
func (r *Registry) build(res *resolution, old *Model) (*Model, error) {
	a := res.attrs
	m := old
	if m == nil {
		m = &Model{}
	}
	*m = Model{
		Name: a.Name, Description: firstNonEmpty(a.Description, a.Name),
		Table: firstNonEmpty(a.Table, tableName(a.Name)), Abstract: a.Abstract,
		Transient: a.Transient, Auto: !a.NoAuto && !a.Abstract,
		LogAccess: !a.Abstract && (!a.NoLogAccess || a.Transient),
		Order:     firstNonEmpty(a.Order, "id"), RecName: a.RecName, ParentName: a.ParentName,
		ParentStore: a.ParentStore, ActiveName: a.ActiveName, Inherits: a.Inherits,
		RecNamesSearch:   a.RecNamesSearch,
		CheckCompanyAuto: a.CheckCompanyAuto,
		SQLConstraints:   a.SQLConstraints, Constraints: a.Constraints,
		Fields: map[string]*Field{}, registry: r,
	}
	if a.Inherits != nil {
		m.Inherits = make(map[string]string, len(a.Inherits))
		for p, link := range a.Inherits {
			m.Inherits[p] = link
		}
	}
	if len(m.Table) > 63 {
		return nil, fmt.Errorf("orm: %s: table name %q is longer than 63 characters", m.Name, m.Table)
	}
	for _, p := range a.Inherit {
		if p != a.Name {
			m.parents = append(m.parents, p)
		}
	}
	defs, seq := r.magicFields(m)
	magic := len(seq)
	for _, n := range res.fieldSeq {
		if _, ok := defs[n]; !ok {
			seq = append(seq, n)
		}
		defs[n] = append(defs[n], res.fieldDefs[n]...)
	}
	for _, n := range seq {
		f, err := buildField(m, defs[n])
		if err != nil {
			return nil, err
		}
		f.index = len(m.FieldList)
		if f.index >= magic {
			f.Addon = r.fieldAddon(res, n)
		}
		m.Fields[n] = f
		m.FieldList = append(m.FieldList, f)
	}
	m.Layers = r.modelLayers(a.Name)
	m.defaultNames()
	m.methods = buildMethods(res)
	return m, nil
}

// fieldAddon is the addon that introduced a field: the first layer's that
// declared it, or in an Odoo database the module Odoo's external ids name.
func (r *Registry) fieldAddon(res *resolution, field string) string {
	if r.odoo != nil && r.odoo.origins != nil {
		return r.odoo.origins.addon[res.attrs.Name][field]
	}
	return res.fieldAddon[field]
}

// modelLayers describes the layers a model was resolved from (in an Odoo
// database, the modules that define and extend it).
func (r *Registry) modelLayers(name string) []ModelLayer {
	if r.odoo != nil && r.odoo.origins != nil {
		return r.odoo.origins.layers[name]
	}
	layers := r.layers[name]
	out := make([]ModelLayer, 0, len(layers))
	for _, l := range layers {
		ml := ModelLayer{Addon: l.addon, Extends: l.extends()}
		for _, p := range l.Inherit {
			if p != name {
				ml.Inherit = append(ml.Inherit, p)
			}
		}
		for _, fd := range l.Fields {
			ml.Fields = append(ml.Fields, fd.Name)
		}
		out = append(out, ml)
	}
	return out
}

// buildField checks that every definition agrees on the type, then merges.
func buildField(m *Model, defs []*FieldDef) (*Field, error) {
	for _, d := range defs[1:] {
		if d.Type != defs[0].Type {
			return nil, fmt.Errorf("orm: %s.%s: redefined as %v, but it is a %v field", m.Name, d.Name, d.Type, defs[0].Type)
		}
	}
	return newField(m, defs), nil
}

// defaultNames fills _rec_name, the parent field and the active field name
// from the fields: _rec_name is name, else x_name (as Odoo's custom
// models), _parent_name is parent_id when it is a many2one to the model
// itself (Odoo's default _parent_name).
func (m *Model) defaultNames() {
	if m.RecName == "" && m.Fields["name"] != nil {
		m.RecName = "name"
	} else if m.RecName == "" && m.Fields["x_name"] != nil {
		m.RecName = "x_name"
	}
	if f := m.Fields["parent_id"]; m.ParentName == "" && f != nil && f.Type == TypeMany2one && f.Comodel == m.Name {
		m.ParentName = "parent_id"
	}
	if m.ActiveName == "" {
		if f := m.Fields["active"]; f != nil && f.Type == TypeBoolean {
			m.ActiveName = "active"
		} else if f := m.Fields["x_active"]; f != nil && f.Type == TypeBoolean {
			m.ActiveName = "x_active"
		}
	}
}

// magicFields are the fields every model gets: id, display_name, and the
// create/write uid and date when _log_access.
func (r *Registry) magicFields(m *Model) (map[string][]*FieldDef, []string) {
	defs := map[string][]*FieldDef{}
	var seq []string
	add := func(d *FieldDef) {
		defs[d.Name] = []*FieldDef{d}
		seq = append(seq, d.Name)
	}
	add(Integer("id").Label("ID").Readonly().Copy(false))
	// per language, as Odoo's depends_context("lang"): the rec name may be translated
	add(Char("display_name").Label("Display Name").Compute(callDisplayName).DependsContext("lang").Search(callSearchDisplayName))
	if m.LogAccess {
		_, users := r.layers["res.users"]
		if users {
			add(Many2one("create_uid", "res.users").Label("Created by").Readonly().Copy(false).Index(false))
		}
		add(Datetime("create_date").Label("Created on").Readonly().Copy(false))
		if users {
			add(Many2one("write_uid", "res.users").Label("Last Updated by").Readonly().Copy(false))
		}
		add(Datetime("write_date").Label("Last Updated on").Readonly().Copy(false))
	}
	return defs, seq
}

// callDisplayName computes display_name through the model's
// "compute_display_name" method, so that an addon can override it.
func callDisplayName(rs Recordset) { rs.Call("compute_display_name") }

// callSearchDisplayName searches display_name through the model's
// "search_display_name" method (Odoo's _search_display_name).
func callSearchDisplayName(rs Recordset, op string, value any) any {
	return rs.Call("search_display_name", op, value)
}

// setupFields links fields across models once every model is built:
// comodels, inverses, relation tables, columns, orders and constraint names.
func (r *Registry) setupFields() error {
	r.fks = map[string]*Field{}
	r.sqlCons = map[string]*sqlConstraintRef{}
	for _, name := range r.names {
		m := r.models[name]
		for _, f := range m.FieldList {
			if err := r.setupField(f); err != nil {
				return err
			}
		}
		m.indexFields()
		for _, p := range m.RecNamesSearch {
			if m.Fields[splitPath(p)[0]] == nil {
				return fmt.Errorf("orm: %s: _rec_names_search names unknown field %q", m.Name, p)
			}
		}
		if err := m.parseOrder(); err != nil {
			return err
		}
		for _, c := range m.SQLConstraints {
			r.sqlCons[m.Table+"_"+c.Name] = &sqlConstraintRef{model: m.Name, field: c.Field, Message: c.Message}
		}
	}
	return r.setupDependencies()
}

func (r *Registry) setupField(f *Field) error {
	m := f.Model
	if f.Type.Relational() {
		co := r.models[f.Comodel]
		if co == nil {
			return fmt.Errorf("orm: %s: unknown comodel %q", f, f.Comodel)
		}
		if f.Type == TypeMany2one && m.HasTable() && f.Store && co.HasTable() {
			r.fks[fkName(m.Table, f.column)] = f
		}
		if f.Type == TypeMany2one && !f.Ondelete.valid() {
			return fmt.Errorf("orm: %s: ondelete %q is not one of %q, %q, %q", f, string(f.Ondelete), SetNull, Cascade, Restrict)
		}
		if f.Type == TypeMany2many && f.Ondelete != "" && f.Ondelete != Cascade && f.Ondelete != Restrict {
			return fmt.Errorf("orm: %s: a many2many's ondelete is %q or %q, not %q", f, Cascade, Restrict, string(f.Ondelete))
		}
		if f.Type == TypeMany2one && f.Required && f.Ondelete == SetNull {
			return fmt.Errorf("orm: %s: a required many2one cannot have ondelete 'set null'", f)
		}
	}
	if err := r.setupPseudoRelational(f); err != nil {
		return err
	}
	switch f.Type {
	case TypeOne2many:
		co := r.models[f.Comodel]
		inv := co.Fields[f.InverseName]
		if inv == nil || (inv.Type != TypeMany2one && inv.Type != TypeInteger) {
			return fmt.Errorf("orm: %s: inverse field %s.%s must be a many2one on %s", f, f.Comodel, f.InverseName, f.Comodel)
		}
	case TypeMany2many:
		if err := f.m2mNames(r); err != nil {
			return err
		}
	case TypeSelection:
		if len(f.Selection) == 0 && f.SelectionFunc == nil && f.Related == "" {
			return fmt.Errorf("orm: %s: a selection field needs values or a function", f)
		}
		return f.checkSelectionOndelete()
	}
	return nil
}

// indexFields lists the model's columns and prefetched fields.
func (m *Model) indexFields() {
	m.columns, m.prefetch, m.nonStoredComputed = nil, nil, nil
	m.constraintsByField = map[string][]int{}
	for _, f := range m.FieldList {
		if f.Name == "id" {
			f.column = "id"
		}
		if f.column != "" && m.HasTable() {
			m.columns = append(m.columns, f)
			if f.Prefetch {
				m.prefetch = append(m.prefetch, f)
			}
		}
		if f.IsComputed() && !f.Store {
			m.nonStoredComputed = append(m.nonStoredComputed, f)
		}
	}
	for i, c := range m.Constraints {
		for _, fn := range c.Fields {
			m.constraintsByField[fn] = append(m.constraintsByField[fn], i)
		}
	}
	m.addArchivedTwins()
}

// addArchivedTwins gives each stored x2many whose comodel can archive
// records a twin: a hidden cache slot for its value with the archived
// lines included (read with active_test false), so the two readings of the
// field never overwrite each other (Odoo keys the x2many cache by
// active_test). Slots past the fields hold the twins.
func (m *Model) addArchivedTwins() {
	m.slots = len(m.FieldList)
	for _, f := range m.FieldList {
		f.twin = nil
		if !f.Type.X2many() || f.IsComputed() || !f.Store {
			continue
		}
		co := m.registry.models[f.Comodel]
		if co == nil || co.ActiveName == "" {
			continue
		}
		twin := *f
		twin.index, twin.twin = m.slots, nil
		m.slots++
		f.twin = &twin
	}
}

// fkName is the foreign key name PostgreSQL would give: table_column_fkey.
func fkName(table, column string) string {
	name := table + "_" + column + "_fkey"
	if len(name) > 63 {
		name = name[:54] + fmt.Sprintf("_%08x", hashString(name))[:9]
	}
	return name
}

func hashString(s string) uint32 {
	var h uint32 = 2166136261
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

// splitPath splits a dotted path.
func splitPath(path string) []string { return strings.Split(path, ".") }
