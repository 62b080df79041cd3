package orm_test

import (
	"testing"
	"time"

	"odsh/orm"
)

func TestFloatHelpers(t *testing.T) {
	for _, c := range []struct {
		v    float64
		p    orm.Precision
		want float64
	}{
		{2.675, orm.PrecisionDigits(2), 2.68},
		{-2.675, orm.PrecisionDigits(2), -2.68},
		{2.49609375, orm.PrecisionDigits(2), 2.5},
		{1.2345, orm.PrecisionRounding(0.05), 1.25},
		{1.224, orm.PrecisionRounding(0.05), 1.2},
		{1234, orm.PrecisionRounding(1000), 1000},
		{0.5, orm.PrecisionDigits(0), 1},
	} {
		if got := orm.FloatRound(c.v, c.p); got != c.want {
			t.Errorf("FloatRound(%v, %v): got %v, want %v", c.v, c.p, got, c.want)
		}
	}
	if !orm.FloatIsZero(0.004, orm.PrecisionDigits(2)) || orm.FloatIsZero(0.005, orm.PrecisionDigits(2)) {
		t.Errorf("FloatIsZero at 2 digits: 0.004 is zero, 0.005 is not")
	}
	if got := orm.FloatCompare(0.1+0.2, 0.3, orm.PrecisionDigits(2)); got != 0 {
		t.Errorf("FloatCompare(0.1+0.2, 0.3): got %d, want 0", got)
	}
	if got := orm.FloatCompare(1.01, 1.02, orm.PrecisionDigits(2)); got != -1 {
		t.Errorf("FloatCompare(1.01, 1.02): got %d, want -1", got)
	}
}

func TestDateHelpers(t *testing.T) {
	d := orm.ToDate("2024-01-31 15:04:05")
	if orm.DateToString(d) != "2024-01-31" {
		t.Errorf("ToDate: got %v", d)
	}
	for _, c := range []struct {
		name string
		got  time.Time
		want string
	}{
		{"+1 month clamps", orm.Add(d, orm.Delta{Months: 1}), "2024-02-29 00:00:00"},
		{"+1 year", orm.Add(orm.ToDate("2024-02-29"), orm.Delta{Years: 1}), "2025-02-28 00:00:00"},
		{"-1 week 2 hours", orm.Subtract(orm.ToDatetime("2024-03-10 12:00:00"), orm.Delta{Weeks: 1, Hours: 2}), "2024-03-03 10:00:00"},
		{"start of quarter", orm.StartOf(orm.ToDatetime("2024-05-17 10:30:00"), "quarter"), "2024-04-01 00:00:00"},
		{"start of week", orm.StartOf(orm.ToDate("2024-05-19"), "week"), "2024-05-13 00:00:00"},
		{"start of hour", orm.StartOf(orm.ToDatetime("2024-05-17 10:30:00"), "hour"), "2024-05-17 10:00:00"},
		{"end of month", orm.EndOf(orm.ToDate("2024-02-10"), "month"), "2024-02-29 23:59:59"},
		{"end of year", orm.EndOf(orm.ToDate("2024-02-10"), "year"), "2024-12-31 23:59:59"},
	} {
		if s := orm.ToString(c.got); s != c.want {
			t.Errorf("%s: got %s, want %s", c.name, s, c.want)
		}
	}
	if e := orm.EndOf(d, "day"); e.Nanosecond() != 999999000 {
		t.Errorf("end of day: got %v", e)
	}
	env := computeEnv(t)
	at := orm.ToDatetime("2024-06-30 23:30:00")
	if got := orm.DateToString(orm.ContextToday(env.WithContext(orm.Ctx{"tz": "Europe/Brussels"}), at)); got != "2024-07-01" {
		t.Errorf("ContextToday in Brussels: got %s", got)
	}
	if got := orm.DateToString(orm.ContextToday(env, at)); got != "2024-06-30" {
		t.Errorf("ContextToday in UTC: got %s", got)
	}
	if err := env.Catch(func() { orm.StartOf(d, "fortnight") }); err == nil {
		t.Errorf("unknown granularity: no error")
	}
	if err := env.Catch(func() { orm.ToDate("31/01/2024") }); err == nil {
		t.Errorf("bad date: no error")
	}
}
