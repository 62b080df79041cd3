package orm_test

import (
	"testing"

	"odsh/internal/testdb"
	"odsh/orm"
)

// Commit inside Catch (the command line's --commit does exactly this)
// commits, and leaves the transaction usable.
func TestCatchAroundCommitCommits(t *testing.T) {
	env := testdb.Env(t, coreAddon, reviewAddon)
	tag := env.Model("test.tag").Create(orm.Values{"name": "committed by TestCatchAroundCommitCommits"})
	t.Cleanup(func() {
		_ = env.Catch(func() {
			env.Model("test.tag").Browse(tag.ID()).Unlink()
			env.Commit()
		})
	})
	if err := env.Catch(env.Commit); err != nil {
		t.Fatalf("Catch(Commit): got %v, want nil", err)
	}
	env.Rollback()
	if got := env.Model("test.tag").Browse(tag.ID()).Exists().Len(); got != 1 {
		t.Errorf("tag after Catch(Commit) and Rollback: got %d records, want 1 (committed)", got)
	}
}

// An error after a commit inside Catch rolls back what followed the commit
// (the savepoint went with the committed transaction), not the commit.
func TestCatchErrorAfterCommitRollsBackTheRest(t *testing.T) {
	env := testdb.Env(t, coreAddon, reviewAddon)
	tag := env.Model("test.tag").Create(orm.Values{"name": "committed by TestCatchErrorAfterCommit"})
	t.Cleanup(func() {
		_ = env.Catch(func() {
			env.Model("test.tag").Browse(tag.ID()).Unlink()
			env.Commit()
		})
	})
	var later orm.Recordset
	err := env.Catch(func() {
		env.Commit()
		later = env.Model("test.tag").Create(orm.Values{"name": "after the commit"})
		env.FlushAll()
		panic(&orm.UserError{ErrorInfo: orm.ErrorInfo{Msg: "refused"}})
	})
	if err == nil || err.Error() != "orm: refused" {
		t.Fatalf("Catch: got %v, want the UserError", err)
	}
	if got := env.Model("test.tag").Browse(tag.ID()).Exists().Len(); got != 1 {
		t.Errorf("committed tag: got %d records, want 1", got)
	}
	if got := later.Exists().Len(); got != 0 {
		t.Errorf("tag created after the commit: got %d records, want 0 (rolled back)", got)
	}
	env.Model("test.tag").Create(orm.Values{"name": "usable"})
	env.FlushAll()
}

// A statement that failed outside any savepoint aborts the transaction:
// PostgreSQL then answers COMMIT by rolling back. Commit must say so, not
// report success while everything was lost.
func TestCommitOfAbortedTransactionFails(t *testing.T) {
	env := testdb.Env(t, coreAddon, reviewAddon)
	tag := env.Model("test.tag").Create(orm.Values{"name": "lost"})
	env.FlushAll()
	func() {
		defer func() { _ = recover() }() // user code swallowing the error
		env.Tx().Exec("SELECT 1/0")
	}()
	err := recoverORM(env.Commit) // no savepoint: the transaction is aborted
	if err == nil {
		t.Fatal("Commit of an aborted transaction: got nil, want an error")
	}
	if got := env.Model("test.tag").Browse(tag.ID()).Exists().Len(); got != 0 {
		t.Errorf("tag after the failed commit: got %d records, want 0", got)
	}
	env.Model("test.tag").Create(orm.Values{"name": "usable"})
	env.FlushAll()
}

// recoverORM runs f and returns the ORM error it panics with, without a
// savepoint.
func recoverORM(f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			oe, ok := r.(orm.Error)
			if !ok {
				panic(r)
			}
			err = oe
		}
	}()
	f()
	return nil
}

func TestCatchRollbackKeepsWorkBeforeIt(t *testing.T) {
	env := testdb.Env(t, coreAddon, reviewAddon)
	a := reviewOrder(env, "a", 1)
	a.Write(orm.Values{"name": "before"})
	l := a.Rel("line_ids")
	l.Write(orm.Values{"qty": 7})
	err := env.Catch(func() {
		a.Write(orm.Values{"name": "inside"})
		panic(&orm.UserError{ErrorInfo: orm.ErrorInfo{Msg: "x"}})
	})
	if err == nil {
		t.Fatal("no error")
	}
	if a.Str("name") != "before" || a.Int("total") != 7 || a.Str("upper") != "BEFORE" {
		t.Errorf("after catch: %q %d %q", a.Str("name"), a.Int("total"), a.Str("upper"))
	}
}

// Odoo: "cr.savepoint(): on exception clear the ORM cache, ROLLBACK TO
// SAVEPOINT, RELEASE and re-raise; the transaction stays usable"; the
// savepoint flushes on enter and on success.
func TestRuleSavepointFlushes(t *testing.T) {
	env, m := rulesEnv(t)
	r := m.Create(orm.Values{"name": "before"})
	var inside [][]any
	if err := env.Catch(func() {
		inside = sqlRows(env, `SELECT name FROM rules_rec WHERE id = %s`, r.ID())
		r.Write(orm.Values{"name": "inside"})
	}); err != nil {
		t.Fatal(err)
	}
	if len(inside) != 1 || inside[0][0] != "before" {
		t.Errorf("not flushed on enter: %v", inside)
	}
	after := sqlRows(env, `SELECT name FROM rules_rec WHERE id = %s`, r.ID())
	if after[0][0] != "inside" {
		t.Errorf("not flushed on success: %v", after)
	}
}
