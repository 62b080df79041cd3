package orm

// Company-dependent fields.
//
// A field declared with CompanyDependent() has one value per company, in
// a jsonb column keyed by company id, as Odoo 18:
//
//	{"1": 42, "3": null}
//
// Like translated fields (field_translate.go), the cache keeps the whole
// map of a record and Get resolves it for env.Company(): the company's
// value when it has a key (null reads empty), else the field's default
// (Odoo 18's ir.default fallback; here the field's own Default), else
// empty. Changing the env's company changes what Get returns without a
// query. A write sets the key of env.Company() only, and the flush sends
// that key alone, merged into the row by the server (field_jsonb_merge.go),
// so transactions writing for two companies do not undo each other; a
// created record stores the value given for its creator's company
// (defaults are not stored: reading falls back to them).
//
// In SQL the value is
//
//	CASE WHEN col->'<company>' IS NULL THEN <default> ELSE (col->>'<company>')::type END
//
// with the company and the default bound as parameters; conditions on it
// follow the ordinary rules, so an absent value counts as the type's
// falsy value (0, '', False) as in Odoo 18.
//
// A many2one value has no foreign key: one pointing to a deleted record
// reads as empty (fetches drop such ids, one query per fetch).

import (
	"strconv"
)

// companyKey is the key of the env's company in company-dependent maps.
func (e *Env) companyKey() string {
	return strconv.FormatInt(e.Company().ID(), 10)
}

// companyValue resolves a company-dependent cache value for r's env.
func (r Recordset) companyValue(f *Field, v any) any {
	m, ok := v.(jsonMap)
	if !ok && v != nil {
		return v
	}
	x, found := m[r.env.companyKey()]
	if !found {
		x = r.companyFallback(f)
	}
	if id, ok := x.(int64); ok && f.Type == TypeMany2one && r.env.tx.cache.gone[r.env.tx.reg.models[f.Comodel]][id] {
		return nil
	}
	return x
}

// companyFallback is the value of a company without its own: the field's
// default, converted (nil when none).
func (r Recordset) companyFallback(f *Field) any {
	v, ok := r.defaultValue(f)
	if !ok {
		return nil
	}
	out, err := f.convert(v)
	if err != nil {
		return nil
	}
	return out
}

// companySQL is the value of a company-dependent column for the env's
// company, falling back to the default.
func (r Recordset) companySQL(f *Field, col SQL) SQL {
	key := r.env.companyKey()
	typ := f.kind.sqlType(f)
	value := SQLf("(%s->>%s::text)::"+typ, col, key)
	def := r.companyFallback(f)
	if def == nil {
		return value
	}
	return SQLf("(CASE WHEN %s->%s::text IS NULL THEN %s::"+typ+" ELSE %s END)", col, key, f.kind.text(f, def), value)
}

// dropDangling empties, in the maps just fetched for ids, the
// company-dependent many2one values pointing to deleted records.
func (r Recordset) dropDangling(fields []*Field, ids []int64) {
	for _, f := range fields {
		if f.CompanyDependent && f.Type == TypeMany2one && f.column != "" {
			r.dropDanglingField(f, ids)
		}
	}
}

func (r Recordset) dropDanglingField(f *Field, ids []int64) {
	c := r.env.tx.cache
	var targets []int64
	for _, id := range ids {
		if m, ok := cachedMap(c, f, id); ok {
			for _, x := range m {
				if t, ok := x.(int64); ok {
					targets = append(targets, t)
				}
			}
		}
	}
	if len(targets) == 0 {
		return
	}
	co := r.env.tx.reg.models[f.Comodel]
	alive := idSet(Recordset{env: r.env, model: co}.Sudo().Browse(targets...).Exists().idList())
	gone := c.missing(co)
	for _, t := range targets {
		if !alive[t] {
			gone[t] = true
		}
	}
}

// cachedMap returns the clean jsonMap cached for f and id.
func cachedMap(c *cache, f *Field, id int64) (jsonMap, bool) {
	if c.isDirty(f, id) {
		return nil, false
	}
	v, _ := c.get(f, id)
	m, ok := v.(jsonMap)
	return m, ok
}
