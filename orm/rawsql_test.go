package orm_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"odsh/internal/testdb"
	"odsh/orm"
)

// TestRawSQLWritesAreSeen: every raw way of writing marks the transaction
// dirty and is reported with its command tag; raw reads are not.
func TestRawSQLWritesAreSeen(t *testing.T) {
	env := testdb.Env(t)
	tx := env.Tx()
	// unseen set-up: through the connection itself, so the transaction stays clean
	if _, err := tx.Conn().Exec(context.Background(), "CREATE TEMP TABLE raw_t (id int, n int)"); err != nil {
		t.Fatal(err)
	}
	var events []orm.WriteEvent
	tx.OnWrite(func(ev orm.WriteEvent) { events = append(events, ev) })
	tests := []struct {
		name  string
		run   func()
		wrote bool
		tag   string
	}{
		{"Exec update", func() { tx.Exec("UPDATE res_partner SET city = $1 WHERE id = 1", "X") }, true, "UPDATE 1"},
		{"Cursor.Execute", func() { env.Cr().Execute(orm.SQLf("INSERT INTO raw_t VALUES (%s, 1)", 1)) }, true, "INSERT 0 1"},
		{"Exec select", func() { tx.Exec("SELECT 1") }, false, ""},
		{"QueryValues select", func() { tx.QueryValues("SELECT name FROM res_partner") }, false, ""},
		{"Cursor.Query select", func() { env.Cr().Query(orm.SQLf("SELECT count(*) FROM raw_t")) }, false, ""},
		{"Query insert returning", func() { tx.QueryValues("INSERT INTO raw_t VALUES (2, 2) RETURNING id") }, true, "INSERT 0 1"},
		{"Cursor.Query writing WITH", func() {
			env.Cr().Query(orm.SQLf("WITH u AS (UPDATE res_partner SET city = %s WHERE id = 1 RETURNING id) SELECT count(*) FROM u", "Y"))
		}, true, "SELECT 1"},
		{"Exec set", func() { tx.Exec("SET CONSTRAINTS ALL IMMEDIATE") }, false, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tx.Dirty() {
				t.Fatal("dirty before the statement")
			}
			sp := tx.Savepoint()
			defer tx.RollbackTo(sp)
			events = nil
			tc.run()
			if tx.Dirty() != tc.wrote {
				t.Errorf("Dirty: got %v, want %v", tx.Dirty(), tc.wrote)
			}
			var sqlEvents []orm.WriteEvent
			for _, ev := range events {
				if ev.Op == orm.OpSQL {
					sqlEvents = append(sqlEvents, ev)
				}
			}
			if !tc.wrote {
				if len(sqlEvents) != 0 {
					t.Errorf("got events %+v, want none", sqlEvents)
				}
				return
			}
			if len(sqlEvents) != 1 || sqlEvents[0].Tag != tc.tag {
				t.Errorf("got events %+v, want one OpSQL with tag %q", sqlEvents, tc.tag)
			}
		})
	}
}

// TestRawTransactionControlRefused: raw COMMIT, ROLLBACK, BEGIN and
// savepoints would end or nest the transaction behind the ORM's back.
func TestRawTransactionControlRefused(t *testing.T) {
	env := testdb.Env(t)
	for _, q := range []string{"COMMIT", "rollback", " begin", "/* x */ SAVEPOINT a", "RELEASE SAVEPOINT a", "END", "PREPARE TRANSACTION 'x'"} {
		err := env.Catch(func() { env.Tx().Exec(q) })
		var ue *orm.UserError
		if !errors.As(err, &ue) || !strings.Contains(err.Error(), "env.Commit()") {
			t.Errorf("%s: got %v, want a UserError pointing to env.Commit()", q, err)
		}
	}
	if err := env.Catch(func() { env.Tx().Exec("PREPARE q AS SELECT 1") }); err != nil {
		t.Errorf("PREPARE of a statement: %v", err)
	}
}
