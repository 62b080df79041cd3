package orm

// Access rights (ir.model.access) and record rules (ir.rule) are not
// enforced yet: every env may read and write every model, as the superuser
// does. checkAccess and addRules are the two places that will do it, so
// that search, read, write, create and unlink already go through them.

// checkAccess verifies the env's user may perform mode on the model.
func (r Recordset) checkAccess(mode string) {}

// addRules restricts a query to the records the user's rules allow.
func (r Recordset) addRules(q *query, mode string) {}
