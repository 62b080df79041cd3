package repl

import (
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/chzyer/readline"
)

// TestKeyReaderTranslatesSequences: the Delete key becomes a private
// rune, the bracketed-paste marks go and a Tab between them becomes
// privateTab, also when the terminal's bytes arrive one at a time (a
// sequence split between reads); other escapes and typed Tabs pass as sent.
func TestKeyReaderTranslatesSequences(t *testing.T) {
	in := "a\x1b[3~b\t\x1b[200~x\ty\n\tz\x1b[201~\t\x1b[A\x1b[2~z"
	tab := string(privateTab)
	want := "a" + string(privateDelete) + "b\tx" + tab + "y\n" + tab + "z\t\x1b[A\x1b[2~z"
	for name, r := range map[string]io.Reader{
		"whole":    strings.NewReader(in),
		"one byte": iotest.OneByteReader(strings.NewReader(in)),
		"halves":   io.MultiReader(strings.NewReader(in[:12]), strings.NewReader(in[12:])),
	} {
		got, err := io.ReadAll(&keyReader{r: r})
		if err != nil || string(got) != want {
			t.Errorf("%s: got %q, %v; want %q", name, got, err, want)
		}
	}
}

type namesCompleter struct{}

func (namesCompleter) Do(line []rune, pos int) ([][]rune, int) { return [][]rune{[]rune("xyz")}, 0 }

// TestTabInsertedWhenPastedOrIndenting: a pasted Tab (privateTab) is text,
// wherever it is; a typed Tab with only blanks before the cursor indents;
// any other typed Tab completes. The filter never drops a rune (readline
// would then wait for one more key before it can close).
func TestTabInsertedWhenPastedOrIndenting(t *testing.T) {
	term := &terminal{}
	tc := tabCompleter{t: term, c: namesCompleter{}}
	tab := func(key rune, line string) string {
		t.Helper()
		r, ok := term.filter(key)
		if r != readline.CharTab || !ok {
			t.Fatalf("filter of %q: got %q, %v; want Tab", key, r, ok)
		}
		got, _ := tc.Do([]rune(line), len([]rune(line)))
		return string(got[0])
	}
	if got := tab(readline.CharTab, "p.na"); got != "xyz" {
		t.Errorf("typed Tab after text: got %q, want the completion", got)
	}
	if got := tab(readline.CharTab, "  "); got != "\t" {
		t.Errorf("typed Tab after blanks: got %q, want a tab", got)
	}
	if got := tab(privateTab, "\tname"); got != "\t" {
		t.Errorf("pasted Tab after text: got %q, want a tab", got)
	}
	if got := tab(readline.CharTab, "name"); got != "xyz" {
		t.Errorf("typed Tab after the paste: got %q, want the completion", got)
	}
	term.empty.Store(true)
	if r, ok := term.filter(privateDelete); !ok || r != readline.CharForward {
		t.Errorf("Delete on an empty line: got %q, %v; want a harmless Ctrl-F", r, ok)
	}
	term.empty.Store(false)
	if r, ok := term.filter(privateDelete); !ok || r != readline.CharDelete {
		t.Errorf("Delete on a line: got %q, %v; want Delete", r, ok)
	}
}
