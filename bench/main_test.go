// Package bench compares the ORM with hand-written pgx doing the same work
// in the same run: go test -run '^$' -bench . ./bench/
package bench

import (
	"testing"

	"odsh/internal/testdb"
)

func TestMain(m *testing.M) { testdb.Main(m) }
