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
	epoch     int
	commits   int
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
	tx.emit(WriteEvent{Op: OpUpdate, Model: m.Name, IDs: append([]int64(nil), ids...), Fields: names,
		Before: tx.readColumns(m, fields, ids)})
}

// auditUnlink reports a deletion of ids about to be sent.
func (tx *Transaction) auditUnlink(m *Model, ids []int64) {
	if len(tx.audit.listeners) == 0 {
		return
	}
	var fields []*Field
	if f := m.Fields[m.RecName]; f != nil && f.column != "" {
		fields = append(fields, f)
	}
	tx.emit(WriteEvent{Op: OpUnlink, Model: m.Name, IDs: append([]int64(nil), ids...), Before: tx.readColumns(m, fields, ids)})
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
