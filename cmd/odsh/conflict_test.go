package main

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"odsh/internal/testdb"
)

// gateKey is the advisory lock the test holds while both processes read:
// each script waits for it (shared) between its read and its write.
const gateKey = 7215

// TestConcurrentCommitRuns runs two `odsh --commit -c` processes that each
// read a partner's color and write color + 1, both reading before either
// writes (they wait on an advisory lock the test holds until both wait).
// No increment is silently lost: without --retry one run lands and the
// other exits 1 with the one line saying why; with --retry 1 both land.
func TestConcurrentCommitRuns(t *testing.T) {
	bin := binary(t)
	dsn := testdb.PreparedDSN(t)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var id int64
	if err := conn.QueryRow(ctx, "INSERT INTO res_partner (name, color, active) VALUES ($1, 0, true) RETURNING id", t.Name()).Scan(&id); err != nil {
		t.Fatal(err)
	}
	defer conn.Exec(context.Background(), "DELETE FROM res_partner WHERE id = $1", id)
	script := fmt.Sprintf(`p := env.Model("res.partner").Browse(%d)
n := p.Int("color")
env.Tx().Exec("SELECT pg_advisory_xact_lock_shared(%d)")
p.Write(orm.Values{"color": n + 1})
fmt.Println("wrote", n+1)`, id, gateKey)

	for _, tc := range []struct {
		name      string
		args      []string
		color     int // added to the partner's color
		failures  int
		inStderr  string
		retryNote string
	}{
		{name: "no retry", color: 1, failures: 1, inStderr: "another transaction changed the same rows (res.partner [" + fmt.Sprint(id) + "]) since this run began; nothing was committed: run the script again, or with --retry N"},
		{name: "retry", args: []string{"--retry", "1"}, color: 2, retryNote: "running the script again (attempt 2 of 2), the output of the last attempt discarded"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var before int
			if err := conn.QueryRow(ctx, "SELECT color FROM res_partner WHERE id = $1", id).Scan(&before); err != nil {
				t.Fatal(err)
			}
			if _, err := conn.Exec(ctx, "SELECT pg_advisory_lock($1)", gateKey); err != nil {
				t.Fatal(err)
			}
			type result struct {
				stdout, stderr string
				code           int
			}
			results := make([]result, 2)
			var wg sync.WaitGroup
			for i := range results {
				wg.Add(1)
				go func() {
					defer wg.Done()
					o, e, c := odsh(t, bin, dsn, "", append([]string{"--commit"}, append(tc.args, "-c", script)...)...)
					results[i] = result{o, e, c}
				}()
			}
			waitGate(ctx, t, conn, 2)
			if _, err := conn.Exec(ctx, "SELECT pg_advisory_unlock($1)", gateKey); err != nil {
				t.Fatal(err)
			}
			wg.Wait()
			var color int
			if err := conn.QueryRow(ctx, "SELECT color FROM res_partner WHERE id = $1", id).Scan(&color); err != nil {
				t.Fatal(err)
			}
			failed, noted := 0, 0
			for _, r := range results {
				switch {
				case r.code == 0 && strings.HasPrefix(r.stdout, "wrote "):
				case r.code == 1 && strings.Contains(r.stderr, tc.inStderr) && tc.inStderr != "":
					failed++
				default:
					t.Errorf("a run: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
				}
				if tc.retryNote != "" && strings.Contains(r.stderr, tc.retryNote) {
					noted++
					if strings.Count(r.stdout, "wrote") != 1 {
						t.Errorf("the retried run printed %q, want one line (the first attempt's output discarded)", r.stdout)
					}
				}
			}
			if tc.retryNote != "" && noted != 1 {
				t.Errorf("%d runs said they ran again, want 1: %+v", noted, results)
			}
			if failed != tc.failures || color-before != tc.color {
				t.Errorf("color went from %d to %d with %d failed runs; want +%d and %d failed", before, color, failed, tc.color, tc.failures)
			}
		})
	}
}

// waitGate polls until n sessions wait for the gate lock. Not a timing
// assertion: it returns as soon as the server says so.
func waitGate(ctx context.Context, t *testing.T, conn *pgx.Conn, n int) {
	t.Helper()
	for {
		var waiting int
		err := conn.QueryRow(ctx, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND objid = $1", gateKey).Scan(&waiting)
		if err != nil {
			t.Fatalf("waiting for the scripts: %v", err)
		}
		if waiting >= n {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
}
