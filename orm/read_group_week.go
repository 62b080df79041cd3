package orm

import (
	"fmt"
	"strconv"
	"time"
)

// Weeks follow the language (Odoo 18's res.lang.week_start).
//
// A week starts on the week_start of the context's language (1 Monday …
// 7 Sunday; Sunday for en_US, and when res.lang has no such field). With
// k = (8 - week_start) mod 7 days between the week's first day and the
// next Monday:
//
//	date:week      ⇔  date_trunc('week', f + k days) - k days
//	day_of_week    ⇔  mod(7 - week_start + date_part('dow', f), 7)   (0 = first day)
//
// A week group is labelled "W<n> <year>" with the locale's week number:
// ISO weeks (the first week holds 4 days of January) for a week starting on
// Monday, else the first week is the one holding January 1st (as the US
// and Babel's en_US count).

// weekStart returns the first day of the week of the env's language:
// 1 (Monday) to 7 (Sunday).
func (e *Env) weekStart() int {
	langs := e.tx.reg.models["res.lang"]
	if langs == nil || langs.Fields["week_start"] == nil || langs.Fields["code"] == nil {
		return 7
	}
	found := e.Model("res.lang").Sudo().WithContext(Ctx{"active_test": false}).
		Search([]any{[]any{"code", "=", e.Lang()}}, Limit(1))
	if found.Len() == 0 {
		return 7
	}
	ws, err := strconv.Atoi(found.Str("week_start"))
	if err != nil || ws < 1 || ws > 7 {
		return 7
	}
	return ws
}

// weekStartFor is weekStart when granularity depends on it (week,
// day_of_week), else 7 without a query.
func (r Recordset) weekStartFor(granularity string) int {
	if granularity == "week" || granularity == "day_of_week" {
		return r.env.weekStart()
	}
	return 7
}

// weekOffset is k: the days from the week's first day to the next Monday.
func weekOffset(ws int) int { return (8 - ws) % 7 }

// weekTruncSQL is the first day of the week of value x (a timestamp).
func weekTruncSQL(x string, ws int) string {
	k := weekOffset(ws)
	if k == 0 {
		return "date_trunc('week', " + x + ")"
	}
	days := "interval '" + strconv.Itoa(k) + " days'"
	return "(date_trunc('week', " + x + " + " + days + ") - " + days + ")"
}

// dayOfWeekSQL is the day of the week, 0 for the week's first day.
func dayOfWeekSQL(x string, ws int) string {
	return "mod(" + strconv.Itoa(7-ws) + " + date_part('dow', " + x + ")::int, 7)"
}

// dayOfWeek is dayOfWeekSQL in memory.
func dayOfWeek(t time.Time, ws int) int64 { return int64((7 - ws + int(t.Weekday())) % 7) }

// weekLabel is "W<n> <year>" for the week starting at t.
func weekLabel(t time.Time, ws int) string {
	if ws == 1 {
		y, w := t.ISOWeek()
		return fmt.Sprintf("W%d %d", w, y)
	}
	y, w := firstDayWeek(t, time.Weekday(ws%7))
	return fmt.Sprintf("W%d %d", w, y)
}

// firstDayWeek numbers the weeks starting on first so that week 1 holds
// January 1st: t's week belongs to the year of its last day when that day
// is in January, else to t's year.
func firstDayWeek(t time.Time, first time.Weekday) (int, int) {
	start := t.AddDate(0, 0, -((int(t.Weekday()) - int(first) + 7) % 7))
	year := start.AddDate(0, 0, 6).Year()
	jan1 := time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC)
	week1 := jan1.AddDate(0, 0, -((int(jan1.Weekday()) - int(first) + 7) % 7))
	s := time.Date(start.Year(), start.Month(), start.Day(), 0, 0, 0, 0, time.UTC)
	return year, int(s.Sub(week1).Hours()/24)/7 + 1
}
