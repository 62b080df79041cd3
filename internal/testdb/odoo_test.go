package testdb

import (
	"context"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// TestFingerprint: a changed row, column, index or sequence changes the
// fingerprint; nothing else does.
func TestFingerprint(t *testing.T) {
	dsn := MissingDSN(t, "odsh_fingerprint")
	CreateDatabase(t, "odsh_fingerprint", "")
	exec := func(sql string) {
		t.Helper()
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		conn, err := pgx.Connect(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close(ctx)
		if _, err := conn.Exec(ctx, sql); err != nil {
			t.Fatal(err)
		}
	}
	exec("CREATE TABLE t (id serial PRIMARY KEY, name text); INSERT INTO t (name) VALUES ('a'), ('b')")
	prev := Fingerprint(t, dsn)
	if again := Fingerprint(t, dsn); again != prev {
		t.Fatalf("two fingerprints of an unchanged database differ")
	}
	for _, change := range []string{
		"UPDATE t SET name = 'c' WHERE id = 2",
		"ALTER TABLE t ADD COLUMN x int",
		"CREATE INDEX t_name ON t (name)",
		"SELECT nextval('t_id_seq')",
		"COMMENT ON TABLE t IS 'x'",
	} {
		exec(change)
		next := Fingerprint(t, dsn)
		if next == prev {
			t.Errorf("%s: the fingerprint did not change", change)
		}
		prev = next
	}
}
