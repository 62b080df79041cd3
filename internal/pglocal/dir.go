package pglocal

import (
	"os"
	"path/filepath"
)

// rootDir is the parent of the default directories when running as root.
// Root's home is usually mode 0700, which the unprivileged server account
// cannot enter, so root's clusters live in the system state directory
// instead.
const rootDir = "/var/lib"

// DefaultDir returns the directory of odsh's default cluster, Dir("odsh").
func DefaultDir() string { return Dir("odsh") }

// Dir returns the data directory of the command name, which holds its
// default cluster: $XDG_DATA_HOME/NAME, else ~/.local/share/NAME; for
// root, /var/lib/NAME (see rootDir).
func Dir(name string) string {
	if os.Geteuid() == 0 {
		return filepath.Join(rootDir, name)
	}
	if x := os.Getenv("XDG_DATA_HOME"); x != "" && filepath.IsAbs(x) {
		return filepath.Join(x, name)
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return filepath.Join(os.TempDir(), name+"-"+os.Getenv("USER"))
	}
	return filepath.Join(home, ".local", "share", name)
}
