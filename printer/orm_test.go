package printer_test

import (
	"bytes"
	"errors"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"odsh/internal/testdb"
	"odsh/orm"
	"odsh/printer"
)

// show renders v with Show and checks it against its golden file.
func show(t *testing.T, name string, v any, opts printer.Options, fields ...string) {
	t.Helper()
	var buf bytes.Buffer
	if err := printer.Show(&buf, v, opts, fields...); err != nil {
		t.Fatalf("Show: %v", err)
	}
	printer.CheckGolden(t, name, buf.Bytes(), opts.Width)
}

func TestShowRecordsetTable(t *testing.T) {
	env := testdb.Env(t)
	rs := seedPartners(t, env)
	for _, width := range []int{60, 100, 160} {
		t.Run(printerName("width", width), func(t *testing.T) {
			env.InvalidateAll()
			show(t, "orm_partners_"+itoa(width), rs, printer.Options{Width: width})
		})
	}
}

func TestShowNamedFields(t *testing.T) {
	env := testdb.Env(t)
	rs := seedPartners(t, env)
	show(t, "orm_partners_fields_100", rs, printer.Options{Width: 100},
		"name", "email", "country_id", "country_id.code", "category_id", "category_id.name", "parent_id.city")
}

func TestShowEmptyRecordset(t *testing.T) {
	env := testdb.Env(t)
	show(t, "orm_partners_empty", env.Model("res.partner").Browse(), printer.Options{Width: 60})
}

func TestShowRecordCard(t *testing.T) {
	env := testdb.Env(t)
	rs := seedPartners(t, env)
	azure := rs.Search("[('name', '=', 'Azure Interior')]")
	show(t, "orm_card_100", azure, printer.Options{Width: 100})
	show(t, "orm_card_fields_60", azure, printer.Options{Width: 60}, "name", "country_id.name", "category_id.name")
}

func TestShowVertical(t *testing.T) {
	env := testdb.Env(t)
	rs := seedPartners(t, env)
	show(t, "orm_vertical_80", rs, printer.Options{Width: 80, MaxRows: 2, Vertical: true},
		"display_name", "email", "country_id", "is_company", "create_date")
}

func TestShowUnknownField(t *testing.T) {
	env := testdb.Env(t)
	rs := env.Model("res.partner").Search("[]")
	before := env.QueryCount()
	err := printer.Show(&bytes.Buffer{}, rs, printer.Options{}, "name", "country_id.nmae")
	var ve *orm.ValidationError
	if !errors.As(err, &ve) || ve.Model != "res.country" || ve.Field != "nmae" {
		t.Fatalf("got %v, want a ValidationError naming res.country.nmae", err)
	}
	if n := env.QueryCount() - before; n != 0 {
		t.Errorf("got %d queries, want none", n)
	}
	if got, want := printer.FormatError(err), `ValidationError: res.country.nmae: unknown field "nmae" (did you mean "name"?)`; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestShowMissingRecord(t *testing.T) {
	env := testdb.Env(t)
	err := printer.Show(&bytes.Buffer{}, env.Model("res.partner").Browse(987654321), printer.Options{})
	var me *orm.MissingError
	if !errors.As(err, &me) {
		t.Fatalf("got %v, want a MissingError", err)
	}
}

// TestShowLargeRecordsetCost checks that a listing of 10,000 records reads
// only the shown page: one SELECT of the partners, plus display names.
func TestShowLargeRecordsetCost(t *testing.T) {
	env := testdb.Env(t)
	rs := seedMany(env, 10000)
	if rs.Len() != 10000 {
		t.Fatalf("got %d records, want 10000", rs.Len())
	}
	env.InvalidateAll()
	var queries []string
	var widest int
	env.Tx().OnQuery(func(sql string, args []any) {
		queries = append(queries, sql)
		for _, a := range args {
			if ids, ok := a.([]int64); ok {
				widest = max(widest, len(ids))
			}
		}
	})
	before := env.QueryCount()
	var buf bytes.Buffer
	if err := printer.Show(&buf, rs, printer.Options{Width: 100}); err != nil {
		t.Fatal(err)
	}
	n := env.QueryCount() - before
	t.Logf("%d queries:\n%s", n, strings.Join(queries, "\n"))
	if n > 2 {
		t.Errorf("got %d queries, want at most 2 (the page of partners, their countries' names)", n)
	}
	if got := countReading(queries, `FROM "res_partner"`); got != 1 {
		t.Errorf("got %d SELECTs of partners, want 1", got)
	}
	if widest > printer.DefaultMaxRows {
		t.Errorf("a query read %d ids, want at most %d", widest, printer.DefaultMaxRows)
	}
	if !strings.Contains(buf.String(), "9,950 more rows (10,000 in all)") {
		t.Errorf("footer missing:\n%s", buf.String())
	}
	show(t, "orm_partners_10000", rs, printer.Options{Width: 100, MaxRows: 5})
}

// countReading counts the queries that contain from.
func countReading(queries []string, from string) int {
	n := 0
	for _, q := range queries {
		if strings.Contains(q, from) {
			n++
		}
	}
	return n
}

// TestShowSearchNotRun: printing the result of a search that has not run
// yet counts and selects the first page instead of selecting every id, and
// leaves the search waiting (the shell prints a search of a million
// partners at once this way).
func TestShowSearchNotRun(t *testing.T) {
	env := testdb.Env(t)
	seedMany(env, 3000)
	env.FlushAll()
	env.InvalidateAll()
	var queries []string
	env.Tx().OnQuery(func(sql string, _ []any) { queries = append(queries, sql) })
	rs := env.Model("res.partner").Search(nil)
	var buf bytes.Buffer
	if err := printer.Show(&buf, rs, printer.Options{Width: 100, MaxRows: 5}); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d queries:\n%s", len(queries), strings.Join(queries, "\n"))
	total := env.Model("res.partner").SearchCount(nil)
	if want := "more rows (" + withCommas(total) + " in all)"; !strings.Contains(buf.String(), want) {
		t.Errorf("footer %q missing:\n%s", want, buf.String())
	}
	if len(queries) < 2 || !strings.Contains(queries[0], "count(*)") || !strings.Contains(queries[1], "LIMIT 5") {
		t.Errorf("printing: want the count, then the page of 5 ids first; got\n%s", strings.Join(queries, "\n"))
	}
	before := env.QueryCount()
	if n := rs.Len(); n != total {
		t.Errorf("Len after printing: %d, want %d", n, total)
	}
	if n := env.QueryCount() - before; n != 1 {
		t.Errorf("Len after printing: %d statements, want 1 (the search had not run)", n)
	}
	var shown []int64
	for _, m := range regexp.MustCompile(`(?m)^│ *(\d+) │`).FindAllStringSubmatch(buf.String(), -1) {
		id, _ := strconv.ParseInt(m[1], 10, 64)
		shown = append(shown, id)
	}
	if want := rs.Slice(0, 5).IDs(); !slices.Equal(shown, want) {
		t.Errorf("printed ids %v, want the search's first five %v:\n%s", shown, want, buf.String())
	}
}

func withCommas(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
