package modeldoc

// What the reference says, apart from how it is laid out: the facts of a
// model (summary lines, inheritance, fields) as plain strings, which the
// terminal text and the Markdown render each in their own way.

import (
	"fmt"
	"sort"
	"strings"

	"odsh/orm"
)

// fact is one labelled piece of information: "table" → "res_partner".
type fact struct{ key, value string }

// layerFacts is what one addon's definition of the model does.
type layerFacts struct {
	addon     string   // "" when no addon gave it
	verb      string   // "defines" or "extends"
	parents   []string // prototype parents the layer copies
	adds      []string // fields it introduces
	redefines []string // fields it changes
}

// fieldFacts is what the reference says about one field.
type fieldFacts struct {
	name, typ, label, addon string
	attrs                   []string // required, readonly, index, …
	details                 []fact   // relation, depends, related, selection, help …
}

// modelFacts is the whole reference of a model.
type modelFacts struct {
	name, description string
	summary           []fact
	layers            []layerFacts
	fields            []fieldFacts
	delegated         []fact // parent model (link) → the fields it lends
}

// collect gathers the facts of m.
func collect(m *orm.Model) *modelFacts {
	mf := &modelFacts{name: m.Name, description: m.Description, summary: summary(m), layers: layers(m)}
	delegated := map[string][]string{}
	var links []string
	for _, f := range m.FieldList {
		if f.InheritedFrom != nil {
			key := f.InheritedFrom.Model.Name + " through " + f.DelegateLink
			if delegated[key] == nil {
				links = append(links, key)
			}
			delegated[key] = append(delegated[key], f.Name)
			continue
		}
		mf.fields = append(mf.fields, fieldOf(f))
	}
	for _, k := range links {
		mf.delegated = append(mf.delegated, fact{k, strings.Join(delegated[k], ", ")})
	}
	return mf
}

// summary lists the model's attributes that differ from every model's.
func summary(m *orm.Model) []fact {
	var out []fact
	add := func(ok bool, k, v string) {
		if ok {
			out = append(out, fact{k, v})
		}
	}
	kind := "model"
	switch {
	case m.Abstract:
		kind = "abstract model (no table)"
	case m.Transient:
		kind = "transient model (wizard)"
	}
	add(kind != "model", "kind", kind)
	add(m.HasTable(), "table", m.Table)
	add(!m.Abstract && !m.Auto, "table", m.Table+" (not created by the ORM: a view or another's table)")
	add(true, "order", m.Order)
	add(m.RecName != "", "rec name", m.RecName)
	add(len(m.RecNamesSearch) > 0, "name search", strings.Join(m.RecNamesSearch, ", "))
	add(m.ParentName != "", "parent", parentText(m))
	add(m.ActiveName != "", "archivable", "field "+m.ActiveName)
	add(m.CheckCompanyAuto, "check company", "on create and write")
	for _, p := range sortedKeys(m.Inherits) {
		out = append(out, fact{"delegates to", p + " through " + m.Inherits[p] + " (_inherits)"})
	}
	for _, c := range m.SQLConstraints {
		out = append(out, fact{"sql constraint", c.Name + " " + c.Definition + messageText(c.Message)})
	}
	add(!m.LogAccess && !m.Abstract, "log access", "no create/write uid and date")
	return out
}

func parentText(m *orm.Model) string {
	if m.ParentStore {
		return m.ParentName + " (parent_path stored)"
	}
	return m.ParentName
}

func messageText(msg string) string {
	if msg == "" {
		return ""
	}
	return ": " + msg
}

// layers says what each definition of the model did: which addon defines
// it, which extend it, and with which fields.
func layers(m *orm.Model) []layerFacts {
	reg := m.Registry()
	seen := map[string]bool{}
	for n := range magicFields {
		seen[n] = true
	}
	var out []layerFacts
	for _, l := range m.Layers {
		lf := layerFacts{addon: l.Addon, verb: "defines", parents: l.Inherit}
		if l.Extends {
			lf.verb = "extends"
		}
		for _, p := range l.Inherit {
			if pm := reg.Model(p); pm != nil {
				for _, f := range pm.FieldList {
					seen[f.Name] = true
				}
			}
		}
		for _, n := range l.Fields {
			if seen[n] {
				lf.redefines = append(lf.redefines, n)
			} else {
				lf.adds = append(lf.adds, n)
			}
			seen[n] = true
		}
		out = append(out, lf)
	}
	return out
}

