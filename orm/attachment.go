package orm

// Binary fields kept in attachments.
//
// A stored Binary with Attachment (Odoo's default) has no column: its value
// is the db_datas of the ir.attachment row whose res_model, res_field and
// res_id name the model, the field and the record. The base addon declares
// ir.attachment; the ORM relies on these fields only.
//
//   - Reading loads the field for a batch of the prefetch set with one
//     query: the model's table LEFT JOIN ir_attachment (so deleted records
//     and record rules are told apart as for columns). Binaries are never
//     prefetched with the other columns (Odoo's prefetch=False).
//   - Writing and creating go through the ir.attachment model as superuser:
//     the existing rows are updated, missing ones created, and an empty
//     value deletes them.
//   - Unlinking a record deletes its attachments (all of them, as Odoo);
//     Copy copies the values, hence new attachments.
//   - In domains only (f, =, False) and (f, !=, False) apply:
//
//	f = False   ⇔  id NOT IN (SELECT res_id FROM ir_attachment WHERE res_model = m AND res_field = f)
//	f != False  ⇔  id IN (the same)

import (
	"fmt"
	"sort"

	"odsh/domain"
)

// attachmentModel is the name of the model holding attachments.
const attachmentModel = "ir.attachment"

// attachments returns the ir.attachment model, panicking when the registry
// lacks it (checked at set-up, so only for a registry built without base).
func (tx *Transaction) attachments() *Model {
	m := tx.reg.models[attachmentModel]
	if m == nil {
		panic(fmt.Errorf("orm: binary fields stored in attachments need the %s model (addon base)", attachmentModel))
	}
	return m
}

// checkAttachmentSetup refuses an attachment-backed field when the
// registry has no ir.attachment model.
func (r *Registry) checkAttachmentSetup(f *Field) error {
	if f.inAttachment() && r.models[attachmentModel] == nil {
		return fmt.Errorf("orm: %s: a binary kept in attachments needs the %s model (addon base); use Attachment(false) for a column", f, attachmentModel)
	}
	return nil
}

// fetchAttachments loads attachment-backed field f for id and the records
// of its prefetch set lacking it, in one query.
func (r Recordset) fetchAttachments(f *Field, id int64) {
	r.checkAccess("read")
	tx := r.env.tx
	att := tx.attachments()
	tx.flushModel(att)
	ids := r.batch(f, id)
	q := newQuery(r.model)
	q.addWhere(SQLf("%s = ANY(%s)", SQL{code: qualify(q.alias, "id")}, ids))
	if r.ruleDomain("read") != nil {
		r.addRules(q, "read")
		defer r.explainHidden(ids)
	}
	q.joins = append(q.joins, SQLf("LEFT JOIN %s AS %s ON %s = %s AND %s = %s AND %s = %s",
		Ident(att.Table), Ident("att"), SQL{code: qualify("att", "res_model")}, r.model.Name,
		SQL{code: qualify("att", "res_field")}, f.Name, SQL{code: qualify("att", "res_id")}, SQL{code: qualify(q.alias, "id")}))
	q.order = SQLf("%s", SQL{code: qualify("att", "id") + " DESC NULLS LAST"})
	what := SQLf("%s, %s", SQL{code: qualify(q.alias, "id")}, SQL{code: qualify("att", "db_datas")})
	c := tx.cache
	found := c.existing(r.model)
	tx.querySQL(q.selectSQL(what), func(rows pgxRows) error {
		var rid int64
		var data []byte
		if err := rows.Scan(&rid, &data); err != nil {
			return err
		}
		found.add(rid)
		var v any
		if len(data) > 0 {
			v = data
		}
		c.insertMissing(f, rid, v) // the newest attachment comes first
		return nil
	})
	gone := c.missing(r.model)
	for _, x := range ids {
		if !found.has(x) {
			gone[x] = true
		}
	}
	if !c.has(f, id) {
		panic(r.missing(id))
	}
}

// writeAttachments stores the values of attachment-backed fields for the
// records of r (which exist and may be written) and caches them.
func (r Recordset) writeAttachments(vals map[*Field]any) {
	ids := dedup(r.idList())
	for _, f := range sortedAttachmentFields(vals) {
		r.env.storeAttachments(r.model, f, ids, func(int) any { return vals[f] })
	}
}

