package repl

// The course at the prompt: :learn shows the current lesson and makes
// every Go entry a try at it (learn_attempt.go), until :learn off.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"odsh/learn"
	"odsh/orm"
	"odsh/printer"
)

// learnState is the course's state in a session.
type learnState struct {
	lessons  []*learn.Lesson
	cur      int  // index of the current lesson
	active   bool // Go entries are tries at the current lesson
	wrong    int  // wrong tries at the current lesson: the next hint to give
	done     map[int]bool
	file     string   // the progress file; "" keeps progress in memory
	checker  *Interp  // runs checks and reference answers (learn_attempt.go)
	checkEnv *orm.Env // the env checker's code runs with (its orm.Catch)
	try      *try     // the try under way, when its first entries were steps
}

// progress is what the progress file keeps.
type progress struct {
	Current int   `json:"current"` // lesson number
	Done    []int `json:"done"`
}

// learnState returns the session's course state, made on first use.
func (s *Session) learnState() *learnState {
	if s.learn == nil {
		s.learn = &learnState{done: map[int]bool{}}
	}
	return s.learn
}

// SetLearnProgress makes the course keep its progress (current lesson,
// lessons done) in file, reading what it holds. A missing file is a course
// not started; a file that cannot be read is reported, not fatal.
func (s *Session) SetLearnProgress(file string) error {
	st := s.learnState()
	st.file = file
	data, err := os.ReadFile(file)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	var p progress
	if err := json.Unmarshal(data, &p); err != nil {
		return fmt.Errorf("repl: %s: %w", file, err)
	}
	st.cur = max(p.Current-1, 0)
	for _, n := range p.Done {
		st.done[n] = true
	}
	return nil
}

// saveProgress writes the progress file, if any; a failure is printed.
func (s *Session) saveProgress() {
	st := s.learn
	if st.file == "" {
		return
	}
	p := progress{Current: st.cur + 1, Done: []int{}}
	for n := range st.done {
		p.Done = append(p.Done, n)
	}
	sort.Ints(p.Done)
	data, _ := json.Marshal(p)
	err := os.MkdirAll(filepath.Dir(st.file), 0o755)
	if err == nil {
		err = os.WriteFile(st.file, append(data, '\n'), 0o644)
	}
	if err != nil {
		fmt.Fprintf(s.errw, "odsh: keeping the course's progress: %v\n", err)
	}
}

// learning reports whether Go entries are tries at a lesson.
func (s *Session) learning() bool { return s.learn != nil && s.learn.active }

// learnEntry runs a Go entry as a try at the current lesson, or as a
// step of one, and says whether it is right, with a hint when it is not.
func (s *Session) learnEntry(ctx context.Context, entry string) error {
	st := s.learn
	l := st.lessons[st.cur]
	steps := 0
	if st.try != nil {
		steps = st.try.steps
	}
	v, err := s.attempt(ctx, l, entry, true)
	if err != nil {
		return s.fail(err)
	}
	if v.Step {
		if st.try.steps == 1 {
			s.say("(a step, kept: go on; the next entry that ends with a value is judged, with its steps)")
		}
		return nil
	}
	if v.Right {
		st.done[l.Number] = true
		s.saveProgress()
		msg := fmt.Sprintf("✓ right: lesson %d done.", l.Number)
		switch {
		case len(st.done) == len(st.lessons):
			msg += fmt.Sprintf(" You have finished the course: all %d lessons are done. :learn off leaves it; :learn list, :learn N go back to a lesson.", len(st.lessons))
		case st.cur+1 < len(st.lessons):
			msg += fmt.Sprintf(" :learn next goes on to lesson %d.", l.Number+1)
		default:
			msg += fmt.Sprintf(" That was the last lesson; %s left (:learn list shows which).", plural(len(st.lessons)-len(st.done), "lesson is", "lessons are"))
		}
		s.say(msg)
		return nil
	}
	why := v.Reason
	if steps > 0 {
		why += fmt.Sprintf(" (the try's %s rolled back with it)", plural(steps, "step is", "steps are"))
	}
	s.say("✗ not yet: " + why)
	switch {
	case st.done[l.Number]:
		next := ":learn list shows the lessons left"
		if st.cur+1 < len(st.lessons) {
			next = ":learn next goes on"
		}
		s.say(fmt.Sprintf("(you have done lesson %d already: %s, :learn off leaves the course)", l.Number, next))
	case st.wrong < len(l.Hints):
		s.say("hint: " + l.Hints[st.wrong])
		st.wrong++
	default:
		s.say("(:learn answer shows the answer)")
	}
	return nil
}

// say prints a message of the course, its words wrapped to the width, at
// most courseWidth.
func (s *Session) say(msg string) {
	fmt.Fprintln(s.out, strings.Join(wrapWords(msg, min(s.width(), courseWidth)), "\n"))
}

