package orm

// Auditing.
//
// A transaction can report the writes it sends, before it sends them, to
// functions registered with OnWrite: the shell's :diff lists what a
// session changed from them. An update or a deletion comes with the
// values the records had in the database just before it (read by one
// extra SELECT, only while someone listens), so a listener can show
// "before → after". A raw statement that wrote (rawsql.go) is reported as
// itself, with its command tag: what it changed is not itemised.
//
// Reading every row before a bulk statement would double its cost, so the
// reading is narrowed: a listener may say, with OnWriteWant, which of the
// records it needs the values of (the shell skips the records created in
// the same epoch, whose "before" it never shows), and the record name of
// a deleted record is taken from the cache when the cache holds it (Unlink
// flushes first, so a cached stored value is the database's).
//
// Commit and Rollback advance the transaction's epoch: savepoints and
// reported writes from an earlier epoch are gone.

import (
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
)

// WriteOp says what kind of write a WriteEvent reports.
type WriteOp int

const (
	// OpCreate reports records just inserted (after the INSERT).
	OpCreate WriteOp = iota
	// OpUpdate reports an UPDATE about to be sent.
	OpUpdate
	// OpUnlink reports a DELETE about to be sent.
	OpUnlink
	// OpSQL reports a raw statement that wrote (after it ran).
	OpSQL
)

// String returns "create", "update", "unlink" or "sql".
func (o WriteOp) String() string {
	return [...]string{"create", "update", "unlink", "sql"}[o]
}

// WriteEvent is one write the transaction sends.
type WriteEvent struct {
	Op    WriteOp
	Model string
	IDs   []int64
	// Fields are the stored fields written (OpUpdate).
	Fields []string
	// Before holds, per id, the database values of Fields (OpUpdate) or of
	// the record name field (OpUnlink) before the statement.
	Before map[int64]Values
	// SQL and Args are a raw statement (OpSQL) on one line, Tag its
	// command tag ("UPDATE 3") and Rows the rows it changed.
	SQL  string
	Args []any
	Tag  string
	Rows int64
}

// auditState is the transaction's listeners and epoch.
type auditState struct {
	listeners []func(WriteEvent)
	want      func(op WriteOp, model string, ids []int64) []int64
	epoch     int
	commits   int
}

// OnWriteWant registers fn, which chooses among the records of an update
// or a deletion about to be sent those whose values before it the
// listeners need (WriteEvent.Before holds only them). Without it, every
// record's values are read. fn must not use the transaction.
func (tx *Transaction) OnWriteWant(fn func(op WriteOp, model string, ids []int64) []int64) {
	tx.audit.want = fn
}

// wanted narrows ids to the records whose before-values are needed.
func (tx *Transaction) wanted(op WriteOp, m *Model, ids []int64) []int64 {
	if tx.audit.want == nil {
		return ids
	}
	return tx.audit.want(op, m.Name, ids)
}

// OnWrite registers fn, called with every create, update and unlink the
// transaction sends (see WriteEvent). fn must not use the transaction.
func (tx *Transaction) OnWrite(fn func(WriteEvent)) {
	tx.audit.listeners = append(tx.audit.listeners, fn)
}

// Epoch counts the commits and rollbacks of the transaction.
func (tx *Transaction) Epoch() int { return tx.audit.epoch }

func (tx *Transaction) endEpoch() { tx.audit.epoch++ }

// Commits counts the commits of the transaction that committed: an epoch
// that ended without one ended in a rollback.
func (tx *Transaction) Commits() int { return tx.audit.commits }

func (tx *Transaction) emit(ev WriteEvent) {
	for _, fn := range tx.audit.listeners {
		fn(ev)
	}
}

// auditCreate reports records of m just inserted.
func (tx *Transaction) auditCreate(m *Model, ids []int64) {
	if len(tx.audit.listeners) > 0 {
		tx.emit(WriteEvent{Op: OpCreate, Model: m.Name, IDs: append([]int64(nil), ids...)})
	}
}

// auditUpdate reports an update of fields of ids about to be sent.
func (tx *Transaction) auditUpdate(m *Model, fields []*Field, ids []int64) {
	if len(tx.audit.listeners) == 0 {
		return
	}
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = f.Name
	}
	before := map[int64]Values{}
	if want := tx.wanted(OpUpdate, m, ids); len(want) > 0 {
		before = tx.readColumns(m, fields, want)
	}
	tx.emit(WriteEvent{Op: OpUpdate, Model: m.Name, IDs: append([]int64(nil), ids...), Fields: names, Before: before})
}

// auditUnlink reports a deletion of ids about to be sent.
func (tx *Transaction) auditUnlink(m *Model, ids []int64) {
	if len(tx.audit.listeners) == 0 {
		return
	}
	before := map[int64]Values{}
	f := m.Fields[m.RecName]
	if f != nil && f.column != "" {
		var unknown []int64
		for _, id := range tx.wanted(OpUnlink, m, ids) {
			if v, ok := tx.cachedColumn(f, id); ok {
				before[id] = Values{f.Name: v}
			} else {
				unknown = append(unknown, id)
			}
		}
		if len(unknown) > 0 {
			for id, v := range tx.readColumns(m, []*Field{f}, unknown) {
				before[id] = v
			}
		}
	}
	tx.emit(WriteEvent{Op: OpUnlink, Model: m.Name, IDs: append([]int64(nil), ids...), Before: before})
}

// cachedColumn returns the cached value of a plain text column when it is
// the database's (cached and not waiting to be written).
func (tx *Transaction) cachedColumn(f *Field, id int64) (any, bool) {
	if (f.Type != TypeChar && f.Type != TypeText) || f.jsonKeyed() || tx.cache.isDirty(f, id) {
		return nil, false
	}
	v, ok := tx.cache.get(f, id)
	if ok && v == nil {
		return nil, true
	}
	if _, isString := v.(string); !isString {
		return nil, false
	}
	return v, ok
}

// readColumns reads the database values of fields for ids.
func (tx *Transaction) readColumns(m *Model, fields []*Field, ids []int64) map[int64]Values {
	out := map[int64]Values{}
	cols := []string{"id"}
	for _, f := range fields {
		cols = append(cols, quote(f.column))
	}
	q := fmt.Sprintf("SELECT %s FROM %s WHERE id = ANY($1)", strings.Join(cols, ", "), quote(m.Table))
	tx.query(q, []any{ids}, func(rows pgx.Rows) error {
		vals, err := rows.Values()
		if err != nil {
			return err
		}
		rec := Values{}
		for i, f := range fields {
			rec[f.Name] = vals[i+1]
		}
		out[toID(vals[0])] = rec
		return nil
	})
	return out
}

func toID(v any) int64 {
	id, _ := toInt64(v)
	return id
}
