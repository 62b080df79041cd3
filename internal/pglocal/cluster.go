package pglocal

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Options tune a cluster. The zero value is a durable cluster with the
// binaries Find returns.
type Options struct {
	// NoSync turns off fsync, synchronous_commit and full_page_writes (and
	// initdb's syncing): much faster, and a machine crash may lose the
	// cluster. For tests and throwaway clusters.
	NoSync bool
	// Settings are extra server settings, passed as postgres -c name=value.
	Settings map[string]string
	// Binaries, when set, are used instead of calling Find.
	Binaries *Binaries
}

// Cluster is one process's use of a private PostgreSQL cluster: a data
// directory served on a unix socket inside the cluster directory, with no
// TCP. Several Clusters, in one process or many, may use the same directory:
// the first starts the server and the last to Close stops it.
type Cluster struct {
	l         layout
	opts      Options
	bin       Binaries
	acct      *account
	users     *lockFile // held shared while open
	started   bool
	ephemeral bool

	mu     sync.Mutex
	closed bool
}

// Open initialises the cluster in dir if needed, starts its server unless
// one is already running there (a server that crashed is restarted), and
// returns a handle that keeps the server up until Close. Options apply when
// this call initialises or starts the cluster; joining a running server
// keeps that server's settings.
func Open(ctx context.Context, dir string, opts Options) (*Cluster, error) {
	return open(ctx, dir, opts, false)
}

// Ephemeral starts a cluster in a new temporary directory. Close stops it
// and removes the directory; on Linux the server also stops if the process
// that started it dies.
func Ephemeral(ctx context.Context, opts Options) (*Cluster, error) {
	dir, err := os.MkdirTemp("", "odsh-pg-")
	if err != nil {
		return nil, fmt.Errorf("pglocal: %w", err)
	}
	c, err := open(ctx, dir, opts, true)
	if err != nil {
		_ = os.RemoveAll(dir)
		return nil, err
	}
	return c, nil
}

func open(ctx context.Context, dir string, opts Options, ephemeral bool) (*Cluster, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("pglocal: %w", err)
	}
	acct, err := serverAccount()
	if err != nil {
		return nil, err
	}
	c := &Cluster{l: newLayout(dir), opts: opts, acct: acct, ephemeral: ephemeral}
	if err := c.l.prepare(acct); err != nil {
		return nil, err
	}
	if err := c.join(ctx); err != nil {
		return nil, err
	}
	return c, nil
}

// join takes the start/stop lock, registers as a user (shared lock), and
// makes sure the server runs. Registering before releasing the start/stop
// lock means a concurrent Close can never see "no users" and stop the
// server this call just started or joined.
func (c *Cluster) join(ctx context.Context) error {
	mutex, err := openLock(c.l.mutex)
	if err != nil {
		return err
	}
	defer mutex.close() // closing drops the lock
	if err := mutex.lock(ctx, syscall.LOCK_EX); err != nil {
		return err
	}
	if c.users, err = openLock(c.l.users); err != nil {
		return err
	}
	if err := c.users.lock(ctx, syscall.LOCK_SH); err != nil {
		c.users.close()
		return err
	}
	if err := c.ensureRunning(ctx); err != nil {
		c.users.close()
		return err
	}
	return nil
}

// ensureRunning initialises and starts the server as needed; the caller
// holds the start/stop lock.
func (c *Cluster) ensureRunning(ctx context.Context) error {
	if _, running := c.serverPID(); running {
		return c.waitReady(ctx, nil)
	}
	if err := c.findBinaries(); err != nil {
		return err
	}
	if !c.l.initialized() {
		if err := c.initdb(ctx); err != nil {
			return err
		}
	}
	c.started = true
	if err := c.startRetrying(ctx); err != nil {
		_ = c.stop(context.WithoutCancel(ctx)) // a server that came up too late
		return err
	}
	return nil
}

// startRetrying starts the server, retrying for a few seconds while the
// backends of a crashed server still hold its shared memory.
func (c *Cluster) startRetrying(ctx context.Context) error {
	for deadline := time.Now().Add(10 * time.Second); ; {
		err := c.start(ctx)
		if !errors.Is(err, errOldProcesses) || time.Now().After(deadline) {
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(100 * time.Millisecond):
		}
	}
}

func (c *Cluster) findBinaries() error {
	if c.opts.Binaries != nil {
		c.bin = *c.opts.Binaries
		return nil
	}
	var err error
	c.bin, err = Find()
	return err
}

// Close ends this handle's use of the cluster. If no other handle (in any
// process) still uses it, the server is stopped with a fast shutdown; an
// ephemeral cluster is always stopped and its directory removed. Close is
// idempotent.
func (c *Cluster) Close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return nil
	}
	c.closed = true
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	err := c.leave(ctx)
	if c.ephemeral {
		err = firstErr(err, c.remove())
	}
	return err
}

// leave drops this handle's shared lock and, under the start/stop lock,
// stops the server when the exclusive lock shows nobody else uses it.
func (c *Cluster) leave(ctx context.Context) error {
	defer c.users.close()
	mutex, err := openLock(c.l.mutex)
	if err != nil {
		return err
	}
	defer mutex.close()
	if err := mutex.lock(ctx, syscall.LOCK_EX); err != nil {
		return err
	}
	if err := c.users.unlock(); err != nil {
		return err
	}
	last, err := c.users.try(syscall.LOCK_EX)
	if err != nil || !(last || c.ephemeral) {
		return err
	}
	return c.stop(ctx)
}

// remove deletes an ephemeral cluster's directories.
func (c *Cluster) remove() error {
	if !strings.HasPrefix(c.l.socket, c.l.dir+string(filepath.Separator)) {
		_ = os.RemoveAll(c.l.socket)
	}
	if err := os.RemoveAll(c.l.dir); err != nil {
		return fmt.Errorf("pglocal: %w", err)
	}
	return nil
}

func firstErr(a, b error) error {
	if a != nil {
		return a
	}
	return b
}

// Dir returns the cluster directory.
func (c *Cluster) Dir() string { return c.l.dir }

// Started reports whether Open started the server (false: it joined a
// server that was already running).
func (c *Cluster) Started() bool { return c.started }

// LogFile returns the path of the server's log.
func (c *Cluster) LogFile() string { return c.l.log }
