package orm

// Constraints (Odoo's @api.constrains).
//
// A Constraint's Check runs on the records of a Create or Write that set
// one of its Fields, and on the records whose stored computed field it
// watches was just recomputed. It panics with a ValidationError to refuse
// them; the error undoes the whole call when it is caught (Env.Catch, a
// REPL statement), as the savepoint around it is rolled back.

// checkConstraints runs the model's constraints on the touched fields.
func (r Recordset) checkConstraints(touched []*Field) {
	m := r.model
	if len(m.Constraints) == 0 {
		return
	}
	done := map[int]bool{}
	for _, f := range touched {
		for _, i := range m.constraintsByField[f.Name] {
			if !done[i] {
				done[i] = true
				m.Constraints[i].Check(r)
			}
		}
	}
}
