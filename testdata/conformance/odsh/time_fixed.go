// time with fixed dates only: Date, Format, Add, Sub, AddDate, Truncate.
package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.Date(2024, time.February, 28, 22, 30, 0, 0, time.UTC)
	fmt.Println(t)
	fmt.Println(t.Format("2006-01-02 15:04:05"), t.Format(time.RFC3339), t.Format("Mon Jan 2"))
	u := t.Add(3 * time.Hour)
	fmt.Println(u.Format(time.DateOnly), u.Weekday(), u.YearDay())
	fmt.Println(u.Sub(t), t.Sub(u), u.After(t), t.Equal(t.Add(0)))
	fmt.Println(t.AddDate(0, 1, 1).Format(time.DateOnly), t.AddDate(1, 0, 1).Format(time.DateOnly))
	fmt.Println(t.Truncate(24*time.Hour), t.Round(time.Hour).Format(time.Kitchen))
	d := 90*time.Minute + 30*time.Second
	fmt.Println(d, d.Hours(), d.Round(time.Hour), time.Duration(1500)*time.Microsecond)
	p, err := time.Parse("2006-01-02", "2023-12-31")
	fmt.Println(p, err, p.Month(), int(p.Month()))
	_, err = time.Parse("2006-01-02", "2023-13-01")
	fmt.Println(err)
	loc := time.FixedZone("CET", 3600)
	fmt.Println(t.In(loc), t.In(loc).Format(time.RFC1123Z))
	y, w := t.ISOWeek()
	fmt.Println(y, w, t.Unix(), time.Unix(0, 0).UTC())
	var zero time.Time
	fmt.Println(zero.IsZero(), zero)
}
