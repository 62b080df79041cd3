package learn

import (
	"bufio"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
)

//go:embed lessons/*.md
var files embed.FS

// Compare modes of a lesson: how the learner's value is compared with the
// reference answer's.
const (
	CompareNone  = ""      // no comparison: the Check decides
	CompareValue = "value" // equal canonical values, order included
	CompareSet   = "set"   // equal canonical values, order of records and items ignored
)

// Lesson is one lesson of the course, read from lessons/NN-name.md.
type Lesson struct {
	Number  int    // NN of the file name, from 1
	Name    string // the file name without number and extension
	Title   string
	Compare string // CompareNone, CompareValue or CompareSet
	Text    string // the explanation
	Python  string // Odoo's code
	Go      string // odsh's code, side by side with Python
	Task    string
	Hints   []string
	Check   string // Go code after the learner's (see the package doc)
	Answer  string // the reference answer
	Wrong   string // a known wrong answer
}

// All returns the embedded lessons in order of their numbers.
func All() ([]*Lesson, error) {
	names, err := fs.Glob(files, "lessons/*.md")
	if err != nil {
		return nil, err
	}
	var out []*Lesson
	for _, name := range names {
		data, err := files.ReadFile(name)
		if err != nil {
			return nil, err
		}
		l, err := Parse(path.Base(name), string(data))
		if err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Number < out[j].Number })
	for i, l := range out {
		if l.Number != i+1 {
			return nil, fmt.Errorf("learn: lesson %d (%s): lessons are numbered 1, 2, … without gaps or repeats", l.Number, l.Name)
		}
	}
	return out, nil
}

// Parse reads a lesson file named NN-name.md.
func Parse(file, src string) (*Lesson, error) {
	l, err := parseName(file)
	if err != nil {
		return nil, err
	}
	body, err := l.frontMatter(src)
	if err != nil {
		return nil, fmt.Errorf("learn: %s: %w", file, err)
	}
	if err := l.sections(body); err != nil {
		return nil, fmt.Errorf("learn: %s: %w", file, err)
	}
	if err := l.validate(); err != nil {
		return nil, fmt.Errorf("learn: %s: %w", file, err)
	}
	return l, nil
}

// parseName splits "03-recordsets.md" into 3 and "recordsets".
func parseName(file string) (*Lesson, error) {
	base := strings.TrimSuffix(file, ".md")
	num, name, ok := strings.Cut(base, "-")
	n, err := strconv.Atoi(num)
	if !ok || err != nil || n <= 0 || name == "" {
		return nil, fmt.Errorf("learn: %s: want a file name NN-name.md", file)
	}
	return &Lesson{Number: n, Name: name}, nil
}

// frontMatter reads the lines between the two "---" and returns the rest.
func (l *Lesson) frontMatter(src string) (string, error) {
	rest, ok := strings.CutPrefix(src, "---\n")
	if !ok {
		return "", fmt.Errorf("no front matter (a first line ---)")
	}
	head, body, ok := strings.Cut(rest, "\n---\n")
	if !ok {
		return "", fmt.Errorf("front matter not closed by a line ---")
	}
	for _, line := range strings.Split(head, "\n") {
		key, val, ok := strings.Cut(line, ":")
		if !ok {
			return "", fmt.Errorf("front matter line %q: want key: value", line)
		}
		switch val = strings.TrimSpace(val); strings.TrimSpace(key) {
		case "title":
			l.Title = val
		case "compare":
			l.Compare = val
		default:
			return "", fmt.Errorf("front matter: unknown key %q (title, compare)", key)
		}
	}
	return body, nil
}

// sections reads the explanation and the "## Heading" sections.
func (l *Lesson) sections(body string) error {
	heading, text := "", []string{}
	flush := func() error {
		err := l.setSection(heading, strings.TrimSpace(strings.Join(text, "\n")))
		text = text[:0]
		return err
	}
	sc := bufio.NewScanner(strings.NewReader(body))
	fence := false
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "```") {
			fence = !fence
		}
		if h, ok := strings.CutPrefix(line, "## "); ok && !fence {
			if err := flush(); err != nil {
				return err
			}
			heading = strings.TrimSpace(h)
			continue
		}
		text = append(text, line)
	}
	return flush()
}

// setSection stores one section; code sections keep only their fenced code.
func (l *Lesson) setSection(heading, text string) error {
	switch heading {
	case "":
		l.Text = text
	case "Odoo":
		l.Python = code(text)
	case "odsh":
		l.Go = code(text)
	case "Task":
		l.Task = text
	case "Hint":
		l.Hints = append(l.Hints, text)
	case "Check":
		l.Check = code(text)
	case "Answer":
		l.Answer = code(text)
	case "Wrong":
		l.Wrong = code(text)
	default:
		return fmt.Errorf("unknown section %q (Odoo, odsh, Task, Hint, Check, Answer, Wrong)", heading)
	}
	return nil
}

// code returns the content of the first fenced block of text, or text
// itself when it has none.
func code(text string) string {
	lines := strings.Split(text, "\n")
	start := -1
	for i, line := range lines {
		if !strings.HasPrefix(line, "```") {
			continue
		}
		if start < 0 {
			start = i
			continue
		}
		return strings.Join(lines[start+1:i], "\n")
	}
	return text
}

// validate checks what every lesson needs.
func (l *Lesson) validate() error {
	switch {
	case l.Title == "":
		return fmt.Errorf("no title")
	case l.Compare != CompareNone && l.Compare != CompareValue && l.Compare != CompareSet:
		return fmt.Errorf("compare: want value or set, got %q", l.Compare)
	case l.Compare == CompareNone && l.Check == "":
		return fmt.Errorf("neither compare nor a Check section: nothing would judge the answer")
	case l.Task == "" || l.Answer == "" || l.Wrong == "":
		return fmt.Errorf("a lesson needs a Task, an Answer and a Wrong answer")
	case len(l.Hints) == 0:
		return fmt.Errorf("no Hint")
	}
	return nil
}
