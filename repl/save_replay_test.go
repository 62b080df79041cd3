package repl_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"odsh/addons/base"
	"odsh/internal/testdb"
	"odsh/orm"
	"odsh/repl"
)

// TestSavedFixReplays types a data fix as the README shows one — search,
// write, raw SQL, an error, :undo, :diff, :save, :commit — through the
// real read-eval loop on a fresh database, then loads the saved file in a
// session on a second fresh database and commits: :diff and the rows must
// be the same (issue 10). Ids of created records may differ: the undone
// create used an id of the first database's sequence, and sequences are not
// transactional.
func TestSavedFixReplays(t *testing.T) {
	file := filepath.Join(t.TempDir(), "fix.odsh")
	fix := []string{
		`partners := env.Model("res.partner").Search("[('name', 'ilike', 'a')]", orm.Order("id"))`,
		`partners.Write(orm.Values{"city": "Liège"})`,
		`sql("update res_partner set phone = $1 where city = $2", "+32 4", "Liège")`,
		`partners.Write(orm.Values{"nmae": "typo"})`,
		`extra := env.Model("res.partner").Create(orm.Values{"name": "Created by mistake"})`,
		`count := extra.Len() + partners.Len()`,
		`:undo`,
		`fixed := env.Model("res.partner").Create(orm.Values{"name": "Fixed", "city": "Namur"})`,
		`:diff`,
		`:save ` + file,
		`:commit`,
	}
	s, out, conn := freshSession(t, "a")
	if err := s.Run(context.Background(), &keys{lines: fix}); err != nil {
		t.Fatalf("Run: %v", err)
	}
	typed := out.String()
	for _, want := range []string{"unknown field \"nmae\"", "undone: extra := ", "not restored: Go variables count, extra", "saved 4 entries", "committed"} {
		if !strings.Contains(typed, want) {
			t.Fatalf("typed session: want %q in its output:\n%s", want, typed)
		}
	}
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(src), "mistake") || strings.Contains(string(src), "nmae") || strings.Contains(string(src), "count") {
		t.Errorf("saved file keeps an undone, failed or stale entry:\n%s", src)
	}
	s2, out2, conn2 := freshSession(t, "b")
	if err := s2.Run(context.Background(), &keys{lines: []string{":load " + file, ":diff", ":commit"}}); err != nil {
		t.Fatalf("Run: %v", err)
	}
	if got, want := diffOf(out2.String()), diffOf(typed); got != want || want == "" {
		t.Errorf(":diff after loading the saved file:\n%s\nwant, as typed:\n%s", got, want)
	}
	if got, want := partnerRows(t, conn2), partnerRows(t, conn); got != want {
		t.Errorf("rows after the replay:\n%s\nwant, as typed:\n%s", got, want)
	}
}

// freshSession starts a session on a new database with base installed.
func freshSession(t *testing.T, suffix string) (*repl.Session, *bytes.Buffer, string) {
	t.Helper()
	name := fmt.Sprintf("odsh_replay_%d_%s", os.Getpid(), suffix)
	dsn := testdb.MissingDSN(t, name)
	testdb.CreateDatabase(t, name, "")
	reg, err := orm.NewRegistryFrom([]*orm.Addon{base.Addon})
	if err != nil {
		t.Fatal(err)
	}
	if err := testdb.Install(dsn, reg); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	t.Cleanup(cancel)
	conn, err := orm.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	tx, err := orm.Begin(ctx, conn, reg, orm.TxOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { tx.Close(); conn.Close(context.Background()) })
	var out bytes.Buffer
	s, err := repl.NewSession(repl.SessionOptions{Tx: tx, DB: "test", Stdout: &out, Stderr: &out, Width: 100, Env: []string{}})
	if err != nil {
		t.Fatal(err)
	}
	return s, &out, dsn
}

// diffOf returns the output of the :diff in a session's output: from its
// first model or "raw SQL" line to the line before "saved" or "committed".
func diffOf(out string) string {
	var b strings.Builder
	in := false
	for _, line := range strings.Split(out, "\n") {
		switch {
		case line == "res.partner":
			in = true
		case strings.HasPrefix(line, "saved ") || line == "committed":
			in = false
		}
		if in {
			b.WriteString(createdIDs.ReplaceAllString(line, "created $1(…)") + "\n")
		}
	}
	return b.String()
}

var createdIDs = regexp.MustCompile(`created ([a-z.]+)\([0-9, ]+\)`)

// partnerRows reads the partners of dsn's database as text, without their
// ids, in name order.
func partnerRows(t *testing.T, dsn string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	conn, err := orm.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	rows, err := conn.Query(ctx, "SELECT name, coalesce(city, ''), coalesce(phone, ''), active FROM res_partner ORDER BY name, city")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var b strings.Builder
	for rows.Next() {
		vals, err := rows.Values()
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintln(&b, vals...)
	}
	return b.String()
}
