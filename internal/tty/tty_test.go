package tty

import (
	"os"
	"testing"
)

// TestNotTerminals: a pipe and /dev/null (a character device) are not
// terminals. (A real terminal is answered yes in cmd/odsh's tmux tests:
// the shell is interactive there.)
func TestNotTerminals(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	null, err := os.Open(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	defer null.Close()
	for name, f := range map[string]*os.File{"pipe": w, "/dev/null": null} {
		if Is(f) {
			t.Errorf("%s: Is says terminal", name)
		}
	}
}
