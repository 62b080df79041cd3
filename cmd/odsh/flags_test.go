package main

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"odsh/internal/testdb"
)

// TestDatabasePrecedence runs odsh with $ODSH_DB and --db pointing at
// different places: --db wins; $ODSH_DB alone is used.
func TestDatabasePrecedence(t *testing.T) {
	bin := binary(t)
	dsn := testdb.PreparedDSN(t)
	run := func(env string, args ...string) (string, string, error) {
		cmd := exec.Command(bin, append([]string{"--addons", "base", "-c", "env.Tx().QueryValues(`SELECT current_database()`)[0][0]"}, args...)...)
		cmd.Env = append(os.Environ(), "ODSH_DB="+env)
		var o, e bytes.Buffer
		cmd.Stdout, cmd.Stderr = &o, &e
		err := cmd.Run()
		return o.String(), e.String(), err
	}
	want := dbName(t, dsn)
	if out, errOut, err := run("host=/nonexistent dbname=wrong", "--db", dsn); err != nil || !strings.Contains(out, want) {
		t.Errorf("--db over $ODSH_DB: got %v, stdout %q, stderr %q; want %q", err, out, errOut, want)
	}
	if out, errOut, err := run(dsn); err != nil || !strings.Contains(out, want) {
		t.Errorf("$ODSH_DB alone: got %v, stdout %q, stderr %q; want %q", err, out, errOut, want)
	}
}

// dbName is the database a DSN names.
func dbName(t *testing.T, dsn string) string {
	t.Helper()
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		t.Fatal(err)
	}
	return cfg.Database
}
