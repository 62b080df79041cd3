package repl_test

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"odsh/addons/connector"
	"odsh/addons/demo"
	"odsh/internal/testdb"
	"odsh/orm"
	"odsh/repl"
)

var update = flag.Bool("update", false, "rewrite the transcripts in testdata with the outputs got")

// A transcript is a txtar-like file: a free comment, then a line
// "-- transcript --", then entries. A comment line "addons: a,b" installs
// those addons (besides base) in the transcript's database. An entry is a line "> code" followed
// by continuation lines "| code"; the lines after it, up to the next
// entry, are its exact output (stdout and stderr interleaved).
const transcriptMarker = "-- transcript --\n"

// TestTranscripts replays every testdata/*.txtar through Session.Eval on
// a rolled-back transaction of a database with base (and the addons the
// transcript names) installed. Each transcript has a registry of its own,
// so the models it declares at run time are not seen by the others.
func TestTranscripts(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no transcripts: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			replay(t, file)
		})
	}
}

func replay(t *testing.T, file string) {
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	head, body, ok := strings.Cut(string(data), transcriptMarker)
	if !ok {
		t.Fatalf("%s: no %q line", file, strings.TrimSpace(transcriptMarker))
	}
	s, out := newSession(t, transcriptAddons(t, head)...)
	var got strings.Builder
	got.WriteString(head + transcriptMarker)
	for _, entry := range entries(body) {
		got.WriteString(quote(entry))
		out.Reset()
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		_ = s.Eval(ctx, entry)
		cancel()
		got.WriteString(out.String())
	}
	if *update {
		if err := os.WriteFile(file, []byte(got.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if got.String() != string(data) {
		t.Errorf("%s differs (go test -update rewrites it):\n%s", file, lineDiff(string(data), got.String()))
	}
}

// transcriptAddons returns the addons of the "addons:" line of a
// transcript's comment.
func transcriptAddons(t *testing.T, head string) []*orm.Addon {
	t.Helper()
	var out []*orm.Addon
	for _, line := range strings.Split(head, "\n") {
		list, ok := strings.CutPrefix(line, "addons: ")
		if !ok {
			continue
		}
		for _, name := range strings.Split(list, ",") {
			a := knownAddons[strings.TrimSpace(name)]
			if a == nil {
				t.Fatalf("addons: unknown addon %q", name)
			}
			out = append(out, a)
		}
	}
	return out
}

// knownAddons are the addons a transcript may name.
var knownAddons = map[string]*orm.Addon{"connector": connector.Addon, "demo": demo.Addon}

// newSession returns a session on a fresh rolled-back transaction whose
// sequences are reset, so ids do not depend on the tests run before. Its
// registry is its own (models declared in it stay there).
func newSession(t *testing.T, addons ...*orm.Addon) (*repl.Session, *bytes.Buffer) {
	t.Helper()
	env := testdb.PrivateEnv(t, addons...)
	resetSequences(t, env)
	env.Tx().SetClock(func() time.Time { return time.Date(2026, 11, 22, 9, 30, 0, 0, time.UTC) })
	var out bytes.Buffer
	s, err := repl.NewSession(repl.SessionOptions{Tx: env.Tx(), DB: "test", Stdout: &out, Stderr: &out, Width: 100, Env: []string{}})
	if err != nil {
		t.Fatal(err)
	}
	return s, &out
}

// resetSequences sets every id sequence to the table's largest id (setval
// is not transactional: this holds for the next test as well).
func resetSequences(t *testing.T, env *orm.Env) {
	t.Helper()
	err := env.Catch(func() {
		env.Tx().Exec(`DO $$ DECLARE r record; BEGIN
			FOR r IN SELECT c.relname AS tbl, s.relname AS seq FROM pg_class s
				JOIN pg_depend d ON d.objid = s.oid JOIN pg_class c ON c.oid = d.refobjid
				WHERE s.relkind = 'S' AND d.deptype = 'a' LOOP
				EXECUTE format('SELECT setval(%L, COALESCE((SELECT max(id) FROM %I), 0) + 1, false)', r.seq, r.tbl);
			END LOOP; END $$`)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// entries splits a transcript body into its entries.
func entries(body string) []string {
	var out []string
	for _, line := range strings.Split(body, "\n") {
		switch {
		case strings.HasPrefix(line, "> "):
			out = append(out, line[2:])
		case strings.HasPrefix(line, "| ") && len(out) > 0:
			out[len(out)-1] += "\n" + line[2:]
		}
	}
	return out
}

func quote(entry string) string {
	lines := strings.Split(entry, "\n")
	var b strings.Builder
	for i, l := range lines {
		if i == 0 {
			b.WriteString("> " + l + "\n")
		} else {
			b.WriteString("| " + l + "\n")
		}
	}
	return b.String()
}

// lineDiff shows the first differing lines.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return "line " + strconv.Itoa(i+1) + ":\n  want: " + wl + "\n  got:  " + gl
		}
	}
	return ""
}

// TestPromptAfterUndo checks the prompt's "*": set by a write, cleared when
// :undo or :rollback take the transaction back to a clean state.
func TestPromptAfterUndo(t *testing.T) {
	s, _ := newSession(t)
	ctx := context.Background()
	steps := []struct{ entry, prompt string }{
		{`env.Model("res.partner").Browse(1).Get("name")`, "test> "},
		{`p := env.Model("res.partner").Create(orm.Values{"name": "P"})`, "test*> "},
		{`p.Write(orm.Values{"city": "Gent"})`, "test*> "},
		{":undo", "test*> "},
		{":undo", "test> "},
		{`env.Model("res.partner").Create(orm.Values{"name": "Q"})`, "test*> "},
		{":rollback", "test> "},
	}
	for _, st := range steps {
		_ = s.Eval(ctx, st.entry)
		if got := s.Prompt(); got != st.prompt {
			t.Errorf("after %s: got prompt %q, want %q", st.entry, got, st.prompt)
		}
	}
}

// TestTimingCountsEntryStatements: :timing counts the entry's statements,
// not the SAVEPOINT and RELEASE the shell wraps it in.
func TestTimingCountsEntryStatements(t *testing.T) {
	s, out := newSession(t)
	ctx := context.Background()
	if err := s.Eval(ctx, ":timing on"); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		entry string
		want  string
	}{
		{`1 + 1`, " 0 SQL,"},
		{`sql("SELECT 1")`, " 1 SQL,"},
		{`x := env.Model("res.partner").Create(orm.Values{"name": "Timed"}); _ = x`, " SQL, 1 changes pending)"},
	} {
		t.Run(tc.entry, func(t *testing.T) {
			out.Reset()
			if err := s.Eval(ctx, tc.entry); err != nil {
				t.Fatal(err)
			}
			last := strings.TrimSpace(out.String())
			if i := strings.LastIndex(last, "\n"); i >= 0 {
				last = last[i+1:]
			}
			if !strings.Contains(last, tc.want) {
				t.Errorf("got %q, want it to contain %q", last, tc.want)
			}
		})
	}
}
