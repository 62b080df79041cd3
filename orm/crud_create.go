package orm

import (
	"encoding/binary"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/jackc/pgx/v5/pgtype"
)

// Create creates one record per Values and returns them in order: defaults
// are added, every row is inserted by one INSERT, then x2many commands run
// (the lines of all records created together), then constraints.
//
// Example:
//
//	p := env.Model("res.partner").Create(orm.Values{"name": "Acme", "city": "Gent", "country_id": env.Ref("base.be").ID()})
//	p.Str("country_id.code")
func (r Recordset) Create(vals ...Values) Recordset {
	r.check()
	if len(vals) == 0 {
		return r.Browse()
	}
	return r.Call("create", vals).(Recordset)
}

// magic fields the ORM sets itself.
var logAccessFields = map[string]bool{"create_uid": true, "create_date": true, "write_uid": true, "write_date": true}

// newRow is one record to insert: its column values, x2many commands,
// and values of non-stored fields written after the insert.
type newRow struct {
	cols    map[*Field]any
	x2m     map[*Field][]Cmd
	attach  map[*Field]any // binaries kept in attachments
	after   Values
	given   []*Field
	full    Values   // the values given, defaults added
	protect []*Field // computed fields given or precomputed: not to compute
}

func (r Recordset) create(list []Values) Recordset {
	m := r.model
	if len(list) == 0 {
		return r.Browse()
	}
	if !m.HasTable() {
		panic(userErr(m.Name, "cannot create records of an abstract model (no table)"))
	}
	r.checkAccess("create")
	rows := make([]newRow, len(list))
	defaulted := r.defaulted()
	for i, vals := range list {
		rows[i] = r.prepareRow(vals, defaulted)
	}
	r.precompute(rows)
	var ids []int64
	marked := r.computesBeforeInsert(rows)
	if marked {
		ids = r.insertComputed(rows)
	} else {
		ids = r.insertRows(rows)
	}
	recs := r.Browse(ids...)
	recs.checkRules("create")
	r.env.tx.securityChanged(m)
	recs.parentStoreCreate()
	recs.createAttachments(rows)
	recs.afterCreate(rows, marked)
	recs.checkCompanyAuto(nil)
	return recs
}

// prepareRow validates and converts one record's values, defaults added.
func (r Recordset) prepareRow(vals Values, defaulted []*Field) newRow {
	m := r.model
	full := r.withDefaultsOf(vals, defaulted)
	row := newRow{cols: make(map[*Field]any, len(full)+6), full: full, given: make([]*Field, 0, len(full))} // x2m, attach, after: made when needed
	for _, name := range full.Keys() {
		f := m.mustField(name)
		v := full[name]
		switch {
		case name == "id" || logAccessFields[name] || name == "display_name":
			continue
		case f.IsComputed() && !f.Store:
			if f.Inverse == nil && (f.Related == "" || f.Readonly) {
				continue // Odoo ignores values of read-only computed fields
			}
			if row.after == nil {
				row.after = Values{}
			}
			row.after[name] = v
		case f.IsComputed() && f.Readonly:
			continue
		case f.Type.X2many():
			if row.x2m == nil {
				row.x2m = map[*Field][]Cmd{}
			}
			row.x2m[f] = f.convertValue(v).([]Cmd)
		case f.jsonKeyed():
			row.cols[f] = r.newMap(f, f.convertValue(v))
		case f.inAttachment():
			if row.attach == nil {
				row.attach = map[*Field]any{}
			}
			row.attach[f] = f.convertValue(v)
		case f.column != "":
			row.cols[f] = f.convertValue(v)
		}
		row.given = append(row.given, f)
		if f.IsComputed() {
			row.protect = append(row.protect, r.env.tx.reg.deps.groupOf(f)...)
		}
	}
	r.roundMonetaryRow(row.cols)
	for _, f := range m.columns {
		if f.Required && !f.IsComputed() && f.Name != "id" && row.cols[f] == nil {
			panic(&ValidationError{ErrorInfo{Model: m.Name, Field: f.Name, Msg: fmt.Sprintf("missing required value for %q (%s)", f.Name, f.Label)}})
		}
	}
	if m.LogAccess {
		now := r.env.tx.Now()
		row.cols[m.Fields["create_date"]] = now
		row.cols[m.Fields["write_date"]] = now
		if f := m.Fields["create_uid"]; f != nil {
			row.cols[f] = r.env.uid
			row.cols[m.Fields["write_uid"]] = r.env.uid
		}
	}
	return row
}

