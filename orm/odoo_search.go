package orm

// Search functions of Odoo fields that record rules use and whose Python
// odsh knows: mail.thread's followers. A field listed here stays
// unavailable for reading (Odoo computes it) but can be searched.

import (
	"encoding/json"

	"odsh/domain"
)

// searchFunc returns the search function of an Odoo field, given the schema
// has what the function reads.
func (s *odooSchema) searchFunc(f *odooFieldRow) func(rs Recordset, op string, value any) any {
	if f.name == "message_partner_ids" && f.relation == "res.partner" && s.columns["mail_followers"] != nil {
		return searchFollowers
	}
	return nil
}

// searchFollowers is mail.thread's _search_message_partner_ids:
//
//	message_partner_ids op v      ⇔  id in (followed by a partner with id op v)
//	message_partner_ids not op v  ⇔  id not in (followed by a partner with id op v)
//
// for op in =, in, child_of, parent_of (the negation of = and in).
func searchFollowers(rs Recordset, op string, value any) any {
	pos, neg := domain.Operator(op), false
	switch pos {
	case domain.Ne:
		pos, neg = domain.Eq, true
	case domain.NotIn:
		pos, neg = domain.In, true
	}
	partners := rs.env.Sudo().Model("res.partner").WithContext(Ctx{"active_test": false}).
		Search(domain.Cond("id", pos, value)).IDs()
	ids := []int64{}
	rs.env.tx.Query("SELECT DISTINCT res_id FROM mail_followers WHERE res_model = $1 AND partner_id = ANY($2)",
		[]any{rs.model.Name, partners}, func(rows pgxRows) error {
			var id int64
			err := rows.Scan(&id)
			ids = append(ids, id)
			return err
		})
	if neg {
		return domain.Cond("id", domain.NotIn, ids)
	}
	return domain.Cond("id", domain.In, ids)
}

// irDefault is the fallback of a company-dependent field in Odoo 18: the
// ir.default value of the field for the env's company, else for every
// company (a user-specific or conditional default does not apply).
func irDefault(fieldID int64, t FieldType) func(env *Env) any {
	return func(env *Env) any {
		var text *string
		env.tx.Query(`SELECT json_value FROM ir_default WHERE field_id = $1 AND user_id IS NULL AND condition IS NULL
			AND (company_id = $2 OR company_id IS NULL) ORDER BY company_id NULLS LAST, id LIMIT 1`,
			[]any{fieldID, env.Company().ID()}, func(rows pgxRows) error { return rows.Scan(&text) })
		if text == nil {
			return nil
		}
		var v any
		if err := json.Unmarshal([]byte(*text), &v); err != nil {
			return nil
		}
		if x, ok := v.(float64); ok && (t == TypeMany2one || t == TypeInteger) && x == float64(int64(x)) {
			return int64(x)
		}
		return v
	}
}

// knownCompute returns odsh's version of the Python compute of a
// non-stored field that record rules read, or nil: res.users.employee_id
// (the user's employee in the env's company), which HR's rules use.
func (s *odooSchema) knownCompute(f *odooFieldRow) ComputeFunc {
	emp := s.byName["hr.employee"]
	if f.model != "res.users" || f.name != "employee_id" || f.relation != "hr.employee" ||
		emp["user_id"] == nil || !emp["user_id"].store || emp["company_id"] == nil || !emp["company_id"].store {
		return nil
	}
	return computeUserEmployee
}

// computeUserEmployee is res.users._compute_company_employee: the first
// employee (in hr.employee's order) of the user in the env's company.
func computeUserEmployee(rs Recordset) {
	emps := rs.env.Sudo().Model("hr.employee")
	company := rs.env.Company().ID()
	for _, rec := range rs.Records() {
		e := emps.Search(domain.AND(domain.Cond("user_id", domain.Eq, rec.ID()), domain.Cond("company_id", domain.Eq, company)), Limit(1))
		rec.Set("employee_id", e.WithEnv(rs.env))
	}
}
