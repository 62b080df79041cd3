package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"odsh/internal/testdb"
)

// start runs odsh in the background on dsn; wait returns its exit status
// and stderr.
func start(t *testing.T, bin, dsn string, args ...string) (cmd *exec.Cmd, wait func() (int, string)) {
	t.Helper()
	cmd = exec.Command(bin, append([]string{"--db", dsn}, args...)...)
	cmd.Env = append(os.Environ(), "ODSH_DB=")
	var e bytes.Buffer
	cmd.Stderr = &e
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { _ = cmd.Wait(); close(done) }()
	t.Cleanup(func() { _ = cmd.Process.Kill(); <-done })
	return cmd, func() (int, string) {
		select {
		case <-done:
		case <-time.After(30 * time.Second):
			t.Fatalf("odsh did not exit; stderr %q", e.String())
		}
		return cmd.ProcessState.ExitCode(), e.String()
	}
}

// queryInt runs a one-number query on dsn's database.
func queryInt(t *testing.T, dsn, sql string) int {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var n int
	if err := conn.QueryRow(ctx, sql).Scan(&n); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
	return n
}

// TestSIGTERM sends SIGTERM to odsh running a script that wrote and then
// waits in a long statement: odsh must exit 1 at once, saying so, and the
// write must not be committed even with --commit.
func TestSIGTERM(t *testing.T) {
	bin := binary(t)
	dsn := testdb.PreparedDSN(t)
	const name = "written before SIGTERM"
	code := `env.Model("res.partner").Create(orm.Values{"name": "` + name + `"})
env.FlushAll()
env.Tx().Exec("SELECT pg_sleep(60)")`
	cmd, wait := start(t, bin, dsn, "--addons", "base", "--commit", "-c", code)
	waitActive(t, dsn, "pg_sleep(60)")
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	exit, errOut := wait()
	if exit != 1 || !strings.Contains(errOut, "terminated") {
		t.Errorf("got exit %d, stderr %q; want exit 1 and a line saying odsh was terminated", exit, errOut)
	}
	if n := queryInt(t, dsn, `SELECT count(*) FROM res_partner WHERE name = '`+name+`'`); n != 0 {
		t.Errorf("partners written before SIGTERM: got %d, want 0", n)
	}
}

// TestUpgradeInterrupted opens a database installed with --addons base
// with the default addons, and interrupts that install (Ctrl-C, SIGTERM)
// while it waits for a lock: the database must be left as it was, and an
// uninterrupted run must then install connector and demo.
func TestUpgradeInterrupted(t *testing.T) {
	bin := binary(t)
	dsn := testdb.MissingDSN(t, "odsh_upgrade")
	if _, errOut, code := odsh(t, bin, dsn, "", "-c", "1"); code != 0 {
		t.Fatalf("installing base: got exit %d, stderr %q", code, errOut)
	}
	const installed = `SELECT count(*) FROM ir_module_module WHERE state = 'installed'`
	for _, sig := range []os.Signal{os.Interrupt, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			blocker, err := pgx.Connect(ctx, dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer blocker.Close(ctx)
			if _, err := blocker.Exec(ctx, "BEGIN; LOCK TABLE ir_module_module IN EXCLUSIVE MODE"); err != nil {
				t.Fatal(err)
			}
			cmd, wait := start(t, bin, dsn, "-c", "1")
			waitLocked(t, dsn)
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			exit, errOut := wait()
			if _, err := blocker.Exec(ctx, "ROLLBACK"); err != nil {
				t.Fatal(err)
			}
			if exit != 1 || !strings.Contains(errOut, "the database is as it was") {
				t.Errorf("got exit %d, stderr %q; want exit 1 and a line saying the install was rolled back", exit, errOut)
			}
			if n := queryInt(t, dsn, installed); n != 1 {
				t.Errorf("installed modules after the interrupted upgrade: got %d, want 1 (base)", n)
			}
			if n := queryInt(t, dsn, `SELECT count(*) FROM pg_class WHERE relname LIKE 'connector%' OR relname LIKE 'demo%'`); n != 0 {
				t.Errorf("connector and demo relations after the interrupted upgrade: got %d, want 0", n)
			}
		})
	}
	if _, errOut, code := odsh(t, bin, dsn, "", "--addons", "base,connector,demo", "-c", "1"); code != 0 {
		t.Fatalf("upgrade: got exit %d, stderr %q", code, errOut)
	}
	if n := queryInt(t, dsn, installed); n != 3 {
		t.Errorf("installed modules after the upgrade: got %d, want 3", n)
	}
	if n := queryInt(t, dsn, `SELECT count(*) FROM demo_order`); n == 0 {
		t.Errorf("demo orders after the upgrade: got 0, want the small demo data")
	}
}

// waitLocked waits until an odsh backend on dsn's database waits for a lock.
func waitLocked(t *testing.T, dsn string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for queryInt(t, dsn, `SELECT count(*) FROM pg_stat_activity
		WHERE application_name = 'odsh' AND datname = current_database() AND wait_event_type = 'Lock'`) == 0 {
		if time.Now().After(deadline) {
			t.Fatal("odsh never waited for the lock")
		}
		time.Sleep(10 * time.Millisecond)
	}
}