// withDefaults returns vals with the defaults of the fields it lacks:
// context default_<field> keys first, then the field's default.
func (r Recordset) withDefaults(vals Values) Values {
	return r.withDefaultsOf(vals, r.defaulted())
}

// defaulted returns the fields withDefaults may fill: those with a
// default or a default_<field> context key, except delegated ones (their
// parent applies its own defaults) and company-dependent ones without a
// context key (their read falls back to the default: not stored).
func (r Recordset) defaulted() []*Field {
	var out []*Field
	for _, f := range r.model.FieldList {
		_, inCtx := r.env.ctx["default_"+f.Name]
		if f.InheritedFrom != nil || (f.CompanyDependent && !inCtx) {
			continue
		}
		if inCtx || f.Default != nil {
			out = append(out, f)
		}
	}
	return out
}

// withDefaultsOf is withDefaults with the fields of defaulted.
func (r Recordset) withDefaultsOf(vals Values, fields []*Field) Values {
	out := make(Values, len(vals)+len(fields))
	for k, v := range vals {
		out[k] = v
	}
	for _, f := range fields {
		if _, ok := out[f.Name]; ok {
			continue
		}
		if v, ok := r.defaultValue(f); ok {
			out[f.Name] = v
		}
	}
	return out
}

// defaultValue returns a field's default for a new record.
func (r Recordset) defaultValue(f *Field) (any, bool) {
	if pf := f.InheritedFrom; pf != nil {
		return r.env.Model(pf.Model.Name).defaultValue(pf)
	}
	if v, ok := r.env.ctx["default_"+f.Name]; ok {
		return v, true
	}
	switch d := f.Default.(type) {
	case nil:
		return nil, false
	case func(*Env) any:
		return d(r.env), true
	case func(Recordset) any:
		return d(r), true
	default:
		return d, true
	}
}

// insertRows inserts every row with one statement and caches the values.
func (r Recordset) insertRows(rows []newRow) []int64 {
	ids := r.sendInsert(rows, nil)
	r.cacheRows(rows, ids)
	return ids
}

// sendInsert inserts every row with one statement, under the given ids
// (new ids from the table's sequence when nil), and returns the ids.
func (r Recordset) sendInsert(rows []newRow, given []int64) []int64 {
	m := r.model
	cols, texts := insertColumns(m, rows)
	ids := make([]int64, 0, len(rows))
	scan := scanIDs(&ids)
	if len(cols) == 0 && given == nil {
		q := fmt.Sprintf("INSERT INTO %s (id) SELECT nextval(pg_get_serial_sequence($1, 'id')) FROM generate_series(1, $2) RETURNING id", quote(m.Table))
		r.env.tx.query(q, []any{m.Table, len(rows)}, scan)
	} else {
		q, args := insertSQL(m, cols, texts, given)
		r.env.tx.query(q, args, scan)
	}
	r.env.tx.auditCreate(m, ids)
	r.env.tx.wrote = true
	return ids
}

// scanIDs returns a scan function appending each row's single id to ids.
func scanIDs(ids *[]int64) func(pgxRows) error {
	return func(rows pgxRows) error {
		// an id in binary, as the extended protocol sends it: decoded
		// here, without Scan's plan lookup (a million-id search)
		if raw := rows.RawValues(); len(raw) == 1 && len(raw[0]) > 0 {
			if d := rows.FieldDescriptions(); d[0].Format == pgtype.BinaryFormatCode {
				switch {
				case d[0].DataTypeOID == pgtype.Int4OID && len(raw[0]) == 4:
					*ids = append(*ids, int64(int32(binary.BigEndian.Uint32(raw[0]))))
					return nil
				case d[0].DataTypeOID == pgtype.Int8OID && len(raw[0]) == 8:
					*ids = append(*ids, int64(binary.BigEndian.Uint64(raw[0])))
					return nil
				}
			}
		}
		var id int64
		err := rows.Scan(&id)
		*ids = append(*ids, id)
		return err
	}
}

// cacheRows caches the column values of the rows inserted (or about to
// be) under ids, and knows the records exist.
func (r Recordset) cacheRows(rows []newRow, ids []int64) {
	m := r.model
	c := r.env.tx.cache
	known := c.existing(m)
	newRow := c.rowAllocator(m, len(ids))
	for i, id := range ids {
		known.add(id)
		row := newRow(id)
		for _, f := range m.columns {
			v := rows[i].cols[f]
			if f.Name == "id" {
				v = id
			}
			row.vals[f.index] = v
			row.mark(f.index)
		}
	}
}

// bulkCreateMin is the number of records from which one Create computes
// their stored computed fields before the INSERT (insertComputed).
const bulkCreateMin = 100

