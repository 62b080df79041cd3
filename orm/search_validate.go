package orm

import (
	"fmt"

	"odsh/domain"
)

// Checking a domain before any SQL.
//
// A search refuses a bad domain before it sends anything: unknown
// operators, unknown fields anywhere in a path, paths through scalar
// fields, any/not any on a scalar or with a value that is no domain,
// child_of by name on a model without _rec_name, and values that cannot be
// converted to a scalar field's type all panic with a ValidationError
// naming the model, the field and the value. (Translating the domain may
// itself run searches, e.g. for child_of names; those come after.)

// validateDomain checks every condition of d on model m.
func (r Recordset) validateDomain(m *Model, d domain.Domain) {
	_, _ = domain.Transform(d, func(c domain.Condition) (domain.Domain, error) {
		r.validateCondition(m, c)
		return c, nil
	})
}

// validateCondition checks one condition.
func (r Recordset) validateCondition(m *Model, c domain.Condition) {
	if !c.Operator.Valid() {
		panic(&ValidationError{ErrorInfo{Model: m.Name, Field: c.Path, Value: c.Operator, HasValue: true,
			Msg: fmt.Sprintf("unknown operator %q in %s", c.Operator, c)}})
	}
	if m.Fields[splitPath(c.Path)[0]] == nil && isConstantPath(c.Path) {
		return // (1, '=', 1) and (0, '=', 1)
	}
	c = domain.NormalizeCondition(c)
	f, last := r.pathField(m, c)
	switch {
	case c.Operator == domain.Any || c.Operator == domain.NotAny:
		r.validateAny(last, f, c)
	case c.Operator == domain.ChildOf || c.Operator == domain.ParentOf:
		r.validateHierarchy(last, f, c)
	case f.Type == TypeBinary:
		if c.Operator != domain.Eq && c.Operator != domain.Ne && c.Operator != domain.EqIfSet {
			panic(leafErr(last, c, "only =, != and =? apply to a binary field"))
		}
	case !f.Type.Relational() && f.column != "" && !isLikeFamily(c.Operator):
		for _, it := range asList(c.Value) {
			if it != nil && it != false {
				columnParam(last, f, c, it, false)
			}
		}
	}
}

// isConstantPath reports whether a path is a number (the constant leaves).
func isConstantPath(p string) bool { return p == "1" || p == "0" }

func isLikeFamily(op domain.Operator) bool {
	return isLikeOp(op) || op == domain.NotLike || op == domain.NotILike
}

// pathField follows c's path from m: every field must exist and every one
// but the last be relational. It returns the last field and its model.
func (r Recordset) pathField(m *Model, c domain.Condition) (*Field, *Model) {
	segs := splitPath(c.Path)
	cur := m
	for i, name := range segs {
		f := cur.Fields[name]
		if f == nil {
			panic(&ValidationError{ErrorInfo{Model: cur.Name, Field: name, Value: c.Value, HasValue: true,
				Msg: fmt.Sprintf("unknown field %q in domain condition %s%s", name, c, cur.suggest(name))}})
		}
		if i == len(segs)-1 {
			return f, cur
		}
		if isDatePart(f, segs[i:]) {
			return datePartField(f, segs[i+1]), cur
		}
		if !f.Type.Relational() {
			panic(leafErr(cur, c, "%q is not a relational field: it has no subfield %q", name, segs[i+1]))
		}
		cur = m.registry.models[f.Comodel]
	}
	return nil, nil
}

// validateAny checks (f, any, D): f relational, D a domain on its comodel.
func (r Recordset) validateAny(m *Model, f *Field, c domain.Condition) {
	if !f.Type.Relational() {
		panic(leafErr(m, c, "%q needs a relational field", c.Operator))
	}
	sub, err := domain.Of(c.Value)
	if err != nil {
		panic(leafErr(m, c, "%v", err))
	}
	r.validateDomain(m.registry.models[f.Comodel], sub)
}

// validateHierarchy checks child_of/parent_of: names need a _rec_name.
func (r Recordset) validateHierarchy(m *Model, f *Field, c domain.Condition) {
	target := m
	if f.Name != "id" {
		if !f.Type.Relational() {
			panic(leafErr(m, c, "%q needs the id, the parent field or a relational field", c.Operator))
		}
		target = m.registry.models[f.Comodel]
	}
	for _, it := range asList(c.Value) {
		switch it.(type) {
		case nil, bool, Recordset:
		case string:
			if len(target.nameFields()) == 0 {
				panic(leafErr(m, c, "%s has no _rec_name to match names", target.Name))
			}
		default:
			if _, ok := toInt64(it); !ok {
				panic(leafErr(m, c, "expected ids or names, got %T", it))
			}
		}
	}
}
