package shell

import (
	"testing"

	"odsh/internal/testdb"
)

// TestMain leaves the test clusters (the Odoo one included) at exit.
func TestMain(m *testing.M) { testdb.Main(m) }
