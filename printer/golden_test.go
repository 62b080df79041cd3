package printer

import (
	"bytes"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// goldenCase is one shape of output pinned by a golden file.
type goldenCase struct {
	name   string // testdata/<name>.golden
	width  int    // no line may be wider
	render func(w io.Writer) error
}

// runGolden renders each case, checks the width of every line and compares
// the output with its golden file (or rewrites it with -update).
func runGolden(t *testing.T, cases []goldenCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := c.render(&buf); err != nil {
				t.Fatalf("render: %v", err)
			}
			assertFits(t, buf.String(), c.width)
			compareGolden(t, c.name, buf.Bytes())
		})
	}
}

// compareGolden compares got with testdata/name.golden.
func compareGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./printer -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from its golden file\ngot:\n%s\nwant:\n%s", path, got, want)
	}
}

// assertFits fails when a line of out is wider than width cells, or when
// out holds a control character other than newline and the escape of
// ANSI styling.
func assertFits(t *testing.T, out string, width int) {
	t.Helper()
	for i, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if w := DisplayWidth(line); w > width {
			t.Errorf("line %d is %d cells wide, want at most %d:\n%s", i+1, w, width, line)
		}
		if hasControl(strings.ReplaceAll(line, "\x1b", "")) {
			t.Errorf("line %d holds a control character: %q", i+1, line)
		}
	}
}
