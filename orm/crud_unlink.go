package orm

import "fmt"

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
	if len(r.ids) == 0 {
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
	ids := dedup(r.ids)
	tx.auditUnlink(m, ids)
	cascaded := tx.unlinkModified(m, ids)
	tx.unlinkAttachments(m, ids)
	tx.exec(fmt.Sprintf("DELETE FROM %s WHERE id = ANY($1)", quote(m.Table)), ids)
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
