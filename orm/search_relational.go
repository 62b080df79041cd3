package orm

import (
	"fmt"

	"odsh/domain"
)

// subQuery starts a query on model m with a fresh alias, for subqueries.
func (q *query) subQuery(m *Model) *query {
	q.root().seq++
	s := &query{model: m, alias: fmt.Sprintf("%s__%d", m.Table, q.root().seq), aliases: map[string]bool{}, parent: q}
	s.aliases[s.alias] = true
	return s
}

func (q *query) root() *query {
	for q.parent != nil {
		q = q.parent
	}
	return q
}

// subSelect returns "SELECT <col> FROM ... WHERE <d>" on comodel co, with
// or without its active filter.
func (r Recordset) subSelect(q *query, co *Model, d domain.Domain, col string, activeTest bool, ctx Ctx) SQL {
	env := r.env.WithContext(Ctx{"active_test": activeTest})
	if ctx != nil {
		env = env.WithContext(ctx)
	}
	rs := Recordset{env: env, model: co}
	s := q.subQuery(co)
	rs.addActiveFilter(s, d)
	s.addWhere(rs.domainSQL(s, s.alias, co, d))
	rs.addRules(s, "read")
	return s.selectSQL(SQL{code: qualify(s.alias, col)})
}

// lineActive says whether x2many lines are filtered by active: the field's
// context wins, then the caller's.
func (r Recordset) lineActive(f *Field) bool {
	if f.Context != nil {
		if _, ok := f.Context["active_test"]; ok {
			return f.Context.Bool("active_test", true)
		}
	}
	return r.env.ctx.Bool("active_test", true)
}

// anySQL: (f, any, D) — some record f refers to satisfies D.
//
//	m2o any D      ⇔  f IN (SELECT id FROM co WHERE D)          (archived included)
//	m2o not any D  ⇔  f IS NULL OR f NOT IN (...)
//	x2m any D      ⇔  EXISTS a line satisfying D                 (field context)
//	x2m not any D  ⇔  NOT EXISTS ...
func (r Recordset) anySQL(q *query, alias string, f *Field, d domain.Domain, negate bool) SQL {
	co := r.model.registry.models[f.Comodel]
	if f.Domain != nil && f.Type.X2many() {
		d = domain.AND(d, r.ParseDomain(f.Domain))
	}
	if f.AutoJoin && f.Type != TypeMany2many {
		return r.autoJoinSQL(q, alias, f, co, d, negate)
	}
	switch f.Type {
	case TypeMany2one:
		col := r.fieldValueSQL(alias, f)
		sub := r.subSelect(q, co, d, "id", false, nil)
		if negate {
			return SQLf("(%s IS NULL OR %s NOT IN (%s))", col, col, sub)
		}
		return SQLf("%s IN (%s)", col, sub)
	case TypeOne2many:
		inv := co.Fields[f.InverseName]
		sub := r.subSelect(q, co, domain.AND(d, domain.Cond(f.InverseName, domain.Ne, false)), inv.column, r.lineActive(f), f.Context)
		return notIf(negate, SQLf(qualify(alias, "id")+" IN (%s)", sub))
	case TypeMany2many:
		sub := r.subSelect(q, co, d, "id", r.lineActive(f), f.Context)
		inner := SQLf("SELECT %s FROM %s WHERE %s IN (%s)", Ident(f.Column1), Ident(f.Relation), Ident(f.Column2), sub)
		return notIf(negate, SQLf(qualify(alias, "id")+" IN (%s)", inner))
	}
	panic(fmt.Errorf("orm: any on %s", f))
}

func notIf(negate bool, s SQL) SQL {
	if negate {
		return SQLf("NOT %s", s)
	}
	return s
}

// byName reports whether a relational condition compares display names.
func byName(op domain.Operator, value any) bool { return domain.ByName(op, value) }

// nameCondition is the condition on the comodel's name for a by-name
// comparison; <, >, <=, >= act as = (name_search).
func (r Recordset) nameCondition(co *Model, c domain.Condition, op domain.Operator) domain.Domain {
	if len(co.nameFields()) == 0 {
		panic(&ValidationError{ErrorInfo{Model: r.model.Name, Field: c.Path, Value: c.Value, HasValue: true,
			Msg: fmt.Sprintf("cannot compare %s records with a name: the model has no _rec_name", co.Name)}})
	}
	switch op {
	case domain.Lt, domain.Le, domain.Gt, domain.Ge:
		op = domain.Eq
	}
	return co.nameDomain(op, c.Value)
}

// many2oneSQL: ids compare the column; names search the comodel.
func (r Recordset) many2oneSQL(q *query, alias string, f *Field, c domain.Condition) SQL {
	if !byName(c.Operator, c.Value) {
		return scalarSQL(r.model.registry.models[f.Model.Name], f, r.fieldValueSQL(alias, f), c)
	}
	co := r.model.registry.models[f.Comodel]
	op := c.Operator
	if op.Negative() {
		pos, _ := op.Negation()
		return r.anySQL(q, alias, f, r.nameCondition(co, c, pos), true)
	}
	return r.anySQL(q, alias, f, r.nameCondition(co, c, op), false)
}

