package conformance

import (
	"os"
	"testing"

	"odsh/internal/testdb"
)

func TestMain(m *testing.M) {
	if IsChild() {
		os.Exit(ChildMain())
	}
	testdb.Main(m)
}