// courseWidth is the widest the course's text is wrapped: lines longer
// are hard to read.
const courseWidth = 80

// wrapWords breaks text into lines of at most width cells, at spaces; a
// word longer than the width stays whole.
func wrapWords(text string, width int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(text) {
		switch {
		case line == "":
			line = w
		case printer.DisplayWidth(line)+1+printer.DisplayWidth(w) > width:
			lines = append(lines, line)
			line = w
		default:
			line += " " + w
		}
	}
	return append(lines, line)
}

// metaLearn is :learn [N|next|prev|hint|answer|list|off].
func (s *Session) metaLearn(_ context.Context, args []string) error {
	st := s.learnState()
	if st.lessons == nil {
		ls, err := learn.All()
		if err != nil {
			return err
		}
		st.lessons = ls
		st.cur = min(st.cur, len(ls)-1)
	}
	if len(args) > 1 {
		return metaErr("usage: :learn [N|next|prev|hint|answer|list|off]")
	}
	arg := ""
	if len(args) == 1 {
		arg = args[0]
	}
	switch arg {
	case "":
		return s.learnGo(st.cur)
	case "next":
		if st.cur+1 >= len(st.lessons) {
			return metaErr("lesson %d is the last one", st.cur+1)
		}
		return s.learnGo(st.cur + 1)
	case "prev":
		if st.cur == 0 {
			return metaErr("lesson 1 is the first one")
		}
		return s.learnGo(st.cur - 1)
	case "hint":
		s.learnHint()
	case "answer":
		l := st.lessons[st.cur]
		fmt.Fprintf(s.out, "answer to lesson %d:\n%s\n", l.Number, indent(l.Answer))
	case "list":
		s.learnList()
	case "off":
		s.dropTry()
		st.active = false
		fmt.Fprintln(s.out, "left the course: entries run as usual (:learn comes back to it)")
	default:
		n, err := strconv.Atoi(arg)
		if err != nil || n < 1 || n > len(st.lessons) {
			return metaErr(":learn %s: want a lesson number from 1 to %d, or next, prev, hint, answer, list, off", arg, len(st.lessons))
		}
		return s.learnGo(n - 1)
	}
	return nil
}

// learnGo makes lesson i current and shows it.
func (s *Session) learnGo(i int) error {
	st := s.learn
	s.dropTry()
	if i != st.cur {
		st.wrong = 0
	}
	st.cur, st.active = i, true
	s.saveProgress()
	s.showLesson(st.lessons[i])
	return nil
}

// showLesson prints a lesson: explanation, Odoo and odsh side by side, the task.
func (s *Session) showLesson(l *learn.Lesson) {
	st := s.learn
	mark := ""
	if st.done[l.Number] {
		mark = " ✓"
	}
	fmt.Fprintf(s.out, "Lesson %d/%d: %s%s\n\n", l.Number, len(st.lessons), l.Title, mark)
	for _, para := range strings.Split(l.Text, "\n\n") {
		s.say(para)
		fmt.Fprintln(s.out)
	}
	if l.Python != "" || l.Go != "" {
		fmt.Fprintf(s.out, "Odoo (Python):\n%s\nodsh (Go):\n%s\n\n", indent(l.Python), indent(l.Go))
	}
	s.say("Task: " + l.Task)
	s.say("(Type the answer as one entry or line by line: entries without a value, such as assignments, are steps, judged with the next entry that has one. Each try is rolled back. :learn hint, answer, next, N, list, off.)")
}

// learnHint gives the next hint of the current lesson.
func (s *Session) learnHint() {
	st := s.learn
	l := st.lessons[st.cur]
	if st.wrong >= len(l.Hints) {
		for _, h := range l.Hints { // again: a try that was a look around may have had one
			s.say("hint: " + h)
		}
		fmt.Fprintln(s.out, "no more hints (:learn answer shows the answer)")
		return
	}
	s.say("hint: " + l.Hints[st.wrong])
	st.wrong++
}

// learnList prints the lessons, the current one marked "▸" and those
// done "✓".
func (s *Session) learnList() {
	st := s.learn
	for i, l := range st.lessons {
		cur, done := " ", " "
		if i == st.cur {
			cur = "▸"
		}
		if st.done[l.Number] {
			done = "✓"
		}
		fmt.Fprintf(s.out, "%s%s %2d  %s\n", cur, done, l.Number, l.Title)
	}
}

// indent indents each line of code by four spaces.
func indent(code string) string {
	lines := strings.Split(strings.TrimRight(code, "\n"), "\n")
	for i, l := range lines {
		tabs := len(l) - len(strings.TrimLeft(l, "\t"))
		lines[i] = "    " + strings.Repeat("    ", tabs) + l[tabs:] // a tab is 8 columns in a terminal
	}
	return strings.Join(lines, "\n")
}
