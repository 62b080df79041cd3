package repl_test

import (
	"context"
	"strings"
	"testing"
)

// promptKeys is a LineReader that replays lines (as keys does) and records
// the prompts it was shown.
type promptKeys struct {
	keys
	prompts []string
}

func (k *promptKeys) ReadLine(prompt string) (string, error) {
	k.prompts = append(k.prompts, prompt)
	return k.keys.ReadLine(prompt)
}

// TestRawWritesAreDirty: every way of writing — the ORM, sql(),
// env.Cr().Execute, env.Tx().Exec, a function from a loaded script —
// puts the "*" in the prompt and makes Ctrl-D ask whether to commit,
// through the real read-eval loop.
func TestRawWritesAreDirty(t *testing.T) {
	for _, tc := range []struct{ name, entry string }{
		{"orm", `ref("base.main_partner").Write(orm.Values{"city": "Dirty"})`},
		{"sql", `sql("update res_partner set city = 'Dirty' where id = 1")`},
		{"cursor", `env.Cr().Execute(orm.SQLf("update res_partner set city = %s where id = 1", "Dirty"))`},
		{"tx", `env.Tx().Exec("update res_partner set city = 'Dirty' where id = 1")`},
		{"script function", `fixCity()`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, out := newSession(t)
			ctx := context.Background()
			if err := s.Eval(ctx, `func fixCity() { sql("update res_partner set city = 'Dirty' where id = 1") }`); err != nil {
				t.Fatal(err)
			}
			k := &promptKeys{keys: keys{lines: []string{tc.entry, "^D", "n"}}}
			if err := s.Run(ctx, k); err != nil {
				t.Fatalf("Run: %v", err)
			}
			want := []string{"test> ", "test*> ", "uncommitted changes: commit them? [y = commit, n = discard, Enter = stay] "}
			if strings.Join(k.prompts, "|") != strings.Join(want, "|") {
				t.Errorf("prompts: got %q, want %q (output %q)", k.prompts, want, out.String())
			}
			if !strings.Contains(out.String(), "rolled back") {
				t.Errorf("output %q: want the rollback said", out.String())
			}
		})
	}
}
