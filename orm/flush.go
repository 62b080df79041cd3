package orm

// Flushing.
//
// A flush first computes the stored fields marked to compute among those
// it sends (see recompute.go), then sends the dirty values.
//
// Writes are buffered in the cache as dirty values and sent when something
// may read them from the database: a search, a grouped read, a raw SQL
// helper, a savepoint, a commit, or an explicit flush (a search sends only
// the fields it reads: flush_search.go). A flush sends, per
// model, one UPDATE per set of written fields: "SET f = $1 WHERE id =
// ANY($2)" when every record got the same values (the common batch write),
// else one "UPDATE ... FROM unnest(...)" carrying each record's values.
// Translated and company-dependent columns get the keys written merged
// into the row, not the whole map (field_jsonb_merge.go).

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"time"
)

// flushAll sends every pending write.
func (tx *Transaction) flushAll() { tx.flush(func(*Field) bool { return true }) }

// flushModel sends the pending writes of one model.
func (tx *Transaction) flushModel(m *Model) { tx.flush(func(f *Field) bool { return f.Model == m }) }

// FlushModel sends the pending writes of the recordset's model (of the
// named fields only, when given).
func (r Recordset) FlushModel(fields ...string) {
	r.check()
	r.env.tx.flush(r.fieldFilter(fields, nil))
}

// FlushRecordset sends the pending writes of these records (of the named
// fields only, when given).
func (r Recordset) FlushRecordset(fields ...string) {
	r.check()
	keep, only := r.fieldFilter(fields, nil), idSet(r.idList())
	r.env.tx.recomputePending(keep, only)
	r.env.tx.flushRecords(r.model, keep, only)
}

func (r Recordset) fieldFilter(names []string, _ []int64) func(*Field) bool {
	if len(names) == 0 {
		return func(f *Field) bool { return f.Model == r.model }
	}
	want := map[*Field]bool{}
	for _, n := range names {
		want[r.model.mustField(n)] = true
	}
	return func(f *Field) bool { return want[f] }
}

func (tx *Transaction) flush(keep func(*Field) bool) {
	tx.recomputePending(keep, nil)
	byModel := map[*Model]bool{}
	for f, d := range tx.cache.dirty {
		if len(d) > 0 && keep(f) {
			byModel[f.Model] = true
		}
	}
	models := make([]*Model, 0, len(byModel))
	for m := range byModel {
		models = append(models, m)
	}
	sort.Slice(models, func(i, j int) bool { return models[i].Name < models[j].Name })
	for _, m := range models {
		tx.flushRecords(m, keep, nil)
	}
}

// flushRecords sends the dirty values of model m's fields accepted by keep,
// for the ids in only (all when nil).
func (tx *Transaction) flushRecords(m *Model, keep func(*Field) bool, only map[int64]bool) {
	perRecord := map[int64][]*Field{}
	for _, f := range m.columns {
		d := tx.cache.dirty[f]
		if len(d) == 0 || !keep(f) {
			continue
		}
		for id := range d {
			if only == nil || only[id] {
				perRecord[id] = append(perRecord[id], f)
			}
		}
	}
	groups := map[string][]int64{}
	groupFields := map[string][]*Field{}
	for id, fs := range perRecord {
		key := fieldsKey(fs)
		groups[key] = append(groups[key], id)
		groupFields[key] = fs
	}
	for _, key := range sortedKeys(groups) {
		ids := groups[key]
		sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
		tx.update(m, groupFields[key], ids)
		for _, f := range groupFields[key] {
			for _, id := range ids {
				delete(tx.cache.dirty[f], id)
			}
		}
	}
}

func fieldsKey(fs []*Field) string {
	names := make([]string, len(fs))
	for i, f := range fs {
		names[i] = f.Name
	}
	return strings.Join(names, ",")
}

