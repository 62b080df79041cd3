package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"odsh/internal/testdb"
)

// tmux drives odsh in a real terminal.
type tmux struct {
	t    *testing.T
	name string
}

func (m tmux) run(args ...string) string {
	m.t.Helper()
	out, err := exec.Command("tmux", args...).CombinedOutput()
	if err != nil {
		m.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

func (m tmux) keys(keys ...string) { m.run(append([]string{"send-keys", "-t", m.name}, keys...)...) }

func (m tmux) screen() string { return m.run("capture-pane", "-p", "-t", m.name) }

// startTmux runs cmd in a detached tmux session 120 columns wide and
// height lines high, named after what and the process, killed when the
// test ends.
func startTmux(t *testing.T, what string, height int, cmd string) tmux {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Fatal("tmux is required (the CI image installs it)")
	}
	m := tmux{t: t, name: fmt.Sprintf("odsh-%s-%d", what, os.Getpid())}
	m.run("new-session", "-d", "-s", m.name, "-x", "120", "-y", strconv.Itoa(height), cmd)
	t.Cleanup(func() { _ = exec.Command("tmux", "kill-session", "-t", m.name).Run() })
	return m
}

// shellCmd is the command line of an interactive odsh on dsn with the base
// addon, in a home of its own.
func shellCmd(t *testing.T, bin, dsn string) string {
	return fmt.Sprintf("HOME=%s ODSH_DB= %s --db '%s' --addons base", t.TempDir(), bin, dsn)
}

// waitFor polls the screen until it contains s.
func (m tmux) waitFor(s string) string {
	m.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		scr := m.screen()
		if strings.Contains(scr, s) {
			return scr
		}
		if time.Now().After(deadline) {
			m.t.Fatalf("screen never showed %q:\n%s", s, scr)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestTerminal types into odsh under tmux: an entry, Tab completion of a
// field name, a failing entry, Ctrl-C during a long SQL statement; the
// earlier work must survive each failure.
func TestTerminal(t *testing.T) {
	bin := binary(t)
	dsn := testdb.PreparedDSN(t)
	m := startTmux(t, "test", 40, shellCmd(t, bin, dsn))
	m.waitFor(">\n")

	m.keys(`p := env.Model("res.partner").Create(orm.Values{"name": "Tmux"})`, "Enter")
	m.waitFor("*>")
	m.keys(`p.Get("ema`, "Tab")
	m.waitFor(`p.Get("email`)
	m.keys(`")`, "Enter")
	m.waitFor("nil")
	m.keys(`p.Write(orm.Values{"nmae": 1})`, "Enter")
	m.waitFor(`ValidationError: res.partner.nmae`)
	m.keys(`sql("SELECT pg_sleep(30)")`, "Enter")
	waitActive(t, dsn, "pg_sleep(30)") // the statement has reached the server
	m.keys("C-c")
	m.waitFor("cancel")
	m.keys(`p.Get("name")`, "Enter")
	scr := m.waitFor(`"Tmux"`)
	if !strings.Contains(scr, "*>") {
		t.Errorf("prompt lost the uncommitted mark:\n%s", scr)
	}
	m.keys("C-d")
	m.waitFor("uncommitted changes")
	m.keys("n", "Enter")
}

// waitActive polls pg_stat_activity until a statement containing text runs.
func waitActive(t *testing.T, dsn, text string) {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	deadline := time.Now().Add(20 * time.Second)
	for {
		var n int
		err := conn.QueryRow(ctx, `SELECT count(*) FROM pg_stat_activity
			WHERE state = 'active' AND pid <> pg_backend_pid() AND strpos(query, $1) > 0`, text).Scan(&n)
		if err != nil {
			t.Fatal(err)
		}
		if n > 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("no active statement containing %q", text)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestCtrlCReadGroup: Ctrl-C stops a read_group that is still running (it
// waits here for a lock another connection holds on res_country, which
// the grouping joins for its order), as it stops a long one on a million
// partners; the session stays usable, its transaction intact.
func TestCtrlCReadGroup(t *testing.T) {
	bin := binary(t)
	dsn := testdb.PreparedDSN(t)
	ctx := context.Background()
	locker, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer locker.Close(ctx)
	m := startTmux(t, "rg", 40, shellCmd(t, bin, dsn))
	m.waitFor(">\n")
	m.keys(`p := env.Model("res.partner").Create(orm.Values{"name": "Before"})`, "Enter")
	m.waitFor("*>")

	tx, err := locker.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(ctx, "LOCK TABLE res_country IN ACCESS EXCLUSIVE MODE NOWAIT"); err != nil {
		t.Fatal(err)
	}
	m.keys(`env.Model("res.partner").ReadGroup(nil, []string{"__count"}, []string{"country_id"})`, "Enter")
	waitActive(t, dsn, "GROUP BY") // the grouping query has reached the server, and waits
	m.keys("C-c")
	m.waitFor("CancelledError: statement cancelled")
	if err := tx.Rollback(ctx); err != nil {
		t.Fatal(err)
	}
	m.keys(`p.Get("name")`, "Enter")
	scr := m.waitFor(`"Before"`)
	if !strings.Contains(scr, "*>") {
		t.Errorf("prompt lost the uncommitted mark:\n%s", scr)
	}
	m.keys(`len(env.Model("res.partner").ReadGroup(nil, []string{"__count"}, []string{"country_id"})) > 0`, "Enter")
	m.waitFor("true")
	m.keys("C-d")
	m.waitFor("uncommitted changes")
	m.keys("n", "Enter")
}

// TestPasteTabs: code pasted as gofmt writes it (tabs for indentation and
// for alignment) runs as written: the terminal brackets the paste, and a
// pasted Tab is text, not completion. A typed Tab on a blank line indents.
func TestPasteTabs(t *testing.T) {
	bin := binary(t)
	dsn := testdb.PreparedDSN(t)
	m := startTmux(t, "paste", 40, shellCmd(t, bin, dsn)+"; echo odsh exited $?; sleep 60")
	m.waitFor(">\n")

	code := "type pair struct {\n\tname\tstring // aligned as gofmt does\n\tn\tint\n}\n" +
		"for _, x := range []pair{{\"a\", 1}, {\"b\", 2}} {\n\tif x.n > 1 {\n\t\tfmt.Println(\"big\", x.name, len(\"\t\"))\n\t}\n}\n"
	m.run("set-buffer", "-b", m.name, code)
	m.run("paste-buffer", "-p", "-d", "-b", m.name, "-t", m.name)
	scr := m.waitFor("big b 1")
	if strings.Contains(scr, "Error") {
		t.Errorf("pasted code with tabs:\n%s", scr)
	}
	m.keys("if true {", "Enter", "Tab", `fmt.Println("in", 2)`, "Enter", "}", "Enter")
	m.waitFor("in 2")
	// Ctrl-D right after a paste leaves at once (readline waited for one
	// more key when the paste's end mark was dropped as a key)
	m.run("set-buffer", "-b", m.name, "fmt.Println(\"again\")\n")
	m.run("paste-buffer", "-p", "-d", "-b", m.name, "-t", m.name)
	m.waitFor("again\n")
	m.keys("C-d")
	m.waitFor("odsh exited 0")
}
