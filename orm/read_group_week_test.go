package orm_test

import (
	"testing"

	"odsh/orm"
)

// TestReadGroupWeekStart: weeks start on the language's week_start
// (Sunday for en_US, Monday for fr_FR) and are labelled with that
// locale's week number; __range and __domain follow, and so does
// day_of_week (0 for the first day of the week).
func TestReadGroupWeekStart(t *testing.T) {
	fx := newFixture(t)
	items := fx.env.Model("test.search.item")
	wed := items.Create(orm.Values{"name": "wed", "day": "2024-02-14"})
	sun := items.Create(orm.Values{"name": "sun", "day": "2024-02-11"})
	dom := `[('day', '>=', '2024-02-10'), ('day', '<=', '2024-02-14')]`
	for _, tc := range []struct {
		lang, label, from, to string
		groups                int
		wedDay, sunDay        int64
	}{
		{"en_US", "W7 2024", "2024-02-11", "2024-02-18", 1, 3, 0},
		{"fr_FR", "W7 2024", "2024-02-12", "2024-02-19", 2, 2, 6},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			m := items.WithContext(orm.Ctx{"lang": tc.lang})
			groups := m.ReadGroup(dom, nil, []string{"day:week"})
			if len(groups) != tc.groups {
				t.Fatalf("groups: got %d, want %d: %v", len(groups), tc.groups, groups)
			}
			g := groups[len(groups)-1]
			if g["day:week"] != tc.label {
				t.Errorf("label: got %v, want %s", g["day:week"], tc.label)
			}
			rng := g["__range"].(map[string]any)["day:week"].(map[string]any)
			if rng["from"] != tc.from || rng["to"] != tc.to {
				t.Errorf("__range: got %v, want %s..%s", rng, tc.from, tc.to)
			}
			if got := m.Search(g["__domain"]); !got.Contains(wed) {
				t.Errorf("__domain %v: got %v, want it to hold %v", g["__domain"], got, wed)
			}
			for _, rec := range []struct {
				r    orm.Recordset
				want int64
			}{{wed, tc.wedDay}, {sun, tc.sunDay}} {
				days := m.ReadGroup([]any{[]any{"id", "=", rec.r.ID()}}, nil, []string{"day:day_of_week"})
				if got := days[0]["day:day_of_week"]; got != rec.want {
					t.Errorf("day_of_week of %s: got %v, want %d", rec.r.Str("day"), got, rec.want)
				}
				dd := []any{[]any{"day.day_of_week", "=", rec.want}, []any{"id", "=", rec.r.ID()}}
				if m.SearchCount(dd) != 1 || rec.r.WithContext(orm.Ctx{"lang": tc.lang}).FilteredDomain(dd).Len() != 1 {
					t.Errorf("search day.day_of_week = %d: %v not found", rec.want, rec.r)
				}
			}
		})
	}
}
