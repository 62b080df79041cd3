package repl

// A conflict with another transaction at the prompt.
//
// The session's transaction runs at REPEATABLE READ: it sees the database
// as of its first statement until :commit or :rollback. When an entry's
// flush (or :commit's) writes rows another transaction changed and
// committed since, PostgreSQL refuses (a *orm.ConcurrencyError): the
// transaction's snapshot is stale, so none of its uncommitted work can be
// kept. The session says which model and records conflicted, prints the
// :diff of what it had not committed (now lost), rolls the transaction
// back and goes on in a new one; nothing is half-committed.

import (
	"errors"
	"fmt"

	"odsh/orm"
)

// isConflict reports whether err is a conflict with another transaction.
func isConflict(err error) bool {
	var ce *orm.ConcurrencyError
	return errors.As(err, &ce)
}

// conflict reports err, shows the work it loses, and rolls the whole
// transaction back. sp, when not empty, is the savepoint of the failed
// entry, rolled back to first so that the pending work can be read.
func (s *Session) conflict(err error, sp string, changes int) error {
	s.lastErr = err
	fmt.Fprintln(s.errw, s.FormatError(err))
	if sp != "" && s.tx.Epoch() == s.epoch {
		if catch(func() { s.tx.RollbackTo(sp) }) == nil {
			s.changes.truncate(changes)
		}
	}
	if s.changes.len() > 0 {
		fmt.Fprintln(s.errw, "odsh: another transaction changed the same rows since this session's transaction began; its uncommitted work is lost:")
		s.writeDiff(s.errw)
	}
	_ = catch(s.tx.Rollback)
	s.syncEpoch()
	fmt.Fprintln(s.errw, "odsh: rolled back; the session goes on in a new transaction that sees the other's changes (run the entries again)")
	return err
}

// commitFlush sends the pending writes in a savepoint before :commit, so
// that a conflict can still show what it loses.
func (s *Session) commitFlush() error {
	var sp string
	if err := catch(func() { sp = s.tx.Savepoint() }); err != nil {
		return err
	}
	n := s.changes.len()
	if err := catch(s.env.FlushAll); err != nil {
		if isConflict(err) {
			return s.conflict(err, sp, n)
		}
		_ = catch(func() { s.tx.RollbackTo(sp) })
		return err
	}
	return catch(func() { s.tx.Release(sp) })
}
