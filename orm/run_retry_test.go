package orm_test

import (
	"context"
	"errors"
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
	err = orm.Run(env, func(env *orm.Env) error {
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
	_ = orm.Run(env, func(env *orm.Env) error { tags.Unlink(); return nil }) // leave the database as it was
	if n != 1 {
		t.Fatalf("%d records after the retries, want 1 (the failed attempts rolled back)", n)
	}

	attempts = 0
	err = orm.Run(env, func(env *orm.Env) error {
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
	err = orm.Run(env, func(env *orm.Env) error {
		attempts++
		env.Model("test.tag").Create(orm.Values{"name": nil})
		return nil
	})
	if attempts != 1 || err == nil {
		t.Fatalf("a ValidationError was retried (%d attempts, %v)", attempts, err)
	}
}
