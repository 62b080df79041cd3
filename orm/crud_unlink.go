package orm

import (
	"fmt"

	"github.com/jackc/pgx/v5"
)

// Unlink deletes the records. Pending writes are flushed first; the
// database applies the ondelete rules of the many2one fields pointing here
// (restrict raises a UserError naming the model that still refers to the
// records, cascade deletes, set null empties). Records already deleted are
// ignored, as Odoo.
//
// Example:
//
//	p := env.Model("res.partner").Create(orm.Values{"name": "Temporary"})
//	p.Unlink()
//	p.Exists().Len()
func (r Recordset) Unlink() {
	r.check()
	if len(r.idList()) == 0 {
		return
	}
	r.Call("unlink")
}

func (r Recordset) unlink() {
	m := r.model
	if !m.HasTable() {
		return
	}
	r.checkAccess("unlink")
	r.checkRules("unlink")
	r.env.tx.securityChanged(m)
	tx := r.env.tx
	tx.flushAll()
	ids := dedup(r.idList())
	tx.auditUnlink(m, ids)
	cascaded := tx.unlinkModified(m, ids)
	tx.unlinkAttachments(m, ids)
	tx.deleteRows(m, ids)
	if data := tx.reg.models["ir.model.data"]; data != nil && m.Name != "ir.model.data" {
		tx.exec(fmt.Sprintf("DELETE FROM %s WHERE model = $1 AND res_id = ANY($2)", quote(data.Table)), m.Name, ids)
		tx.xmlids = map[string]xmlRef{}
	}
	tx.wrote = true
	gone := tx.cache.gone
	tx.cache.clear()
	tx.cache.gone = gone
	tx.cache.forget(m, ids)
	clear(tx.comp.variants)
	for cm, cids := range cascaded {
		tx.forgetToCompute(cm, cids)
	}
}

// genericPlanFrom is the number of records from which a deletion asks
// PostgreSQL for generic plans of the foreign-key triggers it fires.
const genericPlanFrom = 100

// deleteRows sends the DELETE of ids. Each deleted row fires one trigger
// per foreign key pointing at the table (restrict, cascade, set null),
// and each trigger runs a prepared query "... WHERE fk = $1". While the
// table's statistics do not know its new rows, PostgreSQL keeps planning
// those queries afresh for every row (a custom plan costs more to make
// than to run): 10,000 rows with 4 foreign keys meant 40,000 plannings.
// For a large deletion the statement runs with plan_cache_mode set to
// force_generic_plan, local to the transaction and put back right after:
// a trigger query is one equality on the foreign key, whose generic plan
// is the custom one. A server without that setting (before PostgreSQL 12)
// is left as it is.
func (tx *Transaction) deleteRows(m *Model, ids []int64) {
	q := fmt.Sprintf("DELETE FROM %s WHERE id = ANY($1)", quote(m.Table))
	if len(ids) < genericPlanFrom {
		tx.exec(q, ids)
		return
	}
	var old string
	tx.query("SELECT old, set_config('plan_cache_mode', 'force_generic_plan', true) "+
		"FROM (SELECT current_setting('plan_cache_mode', true) AS old) s WHERE old IS NOT NULL",
		nil, func(rows pgx.Rows) error {
			var set string
			return rows.Scan(&old, &set)
		})
	tx.exec(q, ids)
	if old != "" {
		tx.exec("SELECT set_config('plan_cache_mode', $1, true)", old)
	}
}
