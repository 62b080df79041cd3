package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"odsh/addons/connector"
	"odsh/addons/demo"
	"odsh/internal/testdb"
	"odsh/learn"
)

// TestLearnTerminal is a newcomer's course in a real terminal: odsh learn
// under tmux on the demo data, each lesson's reference answer typed line
// by line as the lesson shows it (a line without a value is a step of the
// try) or pasted at once (lesson 7), one wrong try with its hint, a jump with :learn N over lesson 4
// (done last), the course-finished message; then odsh again, where the
// progress is kept.
func TestLearnTerminal(t *testing.T) {
	lessons, err := learn.All()
	if err != nil {
		t.Fatal(err)
	}
	bin := binary(t)
	dsn := testdb.PreparedDSN(t, connector.Addon, demo.Addon)
	demoLoaded(t, dsn)
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		t.Fatal(err)
	}
	db := cfg.Database // the prompt is "DB> "
	state := t.TempDir()
	start := func(name string) promptTmux {
		cmd := fmt.Sprintf("HOME=%s XDG_STATE_HOME=%s ODSH_DB= %s learn --db '%s' --addons base,connector,demo; echo odsh exited $?; sleep 600",
			t.TempDir(), state, bin, dsn)
		return promptTmux{startTmux(t, "learn-"+name, 50, cmd),
			regexp.MustCompile(`(?m)^(` + regexp.QuoteMeta(db) + `\*?>|\.\.\.)( .*)?$`)}
	}

	m := start("first")
	m.waitFor("Lesson 1/14: Models and env")
	m.waitFor(db + ">")

	// a wrong try, and the first hint
	l := lessons[0]
	scr := m.typeCode(l.Wrong)
	if !strings.Contains(scr, "✗ not yet") || !strings.Contains(oneLine(scr), "hint: "+oneLine(l.Hints[0])) {
		t.Errorf("lesson 1, the wrong answer: want ✗ not yet and the first hint, got\n%s", scr)
	}
	order := []int{1, 2, 3}
	for n := 5; n <= len(lessons); n++ {
		order = append(order, n)
	}
	order = append(order, 4)
	prev := 0
	for _, n := range order {
		l := lessons[n-1]
		if n != 1 {
			go_ := fmt.Sprintf(":learn %d", n)
			if n == prev+1 {
				go_ = ":learn next"
			}
			scr := m.enter(go_)
			if want := fmt.Sprintf("Lesson %d/%d: %s", n, len(lessons), l.Title); !strings.Contains(scr, want) {
				t.Fatalf("%s: want %q on the screen, got\n%s", go_, want, scr)
			}
		}
		if n == 7 {
			scr = m.paste(l.Answer)
		} else {
			scr = m.typeCode(l.Answer)
		}
		if want := fmt.Sprintf("✓ right: lesson %d done.", n); !strings.Contains(scr, want) {
			t.Fatalf("lesson %d, the reference answer typed line by line: want %q, got\n%s", n, want, scr)
		}
		prev = n
	}
	if !strings.Contains(oneLine(scr), "You have finished the course: all 14 lessons are done") {
		t.Errorf("the last lesson done: want the course-finished message, got\n%s", scr)
	}
	m.keys("C-d")
	scr = m.waitFor("odsh exited")
	if strings.Contains(scr, "uncommitted changes") || !strings.Contains(scr, "odsh exited 0") {
		t.Errorf("leaving after the course: every try is rolled back, nothing to commit; got\n%s", scr)
	}
	data, err := os.ReadFile(filepath.Join(state, "odsh", "learn.json"))
	if err != nil || strings.TrimSpace(string(data)) != `{"current":4,"done":[1,2,3,4,5,6,7,8,9,10,11,12,13,14]}` {
		t.Errorf("progress file: %s %v", data, err)
	}

	m = start("again")
	scr = m.waitFor(db + ">")
	if !strings.Contains(scr, "Lesson 4/14: Recordsets as sets ✓") {
		t.Errorf("odsh learn again: want lesson 4, where the course was left, marked done; got\n%s", scr)
	}
	scr = m.enter(":learn list")
	for _, l := range lessons {
		want := fmt.Sprintf(" ✓ %2d  %s", l.Number, l.Title)
		if l.Number == 4 {
			want = "▸" + want[1:]
		}
		if !strings.Contains(scr, want) {
			t.Errorf(":learn list: want a line %q, got\n%s", want, scr)
		}
	}
	m.keys("C-d")
	m.waitFor("odsh exited 0")
}

// paste pastes code as a terminal does (bracketed, tabs and all), and
// returns the screen once the try is judged.
func (m promptTmux) paste(code string) string {
	m.t.Helper()
	verdicts := func(s string) int { return strings.Count(s, "✓ right") + strings.Count(s, "✗ not yet") }
	m.run("clear-history", "-t", m.name)
	before := verdicts(m.history())
	m.run("set-buffer", "-b", m.name, code+"\n")
	m.run("paste-buffer", "-p", "-d", "-b", m.name, "-t", m.name)
	deadline := time.Now().Add(30 * time.Second)
	for {
		scr := m.history()
		lines := strings.Split(strings.TrimRight(scr, " \n"), "\n")
		if verdicts(scr) > before && m.prompt.MatchString(lines[len(lines)-1]) && strings.Count(lines[len(lines)-1], " ") == 0 {
			return scr // judged, and the prompt is back
		}
		if time.Now().After(deadline) {
			m.t.Fatalf("the pasted code was never judged:\n%s", scr)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// promptTmux is a tmux session whose prompt lines match prompt: the
// prompt or the continuation prompt, at the start of a line.
type promptTmux struct {
	tmux
	prompt *regexp.Regexp
}

// typeCode types code line by line, as a learner copies it from a lesson
// (without the indentation: Tab completes), and returns the screen after
// the last line.
func (m promptTmux) typeCode(code string) string {
	m.t.Helper()
	var scr string
	for _, line := range strings.Split(code, "\n") {
		scr = m.enter(strings.TrimSpace(line))
	}
	return scr
}

// enter types a line and Enter and waits for the next prompt, empty; it
// returns the screen from the line typed on.
func (m promptTmux) enter(line string) string {
	m.t.Helper()
	m.run("clear-history", "-t", m.name)
	before := len(m.prompt.FindAllString(m.history(), -1))
	m.run("send-keys", "-t", m.name, "-l", line)
	m.keys("Enter")
	deadline := time.Now().Add(30 * time.Second)
	for {
		h := m.history()
		all := m.prompt.FindAllStringSubmatchIndex(h, -1)
		if len(all) > before {
			if last := all[len(all)-1]; last[4] < 0 || strings.TrimSpace(h[last[4]:last[5]]) == "" { // an empty prompt
				from := all[max(before-1, 0)][0]
				return h[from:]
			}
		}
		if time.Now().After(deadline) {
			m.t.Fatalf("after %q, no new prompt:\n%s", line, h)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// history is the pane's scrollback and screen, wrapped lines joined.
func (m tmux) history() string {
	return strings.TrimRight(m.run("capture-pane", "-p", "-J", "-S", "-", "-t", m.name), "\n")
}

// oneLine joins the lines of s, as wrapping cut them, with spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