// magicFields are the fields the ORM gives every model (or every model
// with log access).
var magicFields = map[string]bool{"id": true, "display_name": true, "create_uid": true,
	"create_date": true, "write_uid": true, "write_date": true}

// fieldOf gathers the facts of one field.
func fieldOf(f *orm.Field) fieldFacts {
	ff := fieldFacts{name: f.Name, typ: f.Type.String(), label: f.Label, addon: f.Addon, attrs: attributes(f)}
	if ff.addon == "" && magicFields[f.Name] {
		ff.addon = "orm"
	}
	add := func(ok bool, k, v string) {
		if ok {
			ff.details = append(ff.details, fact{k, v})
		}
	}
	add(f.Unavailable != "", "unavailable", f.Unavailable)
	add(f.Comodel != "", "relation", relationText(f))
	add(f.Related != "", "related", f.Related)
	add(len(f.Depends) > 0 && !(len(f.Depends) == 1 && f.Depends[0] == f.Related), "depends", strings.Join(f.Depends, ", "))
	add(len(f.DependsContext) > 0, "depends on context", strings.Join(f.DependsContext, ", "))
	add(f.Domain != nil, "domain", fmt.Sprint(f.Domain))
	add(len(f.Selection) > 0, "selection", selectionText(f.Selection))
	add(len(f.Selection) == 0 && f.SelectionFunc != nil, "selection", "computed when read (a function)")
	add(f.ModelField != "", "model field", f.ModelField)
	add(f.Help != "", "help", f.Help)
	return ff
}

// relationText is a relational field's comodel and how it links to it.
func relationText(f *orm.Field) string {
	s := "→ " + f.Comodel
	switch f.Type {
	case orm.TypeMany2one:
		if f.Ondelete != "" {
			s += ", ondelete " + string(f.Ondelete)
		}
	case orm.TypeOne2many:
		s += ", inverse " + f.InverseName
	case orm.TypeMany2many:
		if f.Relation != "" {
			s += fmt.Sprintf(", table %s (%s, %s)", f.Relation, f.Column1, f.Column2)
		}
	}
	return s
}

func selectionText(items []orm.SelectionItem) string {
	parts := make([]string, len(items))
	for i, it := range items {
		parts[i] = fmt.Sprintf("%s %q", it.Value, it.Label)
	}
	return strings.Join(parts, ", ")
}

// attributes are a field's flags and small attributes, in Odoo's words.
func attributes(f *orm.Field) []string {
	var out []string
	add := func(ok bool, s string) {
		if ok {
			out = append(out, s)
		}
	}
	add(f.Required, "required")
	add(f.Readonly, "readonly")
	add(f.Compute != nil && f.Related == "", "computed")
	add(f.IsComputed() && f.Store, "stored")
	add(!f.Store, "not stored")
	add(f.Index, "index")
	add(f.Copy && f.Type == orm.TypeOne2many, "copy")
	add(!f.Copy && f.Type != orm.TypeOne2many && f.Store && !f.IsComputed() && f.Name != "id", "not copied")
	add(f.Translate, "translate")
	add(f.CompanyDependent, "company-dependent")
	add(f.Size > 0, fmt.Sprintf("size %d", f.Size))
	add(f.HasDigits, fmt.Sprintf("digits (%d, %d)", f.Digits[0], f.Digits[1]))
	add(f.Type == orm.TypeMonetary && f.CurrencyField != "", "currency "+f.CurrencyField)
	add(f.Default != nil, "default "+defaultText(f.Default))
	add(f.Inverse != nil, "inverse")
	add(f.SearchFunc != nil, "searchable (search function)")
	add(f.Precompute, "precompute")
	add(f.Compute != nil && f.Related == "" && f.ComputeSudo != f.Store, fmt.Sprintf("compute_sudo %v", f.ComputeSudo))
	add(f.Recursive, "recursive")
	add(f.Groups != "", "groups "+f.Groups)
	add(f.Delegate, "delegate")
	add(f.AutoJoin, "auto_join")
	add(f.CheckCompany, "check_company")
	add(f.Attachment && f.Type == orm.TypeBinary, "attachment")
	add(f.GroupExpand != nil, "group_expand")
	return out
}

// defaultText shows a default value; a function is "computed".
func defaultText(v any) string {
	switch d := v.(type) {
	case func(*orm.Env) any:
		return "(a function)"
	case string:
		return fmt.Sprintf("%q", d)
	}
	return fmt.Sprint(v)
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
