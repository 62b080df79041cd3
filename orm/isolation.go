package orm

// Isolation, as Odoo's cursors: every transaction runs at REPEATABLE READ.
//
// A transaction sees the database as of its first statement (its
// snapshot) until it commits or rolls back; what other transactions commit
// meanwhile stays invisible. When it then writes or locks a row another
// transaction changed (and committed) after that snapshot, or the two
// wait on each other's locks, PostgreSQL refuses the statement with a
// serialization failure (SQLSTATE 40001) or a deadlock (40P01): the ORM
// raises a *ConcurrencyError, the transaction can only be rolled back,
// and the unit of work is run again from the start in a new transaction
// (Run does that for Go code, `odsh --retry N` for scripts). Nothing is
// ever silently lost:
//
//	T1: read color = 0           T2: read color = 0
//	T1: write color = 1; commit
//	                             T2: write color = 1  → ConcurrencyError
//	                             T2: run again: read 1, write 2; commit
//
// At READ COMMITTED (PostgreSQL's default) T2's write would succeed and
// the partner would end with 1: one increment lost.
//
// A read-only transaction (TxOptions.ReadOnly) takes the same snapshot and
// can never conflict: it writes nothing.

import "fmt"

// Isolation is a transaction isolation level.
type Isolation int

// The isolation levels. The zero value is RepeatableRead, Odoo's level.
const (
	RepeatableRead Isolation = iota // a snapshot per transaction; conflicting writes fail (Odoo's level)
	ReadCommitted                   // a snapshot per statement; a concurrent update may be lost
	Serializable                    // as if the transactions ran one after the other
)

// String returns the SQL name of the level: "REPEATABLE READ", ...
func (l Isolation) String() string {
	switch l {
	case RepeatableRead:
		return "REPEATABLE READ"
	case ReadCommitted:
		return "READ COMMITTED"
	case Serializable:
		return "SERIALIZABLE"
	}
	return fmt.Sprintf("Isolation(%d)", int(l))
}

// beginSQL is the statement that starts a transaction at level l.
func beginSQL(l Isolation, readOnly bool) string {
	q := "BEGIN ISOLATION LEVEL " + l.String()
	if readOnly {
		q += " READ ONLY"
	}
	return q
}

// Isolation returns the transaction's isolation level.
func (tx *Transaction) Isolation() Isolation { return tx.isolation }
