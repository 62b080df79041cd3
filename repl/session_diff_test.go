package repl_test

import (
	"context"
	"strings"
	"testing"
)

// evalLogged runs entries and returns the first word of every statement
// they sent; "REFERRERS" for the recomputation's lookups of the records
// that refer to changed or deleted ones (SELECT id FROM t WHERE f = ANY(…)).
func evalLogged(t *testing.T, entries ...string) (stmts []string, out string) {
	t.Helper()
	s, buf := newSession(t)
	var log []string
	s.Env().Tx().OnQuery(func(sql string, _ []any) {
		word := strings.Fields(sql)[0]
		if strings.HasPrefix(sql, "SELECT id FROM ") && strings.HasSuffix(sql, " = ANY($1) ORDER BY id") {
			word = "REFERRERS"
		}
		log = append(log, word)
	})
	for _, e := range entries {
		start := len(log)
		buf.Reset()
		if err := s.Eval(context.Background(), e); err != nil {
			t.Fatalf("%s: %v", e, err)
		}
		stmts = append(stmts, log[start:]...)
		out = buf.String()
	}
	return stmts, out
}

func countWord(stmts []string, w string) int {
	n := 0
	for _, s := range stmts {
		if s == w {
			n++
		}
	}
	return n
}

// Writing records created in the same epoch reads nothing before the
// UPDATE (their "before" is never shown); :diff still lists them. (Their
// unlink still looks up the partners whose parent or commercial partner
// they are, for the stored computed fields that depend on them: REFERRERS.)
func TestDiffSkipsBeforeOfCreated(t *testing.T) {
	stmts, out := evalLogged(t,
		`ps := env.Model("res.partner").Create(orm.Values{"name": "A"}, orm.Values{"name": "B"})`,
		`ps.Write(orm.Values{"city": "Namur"})`,
		`ps.Unlink()`,
		`:diff`)
	if n := countWord(stmts, "SELECT"); n != 0 {
		t.Errorf("SELECTs sent for a write and unlink of created records: got %d, want 0 (%v)", n, stmts)
	}
	if !strings.Contains(out, "deleted") || !strings.Contains(out, " A") || !strings.Contains(out, " B") {
		t.Errorf(":diff after create, write, unlink: got %q, want both names deleted", out)
	}
}

// Updating a record that existed before the epoch still reads its value
// before the UPDATE, for :diff's "before → after".
func TestDiffReadsBeforeOfExisting(t *testing.T) {
	_, out := evalLogged(t,
		`p := env.Ref("base.main_partner")`,
		`p.Write(orm.Values{"city": "Gembloux"})`,
		`:diff`)
	if !strings.Contains(out, "city:") || !strings.Contains(out, "→ Gembloux") {
		t.Errorf(":diff after updating an existing record: got %q, want its city before → Gembloux", out)
	}
}
