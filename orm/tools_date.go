package orm

import (
	"fmt"
	"time"
)

// Date and datetime helpers (Odoo's fields.Date / fields.Datetime and
// odoo.tools.date_utils). Dates are time.Time at UTC midnight, datetimes
// are UTC, as the cache holds them.

// Delta is a calendar offset (Odoo's relativedelta): years and months
// move along the calendar, keeping the day when it exists (Jan 31 + 1
// month = Feb 28/29); the other units are added as durations.
type Delta struct {
	Years, Months, Weeks, Days, Hours, Minutes, Seconds int
}

// ToDate converts a date, a datetime (time dropped), "YYYY-MM-DD" or
// "YYYY-MM-DD HH:MM:SS" to a date; nil gives the zero time. A bad value
// panics with a ValidationError.
func ToDate(v any) time.Time {
	out, err := dateKind{}.convert(nil, v)
	if err != nil {
		panic(validationErr("", "", v, "%v", err))
	}
	if out == nil {
		return time.Time{}
	}
	return out.(time.Time)
}

// ToDatetime converts a datetime, a date (midnight) or a string to a UTC
// datetime; nil gives the zero time. A bad value panics with a
// ValidationError.
func ToDatetime(v any) time.Time {
	out, err := datetimeKind{}.convert(nil, v)
	if err != nil {
		panic(validationErr("", "", v, "%v", err))
	}
	if out == nil {
		return time.Time{}
	}
	return out.(time.Time)
}

// ToString formats a datetime as Odoo does ("2024-03-01 14:30:00"); the
// zero time gives "".
func ToString(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(DatetimeLayout)
}

// DateToString formats a date ("2024-03-01"); the zero time gives "".
func DateToString(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(DateLayout)
}

// Today returns today's date in UTC (Odoo's fields.Date.today()).
func Today() time.Time { return truncateDay(time.Now().UTC()) }

// Now returns the current UTC datetime to the second (Odoo's
// fields.Datetime.now()).
func Now() time.Time { return time.Now().UTC().Truncate(time.Second) }

// ContextToday returns the date of now (or of at, when given) in the
// timezone of the env's context "tz" (UTC when unset or unknown): Odoo's
// fields.Date.context_today.
func ContextToday(env *Env, at ...time.Time) time.Time {
	t := time.Now()
	if len(at) > 0 {
		t = at[0]
	}
	loc := time.UTC
	if tz := env.ctx.Str("tz"); tz != "" {
		if l, err := time.LoadLocation(tz); err == nil {
			loc = l
		}
	}
	y, m, d := t.In(loc).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func truncateDay(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
}

// StartOf returns the start of the period containing t: granularity is
// "year", "quarter", "month", "week" (ISO: Monday), "day" or "hour".
func StartOf(t time.Time, granularity string) time.Time {
	y, m, d := t.Date()
	loc := t.Location()
	switch granularity {
	case "year":
		return time.Date(y, 1, 1, 0, 0, 0, 0, loc)
	case "quarter":
		return time.Date(y, m-(m-1)%3, 1, 0, 0, 0, 0, loc)
	case "month":
		return time.Date(y, m, 1, 0, 0, 0, 0, loc)
	case "week":
		back := (int(t.Weekday()) + 6) % 7
		return time.Date(y, m, d-back, 0, 0, 0, 0, loc)
	case "day":
		return time.Date(y, m, d, 0, 0, 0, 0, loc)
	case "hour":
		return time.Date(y, m, d, t.Hour(), 0, 0, 0, loc)
	}
	panic(badGranularity(granularity))
}

// EndOf returns the last microsecond of the period containing t (for a
// date, read its day: the period's last day).
func EndOf(t time.Time, granularity string) time.Time {
	start := StartOf(t, granularity)
	var next time.Time
	switch granularity {
	case "year":
		next = start.AddDate(1, 0, 0)
	case "quarter":
		next = start.AddDate(0, 3, 0)
	case "month":
		next = start.AddDate(0, 1, 0)
	case "week":
		next = start.AddDate(0, 0, 7)
	case "day":
		next = start.AddDate(0, 0, 1)
	case "hour":
		next = start.Add(time.Hour)
	}
	return next.Add(-time.Microsecond)
}

func badGranularity(g string) *ValidationError {
	return &ValidationError{ErrorInfo{Value: g, HasValue: true,
		Msg: fmt.Sprintf("unknown granularity %q (year, quarter, month, week, day, hour)", g)}}
}

// Add returns t moved forward by d.
func Add(t time.Time, d Delta) time.Time {
	t = addMonths(t, d.Years*12+d.Months)
	t = t.AddDate(0, 0, d.Weeks*7+d.Days)
	return t.Add(time.Duration(d.Hours)*time.Hour + time.Duration(d.Minutes)*time.Minute + time.Duration(d.Seconds)*time.Second)
}

// Subtract returns t moved back by d.
func Subtract(t time.Time, d Delta) time.Time {
	return Add(t, Delta{-d.Years, -d.Months, -d.Weeks, -d.Days, -d.Hours, -d.Minutes, -d.Seconds})
}

// addMonths moves along the calendar, clamping the day to the month's end.
func addMonths(t time.Time, months int) time.Time {
	if months == 0 {
		return t
	}
	y, m, d := t.Date()
	first := time.Date(y, m+time.Month(months), 1, t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), t.Location())
	last := first.AddDate(0, 1, -1).Day()
	return first.AddDate(0, 0, min(d, last)-1)
}