func sortedAttachmentFields(vals map[*Field]any) []*Field {
	out := make([]*Field, 0, len(vals))
	for f := range vals {
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// createAttachments stores the attachment values of newly created rows.
func (recs Recordset) createAttachments(rows []newRow) {
	byField := map[*Field]bool{}
	for i := range rows {
		for f := range rows[i].attach {
			byField[f] = true
		}
	}
	for _, f := range sortedAttachmentFields(toAnyMap(byField)) {
		var ids []int64
		var values []any
		for i := range rows {
			if v, ok := rows[i].attach[f]; ok {
				ids = append(ids, recs.idList()[i])
				values = append(values, v)
			}
		}
		recs.env.storeAttachments(recs.model, f, ids, func(i int) any { return values[i] })
	}
}

func toAnyMap(m map[*Field]bool) map[*Field]any {
	out := make(map[*Field]any, len(m))
	for f := range m {
		out[f] = true
	}
	return out
}

// storeAttachments gives field f of records ids (of model m) the values
// value(i): the existing attachments are rewritten (or deleted for an
// empty value), the missing ones created, all as superuser.
func (env *Env) storeAttachments(m *Model, f *Field, ids []int64, value func(i int) any) {
	atts := env.Sudo().Model(attachmentModel).WithContext(Ctx{"active_test": false})
	existing := map[int64]Recordset{}
	for _, att := range atts.Search(domain.And{
		domain.Cond("res_model", domain.Eq, m.Name),
		domain.Cond("res_field", domain.Eq, f.Name),
		domain.Cond("res_id", domain.In, int64sToAny(ids))}).Records() {
		existing[att.Int("res_id")] = att
	}
	var drop Recordset = atts.Browse()
	var create []Values
	c := env.tx.cache
	for i, id := range ids {
		v := value(i)
		c.set(f, id, v)
		att, ok := existing[id]
		switch {
		case v == nil && ok:
			drop = drop.Concat(att)
		case v == nil:
		case ok:
			att.Write(Values{"db_datas": v})
		default:
			create = append(create, Values{"name": f.Name, "res_model": m.Name, "res_field": f.Name,
				"res_id": id, "type": "binary", "db_datas": v})
		}
	}
	drop.Unlink()
	atts.Create(create...)
}

func int64sToAny(ids []int64) []any {
	out := make([]any, len(ids))
	for i, id := range ids {
		out[i] = id
	}
	return out
}

// unlinkAttachments deletes the attachments of records ids of m, before
// the records themselves (Odoo's unlink does the same).
func (tx *Transaction) unlinkAttachments(m *Model, ids []int64) {
	att := tx.reg.models[attachmentModel]
	if att == nil || att == m || !att.HasTable() {
		return
	}
	tx.exec(fmt.Sprintf("DELETE FROM %s WHERE res_model = $1 AND res_id = ANY($2)", quote(att.Table)), m.Name, ids)
}

// condition translates (f, =, False) and (f, !=, False) on an
// attachment-backed binary; other conditions cannot be answered in SQL.
func (binaryKind) condition(r Recordset, alias string, f *Field, c domain.Condition) (SQL, bool) {
	if !f.inAttachment() {
		return SQL{}, false
	}
	op := c.Operator
	if op == domain.EqIfSet && truthy(c.Value) {
		op = domain.Eq
	}
	switch {
	case op == domain.EqIfSet:
		return SQLf("TRUE"), true
	case (op != domain.Eq && op != domain.Ne) || truthy(c.Value):
		panic(leafErr(f.Model, c, "a binary kept in attachments is only searchable with = False or != False"))
	}
	att := r.env.tx.attachments()
	r.env.tx.flushModel(att)
	sub := SQLf("SELECT %s FROM %s WHERE %s = %s AND %s = %s AND %s IS NOT NULL",
		SQL{code: quote("res_id")}, Ident(att.Table), SQL{code: quote("res_model")}, f.Model.Name,
		SQL{code: quote("res_field")}, f.Name, SQL{code: quote("res_id")})
	in := "IN"
	if op == domain.Eq {
		in = "NOT IN"
	}
	return SQLf("%s "+in+" (%s)", SQL{code: qualify(alias, "id")}, sub), true
}
