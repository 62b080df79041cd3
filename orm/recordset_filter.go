package orm

import (
	"errors"
	"fmt"
	"strings"

	"odsh/domain"
)

// FilteredDomain returns the records of r that satisfy dom, in r's order,
// evaluated in memory on the records' values with Odoo 18's search rules
// (domain.Eval), so that it agrees with Search. child_of and parent_of
// conditions need the hierarchy: each is replaced first by ('id', 'in',
// ids) with the ids a search for it finds, as Odoo does; so are
// conditions comparing an x2many with explicit ids, which match archived
// lines as Search does (Odoo's filtered_domain reads the lines without
// them, and disagrees with its search there). Archived records
// of r are not hidden (no active test, as Odoo). An unknown field or a bad
// value panics with a ValidationError.
func (r Recordset) FilteredDomain(dom any) Recordset {
	r.check()
	d := r.resolveX2manyIDs(r.resolveHierarchy(r.ParseDomain(dom)))
	var ids []int64
	for _, rec := range r.Records() {
		ok, err := domain.Eval(d, recordView{rec})
		if err != nil {
			panic(r.evalErr(dom, err))
		}
		if ok {
			ids = append(ids, rec.idList()[0])
		}
	}
	return r.withIDs(ids)
}

// evalErr turns an evaluation error into the ORM error it carries, or a
// ValidationError naming the domain.
func (r Recordset) evalErr(dom any, err error) error {
	var oe Error
	if errors.As(err, &oe) {
		return oe
	}
	return &ValidationError{ErrorInfo{Model: r.model.Name, Value: dom, HasValue: true, Err: err,
		Msg: "cannot evaluate domain: " + err.Error()}}
}

// resolveHierarchy rewrites the child_of/parent_of conditions of d:
//
//	(p, child_of, v)  ⇔  (id, in, search([(p, child_of, v)]))
func (r Recordset) resolveHierarchy(d domain.Domain) domain.Domain {
	out, _ := domain.Transform(d, func(c domain.Condition) (domain.Domain, error) {
		op := domain.NormalizeCondition(c).Operator
		if op != domain.ChildOf && op != domain.ParentOf {
			return c, nil
		}
		found := r.WithContext(Ctx{"active_test": false}).Search(domain.Domain(c))
		ids := make([]any, len(found.idList()))
		for i, id := range found.idList() {
			ids[i] = id
		}
		return domain.Cond("id", domain.In, ids), nil
	})
	return out
}

// resolveX2manyIDs rewrites the conditions that compare an x2many with
// ids, which match archived lines (x2manyIDsSQL) the record's value lacks:
//
//	(p, in, ids)  ⇔  (id, in, search([(id, in, r), (active, in, [T, F]), (p, in, ids)]))   p ending at an x2many
func (r Recordset) resolveX2manyIDs(d domain.Domain) domain.Domain {
	var real []int64
	for _, id := range r.idList() {
		if id > 0 {
			real = append(real, id)
		}
	}
	if len(real) != len(r.idList()) || len(real) == 0 {
		return d // new records cannot be searched
	}
	out, _ := domain.Transform(d, func(c domain.Condition) (domain.Domain, error) {
		n := domain.NormalizeCondition(c)
		switch n.Operator {
		case domain.Eq, domain.Ne, domain.In, domain.NotIn:
		default:
			return c, nil
		}
		if f := r.model.lastField(n.Path); f == nil || !f.Type.X2many() || byName(n.Operator, n.Value) || !hasID(n.Value) {
			return c, nil
		}
		var scope domain.Domain = domain.Cond("id", domain.In, real)
		if name := r.model.ActiveName; name != "" { // r's archived records too
			scope = domain.AND(scope, domain.Cond(name, domain.In, []any{true, false}))
		}
		found := r.Search(domain.AND(scope, domain.Domain(c)))
		ids := make([]any, len(found.idList()))
		for i, id := range found.idList() {
			ids[i] = id
		}
		return domain.Cond("id", domain.In, ids), nil
	})
	return out
}

// hasID reports whether a condition's value holds something else than
// False.
func hasID(v any) bool {
	for _, it := range asList(v) {
		if it != nil && it != false {
			return true
		}
	}
	return false
}

