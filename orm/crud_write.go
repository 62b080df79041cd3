package orm

import (
	"fmt"
	"sort"
)

// Write sets the same values on every record of r. Column values are
// cached and sent at the next flush (records with the same values share
// one UPDATE); x2many commands run at once. Writing a record that does not
// exist raises MissingError (Odoo silently writes nothing: odsh is safer).
//
// Example:
//
//	p := env.Model("res.partner").Create(orm.Values{"name": "Acme"})
//	p.Write(orm.Values{"city": "Liège", "category_id": []any{orm.Command.Create(orm.Values{"name": "VIP"})}})
//	p.Mapped("category_id.name")
func (r Recordset) Write(vals Values) {
	r.check()
	if len(r.idList()) == 0 || len(vals) == 0 {
		return
	}
	r.Call("write", vals)
}

func (r Recordset) write(vals Values) {
	m := r.model
	if r.writeComputing(vals) {
		return
	}
	if r.IsNew() {
		r.ensureNew()
		r.writeNew(vals)
		return
	}
	// every value is checked and converted before anything is sent or
	// changed: bad input leaves the records and the database as they were
	cols := map[*Field]any{}
	x2m := map[*Field][]Cmd{}
	attach := map[*Field]any{}
	related := map[*Field]any{}
	computed := map[*Field]any{}
	var inverses, touched []*Field
	for _, name := range vals.Keys() {
		f := m.mustField(name)
		v := vals[name]
		switch {
		case name == "id":
			panic(validationErr(m.Name, name, v, "the id of a record cannot be changed"))
		case f.Related != "" && !f.Readonly:
			f.convertValue(v) // the target converts it again when written
			related[f] = v
		case f.IsComputed() && !f.Store:
			if f.Inverse == nil {
				panic(validationErr(m.Name, name, v, "%q is computed and has no inverse: it cannot be written", name))
			}
			f.convertValue(v)
			computed[f] = v
			inverses = append(inverses, f)
		case f.Type.X2many():
			x2m[f] = f.convertValue(v).([]Cmd)
		case f.inAttachment():
			attach[f] = f.convertValue(v)
		case f.column != "":
			cols[f] = f.convertValue(v)
			if f.Inverse != nil {
				inverses = append(inverses, f)
			}
		}
		touched = append(touched, f)
	}
	r.checkAccess("write")
	for f := range cols {
		if f.jsonKeyed() {
			r.loadMaps(f, dedup(r.idList())) // also tells which records exist
		}
	}
	r.ensureExist()
	r.checkRules("write")
	r.env.tx.securityChanged(m)
	r.parentStoreWrite(vals)
	for _, f := range touched {
		if v, ok := related[f]; ok {
			r.writeRelated(f, v)
		} else if v, ok := computed[f]; ok {
			r.setComputedValue(f, v)
		}
	}
	r.roundMonetaryWrite(cols)
	if m.LogAccess {
		if f := m.Fields["write_uid"]; f != nil && vals["write_uid"] == nil {
			cols[f] = r.env.uid
		}
		if vals["write_date"] == nil {
			cols[m.Fields["write_date"]] = r.env.tx.Now()
		}
	}
	ids := dedup(r.idList())
	done := r.beforeWrite(touched, cols, ids)
	c := r.env.tx.cache
	for f, v := range cols {
		if f.jsonKeyed() {
			r.writeMaps(f, ids, v) // merged into each record's map
			continue
		}
		for _, id := range ids {
			c.setDirty(f, id, v)
		}
	}
	r.afterWrite(cols, ids)
	once := r.withIDs(ids) // a record listed twice gets one line per command, not two
	once.writeAttachments(attach)
	for _, f := range sortedFields(x2m) {
		once.writeX2many(f, x2m[f])
	}
	once.callInverses(inverses)
	done()
	r.checkConstraints(touched)
	r.checkCompanyAuto(touched)
}

func sortedFields(m map[*Field][]Cmd) []*Field {
	out := make([]*Field, 0, len(m))
	for f := range m {
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// writeComputing handles assignments made by a compute method to the
// records it computes: they only fill the cache.
func (r Recordset) writeComputing(vals Values) bool {
	for name := range vals {
		f := r.model.Fields[name]
		if f == nil || !r.isComputing(f) {
			return false
		}
	}
	for name, v := range vals {
		r.setComputed(r.model.Fields[name], v)
	}
	return true
}

// setComputedValue stores a value given for a computed field with an
// inverse, before the inverse runs.
func (r Recordset) setComputedValue(f *Field, v any) {
	r.setComputed(f, v)
}

// callInverses calls each inverse function once.
func (r Recordset) callInverses(fields []*Field) {
	called := map[string]bool{}
	for _, f := range fields {
		key := fmt.Sprintf("%p", f.Inverse)
		if called[key] {
			continue
		}
		called[key] = true
		f.Inverse(r)
	}
}

// writeRelated writes a related field through to its target records.
func (r Recordset) writeRelated(f *Field, v any) {
	segs := splitPath(f.Related)
	targets := r.Sudo()
	if len(segs) > 1 {
		targets = r.Sudo().Get(joinPath(segs[:len(segs)-1])).(Recordset)
	}
	targets.Write(Values{segs[len(segs)-1]: v})
	r.env.tx.invalidateField(f, r.idList())
}

func joinPath(segs []string) string {
	out := segs[0]
	for _, s := range segs[1:] {
		out += "." + s
	}
	return out
}

// ensureExist raises MissingError for records of r that do not exist; ids
// known from the cache cost no query.
func (r Recordset) ensureExist() {
	c := r.env.tx.cache
	known := c.existing(r.model)
	var unknown []int64
	for _, id := range r.idList() {
		if !known.has(id) {
			unknown = append(unknown, id)
		}
	}
	if len(unknown) == 0 {
		return
	}
	found := r.Browse(unknown...).Exists()
	for _, id := range found.idList() {
		known.add(id)
	}
	if found.Len() < len(dedup(unknown)) {
		var missing []int64
		for _, id := range unknown {
			if !known.has(id) {
				missing = append(missing, id)
			}
		}
		panic(missingErr(r.model.Name, missing, "cannot write: records do not exist or have been deleted: %s",
			r.Browse(missing...).String()))
	}
}
