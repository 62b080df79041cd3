package orm_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"odsh/internal/testdb"
	"odsh/orm"
)

// Run retries a unit of work that hits a serialization failure (SQLSTATE
// 40001, raised here by the server itself), from a clean transaction each
// time, and gives up after MaxRetries.
func TestRunRetriesConcurrencyErrors(t *testing.T) {
	ctx := context.Background()
	conn, err := orm.Connect(ctx, testdb.PreparedDSN(t, coreAddon))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	tx, err := orm.Begin(ctx, conn, testdb.Registry(t, coreAddon), orm.TxOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Close()
	env := tx.Env(orm.SuperuserID, nil)
	fail := `DO $$ BEGIN RAISE EXCEPTION 'could not serialize' USING ERRCODE = 'serialization_failure'; END $$`

	attempts := 0
	err = orm.Run(context.Background(), env, func(env *orm.Env) error {
		attempts++
		env.Model("test.tag").Create(orm.Values{"name": "retried"})
		if attempts < 3 {
			env.Tx().Exec(fail)
		}
		return nil
	})
	if err != nil || attempts != 3 {
		t.Fatalf("got %v after %d attempts, want success on the 3rd", err, attempts)
	}
	tags := env.Model("test.tag").Search("[('name', '=', 'retried')]")
	n := tags.Len()
	_ = orm.Run(context.Background(), env, func(env *orm.Env) error { tags.Unlink(); return nil }) // leave the database as it was
	if n != 1 {
		t.Fatalf("%d records after the retries, want 1 (the failed attempts rolled back)", n)
	}

	attempts = 0
	err = orm.Run(context.Background(), env, func(env *orm.Env) error {
		attempts++
		env.Tx().Exec(fail)
		return nil
	})
	var ce *orm.ConcurrencyError
	if !errors.As(err, &ce) || attempts != orm.MaxRetries+1 {
		t.Fatalf("got %v after %d attempts, want a ConcurrencyError after %d", err, attempts, orm.MaxRetries+1)
	}
	// other errors are not retried
	attempts = 0
	err = orm.Run(context.Background(), env, func(env *orm.Env) error {
		attempts++
		env.Model("test.tag").Create(orm.Values{"name": nil})
		return nil
	})
	if attempts != 1 || err == nil {
		t.Fatalf("a ValidationError was retried (%d attempts, %v)", attempts, err)
	}
}

// Run honours its context: a cancelled context ends the pause between
// attempts at once (the error says both: the conflict and the
// cancellation), and no further attempt runs.
func TestRunStopsRetryingWhenContextEnds(t *testing.T) {
	env := txEnv(t)
	fail := `DO $$ BEGIN RAISE EXCEPTION 'could not serialize' USING ERRCODE = 'serialization_failure'; END $$`
	ctx, cancel := context.WithCancel(context.Background())
	attempts := 0
	err := orm.Run(ctx, env, func(env *orm.Env) error {
		attempts++
		defer cancel() // cancelled once this attempt has failed
		env.Tx().Exec(fail)
		return nil
	})
	var ce *orm.ConcurrencyError
	if attempts != 1 || !errors.As(err, &ce) || !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v after %d attempts, want the ConcurrencyError and context.Canceled after 1", err, attempts)
	}
	// the transaction is usable afterwards, under its own context again
	if n := env.Model("test.tag").SearchCount(nil); n < 0 {
		t.Fatalf("count %d", n)
	}
}

// Run's context governs the statements of the unit of work: cancelled
// before a statement, the statement is cancelled and the unit rolled back.
func TestRunContextCancelsStatements(t *testing.T) {
	env := txEnv(t)
	ctx, cancel := context.WithCancel(context.Background())
	err := orm.Run(ctx, env, func(env *orm.Env) error {
		env.Model("test.tag").Create(orm.Values{"name": "never committed"})
		cancel()
		env.Model("test.tag").Search("[('name', '=', 'never committed')]")
		return nil
	})
	var ce *orm.CancelledError
	if !errors.As(err, &ce) {
		t.Fatalf("got %v, want a CancelledError", err)
	}
	if n := env.Model("test.tag").SearchCount("[('name', '=', 'never committed')]"); n != 0 {
		t.Fatalf("%d records of a cancelled unit of work", n)
	}
}

// A savepoint belongs to the env it is taken on: with two transactions
// open, an error inside a.Catch rolls back a's savepoint and leaves both
// transactions usable (a package-level Catch put the savepoint on the
// transaction opened last and left the other aborted).
func TestCatchUsesItsOwnTransaction(t *testing.T) {
	a := txEnv(t)
	b := txEnv(t) // opened last
	kept := a.Model("test.tag").Create(orm.Values{"name": "kept in a"})
	a.FlushAll()
	err := a.Catch(func() {
		a.Model("test.tag").Create(orm.Values{"name": "undone in a"})
		a.FlushAll()
		a.Model("test.tag").Create(orm.Values{"name": nil})
	})
	var ve *orm.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("got %v, want the ValidationError", err)
	}
	if n := a.Model("test.tag").SearchCount("[('name', 'in', ['kept in a', 'undone in a'])]"); n != 1 || kept.Exists().Len() != 1 {
		t.Fatalf("a holds %d of its tags, want 1 (the one created before the savepoint)", n)
	}
	if n := b.Model("test.tag").SearchCount(nil); n < 0 {
		t.Fatalf("count %d", n)
	}
}

// Outside the shell (which binds orm.Catch to its session's env), the
// package-level Catch has no transaction to take a savepoint on: it
// refuses, naming env.Catch, instead of guessing one and running f.
func TestPackageCatchRefusesOutsideTheShell(t *testing.T) {
	ran := false
	err := orm.Try(func() { _ = orm.Catch(func() { ran = true }) })
	var ue *orm.UserError
	if !errors.As(err, &ue) || !strings.Contains(ue.Error(), "env.Catch") || ran {
		t.Fatalf("got %v (f ran: %v), want a UserError naming env.Catch and f not run", err, ran)
	}
}
