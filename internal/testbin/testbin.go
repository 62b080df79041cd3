// Package testbin builds a command of this module and runs it in tests, as
// a user would: its own process, its own standard streams, its exit status.
package testbin

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Build builds the main package in dir (as go build takes it: "." or a
// path, run from the test's directory) into a temporary file named name,
// removed when the test ends, and returns the file's path. A build that
// fails fails the test with the compiler's output.
func Build(t testing.TB, dir, name string) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), name)
	out, err := exec.Command("go", "build", "-o", bin, dir).CombinedOutput()
	if err != nil {
		t.Fatalf("go build %s: %v\n%s", dir, err, out)
	}
	return bin
}

// Run runs bin with args, stdin as its standard input and env added to the
// environment (later entries win, so "ODSH_DB=" clears a variable), and
// returns what it wrote on each stream and its exit status. A command that
// cannot be started fails the test.
func Run(t testing.TB, bin, stdin string, env []string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Stdin = strings.NewReader(stdin)
	cmd.Env = append(os.Environ(), env...)
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		return o.String(), e.String(), ee.ExitCode()
	case err != nil:
		t.Fatalf("running %s: %v", bin, err)
	}
	return o.String(), e.String(), 0
}
