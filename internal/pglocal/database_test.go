package pglocal

import (
	"fmt"
	"sync"
	"testing"
)

// TestCreateDatabaseConcurrent creates the same database from several
// sessions at once: every call must succeed, whichever wins the race on
// pg_database's unique name index.
func TestCreateDatabaseConcurrent(t *testing.T) {
	c := openTest(t, testDir(t))
	ctx := testCtx(t)
	for round := range 3 {
		name := fmt.Sprintf("race%d", round)
		errs := make([]error, 6)
		var wg sync.WaitGroup
		for i := range errs {
			wg.Add(1)
			go func() { defer wg.Done(); errs[i] = c.CreateDatabase(ctx, name, "") }()
		}
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Errorf("%s, session %d: got %v, want nil", name, i, err)
			}
		}
	}
}
