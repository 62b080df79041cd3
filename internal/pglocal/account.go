package pglocal

// PostgreSQL refuses to run as root. When the calling process is root (as in
// CI containers), initdb and postgres run as an unprivileged account through
// SysProcAttr.Credential: "postgres" when it exists, else "nobody". The data
// directory, socket directory and log belong to that account, and every
// directory above the cluster must be searchable by it — which is why
// DefaultDir puts root's cluster under /var/lib/odsh, not in root's 0700 home.

import (
	"fmt"
	"os"
	"os/user"
	"path/filepath"
	"strconv"
	"syscall"
)

// account is the identity the server runs as; nil means the caller's own.
type account struct {
	name     string
	uid, gid int
}

// accountNames are tried in order when running as root.
var accountNames = []string{"postgres", "nobody"}

// serverAccount returns the account to run the server as: nil when the
// process is not root.
func serverAccount() (*account, error) {
	if os.Geteuid() != 0 {
		return nil, nil
	}
	for _, name := range accountNames {
		u, err := user.Lookup(name)
		if err != nil {
			continue
		}
		uid, err1 := strconv.Atoi(u.Uid)
		gid, err2 := strconv.Atoi(u.Gid)
		if err1 == nil && err2 == nil && uid != 0 {
			return &account{name: name, uid: uid, gid: gid}, nil
		}
	}
	return nil, fmt.Errorf("pglocal: running as root, and PostgreSQL refuses root: create a user named postgres (useradd -r postgres) or run as a normal user")
}

// attr returns the process attributes for a server program: its own
// session (a Ctrl-C at the terminal does not reach it), and the account's
// credentials when set.
func (a *account) attr() *syscall.SysProcAttr {
	attr := &syscall.SysProcAttr{Setsid: true}
	if a != nil {
		attr.Credential = &syscall.Credential{Uid: uint32(a.uid), Gid: uint32(a.gid)}
	}
	return attr
}

// chown gives path to the account; nothing to do when it is nil.
func (a *account) chown(path string) error {
	if a == nil {
		return nil
	}
	if err := os.Chown(path, a.uid, a.gid); err != nil {
		return fmt.Errorf("pglocal: %w", err)
	}
	return nil
}

// mkdirOwned creates dir (mode 0700) if missing and gives it to the account.
func (a *account) mkdirOwned(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("pglocal: %w", err)
	}
	return a.chown(dir)
}

// checkReach fails when the account cannot search every existing directory
// above dir: postgres must chdir into its data directory below them. Dir
// itself, and missing ones, are made searchable by prepare.
func (a *account) checkReach(dir string) error {
	if a == nil {
		return nil
	}
	for d := filepath.Dir(dir); ; d = filepath.Dir(d) {
		fi, err := os.Stat(d)
		if err != nil && !os.IsNotExist(err) {
			return fmt.Errorf("pglocal: %w", err)
		}
		if err == nil && !a.canSearch(fi) {
			return fmt.Errorf("pglocal: user %s cannot reach %s: %s has mode %#o; use a cluster directory outside it (for root the default is %s)",
				a.name, dir, d, uint32(fi.Mode().Perm()), DefaultDir())
		}
		if d == filepath.Dir(d) {
			return nil
		}
	}
}

func (a *account) canSearch(fi os.FileInfo) bool {
	perm := fi.Mode().Perm()
	st, ok := fi.Sys().(*syscall.Stat_t)
	switch {
	case ok && int(st.Uid) == a.uid:
		return perm&0o100 != 0
	case ok && int(st.Gid) == a.gid:
		return perm&0o010 != 0
	default:
		return perm&0o001 != 0
	}
}

// String names the account for messages.
func (a *account) String() string {
	if a == nil {
		return "the current user"
	}
	return a.name
}
