package repl

import (
	"bytes"
	"fmt"
	"testing"
)

// TestSQLLog checks that the session's savepoints are left out of the
// statement log and that lines written in pieces pass whole.
func TestSQLLog(t *testing.T) {
	var out bytes.Buffer
	w := SQLLog(&out)
	fmt.Fprint(w, "[52µs] SAVEPOINT odsh_sp_4\n")
	fmt.Fprintf(w, "[396µs] %s", "SELECT count(*) FROM t WHERE a = $1")
	fmt.Fprintf(w, " %s", "[$1 = 'x']")
	fmt.Fprintln(w)
	fmt.Fprint(w, "[40µs] RELEASE SAVEPOINT odsh_sp_4\n[3µs] ROLLBACK TO SAVEPOINT odsh_sp_3\n")
	want := "[396µs] SELECT count(*) FROM t WHERE a = $1 [$1 = 'x']\n[3µs] ROLLBACK TO SAVEPOINT odsh_sp_3\n"
	if got := out.String(); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
