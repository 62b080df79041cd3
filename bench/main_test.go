// Package bench compares the ORM with hand-written SQL doing the same work.
package bench

import (
	"testing"

	"odsh/internal/testdb"
)

func TestMain(m *testing.M) { testdb.Main(m) }
