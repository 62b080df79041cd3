package conformance

import (
	"strings"
	"testing"
)

func TestFirstDifference(t *testing.T) {
	for _, tc := range []struct {
		want, got, problem string
		status             int
		diff               string
	}{
		{"a\nb\n", "a\nc\n", "", 0, `line 2: go "b\n" odsh "c\n"`},
		{"a\n", "a", "", 0, `line 1: go "a\n" odsh "a"`},
		{"a\n", "a\nx.go:3: undefined: f\n", "", 1, `line 2: go (end of output) odsh "x.go:3: undefined: f\n"`},
		{"a\n", "", "timeout (more than 10s)", 0, `timeout (more than 10s); line 1: go "a\n" odsh (end of output)`},
		{"a\n", "a\n", "", 1, "same output, exit status 1"},
		{"", "2026/12/04 14:55:16 nil reflect type 0xc000123456\n", "", 0, `line 1: go (end of output) odsh "YYYY/MM/DD hh:mm:ss nil reflect type 0x…\n"`},
	} {
		got := FirstDifference(Truth{Output: []byte(tc.want)}, Outcome{Output: []byte(tc.got), Problem: tc.problem, Status: tc.status})
		if got != tc.diff {
			t.Errorf("%q vs %q: got %s, want %s", tc.want, tc.got, got, tc.diff)
		}
	}
}

func TestCategory(t *testing.T) {
	tr := Truth{Name: "yaegi/x.go", Output: []byte("ok\n")}
	script := Outcome{Name: "yaegi/x.go", Mode: Script, Status: 1, Output: []byte("yaegi/x.go:12: undefined: newShop\n")}
	prompt := Outcome{Name: "yaegi/x.go", Mode: Prompt, Output: []byte("undefined: newShop\n")}
	if got := Category(tr, script, ""); got != "undefined: NAME" {
		t.Errorf("script: got %q", got)
	}
	if got := Category(tr, prompt, ScriptError(script)); got != "undefined: NAME" {
		t.Errorf("prompt: got %q", got)
	}
	other := Outcome{Name: "yaegi/x.go", Mode: Prompt, Output: []byte("ko\n")}
	if got := Category(tr, other, ""); !strings.HasPrefix(got, "different output") {
		t.Errorf("plain output: got %q", got)
	}
}

func TestKnownUpdated(t *testing.T) {
	tf := &TruthFile{Truths: []Truth{{Name: "a.go", Output: []byte("1\n")}, {Name: "b.go", Output: []byte("2\n")}, {Name: "c.go", Output: []byte("3\n")}}}
	old := Known{{Script, "a.go"}: "yaegi: written cause", {Script, "b.go"}: NotAnalysed + "; old diff", {Prompt, "c.go"}: "fixed since"}
	outs := []Outcome{
		{Name: "a.go", Mode: Script, Output: []byte("x\n")},
		{Name: "b.go", Mode: Script, Output: []byte("y\n")},
		{Name: "c.go", Mode: Prompt, Output: []byte("3\n")},
		{Name: "c.go", Mode: Script, Output: []byte("z\n")},
	}
	got := old.Updated(outs, tf)
	want := Known{
		{Script, "a.go"}: "yaegi: written cause",
		{Script, "b.go"}: NotAnalysed + `; line 1: go "2\n" odsh "y\n"`,
		{Script, "c.go"}: NotAnalysed + `; line 1: go "3\n" odsh "z\n"`,
	}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%v: got %q, want %q", k, got[k], v)
		}
	}
	var b strings.Builder
	if err := got.Write(&b); err != nil {
		t.Fatal(err)
	}
	back, err := ParseKnown([]byte(b.String()))
	if err != nil || len(back) != 3 || back[Key{Script, "b.go"}] != want[Key{Script, "b.go"}] {
		t.Errorf("round trip: %v %v", back, err)
	}
}
