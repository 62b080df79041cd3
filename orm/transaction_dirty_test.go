package orm_test

import (
	"testing"

	"odsh/orm"
)

// TestDirtyFollowsSavepoints checks that rolling back to a savepoint taken
// while the transaction was clean makes it clean again (the shell's prompt
// drops its "*" after :undo), and that a rollback does too.
func TestDirtyFollowsSavepoints(t *testing.T) {
	env, m := things(t)
	tx := env.Tx()
	if tx.Dirty() {
		t.Fatal("dirty before any write")
	}
	sp := tx.Savepoint()
	m.Create(orm.Values{"name": "x"})
	env.FlushAll()
	if !tx.Dirty() {
		t.Fatal("clean after a create")
	}
	inner := tx.Savepoint()
	m.Create(orm.Values{"name": "y"})
	env.FlushAll()
	tx.RollbackTo(inner)
	if !tx.Dirty() {
		t.Error("clean after rolling back to a savepoint taken when dirty")
	}
	tx.RollbackTo(sp)
	if tx.Dirty() {
		t.Error("dirty after rolling back to a savepoint taken when clean")
	}
	m.Create(orm.Values{"name": "z"})
	env.FlushAll()
	tx.Rollback()
	if tx.Dirty() {
		t.Error("dirty after a rollback")
	}
}
