package main

import (
	"strings"
	"sync"
	"testing"

	"odsh/internal/testdb"
)

// TestConcurrentInstall starts three odsh processes at once on a database
// that does not exist yet: one creates and installs it, the others wait
// for it and find it installed. None may fail on a duplicate key.
func TestConcurrentInstall(t *testing.T) {
	bin := binary(t)
	dsn := testdb.MissingDSN(t, "odsh_concurrent_install")
	type result struct {
		stdout, stderr string
		code           int
	}
	results := make([]result, 3)
	var wg sync.WaitGroup
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			o, e, c := odsh(t, bin, dsn, "", "--addons", "base,connector,demo", "--demo", "none", "-c", `env.Model("ir.module.module").SearchCount("[('state', '=', 'installed')]")`)
			results[i] = result{o, e, c}
		}()
	}
	wg.Wait()
	for i, r := range results {
		if r.code != 0 || strings.TrimSpace(r.stdout) != "3" {
			t.Errorf("process %d: got exit %d, stdout %q, stderr %q; want exit 0 and 3 installed modules", i, r.code, r.stdout, r.stderr)
		}
	}
}
