package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"odsh/internal/testdb"
)

// TestOneSetOfRules runs one script as a file, on standard input and with
// -c: the package used without an import works in each, and the error of
// a file or standard input comes with its line and the hint the prompt
// gives for that statement.
func TestOneSetOfRules(t *testing.T) {
	bin := binary(t)
	dsn := testdb.PreparedDSN(t)
	script := "x := strconv.Itoa(3)\nfmt.Println(\"x =\", x)\nps := env.Model(\"res.partner\").Search(\"[]\")\nn := len(ps)\n"
	file := filepath.Join(t.TempDir(), "rules.go")
	if err := os.WriteFile(file, []byte(script), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, stdin string
		args        []string
		errLine     string
	}{
		{"file", "", []string{file}, file + ":4: invalid argument for len"},
		{"stdin", script, nil, "<stdin>:4: invalid argument for len"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, errOut, code := odsh(t, bin, dsn, tc.stdin, tc.args...)
			if code != 1 || out != "x = 3\n" || !strings.Contains(errOut, tc.errLine+"\nhint: use ps.Len()\n") {
				t.Errorf("got exit %d, stdout %q, stderr %q; want exit 1, %q and %q with its hint", code, out, errOut, "x = 3\n", tc.errLine)
			}
		})
	}
	t.Run("-c", func(t *testing.T) {
		// one entry, as at the prompt: compiled whole, so a name it
		// declares has no type yet for a hint; the import is automatic
		out, errOut, code := odsh(t, bin, dsn, "", "-c", "strconv.Itoa(7)")
		if code != 0 || out != "\"7\"\n" {
			t.Errorf("got exit %d, stdout %q, stderr %q; want exit 0 and %q", code, out, errOut, "\"7\"\n")
		}
	})
}
