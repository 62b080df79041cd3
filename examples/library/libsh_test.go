package library_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"odsh/examples/library"
	"odsh/internal/testbin"
	"odsh/internal/testdb"
	"odsh/repl"
)

func TestMain(m *testing.M) { testdb.Main(m) }

// libsh builds cmd/libsh into a temporary directory.
func libsh(t *testing.T) string { return testbin.Build(t, "./cmd/libsh", "libsh") }

// run runs bin with args on dsn's database, stdin empty.
func run(t *testing.T, bin, dsn string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	return testbin.Run(t, bin, "", []string{"LIBSH_DB=", "ODSH_DB="}, append([]string{"--db", dsn}, args...)...)
}

// script is what a newcomer tries first: the demo data, the stored
// computed fields, and the ondelete rule, as a script.
const script = `
fmt.Println("loans:", env.Model("library.loan").SearchCount(nil))
for _, a := range env.Model("library.author").Search(nil).Records() {
	fmt.Printf("%s: %d books\n", a.Str("name"), a.Int("book_count"))
}
var out []string
for _, b := range env.Model("library.book").Search("[('available', '=', False)]").Records() {
	out = append(out, b.Str("name"))
}
fmt.Println("out:", strings.Join(out, ", "))

// a new book, then a loan of it: both stored computed fields follow
woolf := env.Ref("library.author_woolf")
orlando := env.Model("library.book").Create(orm.Values{"name": "Orlando", "author_id": woolf.ID()})
fmt.Println("Woolf now:", woolf.Int("book_count"))
env.Model("library.loan").Create(orm.Values{"book_id": orlando.ID(), "member_id": env.Ref("base.partner_admin").ID()})
fmt.Println("Orlando available:", orlando.Bool("available"))

// ondelete "restrict": a book with loans stays
fmt.Println(env.Catch(func() { env.Ref("library.book_emma").Unlink() }) != nil)
`

// TestLibsh builds libsh and runs it against a new database: the first
// run installs the library addon and its demo data; scripts then see the
// stored computed fields, the constraint, the ondelete rule and the
// record rules; the shell's name is libsh's.
func TestLibsh(t *testing.T) {
	bin := libsh(t)
	dsn := testdb.MissingDSN(t, "libsh_test")
	file := filepath.Join(t.TempDir(), "tour.go")
	if err := os.WriteFile(file, []byte(script), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Run("script", func(t *testing.T) {
		out, errOut, code := run(t, bin, dsn, file)
		for _, want := range []string{
			"loans: 5\n",
			"Jane Austen: 2 books\n",
			"out: Ficciones, Mrs Dalloway, War and Peace\n",
			"Woolf now: 3\n",
			"Orlando available: false\n",
			"true\n",
		} {
			if code != 0 || !strings.Contains(out, want) {
				t.Errorf("got exit %d, stdout %q, stderr %q; want exit 0 and %q", code, out, errOut, want)
			}
		}
		if !strings.Contains(errOut, "libsh: changes rolled back (run with --commit to keep them)") {
			t.Errorf("stderr %q: want libsh's name on the rollback line", errOut)
		}
	})
	t.Run("installed once", func(t *testing.T) {
		out, errOut, code := run(t, bin, dsn, "-c", `env.Model("library.loan").SearchCount(nil)`)
		if code != 0 || out != "5\n" || errOut != "" {
			t.Errorf("got exit %d, stdout %q, stderr %q; want 5 loans (demo data loaded once) and nothing on stderr", code, out, errOut)
		}
	})
	t.Run("constraint", func(t *testing.T) {
		_, errOut, code := run(t, bin, dsn, "-c", `env.Model("library.loan").Create(orm.Values{
	"book_id": env.Ref("library.book_emma").ID(), "member_id": env.Ref("base.partner_admin").ID(),
	"loan_date": "2025-03-10", "return_date": "2025-03-01"})`)
		want := "ValidationError: library.loan.return_date: a book cannot be returned (2025-03-01) before it was lent (2025-03-10)"
		if code != 1 || !strings.Contains(errOut, want) {
			t.Errorf("got exit %d, stderr %q; want exit 1 and %q", code, errOut, want)
		}
	})
	t.Run("record rules", func(t *testing.T) {
		for user, want := range map[string]string{"alice": "2\n", "bob": "2\n", "librarian": "5\n"} {
			out, errOut, code := run(t, bin, dsn, "--user", user, "-c", `env.Model("library.loan").SearchCount(nil)`)
			if code != 0 || out != want {
				t.Errorf("--user %s: got exit %d, stdout %q, stderr %q; want %q loans", user, code, out, errOut, want)
			}
		}
	})
	t.Run("meta-commands", func(t *testing.T) {
		for cmd, want := range map[string]string{
			":doc library.book":             "library.book — Book",
			":fields library.loan":          "│ return_date  │ date",
			":doc library.loan.return_date": "return_date",
		} {
			out, errOut, _ := run(t, bin, dsn, "-c", cmd)
			if !strings.Contains(out+errOut, want) {
				t.Errorf("%s: got stdout %q, stderr %q; want %q", cmd, out, errOut, want)
			}
		}
	})
	t.Run("name", func(t *testing.T) {
		_, errOut, code := run(t, bin, dsn, "--addons", "demo", "-c", "1")
		want := `libsh: unknown addon "demo" (known: base, library)`
		if code != 2 || strings.TrimSpace(errOut) != want {
			t.Errorf("got exit %d, stderr %q; want exit 2 and %q", code, errOut, want)
		}
	})
}

// TestCompletion checks that the shell completes the library's model and
// field names, and documents them, with no generated code: the REPL reads
// them from the registry.
func TestCompletion(t *testing.T) {
	env := testdb.Env(t, library.Addon)
	var out bytes.Buffer
	s, err := repl.NewSession(repl.SessionOptions{Tx: env.Tx(), DB: "libsh", Stdout: &out, Stderr: &out, Width: 100, Env: []string{}})
	if err != nil {
		t.Fatal(err)
	}
	c := s.Completer()
	for _, tc := range []struct {
		line string
		want []string
	}{
		{`env.Model("library.`, []string{"library.author", "library.book", "library.loan"}},
		{`env.Model("library.b`, []string{"library.book"}},
		{`env.Model("library.book").Get("author_id.bo`, []string{"book_count", "book_ids"}},
		{`env.Model("library.loan").Search("[('book_id.ava`, []string{"available"}},
		{`env.Ref("library.book_e`, []string{"library.book_emma"}},
	} {
		t.Run(tc.line, func(t *testing.T) {
			got, _ := c.Candidates(repl.Analyze(tc.line, len(tc.line)))
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
	ctx := context.Background()
	for entry, want := range map[string]string{
		":fields library.author":       "book_count",
		":doc library.book":            "library.book — Book",
		`env.Ref("library.book_emma")`: "Emma",
	} {
		out.Reset()
		if err := s.Eval(ctx, entry); err != nil || !strings.Contains(out.String(), want) {
			t.Errorf("%s: got %v, output %q; want %q", entry, err, out.String(), want)
		}
	}
}