// computesBeforeInsert reports whether the rows are inserted by
// insertComputed: many records of a model with stored computed columns,
// and nothing that runs after the INSERT (x2many commands, attachments,
// non-stored values).
func (r Recordset) computesBeforeInsert(rows []newRow) bool {
	if len(rows) < bulkCreateMin || r.env.tx.pending != nil {
		return false
	}
	for i := range rows {
		if len(rows[i].x2m) > 0 || len(rows[i].attach) > 0 || len(rows[i].after) > 0 {
			return false
		}
	}
	for _, f := range r.model.columns {
		if f.Store && f.Compute != nil {
			return true
		}
	}
	return false
}

// insertComputed inserts rows whose stored computed fields would
// otherwise be sent by an UPDATE at the next flush (Odoo inserts, then
// updates; on fresh rows the UPDATE costs as much as the INSERT): it
// reserves the ids from the table's sequence, caches the rows under them,
// marks what the creation changes, computes the new records' marked fields
// and sends the rows with those values in one INSERT. Any statement sent
// meanwhile (a compute that searches, say) sends the INSERT first, so no
// query sees the table without the new records; what is computed after
// that is written by the flush, as without this. The records' fields are
// computed earlier than Odoo would (at create instead of at flush), on the
// same values.
func (r Recordset) insertComputed(rows []newRow) []int64 {
	tx := r.env.tx
	m := r.model
	ids := make([]int64, 0, len(rows))
	tx.query("SELECT nextval(pg_get_serial_sequence($1, 'id')) FROM generate_series(1, $2)", []any{m.Table, len(rows)}, scanIDs(&ids))
	r.cacheRows(rows, ids)
	sent := false
	send := func() {
		sent = true
		r.sendInsert(rows, ids)
	}
	tx.settle() // the waiting searches must not see the held-back rows
	tx.pending = send
	defer func() {
		if p := recover(); p != nil {
			if !sent {
				tx.pending = nil
				func() {
					defer func() { _ = recover() }() // the transaction may be aborted: the first error is the one to report
					send()
				}()
			}
			panic(p)
		}
	}()
	recs := r.Browse(ids...)
	recs.markCreated(rows)
	if r.refersToItself(rows, ids) {
		tx.recomputePending(func(f *Field) bool { return f.Model == m }, idSet(ids))
	} else {
		tx.computeNew(m, ids)
	}
	if sent {
		return ids
	}
	tx.pending = nil
	c := tx.cache
	for _, f := range m.columns {
		d := c.dirty[f]
		if len(d) == 0 || f.jsonKeyed() {
			continue // a jsonb value may be a merge: the flush sends it
		}
		for i, id := range ids {
			if _, ok := d[id]; ok {
				rows[i].cols[f], _ = c.get(f, id)
				delete(d, id)
			}
		}
	}
	send()
	return ids
}

// refersToItself reports whether a row's many2one to the model holds one
// of the ids reserved for the rows (a caller that guessed the sequence).
func (r Recordset) refersToItself(rows []newRow, ids []int64) bool {
	set := idSet(ids)
	for _, f := range r.model.columns {
		if f.Type != TypeMany2one || f.Comodel != r.model.Name {
			continue
		}
		for i := range rows {
			if id, ok := rows[i].cols[f].(int64); ok && set[id] {
				return true
			}
		}
	}
	return false
}

// computeNew computes the fields of m marked on the new records ids, a
// whole batch per field, a field after the fields of m it depends on. The
// records cannot refer to one another (their ids were reserved for them),
// so a recursive field needs no record-by-record order among them.
func (tx *Transaction) computeNew(m *Model, ids []int64) {
	env := tx.Env(SuperuserID, nil)
	only := idSet(ids)
	for {
		var pending []*Field
		for f, todo := range tx.comp.todo {
			if f.Model != m {
				continue
			}
			for _, id := range ids {
				if todo[id] {
					pending = append(pending, f)
					break
				}
			}
		}
		if len(pending) == 0 {
			return
		}
		sortFields(pending)
		next := pending[0]
	pick:
		for _, f := range pending {
			for _, g := range tx.reg.deps.dependsOn[f] {
				if g != f && slices.Contains(pending, g) && !slices.Contains(tx.reg.deps.groupOf(f), g) {
					continue pick
				}
			}
			next = f
			break
		}
		todo := tx.pendingIDs(next, only, -1, 0)
		if len(todo) == 0 {
			return // being computed by a caller: left to it (and to the flush)
		}
		tx.recomputeBatches(next, env, todo)
	}
}

