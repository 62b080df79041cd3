package orm_test

import (
	"testing"

	"odsh/internal/testdb"
	"odsh/orm"
)

// A Datetime given with nanoseconds is kept to the microsecond, as the
// database keeps it: the cached value and the row must not differ.
func TestDatetimeStringKeepsMicroseconds(t *testing.T) {
	env := testdb.Env(t, coreAddon)
	th := env.Model("test.thing").Create(orm.Values{"name": "x", "moment": "2024-01-02T03:04:05.123456789Z"})
	cached := th.Time("moment")
	env.InvalidateAll()
	if stored := th.Time("moment"); !cached.Equal(stored) {
		t.Errorf("moment: cached %v, stored %v; want them equal", cached, stored)
	}
}
