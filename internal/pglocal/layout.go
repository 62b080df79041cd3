package pglocal

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
)

// A cluster directory holds:
//
//	pgdata/          the data directory (PGDATA), owned by the server account
//	run/             the unix socket directory, owned by the server account
//	postgres.log     the server's output for the current run (.old: the previous)
//	pg.lock          flock serialising start and stop
//	pg.users         flock held shared by every process using the cluster
//
// The names leave room for other odsh files in the same directory.
type layout struct {
	dir, data, socket, log, mutex, users string
}

// port is the server's port; with no TCP it only names the socket file.
const port = 5432

// maxSocketPath is the longest unix socket path the kernel accepts
// (sun_path is 108 bytes on Linux, 104 on macOS, less the NUL).
const maxSocketPath = 103

func newLayout(dir string) layout {
	return layout{
		dir:    dir,
		data:   filepath.Join(dir, "pgdata"),
		socket: socketDir(dir),
		log:    filepath.Join(dir, "postgres.log"),
		mutex:  filepath.Join(dir, "pg.lock"),
		users:  filepath.Join(dir, "pg.users"),
	}
}

// socketDir returns dir/run, unless the socket path inside it would be too
// long for the kernel: then a short directory under /tmp named after a hash
// of dir, so each cluster keeps its own.
func socketDir(dir string) string {
	run := filepath.Join(dir, "run")
	if len(socketFile(run)) <= maxSocketPath {
		return run
	}
	sum := sha256.Sum256([]byte(dir))
	return filepath.Join("/tmp", "odsh-pg-"+hex.EncodeToString(sum[:8]))
}

func socketFile(dir string) string {
	return filepath.Join(dir, fmt.Sprintf(".s.PGSQL.%d", port))
}

// prepare creates the directories with the ownership the server needs.
func (l layout) prepare(a *account) error {
	mode := os.FileMode(0o700)
	if a != nil {
		mode = 0o755 // the server account must get through to pgdata
	}
	if err := a.checkReach(l.dir); err != nil {
		return err
	}
	if err := os.MkdirAll(l.dir, mode); err != nil {
		return fmt.Errorf("pglocal: %w", err)
	}
	if err := os.Chmod(l.dir, mode); err != nil {
		return fmt.Errorf("pglocal: %w", err)
	}
	if err := a.mkdirOwned(l.data); err != nil {
		return err
	}
	return l.prepareSocket(a)
}

// prepareSocket creates the socket directory; one under /tmp must already
// belong to us (or the account), never to a stranger.
func (l layout) prepareSocket(a *account) error {
	if err := a.mkdirOwned(l.socket); err != nil {
		return err
	}
	fi, err := os.Stat(l.socket)
	if err != nil {
		return fmt.Errorf("pglocal: %w", err)
	}
	want := os.Geteuid()
	if a != nil {
		want = a.uid
	}
	if st, ok := fi.Sys().(*syscall.Stat_t); ok && int(st.Uid) != want {
		return fmt.Errorf("pglocal: socket directory %s belongs to uid %d, not %d", l.socket, st.Uid, want)
	}
	return nil
}

// initialized reports whether initdb has completed in the data directory.
func (l layout) initialized() bool {
	_, err := os.Stat(filepath.Join(l.data, "PG_VERSION"))
	return err == nil
}
