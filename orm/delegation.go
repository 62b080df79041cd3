package orm

// Delegation (_inherits).
//
// A model that delegates to a parent model (ModelDef.Inherits, or a
// Many2one marked Delegate) holds a many2one "link" to a parent record and
// shows every field of the parent as its own: at set-up each parent field
// the child does not define itself becomes a related field through the link
// ("partner_id.email"), not stored, writable when the parent's field is.
// Reading follows the link, writing writes the parent, searching joins it.
// Parents are set up before their children, so a parent's own inherited
// fields are inherited in turn (pallet → box → unit).
//
// The link is forced required and, unless it says restrict, ondelete
// cascade; it is auto-joined and not copied. Creating a child without a
// link creates its parent from the values of the parent's fields (and the
// parent's defaults); creating it with a link writes those values to the
// given parent, without the parent's defaults. Methods are not delegated.

import (
	"fmt"
	"sort"
)

// setupInherits resolves the delegations of every model, parents first.
func (r *Registry) setupInherits() error {
	done := map[string]bool{}
	for _, name := range r.names {
		if err := r.setupDelegation(r.models[name], done, nil); err != nil {
			return err
		}
	}
	return nil
}

// setupDelegation adds m's inherited fields once its parents are done.
func (r *Registry) setupDelegation(m *Model, done map[string]bool, stack []string) error {
	if done[m.Name] {
		return nil
	}
	for _, s := range stack {
		if s == m.Name {
			return fmt.Errorf("orm: delegation cycle through %s", m.Name)
		}
	}
	m.collectDelegateLinks()
	for _, p := range sortedKeys(m.Inherits) {
		parent := r.models[p]
		if parent == nil {
			return fmt.Errorf("orm: %s delegates to unknown model %q%s", m.Name, p, r.suggestModel(p))
		}
		if err := r.setupDelegation(parent, done, append(stack, m.Name)); err != nil {
			return err
		}
		link, err := m.delegationLink(p, m.Inherits[p])
		if err != nil {
			return err
		}
		m.inheritFields(parent, link)
	}
	m.defaultNames() // _rec_name may be an inherited "name"
	done[m.Name] = true
	return nil
}

// collectDelegateLinks adds the many2one fields marked Delegate to Inherits.
func (m *Model) collectDelegateLinks() {
	for _, f := range m.FieldList {
		if f.Delegate && f.Type == TypeMany2one {
			if m.Inherits == nil {
				m.Inherits = map[string]string{}
			}
			m.Inherits[f.Comodel] = f.Name
		}
	}
}

// delegationLink checks and forces the attributes of the link to parent.
func (m *Model) delegationLink(parent, name string) (*Field, error) {
	f := m.Fields[name]
	if f == nil || f.Type != TypeMany2one || f.Comodel != parent {
		return nil, fmt.Errorf("orm: %s delegates to %s through %q, but it has no many2one field %q to %s",
			m.Name, parent, name, name, parent)
	}
	f.Required, f.Delegate, f.AutoJoin, f.Copy = true, true, true, false
	if f.Ondelete != Restrict {
		f.Ondelete = Cascade
	}
	return f, nil
}

// inheritFields adds the parent's fields m lacks, related through link.
func (m *Model) inheritFields(parent *Model, link *Field) {
	for _, pf := range parent.FieldList {
		if m.Fields[pf.Name] != nil {
			continue
		}
		f := newField(m, []*FieldDef{inheritedDef(pf, link.Name)})
		f.InheritedFrom, f.DelegateLink, f.Addon = pf, link.Name, pf.Addon
		f.index = len(m.FieldList)
		m.Fields[f.Name] = f
		m.FieldList = append(m.FieldList, f)
	}
}

// inheritedDef is the definition of a field inherited from pf.
func inheritedDef(pf *Field, link string) *FieldDef {
	d := newDef(pf.Name, pf.Type, func(f *Field) {
		f.Label, f.Help, f.Required, f.Groups = pf.Label, pf.Help, pf.Required, pf.Groups
		f.Selection, f.SelectionFunc, f.Size = pf.Selection, pf.SelectionFunc, pf.Size
		f.Digits, f.HasDigits, f.CurrencyField = pf.Digits, pf.HasDigits, pf.CurrencyField
		f.Comodel, f.InverseName, f.Domain, f.Context = pf.Comodel, pf.InverseName, pf.Domain, pf.Context
		f.Relation, f.Column1, f.Column2, f.Translate = pf.Relation, pf.Column1, pf.Column2, pf.Translate
		f.CompanyDependent = pf.CompanyDependent
	})
	return d.Related(link + "." + pf.Name).Readonly(pf.Readonly).Store(false).Copy(pf.Copy && pf.Name != "display_name")
}

// createDelegating creates the parents of new records that have no link,
// writes the parent values given with a link, then creates the records.
func (r Recordset) createDelegating(list []Values) Recordset {
	m := r.model
	if len(m.Inherits) == 0 {
		return r.create(list)
	}
	own := make([]Values, len(list))
	for i, vals := range list {
		own[i] = Values{}
		for k, v := range vals {
			if f := m.Fields[k]; f == nil || f.InheritedFrom == nil {
				own[i][k] = v
			}
		}
	}
	for _, parent := range sortedKeys(m.Inherits) {
		r.linkParents(parent, m.Inherits[parent], list, own)
	}
	return r.create(own)
}

// linkParents gives each new record its parent record through link.
func (r Recordset) linkParents(parent, link string, list, own []Values) {
	m := r.model
	parents := r.env.Model(parent)
	var toCreate []Values
	var need []int
	for i, vals := range list {
		pvals := Values{}
		for k, v := range vals {
			if f := m.Fields[k]; f != nil && f.DelegateLink == link {
				pvals[k] = v
			}
		}
		if id, _ := m.Fields[link].convertValue(vals[link]).(int64); id != 0 {
			if len(pvals) > 0 {
				parents.Browse(id).Write(pvals)
			}
			continue
		}
		toCreate = append(toCreate, pvals)
		need = append(need, i)
	}
	if len(toCreate) == 0 {
		return
	}
	created := parents.Create(toCreate...)
	for j, i := range need {
		own[i][link] = created.idList()[j]
	}
}

// InheritedFields returns the names of the fields m inherits by delegation
// through link ("" for every link), sorted.
func (m *Model) InheritedFields(link string) []string {
	var out []string
	for _, f := range m.FieldList {
		if f.InheritedFrom != nil && (link == "" || f.DelegateLink == link) {
			out = append(out, f.Name)
		}
	}
	sort.Strings(out)
	return out
}