// lastField returns the field a path ends at, or nil when the path does
// not name fields all the way.
func (m *Model) lastField(path string) *Field {
	cur := m
	var f *Field
	for _, name := range splitPath(path) {
		if cur == nil {
			return nil
		}
		if f = cur.Fields[name]; f == nil {
			return nil
		}
		cur = m.registry.models[f.Comodel]
	}
	return f
}

// recordView shows one record to domain.Eval.
type recordView struct{ rec Recordset }

var _ domain.NameSearcher = recordView{}

// ID returns the record's id.
func (v recordView) ID() int64 { return v.rec.idList()[0] }

// DisplayName returns the record's display name.
func (v recordView) DisplayName() string { return v.rec.DisplayName() }

// Value returns a field's value: the cache value for a scalar (nil for
// NULL), the related records (sharing a prefetch set) for a relational
// field.
func (v recordView) Value(name string) (domain.Value, error) {
	if head, part, dotted := strings.Cut(name, "."); dotted {
		return v.datePart(head, part)
	}
	f := v.rec.model.Fields[name]
	if f == nil {
		return domain.Value{}, &ValidationError{ErrorInfo{Model: v.rec.model.Name, Field: name,
			Msg: fmt.Sprintf("unknown field %q in domain%s", name, v.rec.model.suggest(name))}}
	}
	k := domainKind(f.Type)
	if f.Type.Relational() {
		recs := v.rec.relValue(f)
		if f.Type.X2many() {
			recs = v.rec.activeLines(f, recs)
		}
		views := make([]domain.Record, recs.Len())
		for i, rec := range recs.Records() {
			views[i] = recordView{rec}
		}
		return domain.Value{Kind: k, Records: views}, nil
	}
	return domain.Value{Kind: k, Scalar: v.rec.value(f, v.rec.idList()[0])}, nil
}

// NameDomain returns the model's search by name (nameDomain: its
// _rec_names_search or _rec_name fields), or nil for a model with neither,
// whose records compare their display name.
func (v recordView) NameDomain(op domain.Operator, value any) domain.Domain {
	if len(v.rec.model.nameFields()) == 0 {
		return nil
	}
	return v.rec.model.nameDomain(op, value)
}

// datePart returns number property part of date field fname, read in the
// context's time zone for a datetime (as datePartSQL).
func (v recordView) datePart(fname, part string) (domain.Value, error) {
	f := v.rec.model.Fields[fname]
	if f == nil || !isDatePart(f, []string{fname, part}) {
		return domain.Value{}, &ValidationError{ErrorInfo{Model: v.rec.model.Name, Field: fname + "." + part,
			Msg: fmt.Sprintf("%q is not a number property of a date field", fname+"."+part)}}
	}
	t, ok := asTime(v.rec.value(f, v.rec.idList()[0]))
	if !ok {
		return domain.Value{Kind: domain.KindInteger}, nil
	}
	if loc := v.rec.env.contextZone(); loc != nil && f.Type == TypeDatetime {
		t = t.In(loc)
	}
	return domain.Value{Kind: domain.KindInteger, Scalar: timePart(t, part, v.rec.weekStartFor(part))}, nil
}

// activeLines drops the archived lines of an x2many value unless the
// field's context (or the record's) turns active_test off, as Odoo's
// x2many convert_to_record does.
func (r Recordset) activeLines(f *Field, lines Recordset) Recordset {
	name := lines.model.ActiveName
	if name == "" || !r.lineActive(f) {
		return lines
	}
	return lines.Filtered(name)
}

// domainKind maps a field type to the kind domain.Eval knows.
func domainKind(t FieldType) domain.Kind {
	switch t {
	case TypeBoolean:
		return domain.KindBoolean
	case TypeInteger:
		return domain.KindInteger
	case TypeFloat:
		return domain.KindFloat
	case TypeMonetary:
		return domain.KindMonetary
	case TypeChar:
		return domain.KindChar
	case TypeText:
		return domain.KindText
	case TypeHTML:
		return domain.KindHTML
	case TypeSelection:
		return domain.KindSelection
	case TypeDate:
		return domain.KindDate
	case TypeDatetime:
		return domain.KindDatetime
	case TypeBinary:
		return domain.KindBinary
	case TypeMany2one:
		return domain.KindMany2one
	case TypeOne2many:
		return domain.KindOne2many
	case TypeMany2many:
		return domain.KindMany2many
	case TypeReference:
		return domain.KindReference
	case TypeMany2oneReference:
		return domain.KindInteger
	}
	return domain.KindOther
}
