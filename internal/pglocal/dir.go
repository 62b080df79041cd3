package pglocal

import (
	"os"
	"path/filepath"
)

// rootDir is the default directory when running as root. Root's home is
// usually mode 0700, which the unprivileged server account cannot enter, so
// root's cluster lives in the system state directory instead.
const rootDir = "/var/lib/odsh"

// DefaultDir returns the directory of odsh's default cluster:
// $XDG_DATA_HOME/odsh, else ~/.local/share/odsh; for root, /var/lib/odsh
// (see rootDir).
func DefaultDir() string {
	if os.Geteuid() == 0 {
		return rootDir
	}
	if x := os.Getenv("XDG_DATA_HOME"); x != "" && filepath.IsAbs(x) {
		return filepath.Join(x, "odsh")
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return filepath.Join(os.TempDir(), "odsh-"+os.Getenv("USER"))
	}
	return filepath.Join(home, ".local", "share", "odsh")
}
