package repl

import (
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/chzyer/readline"
)

// TestKeyReaderTranslatesSequences: the Delete key and the bracketed-paste
// marks become private runes, also when the terminal's bytes arrive one
// at a time (a sequence split between reads); other escapes pass as sent.
func TestKeyReaderTranslatesSequences(t *testing.T) {
	in := "a\x1b[3~b\x1b[200~x\ty\x1b[201~\x1b[A\x1b[2~z"
	want := "a" + string(privateDelete) + "b" + string(privatePasteStart) + "x\ty" + string(privatePasteEnd) + "\x1b[A\x1b[2~z"
	for name, r := range map[string]io.Reader{
		"whole":    strings.NewReader(in),
		"one byte": iotest.OneByteReader(strings.NewReader(in)),
		"halves":   io.MultiReader(strings.NewReader(in[:8]), strings.NewReader(in[8:])),
	} {
		got, err := io.ReadAll(&keyReader{r: r})
		if err != nil || string(got) != want {
			t.Errorf("%s: got %q, %v; want %q", name, got, err, want)
		}
	}
}

type namesCompleter struct{}

func (namesCompleter) Do(line []rune, pos int) ([][]rune, int) { return [][]rune{[]rune("xyz")}, 0 }

// TestTabInsertedWhenPastedOrIndenting: a Tab inside a bracketed paste is
// text, wherever it is; a typed Tab with only blanks before the cursor
// indents; any other typed Tab completes.
func TestTabInsertedWhenPastedOrIndenting(t *testing.T) {
	term := &terminal{}
	tc := tabCompleter{t: term, c: namesCompleter{}}
	tab := func(line string) string {
		t.Helper()
		r, ok := term.filter(readline.CharTab)
		if r != readline.CharTab || !ok {
			t.Fatalf("filter of Tab: got %q, %v", r, ok)
		}
		got, _ := tc.Do([]rune(line), len([]rune(line)))
		return string(got[0])
	}
	if got := tab("p.na"); got != "xyz" {
		t.Errorf("typed Tab after text: got %q, want the completion", got)
	}
	if got := tab("  "); got != "\t" {
		t.Errorf("typed Tab after blanks: got %q, want a tab", got)
	}
	if _, ok := term.filter(privatePasteStart); ok {
		t.Error("the paste-start mark reached readline")
	}
	if got := tab("\tname"); got != "\t" {
		t.Errorf("pasted Tab after text: got %q, want a tab", got)
	}
	if _, ok := term.filter(privatePasteEnd); ok {
		t.Error("the paste-end mark reached readline")
	}
	if got := tab("name"); got != "xyz" {
		t.Errorf("typed Tab after the paste: got %q, want the completion", got)
	}
}
