package pglocal

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// testDir returns a new directory the server account can reach even when
// the tests run as root (t.TempDir's parents are mode 0700).
func testDir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "pglocal-test-")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	return dir
}

func testCtx(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	return ctx
}

// openTest opens the cluster in dir and closes it at the end of the test.
func openTest(t *testing.T, dir string) *Cluster {
	t.Helper()
	c, err := Open(testCtx(t), dir, Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// queryString runs a one-value query on database db.
func queryString(t *testing.T, c *Cluster, db, sql string) string {
	t.Helper()
	ctx := testCtx(t)
	conn, err := pgx.Connect(ctx, c.DSN(db))
	if err != nil {
		t.Fatalf("connect %s: %v", db, err)
	}
	defer conn.Close(ctx)
	var s string
	if err := conn.QueryRow(ctx, sql).Scan(&s); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
	return s
}

func running(c *Cluster) bool {
	_, ok := c.serverPID()
	return ok
}

func TestOpenQueryClose(t *testing.T) {
	c := openTest(t, testDir(t))
	if !c.Started() {
		t.Errorf("Started: got false, want true for a new cluster")
	}
	for sql, want := range map[string]string{
		"SHOW server_encoding":    "UTF8",
		"SHOW lc_collate":         "C",
		"SHOW listen_addresses":   "",
		"SHOW fsync":              "off",
		"SELECT current_user":     superuser,
		"SELECT 'ok'::text":       "ok",
		"SHOW server_version_num": queryString(t, c, "postgres", "SELECT current_setting('server_version_num')"),
	} {
		if got := queryString(t, c, "postgres", sql); got != want {
			t.Errorf("%s: got %q, want %q", sql, got, want)
		}
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	if running(c) {
		t.Errorf("server still running after the only user closed")
	}
}

func TestCreateDatabase(t *testing.T) {
	c := openTest(t, testDir(t))
	ctx := testCtx(t)
	for _, name := range []string{"odsh test", "odsh test", "copy"} {
		if err := c.CreateDatabase(ctx, name, "template0"); err != nil {
			t.Fatalf("CreateDatabase(%q): %v", name, err)
		}
	}
	if got := queryString(t, c, "odsh test", "SELECT current_database()"); got != "odsh test" {
		t.Errorf("current_database: got %q, want %q", got, "odsh test")
	}
}

func TestJoinSameProcess(t *testing.T) {
	dir := testDir(t)
	c1 := openTest(t, dir)
	c2 := openTest(t, dir)
	pid1, _ := c1.serverPID()
	pid2, _ := c2.serverPID()
	if c2.Started() || pid1 != pid2 {
		t.Fatalf("second Open: started=%v pid %d, want joined pid %d", c2.Started(), pid2, pid1)
	}
	if err := c1.Close(); err != nil {
		t.Fatal(err)
	}
	if got := queryString(t, c2, "postgres", "SELECT 'up'"); got != "up" || !running(c2) {
		t.Fatalf("after the first user closed: got %q, want the server up", got)
	}
	if err := c2.Close(); err != nil {
		t.Fatal(err)
	}
	if running(c2) {
		t.Errorf("server still running after the last user closed")
	}
}

// TestJoinOtherProcess: a subprocess joins the running server, outlives
// this process's handle, and stops the server when it closes last.
func TestJoinOtherProcess(t *testing.T) {
	dir := testDir(t)
	c := openTest(t, dir)
	pid, _ := c.serverPID()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), helperEnv+"="+dir)
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	out := bufio.NewReader(stdout)
	if got, want := readLine(t, out), fmt.Sprintf("joined started=false pid=%d", pid); got != want {
		t.Fatalf("helper: got %q, want %q", got, want)
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	if !running(c) {
		t.Fatalf("server stopped although the helper still uses it")
	}
	fmt.Fprintln(stdin)
	if got := readLine(t, out); got != "closed" {
		t.Fatalf("helper: got %q, want %q", got, "closed")
	}
	if err := cmd.Wait(); err != nil {
		t.Fatal(err)
	}
	if running(c) {
		t.Errorf("server still running after the helper, its last user, closed")
	}
}

func readLine(t *testing.T, r *bufio.Reader) string {
	t.Helper()
	s, err := r.ReadString('\n')
	if err != nil {
		t.Fatalf("reading helper output: %v (got %q)", err, s)
	}
	return strings.TrimSpace(s)
}

// TestStalePIDFile: a server killed outright leaves postmaster.pid behind,
// naming a dead pid or one since reused; the next Open must start anyway.
func TestStalePIDFile(t *testing.T) {
	for _, tc := range []struct {
		name string
		pid  func() int
	}{
		{"dead pid", func() int { return 0 }},
		{"reused pid", os.Getpid},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := testDir(t)
			c := openTest(t, dir)
			crash(t, c)
			if pid := tc.pid(); pid != 0 {
				rewritePID(t, c, pid)
			}
			if err := c.Close(); err != nil {
				t.Fatal(err)
			}
			c2 := openTest(t, dir)
			if !c2.Started() {
				t.Errorf("Started: got false, want true after a crash")
			}
			if got := queryString(t, c2, "postgres", "SELECT 'back'"); got != "back" {
				t.Errorf("got %q, want %q", got, "back")
			}
		})
	}
}

