package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"odsh/internal/testdb"
)

// TestDatabaseFlags checks the combinations of --db, -d and --ephemeral
// and the database names parseFlags refuses before anything starts.
func TestDatabaseFlags(t *testing.T) {
	tests := []struct {
		name  string
		args  []string
		inErr string // "" means accepted
	}{
		{"db", []string{"--db", "dbname=x"}, ""},
		{"name", []string{"-d", "we'i\"rd na\\me"}, ""},
		{"ephemeral with name", []string{"--ephemeral", "-d", "x"}, ""},
		{"ephemeral with db", []string{"--ephemeral", "--db", "dbname=x"}, "--db and --ephemeral are exclusive"},
		{"name with db", []string{"-d", "x", "--db", "dbname=x"}, "--db and -d are exclusive"},
		{"empty name", []string{"-d", ""}, "-d: the database name is empty"},
		{"63 bytes", []string{"-d", strings.Repeat("é", 31) + "x"}, ""},
		{"64 bytes", []string{"-d", strings.Repeat("é", 32)}, "64 bytes long; PostgreSQL allows 63"},
		{"nul", []string{"-d", "a\x00b"}, "NUL"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parseFlags(tc.args, io.Discard)
			if tc.inErr == "" && err != nil || tc.inErr != "" && (err == nil || !strings.Contains(err.Error(), tc.inErr)) {
				t.Errorf("parseFlags(%q): got %v, want error containing %q", tc.args, err, tc.inErr)
			}
		})
	}
}

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

func TestVersionError(t *testing.T) {
	for _, tc := range []struct {
		num     int
		version string
		ok      bool
	}{
		{90624, "9.6.24", false},
		{120022, "12.22", false},
		{130000, "13.0", true},
		{150018, "15.18 (Debian 15.18-0+deb12u1)", true},
	} {
		err := versionError(tc.num, tc.version)
		if (err == nil) != tc.ok || err != nil && !strings.Contains(err.Error(), "PostgreSQL "+tc.version+" is too old") {
			t.Errorf("versionError(%d): got %v, want ok=%v", tc.num, err, tc.ok)
		}
	}
}
