package conformance

import (
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// FirstDifference describes in one line where odsh's output leaves Go's:
// `line N: go "…" odsh "…"`, after the problem (timeout, crash) if any.
func FirstDifference(t Truth, o Outcome) string {
	var prefix string
	if o.Problem != "" {
		prefix = o.Problem + "; "
	}
	want, got := splitLines(string(t.Output)), splitLines(string(o.Output))
	for i := 0; i < len(want) || i < len(got); i++ {
		w, g := lineAt(want, i), lineAt(got, i)
		if w != g {
			return prefix + fmt.Sprintf("line %d: go %s odsh %s", i+1, quoteLine(w), quoteLine(g))
		}
	}
	if o.Status != t.Status {
		return prefix + fmt.Sprintf("same output, exit status %d", o.Status)
	}
	return strings.TrimSuffix(prefix, "; ")
}

// splitLines splits s after each newline, so that a missing final newline
// shows as a difference of the last line ("x\n" against "x").
func splitLines(s string) []string {
	lines := strings.SplitAfter(s, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// lineAt returns line i, or "(end)" past the end.
func lineAt(lines []string, i int) string {
	if i < len(lines) {
		return lines[i]
	}
	return "\x00end"
}

func quoteLine(l string) string {
	if l == "\x00end" {
		return "(end of output)"
	}
	l = Unvary(l)
	if len(l) > 90 {
		l = l[:90] + "…"
	}
	return strconv.Quote(l)
}

// Diff shows the first lines where odsh's output leaves Go's, for a test
// failure.
func Diff(t Truth, o Outcome) string {
	want, got := splitLines(string(t.Output)), splitLines(string(o.Output))
	i := 0
	for i < len(want) && i < len(got) && want[i] == got[i] {
		i++
	}
	var b strings.Builder
	if o.Problem != "" {
		fmt.Fprintf(&b, "%s\n", o.Problem)
	}
	if o.Status != 0 {
		fmt.Fprintf(&b, "odsh exit status %d\n", o.Status)
	}
	fmt.Fprintf(&b, "from line %d:\n", i+1)
	for j := i; j < len(want) && j < i+6; j++ {
		fmt.Fprintf(&b, "  go:   %s\n", quoteLine(want[j]))
	}
	for j := i; j < len(got) && j < i+6; j++ {
		fmt.Fprintf(&b, "  odsh: %s\n", quoteLine(got[j]))
	}
	return b.String()
}

// Category is a short normalised label of a difference, to count the
// kinds: the error odsh printed, with names, numbers and line numbers taken
// out, or the problem (timeout, crash), or "different output" when odsh
// printed no error. In script mode the error is the "NAME:LINE: message"
// line odsh prints at the end; in prompt mode the session prints errors
// bare, so a differing line is taken as one when it is the error the script
// run of the same program ended with (scriptErr, from ScriptError), or
// looks like one.
func Category(t Truth, o Outcome, scriptErr string) string {
	switch {
	case strings.HasPrefix(o.Problem, "timeout"):
		return "timeout"
	case strings.HasPrefix(o.Problem, "crash"):
		return "crash of the odsh process"
	case o.Problem != "":
		return o.Problem
	}
	if msg := ScriptError(o); msg != "" {
		return normalise(msg)
	}
	want, got := splitLines(string(t.Output)), splitLines(string(o.Output))
	i := 0
	for i < len(want) && i < len(got) && want[i] == got[i] {
		i++
	}
	if i >= len(got) {
		return "output stops early (no error printed)"
	}
	if i < len(want) && strings.TrimSuffix(want[i], "\n") == strings.TrimSuffix(got[i], "\n") {
		return "final newline differs"
	}
	line := Unvary(strings.TrimSuffix(got[i], "\n"))
	switch {
	case scriptErr != "" && line == scriptErr:
		return normalise(line)
	case strings.HasPrefix(line, "YYYY/MM/DD hh:mm:ss "):
		return "log line: " + normalise(strings.TrimPrefix(line, "YYYY/MM/DD hh:mm:ss "))
	case errorLine.MatchString(line):
		return normalise(line)
	}
	return "different output (no error printed)"
}

// ScriptError returns the message of the error a script-mode run ended
// with (its last line "NAME:LINE: message", without "NAME:LINE: "), or "".
func ScriptError(o Outcome) string {
	if o.Mode != Script || o.Status == 0 {
		return ""
	}
	lines := strings.Split(strings.TrimSuffix(string(o.Output), "\n"), "\n")
	last := lines[len(lines)-1]
	rest, ok := strings.CutPrefix(last, o.Name+":")
	if !ok {
		return ""
	}
	if _, msg, ok := strings.Cut(rest, ": "); ok {
		return Unvary(msg)
	}
	return Unvary(rest)
}

func normalise(line string) string {
	line = lineNum.ReplaceAllString(line, "")
	line = quoted.ReplaceAllString(line, "…")
	line = named.ReplaceAllString(line, "$1 NAME")
	line = number.ReplaceAllString(line, "N")
	if len(line) > 80 {
		line = line[:80] + "…"
	}
	return line
}

// Unvary replaces in a line of output, for display only, what changes from
// run to run: log timestamps and addresses.
func Unvary(s string) string {
	s = timestamp.ReplaceAllString(s, "YYYY/MM/DD hh:mm:ss")
	return address.ReplaceAllString(s, "0x…")
}

var (
	timestamp = regexp.MustCompile(`\b\d{4}/\d{2}/\d{2} \d{2}:\d{2}:\d{2}\b`)
	address   = regexp.MustCompile(`\b0x[0-9a-f]{6,}\b`)
	named     = regexp.MustCompile(`(undefined:|undefined selector:|incomplete type|redeclared in this block:?|undefined type for) \w+`)
	lineNum   = regexp.MustCompile(`^\d+: |^line \d+: `)
	quoted    = regexp.MustCompile(`"[^"]*"|'[^']*'|` + "`[^`]*`")
	number    = regexp.MustCompile(`\b\d+\b`)
	errorLine = regexp.MustCompile(`(?i)^(\d+: |line \d+: )?(\w+ )?(error|panic|undefined|cannot|invalid|not |unknown|mismatched|missing|expected|unexpected|too many|redeclared|import|hint:|odsh:)|^[A-Za-z]+Error: |: (error|undefined)`)
)

// Summary is the result of a run of the corpus.
type Summary struct {
	Programs int
	Outcomes []Outcome
	Wall     map[string]time.Duration // per mode
	Known    Known
	Truths   *TruthFile
	programs []Program
}

// Agree returns the number of programs whose outcome in mode is Go's.
func (s *Summary) Agree(mode string) int {
	n := 0
	for _, o := range s.Outcomes {
		if t, ok := s.Truths.Lookup(o.Name); ok && o.Mode == mode && o.Agrees(t) {
			n++
		}
	}
	return n
}

// Differing returns the outcomes that differ, in order.
func (s *Summary) Differing() []Outcome {
	var out []Outcome
	for _, o := range s.Outcomes {
		if t, ok := s.Truths.Lookup(o.Name); ok && !o.Agrees(t) {
			out = append(out, o)
		}
	}
	return out
}

// Table returns the markdown table of the README.
func (s *Summary) Table() string {
	var b strings.Builder
	b.WriteString("| mode | programs | agree with Go | known differences |\n")
	b.WriteString("|------|---------:|--------------:|------------------:|\n")
	for _, m := range Modes {
		known := 0
		for k := range s.Known {
			if k.Mode == m {
				known++
			}
		}
		agree := s.Agree(m)
		fmt.Fprintf(&b, "| %s | %d | %d (%.0f%%) | %d |\n", m, s.Programs, agree, 100*float64(agree)/float64(max(s.Programs, 1)), known)
	}
	return b.String()
}

// Write prints the report: counts, wall times, the differing programs with
// their first difference, the most frequent kinds of difference and the
// markdown table.
func (s *Summary) Write(w io.Writer) {
	fmt.Fprintf(w, "conformance: %d programs (%s)\n", s.Programs, strings.Join(s.Truths.headerValues("go", "yaegi"), ", "))
	for _, m := range Modes {
		fmt.Fprintf(w, "  agree with Go (%s): %d, in %s (%s)\n", m, s.Agree(m), s.Wall[m].Round(100*time.Millisecond), s.byCorpus(m))
	}
	diff := s.Differing()
	fmt.Fprintf(w, "\ndiffering (%d program-modes):\n", len(diff))
	type cat struct {
		label string
		n     map[string]int // per mode
		total int
	}
	cats := map[string]*cat{}
	scriptErr := map[string]string{}
	for _, o := range diff {
		if msg := ScriptError(o); msg != "" {
			scriptErr[o.Name] = msg
		}
	}
	for _, o := range diff {
		t, _ := s.Truths.Lookup(o.Name)
		label := Category(t, o, scriptErr[o.Name])
		c := cats[label]
		if c == nil {
			c = &cat{label: label, n: map[string]int{}}
			cats[label] = c
		}
		c.n[o.Mode]++
		c.total++
		fmt.Fprintf(w, "  %-6s %-40s %s\n", o.Mode, o.Name, FirstDifference(t, o))
	}
	var cs []*cat
	for _, c := range cats {
		cs = append(cs, c)
	}
	sort.Slice(cs, func(i, j int) bool {
		if cs[i].total != cs[j].total {
			return cs[i].total > cs[j].total
		}
		return cs[i].label < cs[j].label
	})
	fmt.Fprintf(w, "\nkinds of difference (odsh's first differing line, normalised):\n  %6s %6s\n", Script, Prompt)
	for i, c := range cs {
		if i == 40 {
			fmt.Fprintf(w, "  … %d more kinds\n", len(cs)-i)
			break
		}
		fmt.Fprintf(w, "  %6d %6d  %s\n", c.n[Script], c.n[Prompt], c.label)
	}
	fmt.Fprintf(w, "\n%s", s.Table())
}

// headerValues returns the values of "key: value" header lines.
func (f *TruthFile) headerValues(keys ...string) []string {
	var out []string
	for _, k := range keys {
		for _, h := range f.Header {
			if v, ok := strings.CutPrefix(h, k+": "); ok {
				out = append(out, k+" "+v)
			}
		}
	}
	return out
}

// byCorpus says how many programs agree in mode, per corpus: "yaegi
// 703/832, odsh 9/27".
func (s *Summary) byCorpus(mode string) string {
	var parts []string
	for _, c := range []string{YaegiCorpus, OdshCorpus, GoCorpus} {
		n, agree := 0, 0
		for _, o := range s.Outcomes {
			if o.Mode != mode || !strings.HasPrefix(o.Name, c+"/") {
				continue
			}
			n++
			if t, ok := s.Truths.Lookup(o.Name); ok && o.Agrees(t) {
				agree++
			}
		}
		parts = append(parts, fmt.Sprintf("%s %d/%d", c, agree, n))
	}
	return strings.Join(parts, ", ")
}
