package printer

import "testing"

// CheckGolden checks that out fits width and matches testdata/name.golden
// (rewritten with -update); it lets the external tests share the golden
// files and the -update flag of the package's own tests.
func CheckGolden(t *testing.T, name string, out []byte, width int) {
	t.Helper()
	assertFits(t, string(out), width)
	compareGolden(t, name, out)
}
