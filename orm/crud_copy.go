package orm

import "odsh/domain"

// Copy duplicates every record of r with the values of its copyable fields
// (Field.Copy), overridden by vals; one2many lines marked copy are
// duplicated, many2many links kept. Returns the copies in order.
//
// Example:
//
//	p := env.Model("res.partner").Create(orm.Values{"name": "Acme", "city": "Gent"})
//	p.Copy(orm.Values{"name": "Acme (copy)"}).Str("city")
func (r Recordset) Copy(vals Values) Recordset {
	r.check()
	if len(r.idList()) == 0 {
		return r.Browse()
	}
	return r.Call("copy", vals).(Recordset)
}

func (r Recordset) copy(def Values) Recordset {
	list := make([]Values, 0, len(r.idList()))
	for _, rec := range r.Records() {
		list = append(list, rec.CopyData(def))
	}
	copies := r.Create(list...)
	r.copyTranslations(copies, def)
	return copies
}

// noCopy are fields never copied.
var noCopy = map[string]bool{"id": true, "display_name": true, "create_uid": true, "create_date": true,
	"write_uid": true, "write_date": true, "parent_path": true}

// CopyData returns the values Copy would create for a single record.
func (r Recordset) CopyData(def Values) Values {
	r.EnsureOne()
	vals := Values{}
	for _, f := range r.model.FieldList {
		if !f.Copy || noCopy[f.Name] {
			continue
		}
		if _, ok := def[f.Name]; ok {
			continue
		}
		if f.IsComputed() && !f.Store && f.InheritedFrom == nil {
			continue // a delegated parent's values are copied into a new parent
		}
		vals[f.Name] = r.copyValue(f)
	}
	for k, v := range def {
		vals[k] = v
	}
	return vals
}

func (r Recordset) copyValue(f *Field) any {
	switch f.Type {
	case TypeMany2one:
		v := r.Get(f.Name).(Recordset)
		if v.Len() == 0 {
			return nil
		}
		return v.ID()
	case TypeMany2many:
		return []Cmd{Command.Set(r.Get(f.Name).(Recordset).IDs()...)}
	case TypeOne2many:
		lines := r.copiedLines(f)
		cmds := make([]Cmd, 0, lines.Len())
		for _, line := range lines.Records() {
			cmds = append(cmds, Command.Create(line.CopyData(Values{f.InverseName: nil})))
		}
		for i := range cmds {
			delete(cmds[i].Vals, f.InverseName)
		}
		return cmds
	}
	if rd, ok := f.kind.(reader); ok { // references copy their raw value
		return rd.read(r, f)
	}
	return r.Get(f.Name)
}

// copiedLines returns the lines of one2many f that a copy duplicates:
// archived ones included and in id order, as Odoo's copy_data. They are
// searched rather than read: the cached value hides archived lines.
func (r Recordset) copiedLines(f *Field) Recordset {
	lines := r.env.Model(f.Comodel).WithContext(f.Context).WithContext(Ctx{"active_test": false}).
		Search(domain.Cond(f.InverseName, domain.Eq, r.ID()), Order("id"))
	if f.Domain != nil {
		lines = lines.FilteredDomain(f.Domain)
	}
	return lines
}