// crash kills the server's whole process group with SIGKILL.
func crash(t *testing.T, c *Cluster) {
	t.Helper()
	pid, _ := c.serverPID()
	if err := syscall.Kill(-pid, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(10 * time.Second); processAlive(pid) && runsIn(pid, c.l.data); {
		if time.Now().After(deadline) {
			t.Fatalf("postgres (pid %d) survived SIGKILL", pid)
		}
		time.Sleep(10 * time.Millisecond)
	}
	if _, err := os.Stat(c.pidFile()); err != nil {
		t.Fatalf("want a stale postmaster.pid after a crash: %v", err)
	}
}

func rewritePID(t *testing.T, c *Cluster, pid int) {
	t.Helper()
	b, err := os.ReadFile(c.pidFile())
	if err != nil {
		t.Fatal(err)
	}
	_, rest, _ := strings.Cut(string(b), "\n")
	if err := os.WriteFile(c.pidFile(), []byte(strconv.Itoa(pid)+"\n"+rest), 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestEphemeral(t *testing.T) {
	c, err := Ephemeral(testCtx(t), Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if got := queryString(t, c, "postgres", "SELECT 'tmp'"); got != "tmp" {
		t.Errorf("got %q, want %q", got, "tmp")
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(c.Dir()); !os.IsNotExist(err) {
		t.Errorf("directory %s after Close: got %v, want it removed", c.Dir(), err)
	}
}

// TestLongPath: a cluster directory too deep for a unix socket path gets
// its socket in a short directory under /tmp, and still works.
func TestLongPath(t *testing.T) {
	dir := testDir(t)
	for len(dir) < 120 {
		dir = filepath.Join(dir, "deeper-and-deeper")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	c := openTest(t, dir)
	t.Cleanup(func() { os.RemoveAll(c.l.socket) })
	if !strings.HasPrefix(c.l.socket, "/tmp/odsh-pg-") {
		t.Errorf("socket dir: got %s, want one under /tmp", c.l.socket)
	}
	if got := queryString(t, c, "postgres", "SELECT 'deep'"); got != "deep" {
		t.Errorf("got %q, want %q", got, "deep")
	}
}

// TestConcurrentOpen: handles opened at the same time on a new directory
// initialise and start the server exactly once.
func TestConcurrentOpen(t *testing.T) {
	dir := testDir(t)
	const n = 4
	results := make(chan *Cluster, n)
	errs := make(chan error, n)
	for range n {
		go func() {
			c, err := Open(testCtx(t), dir, Options{NoSync: true})
			if err != nil {
				errs <- err
				return
			}
			results <- c
		}()
	}
	started := 0
	for range n {
		select {
		case err := <-errs:
			t.Fatal(err)
		case c := <-results:
			t.Cleanup(func() { c.Close() })
			if c.Started() {
				started++
			}
		}
	}
	if started != 1 {
		t.Errorf("handles that started the server: got %d, want 1", started)
	}
}