// insertColumns returns the model's columns that at least one row gives
// (in the model's column order) and, for each, the text of every row's
// value (nil for NULL or not given). It walks row by row, each row's map
// once: walking column by column cost a lookup in every row's map per
// column, mostly cache misses on 10,000 rows.
func insertColumns(m *Model, rows []newRow) ([]*Field, [][]*string) {
	isCol := make([]bool, len(m.FieldList))
	for _, f := range m.columns {
		isCol[f.index] = true
	}
	byIndex := make([][]*string, len(m.FieldList))
	for i := range rows {
		for f, v := range rows[i].cols {
			if !isCol[f.index] {
				continue
			}
			arr := byIndex[f.index]
			if arr == nil {
				arr = make([]*string, len(rows))
				byIndex[f.index] = arr
			}
			arr[i] = f.toText(v)
		}
	}
	var cols []*Field
	var texts [][]*string
	for _, f := range m.columns {
		if byIndex[f.index] != nil {
			cols = append(cols, f)
			texts = append(texts, byIndex[f.index])
		}
	}
	return cols, texts
}

// insertSQL builds INSERT ... SELECT FROM unnest(text arrays) RETURNING id:
// one statement whatever the number of rows, every value bound; texts[k]
// holds column k's value for every row, and the ids are given (an int8
// array) or the sequence's.
func insertSQL(m *Model, cols []*Field, texts [][]*string, ids []int64) (string, []any) {
	var names, params, casts []string
	var args []any
	if ids != nil {
		names, params, casts, args = []string{"id"}, []string{"$1::int8[]"}, []string{"v.id"}, []any{ids}
	}
	for k, f := range cols {
		j := len(args)
		names = append(names, quote(f.column))
		params = append(params, fmt.Sprintf("$%d::text[]", j+1))
		casts = append(casts, fmt.Sprintf("v.%s::%s", quote(f.column), f.columnType()))
		args = append(args, texts[k])
	}
	q := fmt.Sprintf("INSERT INTO %s (%s) SELECT %s FROM unnest(%s) AS v(%s) RETURNING id",
		quote(m.Table), strings.Join(names, ", "), strings.Join(casts, ", "), strings.Join(params, ", "), strings.Join(names, ", "))
	return q, args
}

// afterCreate marks the stored computed fields to compute (and their
// dependents) unless insertComputed did, runs x2many commands, writes non-stored values and checks
// constraints.
func (recs Recordset) afterCreate(rows []newRow, marked bool) {
	if !marked {
		recs.markCreated(rows)
	}
	byField := map[*Field][][]Cmd{}
	var x2mFields []*Field
	for i := range rows {
		for f, cmds := range rows[i].x2m {
			if byField[f] == nil {
				byField[f] = make([][]Cmd, len(rows))
				x2mFields = append(x2mFields, f)
			}
			byField[f][i] = cmds
		}
	}
	sort.Slice(x2mFields, func(i, j int) bool { return x2mFields[i].Name < x2mFields[j].Name })
	for _, f := range x2mFields {
		recs.createX2many(f, byField[f])
	}
	for i, rec := range recs.Records() {
		if len(rows[i].after) > 0 {
			rec.write(rows[i].after)
		}
	}
	var touched []*Field
	seen := map[*Field]bool{}
	for i := range rows {
		for _, f := range rows[i].given {
			if !seen[f] {
				seen[f] = true
				touched = append(touched, f)
			}
		}
	}
	recs.checkConstraints(touched)
}

// DefaultGet returns the defaults of the named fields (all fields when
// none are named); fields without a default are left out.
func (r Recordset) DefaultGet(fields ...string) Values {
	r.check()
	args := make([]any, len(fields))
	for i, f := range fields {
		args[i] = f
	}
	return r.Call("default_get", args...).(Values)
}

func (r Recordset) defaultGet(names []string) Values {
	out := Values{}
	if len(names) == 0 {
		for _, f := range r.model.FieldList {
			names = append(names, f.Name)
		}
	}
	for _, n := range names {
		f := r.model.mustField(n)
		if v, ok := r.defaultValue(f); ok {
			out[n] = v
		}
	}
	return out
}

// NameCreate creates a record from its name alone (the _rec_name field)
// and returns its id and display name. On a model without _rec_name it
// creates nothing and returns 0 and "" (Odoo's name_create returns False).
func (r Recordset) NameCreate(name string) (int64, string) {
	r.check()
	if r.model.RecName == "" {
		return 0, ""
	}
	rec := r.Create(Values{r.model.RecName: name})
	return rec.ID(), rec.DisplayName()
}
