package repl_test

import (
	"bytes"
	"context"
	"testing"
	"time"

	"odsh/addons/demo"
	"odsh/internal/testdb"
	"odsh/repl"
)

// demoSession returns a session on a rolled-back transaction of a
// database with the demo addon and its small data set, sequences reset
// first so that ids are the same at every run.
func demoSession(t *testing.T) (*repl.Session, *bytes.Buffer) {
	t.Helper()
	env := testdb.Env(t, demo.Addon)
	resetSequences(t, env)
	if err := demo.Load(env, demo.SizeSmall); err != nil {
		t.Fatal(err)
	}
	env.Tx().SetClock(func() time.Time { return time.Date(2026, 11, 22, 9, 30, 0, 0, time.UTC) })
	var out bytes.Buffer
	s, err := repl.NewSession(repl.SessionOptions{Tx: env.Tx(), DB: "test", Stdout: &out, Stderr: &out, Width: 100, Env: []string{}})
	if err != nil {
		t.Fatal(err)
	}
	return s, &out
}

// TestCourseCheck is `odsh learn --check`: every lesson's reference answer
// is judged right and its known wrong answer wrong, on the demo data.
func TestCourseCheck(t *testing.T) {
	s, out := demoSession(t)
	var report bytes.Buffer
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	failed, err := s.CheckCourse(ctx, &report)
	if err != nil {
		t.Fatal(err)
	}
	if failed > 0 {
		t.Errorf("%d lessons fail:\n%s", failed, report.String())
	}
	t.Log("\n" + report.String())
	out.Reset()
	if err := s.Eval(ctx, ":diff"); err != nil || out.String() != "no changes\n" {
		t.Errorf(":diff after the check: got %q, want no changes (every try is rolled back)", out.String())
	}
}
