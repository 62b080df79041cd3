package orm

// Which goroutine may use a transaction.
//
// A transaction, its cache and its connection serve one goroutine at a
// time: two goroutines using them at once race on the cache and make pgx
// fail with "conn busy". So a transaction belongs to the goroutine that
// began it, and a recordset or env of it used from another goroutine is
// refused with a UserError that says so, before anything is read or
// written. Handoff passes the transaction on: the next goroutine that uses
// it becomes its owner (after the caller's last use; the handoff, an
// atomic store, orders the two goroutines' accesses).
//
// The owner is the runtime's goroutine pointer (getg, one instruction in
// assembly on amd64 and arm64, 1.4 ns): the whole check measured 12 ns per
// call on a loaded 2-core machine (BenchmarkCheckOwner), against 6 µs (32 µs
// from a deep stack) to parse a goroutine id out of runtime.Stack.
// A pointer is reused only after its goroutine ended, and a goroutine that
// ended uses nothing any more. On other architectures getg returns 0 and
// nothing is checked.
//
// The shell runs an entry's code on goroutines of its interpreter, one
// after the other: it makes its transaction shared (SetShared), which
// turns the check off; a statement sent while another goroutine's
// statement is still running is still refused with the same error.

import "sync/atomic"

// owner is the state of ownership of a transaction.
type owner struct {
	g      atomic.Uintptr // the owning goroutine; 0: the next one to use the transaction
	shared atomic.Bool    // any goroutine, one at a time
	busy   atomic.Bool    // a statement is being sent
}

// Handoff gives up the calling goroutine's ownership of the transaction:
// the next goroutine that uses it (or one of its envs and recordsets)
// becomes its owner. Call it after the last use, before passing the
// transaction to another goroutine.
func (tx *Transaction) Handoff() { tx.own.g.Store(0) }

// SetShared lets any goroutine use the transaction when shared is true,
// one at a time, the caller ordering them (the shell's interpreter runs an
// entry on goroutines of its own, one after the other); false gives it
// back to the goroutine that uses it next.
func (tx *Transaction) SetShared(shared bool) {
	tx.own.shared.Store(shared)
	if !shared {
		tx.own.g.Store(0)
	}
}

// claim makes the calling goroutine the owner (Begin).
func (tx *Transaction) claim() { tx.own.g.Store(getg()) }

// checkOwner refuses a call from a goroutine that does not own the
// transaction; an unowned transaction becomes the caller's.
func (tx *Transaction) checkOwner() {
	g := getg()
	o := tx.own.g.Load()
	if o == g || g == 0 || tx.own.shared.Load() {
		return
	}
	if o == 0 && tx.own.g.CompareAndSwap(0, g) {
		return
	}
	panic(errOtherGoroutine())
}

// enterStatement marks a statement as being sent, refusing one sent while
// another goroutine's is (what pgx would report as "conn busy").
func (tx *Transaction) enterStatement() {
	tx.checkOwner()
	if !tx.own.busy.CompareAndSwap(false, true) {
		panic(errOtherGoroutine())
	}
}

func (tx *Transaction) leaveStatement() { tx.own.busy.Store(false) }

func errOtherGoroutine() *UserError {
	return &UserError{ErrorInfo{Msg: "this transaction belongs to another goroutine: a transaction, its envs and " +
		"its recordsets are used by one goroutine at a time (give each goroutine a connection and a transaction " +
		"of its own, or pass it on with Transaction.Handoff after the last use)"}}
}
