package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"odsh/internal/testdb"
)

// TestConnectionLost kills odsh's backend in the middle of a script: odsh
// must print one line saying the connection was lost and exit 2.
func TestConnectionLost(t *testing.T) {
	bin := binary(t)
	dsn := testdb.PreparedDSN(t)
	const kill = `env.Model("res.partner").Create(orm.Values{"name": "lost"})
env.FlushAll()
env.Tx().Exec("SELECT pg_terminate_backend(pg_backend_pid())")
fmt.Println("after")
`
	for _, tc := range []struct {
		name, stdin string
		args        []string
	}{
		{"script", kill, nil},
		{"code", "", []string{"-c", kill}},
		{"commit", kill, []string{"--commit"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, errOut, code := odsh(t, bin, dsn, tc.stdin, tc.args...)
			if code != 2 || out != "" || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, "lost the connection") {
				t.Errorf("got exit %d, stdout %q, stderr %q; want exit 2 and one line saying the connection was lost", code, out, errOut)
			}
		})
	}
}

// TestConnectionLostTerminal kills the backend of an interactive odsh
// waiting at its prompt: the next entry ends the session with one line and
// status 2.
func TestConnectionLostTerminal(t *testing.T) {
	bin := binary(t)
	dsn := testdb.PreparedDSN(t)
	m := startTmux(t, "lost", 40, shellCmd(t, bin, dsn)+"; echo exit=$?; sleep 60")
	m.waitFor(">\n")
	m.keys(`p := env.Model("res.partner").Create(orm.Values{"name": "Lost"})`, "Enter")
	m.waitFor("*>")
	terminateIdle(t, dsn)
	m.keys(`p.Get("name")`, "Enter")
	scr := m.waitFor("exit=")
	if !strings.Contains(scr, "odsh: lost the connection") || !strings.Contains(scr, "exit=2") || strings.Contains(scr, "conn closed") {
		t.Errorf("want one line saying the connection was lost, then exit=2:\n%s", scr)
	}
}

// terminateIdle ends the odsh backends idle in a transaction on dsn's
// database, and fails unless there was one.
func terminateIdle(t *testing.T, dsn string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var n int
	err = conn.QueryRow(ctx, `SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
		WHERE application_name = 'odsh' AND datname = current_database() AND state = 'idle in transaction'`).Scan(&n)
	if err != nil || n == 0 {
		t.Fatalf("terminating odsh's backend: got %d, %v; want 1 backend", n, err)
	}
}
