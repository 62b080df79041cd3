package repl_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"odsh/addons/demo"
	"odsh/internal/testdb"
	"odsh/learn"
	"odsh/orm"
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

// TestLearnTranscripts replays testdata/learn/*.txtar (see TestTranscripts
// for the format) through Session.Eval on the demo data.
func TestLearnTranscripts(t *testing.T) {
	files, err := filepath.Glob("testdata/learn/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no transcripts: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			head, body, ok := strings.Cut(string(data), transcriptMarker)
			if !ok {
				t.Fatalf("%s: no %q line", file, strings.TrimSpace(transcriptMarker))
			}
			s, out := demoSession(t)
			got := head + transcriptMarker
			for _, entry := range entries(body) {
				out.Reset()
				ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
				_ = s.Eval(ctx, entry)
				cancel()
				got += quote(entry) + out.String()
			}
			if *update {
				if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if got != string(data) {
				t.Errorf("%s differs (go test -update rewrites it):\n%s", file, lineDiff(string(data), got))
			}
		})
	}
}

// TestLearnProgress: the current lesson and the lessons done are kept in
// the progress file and read back by the next session.
func TestLearnProgress(t *testing.T) {
	file := filepath.Join(t.TempDir(), "sub", "learn.json")
	ctx := context.Background()
	s, out := demoSession(t)
	if err := s.SetLearnProgress(file); err != nil {
		t.Fatal(err)
	}
	for _, e := range []string{":learn 11", `env.Model("res.partner").WithContext(orm.Ctx{"active_test": false}).SearchCount(nil)`, ":learn 3"} {
		if err := s.Eval(ctx, e); err != nil {
			t.Fatalf("%s: %v\n%s", e, err, out)
		}
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.TrimSpace(string(data)), `{"current":3,"done":[11]}`; got != want {
		t.Errorf("progress file: got %s, want %s", got, want)
	}
	var out2 bytes.Buffer // the next session, on the same transaction
	s2, err := repl.NewSession(repl.SessionOptions{Tx: s.Env().Tx(), DB: "test", Stdout: &out2, Stderr: &out2, Width: 100, Env: []string{}})
	if err != nil {
		t.Fatal(err)
	}
	if err := s2.SetLearnProgress(file); err != nil {
		t.Fatal(err)
	}
	if err := s2.Eval(ctx, ":learn list"); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"▸   3  Dotted paths", " ✓ 11  Context"} {
		if !strings.Contains(out2.String(), want) {
			t.Errorf(":learn list in the next session: want a line %q, got\n%s", want, out2.String())
		}
	}
}

// TestLearnSteps: entries without a value are steps of a try, judged with
// the entry that ends with a value; a failed entry ends the try, its steps
// rolled back; :undo drops a try under way rather than undo an entry
// before it.
func TestLearnSteps(t *testing.T) {
	ctx := context.Background()
	s, out := demoSession(t)
	run := func(entry string) string {
		t.Helper()
		out.Reset()
		_ = s.Eval(ctx, entry)
		return out.String()
	}
	run(`p := env.Model("res.partner").Browse(1)`)
	run(`p.Write(orm.Values{"name": "Before the course"})`) // an entry :undo could undo
	run(":learn 14")
	if got := run(`stale := env.Model("demo.order").Search("[('state', '=', 'draft'), ('date_order', '<', '2024-07-01')]")`); !strings.Contains(got, "(a step, kept") {
		t.Errorf("the first step: got %q", got)
	}
	if got := run(`stale.Write(orm.Values{"state": "cancel"})`); got != "" {
		t.Errorf("the second step says nothing: got %q", got)
	}
	if got := run(`stale.Len()`); !strings.Contains(got, "✓ right: lesson 14 done") {
		t.Errorf("the steps and the entry judged together: got %q", got)
	}
	run(`stale.Write(orm.Values{"state": "cancel"})`)
	if got := run(`stale.Nope()`); !strings.Contains(got, "✗ not yet: the code failed") || !strings.Contains(got, "1 step is rolled back") {
		t.Errorf("a failed entry after a step: got %q", got)
	}
	run(`stale.Write(orm.Values{"state": "cancel"})`)
	if got := run(":undo"); !strings.Contains(got, "the unfinished try's 1 step is rolled back") {
		t.Errorf(":undo during a try: got %q", got)
	}
	if got := run(":undo"); !strings.Contains(got, "undone: p.Write") {
		t.Errorf(":undo after: the entry before the course: got %q", got)
	}
	if got := run(":diff"); got != "no changes\n" {
		t.Errorf(":diff at the end: got %q", got)
	}
}

// lessonNames declares the records the lessons' examples name without
// making them, as the Odoo code beside them does.
const lessonNames = `partner := env.Ref("base.main_partner")
desk := env.Model("demo.product").Search("[('name', '=', 'Oak Desk')]")
order := env.Model("demo.order").Search("[('line_ids', '!=', False)]").Records()[0]
line := order.Rel("line_ids").Records()[0]
`

// TestLessonExamplesRun runs the odsh example of every lesson (the code
// shown beside Odoo's) on the demo data, after lessonNames: a lesson must
// not teach code that fails. An example may show an error on purpose,
// with a comment naming it (`// AccessError`): the entry must then stop
// with that error.
func TestLessonExamplesRun(t *testing.T) {
	lessons, err := learn.All()
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range lessons {
		t.Run(fmt.Sprintf("%02d-%s", l.Number, l.Name), func(t *testing.T) {
			if strings.TrimSpace(l.Go) == "" {
				t.Fatal("the lesson has no odsh example")
			}
			s, out := demoSession(t)
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			if err := s.Eval(ctx, lessonNames); err != nil {
				t.Fatalf("the names the examples use: %v\n%s", err, out.String())
			}
			out.Reset()
			err := s.Eval(ctx, l.Go)
			if strings.Contains(l.Go, "// AccessError") {
				var ae *orm.AccessError
				if !errors.As(err, &ae) {
					t.Fatalf("the example shows an AccessError; got %v\n%s", err, out.String())
				}
				return
			}
			if err != nil {
				t.Fatalf("the example fails: %v\n%s\n--- output:\n%s", err, l.Go, out.String())
			}
			if strings.Contains(out.String(), "error") || strings.Contains(out.String(), "panic") {
				t.Errorf("the example printed an error:\n%s\n--- output:\n%s", l.Go, out.String())
			}
		})
	}
}
