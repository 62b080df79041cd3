package main

import (
	"strings"
	"testing"

	"odsh/internal/testdb"
)

// TestCommitFlag runs a script with --commit: it must exit 0 and leave its
// change in the database, and say so when an earlier failed statement
// (swallowed by the script) means nothing could be committed.
func TestCommitFlag(t *testing.T) {
	bin := binary(t)
	dsn := testdb.PreparedDSN(t)
	const name = "committed by TestCommitFlag"
	count := `fmt.Println(env.Model("res.partner").WithContext(orm.Ctx{"active_test": false}).SearchCount("[('name', '=', '` + name + `')]"))`
	t.Cleanup(func() {
		odsh(t, bin, dsn, "", "--commit", "-c", `env.Model("res.partner").WithContext(orm.Ctx{"active_test": false}).Search("[('name', '=', '`+name+`')]").Unlink()`)
	})
	out, errOut, code := odsh(t, bin, dsn, "", "--commit", "-c", `env.Model("res.partner").Create(orm.Values{"name": "`+name+`"})`)
	if code != 0 {
		t.Fatalf("--commit: got exit %d, stdout %q, stderr %q; want exit 0", code, out, errOut)
	}
	if out, _, _ := odsh(t, bin, dsn, "", "-c", count); strings.TrimSpace(out) != "1" {
		t.Errorf("partners named %q after --commit: got %q, want 1", name, out)
	}
	script := `env.Model("res.partner").Create(orm.Values{"name": "` + name + `"})
env.FlushAll()
func() {
	defer func() { recover() }()
	env.Tx().Exec("SELECT 1/0")
}()
`
	out, errOut, code = odsh(t, bin, dsn, script, "--commit")
	if code != 1 || !strings.Contains(errOut, "nothing was committed") {
		t.Errorf("--commit of an aborted transaction: got exit %d, stdout %q, stderr %q; want exit 1 and %q", code, out, errOut, "nothing was committed")
	}
	if out, _, _ := odsh(t, bin, dsn, "", "-c", count); strings.TrimSpace(out) != "1" {
		t.Errorf("partners named %q after the failed commit: got %q, want 1", name, out)
	}
}
