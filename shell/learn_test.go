package shell

import (
	"bytes"
	"strings"
	"testing"
)

func TestParseLearnArgs(t *testing.T) {
	rows := []struct {
		name     string
		args     []string
		want     learnFlags
		rest     string
		errorHas string
	}{
		{name: "none", args: nil},
		{name: "list", args: []string{"--list"}, want: learnFlags{list: true}},
		{name: "check with flags", args: []string{"--check", "--db", "dbname=x"}, want: learnFlags{check: true}, rest: "--db dbname=x"},
		{name: "lesson", args: []string{"3", "-d", "mine"}, want: learnFlags{lesson: 3}, rest: "-d mine"},
		{name: "bad number", args: []string{"3x"}, errorHas: "not a lesson number"},
		{name: "exclusive", args: []string{"--list", "--check"}, errorHas: "exclusive"},
	}
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			lf, rest, err := parseLearnArgs(r.args)
			if r.errorHas != "" {
				if err == nil || !strings.Contains(err.Error(), r.errorHas) {
					t.Fatalf("got %v, want an error saying %q", err, r.errorHas)
				}
				return
			}
			if err != nil || *lf != r.want || strings.Join(rest, " ") != r.rest {
				t.Errorf("got %+v %q %v, want %+v %q", lf, rest, err, r.want, r.rest)
			}
		})
	}
}

func TestListLessons(t *testing.T) {
	var out bytes.Buffer
	if code := testApp(t).listLessons(&out); code != exitOK {
		t.Fatalf("exit %d", code)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) < 12 || !strings.HasPrefix(lines[0], "1  models-and-env") {
		t.Errorf("got %d lines starting %q, want at least 12, one a lesson", len(lines), lines[0])
	}
}

func TestExplicitDatabase(t *testing.T) {
	t.Setenv("ODSH_DB", "")
	a := testApp(t)
	for args, want := range map[string]bool{"--db=x": true, "-d x": true, "--ephemeral": true, "--demo small": false, "": false} {
		if got := a.explicitDatabase(strings.Fields(args)); got != want {
			t.Errorf("%q: got %v, want %v", args, got, want)
		}
	}
}

// TestUsage: odsh --help names the subcommands learn, doc and graph, as
// their own usage lines put them.
func TestUsage(t *testing.T) {
	a := testApp(t)
	var out bytes.Buffer
	if _, err := a.parseFlags([]string{"--help"}, &out); err == nil {
		t.Fatal("--help: got no flag.ErrHelp")
	}
	for _, u := range []string{a.learnUsage(), a.docUsage(), a.graphUsage()} {
		want := strings.TrimPrefix(u, "usage: ")
		if !strings.Contains(out.String(), "\n       "+want+"\n") {
			t.Errorf("odsh --help: no line %q in\n%s", want, out.String())
		}
	}
}

func TestLessonAfterFlags(t *testing.T) {
	for _, r := range []struct {
		args    string
		learn   learnFlags
		lesson  int
		scripts int
	}{
		{"--ephemeral 4", learnFlags{}, 4, 0},
		{"-d mine 12", learnFlags{}, 12, 0},
		{"--ephemeral 4", learnFlags{lesson: 2}, 2, 1}, // odsh learn 2 --ephemeral 4: 4 stays a file (refused)
		{"--ephemeral fix.go", learnFlags{}, 0, 1},
		{"--ephemeral 0", learnFlags{}, 0, 1},
	} {
		f, err := testApp(t).parseFlags(strings.Fields(r.args), &bytes.Buffer{})
		if err != nil {
			t.Fatal(err)
		}
		lf := r.learn
		lessonAfterFlags(&lf, f)
		if lf.lesson != r.lesson || len(f.files) != r.scripts {
			t.Errorf("%q: lesson %d, %d files; want %d, %d", r.args, lf.lesson, len(f.files), r.lesson, r.scripts)
		}
	}
}
