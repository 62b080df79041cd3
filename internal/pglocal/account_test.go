package pglocal

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckReach: a server account must be able to search every directory
// above the cluster; a 0700 one (like root's home) is refused by name.
func TestCheckReach(t *testing.T) {
	a := &account{name: "someone", uid: 54321, gid: 54321}
	open := testDir(t)
	closed := filepath.Join(open, "private")
	if err := os.Mkdir(closed, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := a.checkReach(filepath.Join(open, "cluster", "not-yet")); err != nil {
		t.Errorf("under a 0755 directory: got %v, want nil", err)
	}
	err := a.checkReach(filepath.Join(closed, "cluster"))
	if err == nil || !strings.Contains(err.Error(), "cannot reach") || !strings.Contains(err.Error(), closed+" has mode 0700") {
		t.Errorf("under a 0700 directory: got %v, want a cannot-reach error naming %s", err, closed)
	}
}
