package pglocal

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestStartFailure makes the server fail to start in several ways: the
// error must say so and carry the tail of postgres.log, and no server may
// be left running.
func TestStartFailure(t *testing.T) {
	t.Run("bad setting", func(t *testing.T) {
		dir := testDir(t)
		_, err := Open(testCtx(t), dir, Options{NoSync: true, Settings: map[string]string{"shared_buffers": "lots"}})
		wantStartError(t, err, `invalid value for parameter "shared_buffers"`)
	})
	t.Run("data directory not the server's", func(t *testing.T) {
		dir := testDir(t)
		c := openTest(t, dir)
		if err := c.Close(); err != nil {
			t.Fatal(err)
		}
		data := filepath.Join(dir, "pgdata")
		if err := os.Chmod(data, 0o777); err != nil {
			t.Fatal(err)
		}
		_, err := Open(testCtx(t), dir, Options{NoSync: true})
		wantStartError(t, err, "has invalid permissions")
	})
}

func wantStartError(t *testing.T, err error, inLog string) {
	t.Helper()
	if err == nil {
		t.Fatal("Open: got nil, want an error")
	}
	if msg := err.Error(); !strings.Contains(msg, "postgres.log") || !strings.Contains(msg, inLog) {
		t.Errorf("Open: got %q, want the log's tail containing %q", msg, inLog)
	}
}
