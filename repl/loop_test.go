package repl_test

import (
	"context"
	"io"
	"strings"
	"testing"

	"odsh/repl"
)

// keys is a LineReader that replays lines; "^C" is Ctrl-C, "^D" Ctrl-D.
type keys struct{ lines []string }

func (k *keys) ReadLine(string) (string, error) {
	if len(k.lines) == 0 {
		return "", io.EOF
	}
	line := k.lines[0]
	k.lines = k.lines[1:]
	switch line {
	case "^C":
		return "", repl.ErrInterrupt
	case "^D":
		return "", io.EOF
	}
	return line, nil
}

func (k *keys) SaveHistory(string) {}
func (k *keys) Close() error       { return nil }

// TestRunKeys checks the loop's handling of Ctrl-C and Ctrl-D: neither may
// discard uncommitted changes unless the user answers the exit question.
func TestRunKeys(t *testing.T) {
	create := `p := env.Model("res.partner").Create(orm.Values{"name": "Keys"})`
	tests := []struct {
		name   string
		lines  []string
		outHas string // in the output
		outNot string
	}{
		{name: "Ctrl-C at the exit question stays", lines: []string{create, "^D", "^C", `fmt.Println("still here", p.Get("name"))`, "^D", "n"},
			outHas: "still here Keys"},
		{name: "Ctrl-D in a continuation line drops the entry", lines: []string{create, "x := (1 +", "^D", `fmt.Println("back", p.Get("name"))`, "^D", "n"},
			outHas: "back Keys"},
		{name: "Enter at the exit question stays", lines: []string{create, "^D", "", `fmt.Println("stayed")`, "^D", "n"},
			outHas: "stayed"},
		{name: "n discards", lines: []string{create, "^D", "n", `fmt.Println("never")`}, outHas: "rolled back", outNot: "never"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, out := newSession(t)
			if err := s.Run(context.Background(), &keys{lines: tt.lines}); err != nil {
				t.Fatalf("Run: %v", err)
			}
			got := out.String()
			if !strings.Contains(got, tt.outHas) || tt.outNot != "" && strings.Contains(got, tt.outNot) {
				t.Errorf("output %q: want it to contain %q and not %q", got, tt.outHas, tt.outNot)
			}
		})
	}
}