// update sends the cached values of fields for ids.
func (tx *Transaction) update(m *Model, fields []*Field, ids []int64) {
	tx.auditUpdate(m, fields, ids)
	tx.wrote = true
	var n int64
	if tx.sameValues(fields, ids) {
		sets := make([]string, len(fields))
		args := make([]any, 0, len(fields)+1)
		for i, f := range fields {
			sets[i] = fmt.Sprintf("%s = $%d", quote(f.column), i+1)
			if f.jsonKeyed() { // the change is merged into the row: field_jsonb_merge.go
				sets[i] = quote(f.column) + " = " + mergeSQL(qualify(m.Table, f.column), fmt.Sprintf("$%d::jsonb", i+1))
				args = append(args, tx.cache.mergeParam(f, ids[0]))
				continue
			}
			v, _ := tx.cache.get(f, ids[0])
			args = append(args, paramValue(f, v))
		}
		args = append(args, ids)
		n = tx.execUpdate(m, fields, fmt.Sprintf("UPDATE %s SET %s WHERE id = ANY($%d)", quote(m.Table), strings.Join(sets, ", "), len(fields)+1), args)
	} else {
		n = tx.updateEach(m, fields, ids)
	}
	if n < int64(len(ids)) {
		missing := r0(m, tx).Browse(ids...).Exists()
		gone := idSet(missing.idList())
		var lost []int64
		for _, id := range ids {
			if !gone[id] {
				lost = append(lost, id)
			}
		}
		panic(missingErr(m.Name, lost, "cannot write: records do not exist or have been deleted"))
	}
}

// r0 is an empty superuser recordset of m.
func r0(m *Model, tx *Transaction) Recordset {
	return Recordset{env: tx.Env(SuperuserID, nil), model: m}
}

// updateEach sends one value per record: UPDATE ... FROM unnest(...).
func (tx *Transaction) updateEach(m *Model, fields []*Field, ids []int64) int64 {
	sets := make([]string, len(fields))
	names := []string{"id"}
	params := []string{"$1::int8[]"}
	args := []any{ids}
	for i, f := range fields {
		sets[i] = fmt.Sprintf("%s = v.%s::%s", quote(f.column), quote(f.column), f.columnType())
		if f.jsonKeyed() {
			sets[i] = quote(f.column) + " = " + mergeSQL(qualify(m.Table, f.column), "v."+quote(f.column)+"::jsonb")
		}
		names = append(names, quote(f.column))
		params = append(params, fmt.Sprintf("$%d::text[]", i+2))
		arr := make([]*string, len(ids))
		for j, id := range ids {
			if f.jsonKeyed() {
				arr[j] = tx.cache.mergeParam(f, id)
				continue
			}
			v, _ := tx.cache.get(f, id)
			arr[j] = f.toText(v)
		}
		args = append(args, arr)
	}
	q := fmt.Sprintf("UPDATE %s SET %s FROM unnest(%s) AS v(%s) WHERE %s.id = v.id",
		quote(m.Table), strings.Join(sets, ", "), strings.Join(params, ", "), strings.Join(names, ", "), quote(m.Table))
	return tx.execUpdate(m, fields, q, args)
}

// sameValues reports whether every record has the same value per field.
func (tx *Transaction) sameValues(fields []*Field, ids []int64) bool {
	for _, f := range fields {
		if f.jsonKeyed() {
			if !tx.cache.sameMergeParams(f, ids) {
				return false
			}
			continue
		}
		first, _ := tx.cache.get(f, ids[0])
		for _, id := range ids[1:] {
			v, _ := tx.cache.get(f, id)
			if !sameValue(first, v) {
				return false
			}
		}
	}
	return true
}

func sameValue(a, b any) bool {
	switch x := a.(type) {
	case time.Time:
		y, ok := b.(time.Time)
		return ok && x.Equal(y)
	case []byte:
		y, ok := b.([]byte)
		return ok && bytes.Equal(x, y)
	case []int64:
		return false
	case jsonMap:
		return sameMap(x, b)
	}
	if _, ok := b.(jsonMap); ok {
		return false
	}
	return a == b
}

// paramValue converts a cache value into a parameter pgx encodes for the
// field's column.
func paramValue(f *Field, v any) any {
	if v == nil {
		return nil
	}
	if f.Type == TypeFloat || f.Type == TypeMonetary {
		return f.kind.text(f, v) // exact for numeric and float8
	}
	return v
}
