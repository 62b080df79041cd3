package printer_test

import (
	"testing"
	"time"

	"odsh/internal/testdb"
	"odsh/orm"
	"odsh/printer"
)

// TestShowReadGroup prints what a real ReadGroup returns on the seeded
// partners (ids from 1000, create dates pinned to three months), grouped
// by a date and a many2one, lazy and not.
func TestShowReadGroup(t *testing.T) {
	env := testdb.Env(t)
	seedPartners(t, env)
	for id, day := range map[int64]time.Time{
		1000: time.Date(2026, 9, 3, 10, 0, 0, 0, time.UTC),
		1001: time.Date(2026, 9, 28, 16, 30, 0, 0, time.UTC),
		1002: time.Date(2026, 10, 1, 8, 0, 0, 0, time.UTC),
	} {
		env.Tx().Exec("UPDATE res_partner SET create_date = $1 WHERE id = $2", day, id)
	}
	env.InvalidateAll()
	partners := env.Model("res.partner")
	dom := "[('id', '>=', 1000)]"
	groupby := []string{"create_date:month", "country_id"}
	for _, tc := range []struct {
		name string
		lazy bool
	}{{"read_group_lazy_100", true}, {"read_group_eager_100", false}} {
		t.Run(tc.name, func(t *testing.T) {
			groups := partners.ReadGroup(dom, []string{"color:sum"}, groupby, orm.Lazy(tc.lazy))
			show(t, tc.name, groups, printer.Options{Width: 100})
		})
	}
}
