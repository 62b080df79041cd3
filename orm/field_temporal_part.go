package orm

import (
	"math"
	"strings"
	"time"

	"odsh/domain"
)

// Date parts and time zones (Odoo 18's Date.property_to_sql).
//
// A date or datetime field has number properties, one per read_group
// number granularity: "day.month_number", "moment.hour_number", ... Each
// is the integer PostgreSQL's date_part gives (day_of_week: 0 for the first day of the
// language's week, read_group_week.go;
// iso_week_number: the ISO week). A datetime is stored in UTC; its parts,
// and the groups of ReadGroup, are read in the context's time zone (the
// "tz" key, when it names a known zone), as Odoo does:
//
//	moment.hour_number  ⇔  date_part('hour', timezone(tz, timezone('UTC', moment)))::int
//
// The zone is written into the SQL as a literal, never a parameter, so the
// same expression can appear in SELECT, GROUP BY and ORDER BY; only names
// time.LoadLocation knows (letters, digits, '/', '_', '+', '-') get there.
// Domains may name these properties: ReadGroup's __domain for a number
// granularity is (f.granularity, =, n).

// numberGranularity maps Odoo's number granularities to date_part fields.
var numberGranularity = map[string]string{
	"year_number": "year", "quarter_number": "quarter", "month_number": "month",
	"iso_week_number": "week", "day_of_year": "doy", "day_of_month": "day",
	"day_of_week": "dow", "hour_number": "hour", "minute_number": "minute",
	"second_number": "second",
}

// contextZone returns the context's time zone for datetimes, or nil for
// UTC (no tz, an unknown one, or UTC itself).
func (e *Env) contextZone() *time.Location {
	name, _ := e.ctx["tz"].(string)
	if name == "" || name == "UTC" || strings.ContainsAny(name, `'"\ `) {
		return nil
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil
	}
	return loc
}

// localSQL is a datetime column's value in zone loc (unchanged for nil or
// a date).
func localSQL(f *Field, col string, loc *time.Location) string {
	if f.Type != TypeDatetime || loc == nil {
		return col
	}
	return "timezone('" + loc.String() + "', timezone('UTC', " + col + "))"
}

// datePartSQL is a number property of a date or datetime column.
func datePartSQL(f *Field, col, granularity string, loc *time.Location, ws int) string {
	if granularity == "day_of_week" {
		return dayOfWeekSQL(localSQL(f, col, loc), ws)
	}
	return "date_part('" + numberGranularity[granularity] + "', " + localSQL(f, col, loc) + ")::int"
}

// datePartCondition compares a number property as an integer, except that
// an empty date has no parts: only negative and "= False" conditions match
// it (unlike an unset Integer, which counts as 0).
//
//	(f.p, op, n)  ⇔  date_part(p, f) op n AND f IS NOT NULL   (op positive, n set)
func datePartCondition(m *Model, f *Field, col, granularity string, loc *time.Location, ws int, c domain.Condition) SQL {
	s := scalarSQL(m, datePartField(f, granularity), SQL{code: datePartSQL(f, col, granularity, loc, ws)}, c)
	if c.Operator.Negative() || isFalsyCondition(c) {
		return s
	}
	return SQLf("(%s AND %s IS NOT NULL)", s, SQL{code: col})
}

// datePartField is the integer field a number property compares as.
func datePartField(f *Field, granularity string) *Field {
	p := &Field{Name: f.Name + "." + granularity, Type: TypeInteger, Model: f.Model, Store: true}
	p.kind = kindOf(TypeInteger)
	return p
}

// isDatePart reports whether path names a number property of date field f.
func isDatePart(f *Field, path []string) bool {
	return len(path) == 2 && (f.Type == TypeDate || f.Type == TypeDatetime) && numberGranularity[path[1]] != ""
}

// timePart is number property part of t, as PostgreSQL's date_part(…)::int
// gives it (seconds rounded to even).
func timePart(t time.Time, part string, ws int) int64 {
	switch numberGranularity[part] {
	case "year":
		return int64(t.Year())
	case "quarter":
		return int64(t.Month()-1)/3 + 1
	case "month":
		return int64(t.Month())
	case "week":
		_, w := t.ISOWeek()
		return int64(w)
	case "doy":
		return int64(t.YearDay())
	case "day":
		return int64(t.Day())
	case "dow":
		return dayOfWeek(t, ws)
	case "hour":
		return int64(t.Hour())
	case "minute":
		return int64(t.Minute())
	}
	return int64(math.RoundToEven(float64(t.Second()) + float64(t.Nanosecond())/1e9))
}

// asTime reads a date or datetime value (a time.Time or its text), false
// when empty.
func asTime(v any) (time.Time, bool) {
	switch x := v.(type) {
	case time.Time:
		return x, !x.IsZero()
	case string:
		for _, layout := range []string{time.DateTime, time.DateOnly, "2006-01-02 15:04:05.999999"} {
			if t, err := time.Parse(layout, x); err == nil {
				return t, true
			}
		}
	}
	return time.Time{}, false
}
