package orm

// auto_join: a condition through a many2one or one2many marked AutoJoin is
// translated with a JOIN (many2one) or a correlated EXISTS (one2many)
// instead of a subquery on the comodel; as in Odoo, the comodel's record
// rules and active filter then do not apply:
//
//	m2o any D      ⇔  co.id IS NOT NULL AND COALESCE(D(co), FALSE)      (LEFT JOIN co ON co.id = f)
//	m2o not any D  ⇔  co.id IS NULL OR NOT COALESCE(D(co), FALSE)
//	o2m any D      ⇔  EXISTS (SELECT 1 FROM co WHERE co.inverse = id AND D(co))
//	o2m not any D  ⇔  NOT EXISTS (...)

import "odsh/domain"

func (r Recordset) autoJoinSQL(q *query, alias string, f *Field, co *Model, d domain.Domain, negate bool) SQL {
	rs := Recordset{env: r.env, model: co}
	if f.Type == TypeMany2one {
		ja := q.leftJoin(alias, f.column, co.Table, "id")
		cond := rs.domainSQL(q, ja, co, d)
		id := SQL{code: qualify(ja, "id")}
		if negate {
			return SQLf("(%s IS NULL OR NOT COALESCE(%s, FALSE))", id, cond)
		}
		return SQLf("(%s IS NOT NULL AND COALESCE(%s, FALSE))", id, cond)
	}
	inv := co.Fields[f.InverseName]
	s := q.subQuery(co)
	s.addWhere(SQLf("%s = %s", SQL{code: qualify(s.alias, inv.column)}, SQL{code: qualify(alias, "id")}))
	s.addWhere(rs.domainSQL(s, s.alias, co, d))
	return notIf(negate, SQLf("EXISTS (%s)", s.selectSQL(SQLf("1"))))
}
