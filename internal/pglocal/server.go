package pglocal

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
)

// start launches postgres in the background, in its own session, writing to
// the cluster's log, and waits until it accepts connections. A postmaster.pid
// left by a crashed server is removed first: PostgreSQL would otherwise
// refuse to start if its pid now belonged to another live process.
func (c *Cluster) start(ctx context.Context) error {
	c.removeStalePID()
	logf, err := c.openLog()
	if err != nil {
		return err
	}
	defer logf.Close()
	cmd := exec.Command(c.bin.Postgres, c.serverArgs()...) // not CommandContext: it outlives ctx
	cmd.Dir, cmd.Env, cmd.Stdout, cmd.Stderr = c.l.dir, serverEnv(), logf, logf
	cmd.SysProcAttr = c.acct.attr()
	if c.ephemeral {
		dieWithParent(cmd.SysProcAttr)
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("pglocal: start %s: %w", c.bin.Postgres, err)
	}
	exited := make(chan struct{})
	go func() { _ = cmd.Wait(); close(exited) }() // reap it if it stops while we live
	return c.waitReady(ctx, exited)
}

// serverArgs are postgres's flags: no TCP, the socket in the cluster, and
// the options' settings (sorted, so runs are reproducible).
func (c *Cluster) serverArgs() []string {
	set := map[string]string{
		"listen_addresses":        "",
		"unix_socket_directories": c.l.socket,
		"port":                    strconv.Itoa(port),
	}
	if c.opts.NoSync {
		set["fsync"], set["synchronous_commit"], set["full_page_writes"] = "off", "off", "off"
	}
	for k, v := range c.opts.Settings {
		set[k] = v
	}
	keys := make([]string, 0, len(set))
	for k := range set {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	args := []string{"-D", c.l.data}
	for _, k := range keys {
		args = append(args, "-c", k+"="+set[k])
	}
	return args
}

// openLog keeps the previous run's log as postgres.log.old and opens a new
// one. Our process opens it, so it may stay ours even when the server runs
// as another account.
func (c *Cluster) openLog() (*os.File, error) {
	_ = os.Rename(c.l.log, c.l.log+".old")
	f, err := os.OpenFile(c.l.log, os.O_WRONLY|os.O_CREATE|os.O_TRUNC|os.O_APPEND, 0o644)
	if err != nil {
		return nil, fmt.Errorf("pglocal: %w", err)
	}
	return f, nil
}

// waitReady connects until the server answers, it exits, or ctx is done.
func (c *Cluster) waitReady(ctx context.Context, exited <-chan struct{}) error {
	for {
		err := c.ping(ctx)
		if err == nil {
			return nil
		}
		select {
		case <-exited:
			return c.startupError()
		case <-ctx.Done():
			return fmt.Errorf("pglocal: waiting for postgres: %w (last: %v); %s", ctx.Err(), err, c.logTail())
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// errOldProcesses means processes of a crashed server were still exiting.
var errOldProcesses = errors.New("pglocal: processes of the previous server are still exiting")

// startupError explains why the server exited while starting.
func (c *Cluster) startupError() error {
	tail := c.logTail()
	if strings.Contains(tail, "pre-existing shared memory block") {
		return fmt.Errorf("%w; %s", errOldProcesses, tail)
	}
	return fmt.Errorf("pglocal: postgres exited during start-up; %s", tail)
}

// ping opens and closes one connection to the postgres database.
func (c *Cluster) ping(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	conn, err := pgconn.Connect(ctx, c.DSN("postgres"))
	if err != nil {
		return err
	}
	return conn.Close(ctx)
}

// stop asks the server for a fast shutdown (SIGINT: disconnect clients,
// checkpoint, exit) and waits; past the timeout it escalates to SIGQUIT.
func (c *Cluster) stop(ctx context.Context) error {
	pid, ok := c.serverPID()
	if !ok {
		return nil
	}
	if err := syscall.Kill(pid, syscall.SIGINT); err != nil && !errors.Is(err, syscall.ESRCH) {
		return fmt.Errorf("pglocal: stop postgres (pid %d): %w", pid, err)
	}
	if c.waitGone(ctx, 30*time.Second) {
		return nil
	}
	_ = syscall.Kill(pid, syscall.SIGQUIT)
	if c.waitGone(context.Background(), 5*time.Second) {
		return fmt.Errorf("pglocal: postgres (pid %d) ignored a fast shutdown; sent SIGQUIT; %s", pid, c.logTail())
	}
	return fmt.Errorf("pglocal: postgres (pid %d) does not stop; %s", pid, c.logTail())
}

// waitGone waits up to d (or ctx) for the server to be gone.
func (c *Cluster) waitGone(ctx context.Context, d time.Duration) bool {
	deadline := time.Now().Add(d)
	for time.Now().Before(deadline) && ctx.Err() == nil {
		if _, ok := c.serverPID(); !ok {
			return true
		}
		time.Sleep(10 * time.Millisecond)
	}
	_, ok := c.serverPID()
	return !ok
}

// serverPID returns the postmaster's pid and whether it is running: its
// postmaster.pid exists and names a live process that (where the system
// tells) works in this data directory.
func (c *Cluster) serverPID() (int, bool) {
	b, err := os.ReadFile(c.pidFile())
	if err != nil {
		return 0, false
	}
	first, _, _ := strings.Cut(string(b), "\n")
	pid, err := strconv.Atoi(strings.TrimSpace(first))
	if err != nil || pid <= 0 {
		return 0, false
	}
	return pid, processAlive(pid) && runsIn(pid, c.l.data)
}

func (c *Cluster) pidFile() string {
	return filepath.Join(c.l.data, "postmaster.pid")
}

// removeStalePID deletes the lock files a dead server left behind. Callers
// hold the start/stop lock and have seen that no server runs.
func (c *Cluster) removeStalePID() {
	_ = os.Remove(c.pidFile())
	_ = os.Remove(socketFile(c.l.socket) + ".lock")
}

func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

// logTail returns the end of the server log, for error messages.
func (c *Cluster) logTail() string {
	b, err := os.ReadFile(c.l.log)
	if err != nil {
		return "no server log"
	}
	if len(b) > 2000 {
		b = b[len(b)-2000:]
	}
	return "server log " + c.l.log + ":\n" + strings.TrimSpace(string(b))
}
