package orm

// Writing to an Odoo database.
//
// An Odoo database is opened read-only; with --write, odsh may write
// stored fields of existing records, and only those whose new value leaves
// nothing of Odoo's stale: records are not created, copied or deleted
// (defaults, sequences, cascades and ondelete hooks live in Odoo's
// Python), and a write is refused when
//
//	the field is not stored, or computed by Odoo (read-only in Odoo), or a
//	  one2many (its commands create and delete lines)
//	a stored computed field depends on it (ir_model_fields.depends, read
//	  hop by hop: "partner_id.country_id.code" depends on three fields)
//	the database does not record dependencies at all: then no write can
//	  be known to be safe
//
// The refusal is one UserError line naming the fields.

import (
	"fmt"
	"sort"
	"strings"
)

// odooGuards are the methods of every model of an Odoo database: create,
// copy and unlink are refused, write is checked first.
func odooGuards(model string) map[string]MethodDecorator {
	refuse := func(verb, why string) MethodDecorator {
		return func(Method) Method {
			return func(rs Recordset, args ...any) any {
				panic(&UserError{ErrorInfo{Model: model, Msg: fmt.Sprintf("odsh does not %s records in an Odoo database: %s", verb, why)}})
			}
		}
	}
	return map[string]MethodDecorator{
		"create": refuse("create", "their defaults and sequences live in Odoo's Python"),
		"copy":   refuse("copy", "their defaults and sequences live in Odoo's Python"),
		"unlink": refuse("delete", "cascades and ondelete hooks live in Odoo's Python"),
		"write": func(super Method) Method {
			return func(rs Recordset, args ...any) any {
				vals := argValues(args)
				if onlyComputed(rs.model, vals) {
					return super(rs, args...) // a compute setting its value
				}
				if rs.env.tx.ReadOnly() {
					panic(&UserError{ErrorInfo{Model: model, Msg: "this Odoo database is opened read-only (--write allows writing the stored fields no computed field depends on)"}})
				}
				rs.env.tx.reg.odoo.checkWrite(rs.model, vals)
				return super(rs, args...)
			}
		},
	}
}

// onlyComputed reports whether vals set only fields odsh computes itself
// (display_name, related fields): a compute assigning its result, which
// stays in the cache.
func onlyComputed(m *Model, vals Values) bool {
	for k := range vals {
		f := m.Fields[k]
		if f == nil || f.Store || !f.IsComputed() || f.Unavailable != "" {
			return false
		}
	}
	return len(vals) > 0
}

// dependents returns, for each "model.field", the stored computed fields
// that depend on it, built once from meta.depends.
func (o *odooMeta) dependents(r *Registry) map[string][]string {
	o.once.Do(func() {
		o.deps = map[string][]string{}
		for model, fields := range o.depends {
			for field, paths := range fields {
				for _, p := range paths {
					o.addDependent(r, model, strings.TrimSpace(p), model+"."+field)
				}
			}
		}
		for k := range o.deps {
			sort.Strings(o.deps[k])
		}
	})
	return o.deps
}

// addDependent records that target depends on every hop of path from model.
func (o *odooMeta) addDependent(r *Registry, model, path, target string) {
	m := r.models[model]
	for _, name := range strings.Split(path, ".") {
		if m == nil || m.Fields[name] == nil {
			return
		}
		key := m.Name + "." + name
		if !containsStr(o.deps[key], target) {
			o.deps[key] = append(o.deps[key], target)
		}
		m = r.models[m.Fields[name].Comodel]
	}
}

func containsStr(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// checkWrite refuses a write that odsh cannot make safely (see the top).
func (o *odooMeta) checkWrite(m *Model, vals Values) {
	names := make([]string, 0, len(vals))
	for k := range vals {
		names = append(names, k)
	}
	sort.Strings(names)
	var stale []string
	for _, name := range names {
		f := m.Fields[name]
		if f == nil {
			continue // the write reports the unknown field
		}
		if why := o.unwritable(m, f); why != "" {
			panic(&UserError{ErrorInfo{Model: m.Name, Field: name, Msg: "odsh does not write " + name + " in an Odoo database: " + why}})
		}
		stale = append(stale, o.dependents(m.registry)[m.Name+"."+name]...)
	}
	if len(o.depends) == 0 {
		panic(&UserError{ErrorInfo{Model: m.Name, Msg: "odsh does not write to this Odoo database: it does not record what Odoo's stored computed fields depend on (ir_model_fields.depends is empty), so no write can be known to leave them right"}})
	}
	if len(stale) > 0 {
		sort.Strings(stale)
		panic(&UserError{ErrorInfo{Model: m.Name, Msg: fmt.Sprintf("odsh does not write %s: Odoo's stored computed fields %s depend on it and would be left stale",
			strings.Join(names, ", "), strings.Join(dedupStrings(stale), ", "))}})
	}
}

// unwritable says why field f cannot be written at all, or "".
func (o *odooMeta) unwritable(m *Model, f *Field) string {
	switch {
	case f.Unavailable != "":
		return f.Unavailable
	case f.Name == "id" || logAccessFields[f.Name]:
		return "the ORM maintains it"
	case f.Column() == "" && f.Type != TypeMany2many:
		return "it is not stored"
	case o.readonly[m.Name][f.Name]:
		return "it is read-only in Odoo (computed, or maintained by Odoo's code)"
	}
	return ""
}

func dedupStrings(list []string) []string {
	out := list[:0]
	for i, s := range list {
		if i == 0 || s != list[i-1] {
			out = append(out, s)
		}
	}
	return out
}
