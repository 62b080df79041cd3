package base_test

import (
	"testing"

	"odsh/internal/testdb"
)

func TestMain(m *testing.M) { testdb.Main(m) }
