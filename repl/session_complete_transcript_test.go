package repl_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestCompleteTranscripts replays testdata/complete/*.txtar: entries run
// through Session.Eval as in TestTranscripts, and an entry ending in
// "<Tab>" is completed instead, through the readline AutoCompleter the
// terminal uses (Completer.Do); its output is the candidates, each as the
// word the line would then end with, space-separated.
func TestCompleteTranscripts(t *testing.T) {
	files, err := filepath.Glob("testdata/complete/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no completion transcripts: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			replayCompletion(t, file)
		})
	}
}

func replayCompletion(t *testing.T, file string) {
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	head, body, ok := strings.Cut(string(data), transcriptMarker)
	if !ok {
		t.Fatalf("%s: no %q line", file, strings.TrimSpace(transcriptMarker))
	}
	s, out := newSession(t, transcriptAddons(t, head)...)
	c := s.Completer()
	var got strings.Builder
	got.WriteString(head + transcriptMarker)
	for _, entry := range entries(body) {
		got.WriteString(quote(entry))
		line, tab := strings.CutSuffix(entry, "<Tab>")
		if tab {
			suffixes, n := c.Do([]rune(line), len([]rune(line)))
			got.WriteString(completions([]rune(line), suffixes, n) + "\n")
			continue
		}
		out.Reset()
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		_ = s.Eval(ctx, entry)
		cancel()
		got.WriteString(out.String())
	}
	if *update {
		if err := os.WriteFile(file, []byte(got.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if got.String() != string(data) {
		t.Errorf("%s differs (go test -update rewrites it):\n%s", file, lineDiff(string(data), got.String()))
	}
}

// completions shows readline's candidates as whole words: the typed
// prefix (the last n runes of line) followed by each suffix.
func completions(line []rune, suffixes [][]rune, n int) string {
	if len(suffixes) == 0 {
		return "(no completion)"
	}
	prefix := string(line[len(line)-n:])
	words := make([]string, len(suffixes))
	for i, s := range suffixes {
		words[i] = prefix + string(s)
	}
	return strings.Join(words, " ")
}
