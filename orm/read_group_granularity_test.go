package orm_test

import (
	"reflect"
	"testing"
	"time"

	"odsh/orm"
)

// Odoo: "number granularities [18]": groups are integers, and each __domain
// ((f.granularity, =, n)) finds exactly its group's records.
func TestReadGroupNumberGranularities(t *testing.T) {
	env := sweepEnv(t)
	deals := env.Model("test.sweep.deal")
	at := func(s string) time.Time {
		v, err := time.Parse("2006-01-02 15:04:05", s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	deals.Create(
		orm.Values{"name": "a", "moment": at("2024-03-04 10:20:30"), "day": "2024-03-04"}, // Monday
		orm.Values{"name": "b", "moment": at("2024-03-10 10:45:00"), "day": "2024-03-10"}, // Sunday
		orm.Values{"name": "c", "moment": at("2025-12-31 23:59:59"), "day": "2025-12-31"}, // Wednesday
		orm.Values{"name": "d"},
	)
	for _, tc := range []struct {
		spec string
		want []any
	}{
		{"day:day_of_week", []any{int64(0), int64(1), int64(3), nil}},
		{"day:day_of_month", []any{int64(4), int64(10), int64(31), nil}},
		{"day:day_of_year", []any{int64(64), int64(70), int64(365), nil}},
		{"day:iso_week_number", []any{int64(1), int64(10), nil}},
		{"day:month_number", []any{int64(3), int64(12), nil}},
		{"day:quarter_number", []any{int64(1), int64(4), nil}},
		{"day:year_number", []any{int64(2024), int64(2025), nil}},
		{"moment:hour_number", []any{int64(10), int64(23), nil}},
		{"moment:minute_number", []any{int64(20), int64(45), int64(59), nil}},
		{"moment:second_number", []any{int64(0), int64(30), int64(59), nil}},
	} {
		t.Run(tc.spec, func(t *testing.T) {
			groups := deals.ReadGroup(nil, nil, []string{tc.spec}, orm.Lazy(false))
			var got []any
			for _, g := range groups {
				got = append(got, g[tc.spec])
				if n, want := deals.Search(g["__domain"]).Len(), int(g["__count"].(int64)); n != want {
					t.Errorf("group %v: __domain finds %d records, want %d", g[tc.spec], n, want)
				}
				if _, ok := g["__range"]; ok {
					t.Errorf("group %v: got a __range, want none for a number granularity", g[tc.spec])
				}
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

// Datetimes group in the context's tz: labels are local, __range and
// __domain are the local bounds converted to UTC.
func TestReadGroupDatetimeTZ(t *testing.T) {
	env := sweepEnv(t)
	deals := env.Model("test.sweep.deal")
	// 2024-03-31 23:30 UTC is 2024-04-01 01:30 in Brussels (CEST, +2).
	deals.Create(orm.Values{"name": "a", "moment": time.Date(2024, 3, 31, 23, 30, 0, 0, time.UTC)},
		orm.Values{"name": "b", "moment": time.Date(2024, 3, 15, 12, 0, 0, 0, time.UTC)})
	utc := deals.ReadGroup(nil, nil, []string{"moment:month"})
	if len(utc) != 1 || utc[0]["moment:month"] != "March 2024" {
		t.Fatalf("in UTC: got %v, want one group March 2024", utc)
	}
	local := deals.WithContext(orm.Ctx{"tz": "Europe/Brussels"})
	groups := local.ReadGroup(nil, nil, []string{"moment:month"})
	var labels []any
	for _, g := range groups {
		labels = append(labels, g["moment:month"])
	}
	if want := []any{"March 2024", "April 2024"}; !reflect.DeepEqual(labels, want) {
		t.Fatalf("in Brussels: got %v, want %v", labels, want)
	}
	april := groups[1]
	wantRange := map[string]any{"from": "2024-03-31 22:00:00", "to": "2024-04-30 22:00:00"}
	if got := april["__range"].(map[string]any)["moment:month"]; !reflect.DeepEqual(got, wantRange) {
		t.Errorf("April __range: got %v, want %v", got, wantRange)
	}
	if got := local.Search(april["__domain"]); got.Len() != 1 || got.Str("name") != "a" {
		t.Errorf("April __domain: got %v, want record a", got)
	}
	hours := local.ReadGroup(nil, nil, []string{"moment:hour_number"}, orm.Lazy(false))
	var hs []any
	for _, g := range hours {
		hs = append(hs, g["moment:hour_number"])
		if n := local.Search(g["__domain"]).Len(); n != 1 {
			t.Errorf("hour %v: __domain finds %d records, want 1", g["moment:hour_number"], n)
		}
	}
	if want := []any{int64(1), int64(13)}; !reflect.DeepEqual(hs, want) {
		t.Errorf("hours in Brussels: got %v, want %v", hs, want)
	}
}