// x2manySQL: ids mean "has a line among", names "has a line named".
//
//	x2m in L      ⇔  some line in L (or no line at all, when L held False)
//	x2m not in L  ⇔  no line in L (and some line, when L held False)
func (r Recordset) x2manySQL(q *query, alias string, f *Field, c domain.Condition) SQL {
	co := r.model.registry.models[f.Comodel]
	if byName(c.Operator, c.Value) {
		if c.Operator.Negative() {
			pos, _ := c.Operator.Negation()
			return r.anySQL(q, alias, f, r.nameCondition(co, c, pos), true)
		}
		return r.anySQL(q, alias, f, r.nameCondition(co, c, c.Operator), false)
	}
	op, list := c.Operator, asList(c.Value)
	switch op {
	case domain.Eq:
		op = domain.In
	case domain.Ne:
		op = domain.NotIn
	case domain.In, domain.NotIn:
	default:
		ids := domain.Cond("id", c.Operator, c.Value)
		return r.anySQL(q, alias, f, ids, false)
	}
	var ids []any
	hasFalse := false
	for _, it := range list {
		if it == nil || it == false {
			hasFalse = true
		} else {
			ids = append(ids, it)
		}
	}
	some := r.x2manyIDsSQL(q, alias, f, ids)
	if len(ids) == 0 {
		some = SQLf("FALSE")
	}
	none := r.anySQL(q, alias, f, domain.TRUE, true)
	switch {
	case op == domain.In && hasFalse:
		return SQLf("(%s OR %s)", some, none)
	case op == domain.In:
		return some
	case hasFalse:
		return SQLf("(NOT %s AND NOT %s)", some, none)
	}
	return SQLf("NOT %s", some)
}

// x2manyIDsSQL: the records with a line among ids, the ids taken as given
// (Odoo): neither the comodel's active filter nor the field's domain or
// context apply; record rules still do.
//
//	o2m in ids  ⇔  id IN (SELECT inverse FROM co WHERE id IN ids AND inverse IS NOT NULL)
//	m2m in ids  ⇔  id IN (SELECT col1 FROM rel WHERE col2 IN (SELECT id FROM co WHERE id IN ids))
func (r Recordset) x2manyIDsSQL(q *query, alias string, f *Field, ids []any) SQL {
	co := r.model.registry.models[f.Comodel]
	d := domain.Cond("id", domain.In, ids)
	if f.Type == TypeOne2many {
		inv := co.Fields[f.InverseName]
		sub := r.subSelect(q, co, domain.AND(d, domain.Cond(f.InverseName, domain.Ne, false)), inv.column, false, nil)
		return SQLf(qualify(alias, "id")+" IN (%s)", sub)
	}
	sub := r.subSelect(q, co, d, "id", false, nil)
	inner := SQLf("SELECT %s FROM %s WHERE %s IN (%s)", Ident(f.Column1), Ident(f.Relation), Ident(f.Column2), sub)
	return SQLf(qualify(alias, "id")+" IN (%s)", inner)
}

// hierarchySQL: child_of / parent_of. On the model's parent field (or id)
// the records themselves and their descendants (ancestors) match; on a
// relational field to another model, the records linked to them.
func (r Recordset) hierarchySQL(q *query, alias string, m *Model, f *Field, c domain.Condition) SQL {
	target := m
	if f.Name != "id" && !(f.Type == TypeMany2one && f.Comodel == m.Name && f.Name == m.ParentName) {
		if !f.Type.Relational() {
			panic(leafErr(m, c, "%q needs the id, the parent field or a relational field", c.Operator))
		}
		sub := domain.Cond("id", c.Operator, c.Value)
		return r.anySQL(q, alias, f, sub, false)
	}
	ids := r.hierarchyIDs(target, c)
	if len(ids) == 0 {
		return SQLf("FALSE")
	}
	if target.ParentName == "" || target.Fields[target.ParentName] == nil {
		// no hierarchy: (id, child_of, X) ⇔ (id, in, X), as Odoo
		return SQLf(qualify(alias, "id")+" = ANY(%s)", ids)
	}
	q.use(target.Fields[target.ParentName], target.Fields["parent_path"])
	parent := quote(target.Fields[target.ParentName].column)
	t := quote(target.Table)
	var sub SQL
	if c.Operator == domain.ChildOf {
		if target.ParentStore {
			sub = SQLf("SELECT c.id FROM "+t+" AS c JOIN "+t+" AS p ON c.parent_path LIKE p.parent_path || '%%' WHERE p.id = ANY(%s)", ids)
		} else {
			sub = SQLf("WITH RECURSIVE h(id) AS (SELECT id FROM "+t+" WHERE id = ANY(%s) UNION SELECT x.id FROM "+t+" AS x JOIN h ON x."+parent+" = h.id) SELECT id FROM h", ids)
		}
	} else {
		sub = SQLf("WITH RECURSIVE h(id, up) AS (SELECT id, "+parent+" FROM "+t+" WHERE id = ANY(%s) UNION SELECT x.id, x."+parent+" FROM "+t+" AS x JOIN h ON x.id = h.up) SELECT id FROM h", ids)
	}
	return SQLf(qualify(alias, "id")+" IN (%s)", sub)
}

// hierarchyIDs reads the ids of a child_of/parent_of value: ids, a record
// set, or names (matched with ilike).
func (r Recordset) hierarchyIDs(m *Model, c domain.Condition) []int64 {
	var ids []int64
	var names []any
	for _, it := range asList(c.Value) {
		switch x := it.(type) {
		case nil, bool:
		case string:
			names = append(names, x)
		case Recordset:
			ids = append(ids, x.idList()...)
		default:
			n, ok := toInt64(it)
			if !ok {
				panic(leafErr(m, c, "expected ids or names, got %T", it))
			}
			ids = append(ids, n)
		}
	}
	if len(names) > 0 {
		if len(m.nameFields()) == 0 {
			panic(leafErr(m, c, "%s has no _rec_name to match names", m.Name))
		}
		var parts []domain.Domain
		for _, n := range names {
			parts = append(parts, m.nameDomain(domain.ILike, n))
		}
		found := r.env.Model(m.Name).WithContext(Ctx{"active_test": false}).Search(domain.OR(parts...))
		ids = append(ids, found.idList()...)
	}
	return ids
}
