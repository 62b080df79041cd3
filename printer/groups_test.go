package printer_test

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
	"time"

	"odsh/orm"
	"odsh/printer"
)

func itoa(n int) string { return strconv.Itoa(n) }

func printerName(prefix string, n int) string { return prefix + "_" + itoa(n) }

// countryGroups is read_group(["country_id"], ["credit_limit:sum"]) as
// Odoo returns it (lazy): a count per group, the domain, a False group.
var countryGroups = []orm.Values{
	{"country_id": [2]any{int64(21), "Belgium"}, "country_id_count": int64(3), "credit_limit": 1250.5,
		"__domain": []any{[]any{"country_id", "=", int64(21)}}},
	{"country_id": [2]any{int64(233), "United States"}, "country_id_count": int64(12), "credit_limit": 980.0,
		"__domain": []any{[]any{"country_id", "=", int64(233)}}},
	{"country_id": [2]any{int64(113), "日本"}, "country_id_count": int64(1), "credit_limit": 0.0,
		"__domain": []any{[]any{"country_id", "=", int64(113)}}},
	{"country_id": false, "country_id_count": int64(2), "credit_limit": -310.25,
		"__domain": []any{[]any{"country_id", "=", false}}},
}

// monthGroups is read_group(["create_date:month", "type"], lazy=False).
var monthGroups = []orm.Values{
	{"create_date:month": "October 2026", "type": "contact", "__count": int64(40), "color": int64(12),
		"__range": orm.Values{"create_date:month": orm.Values{"from": "2026-10-01", "to": "2026-11-01"}}, "__domain": []any{}},
	{"create_date:month": "November 2026", "type": "invoice", "__count": int64(7), "color": int64(3),
		"__range": orm.Values{}, "__domain": []any{}},
	{"create_date:month": false, "type": nil, "__count": int64(1), "color": nil, "__domain": []any{}},
}

// searchRead is search_read([], ["name", "email", "country_id", "category_id", ...]).
var searchRead = []orm.Values{
	{"id": int64(7), "display_name": "Azure Interior", "email": "azure@example.com",
		"country_id": [2]any{int64(233), "United States"}, "category_id": []int64{1, 3},
		"credit_limit": 12500.5, "is_company": true, "date": time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)},
	{"id": int64(8), "display_name": "Deco Addict", "email": false, "country_id": false,
		"category_id": []int64{}, "credit_limit": 0.0, "is_company": false, "date": nil},
}

func TestShowValues(t *testing.T) {
	show(t, "groups_country_100", countryGroups, printer.Options{Width: 100})
	show(t, "groups_country_domain_100", countryGroups, printer.Options{Width: 100},
		"country_id", "__domain")
	show(t, "groups_month_60", monthGroups, printer.Options{Width: 60})
	show(t, "values_search_read_100", searchRead, printer.Options{Width: 100})
	show(t, "values_search_read_40", searchRead, printer.Options{Width: 40})
	show(t, "values_card_60", searchRead[0], printer.Options{Width: 60})
	show(t, "values_empty", []orm.Values{}, printer.Options{Width: 40})
	show(t, "values_read_name_80", []orm.Values{
		{"zip": "1000", "city": "Brussels", "name": "Azure", "id": int64(7), "active": true},
		{"zip": nil, "city": "Gent", "name": "Deco", "id": int64(8), "active": false},
	}, printer.Options{Width: 80})
}

// chart renders a chart and checks it against its golden file.
func chart(t *testing.T, name string, groups []orm.Values, field string, opts printer.Options) {
	t.Helper()
	var buf bytes.Buffer
	if err := printer.Chart(&buf, groups, field, opts); err != nil {
		t.Fatalf("Chart: %v", err)
	}
	printer.CheckGolden(t, name, buf.Bytes(), opts.Width)
}

func TestChart(t *testing.T) {
	chart(t, "groups_chart_credit_60", countryGroups, "credit_limit", printer.Options{Width: 60})
	chart(t, "groups_chart_count_80", countryGroups, "", printer.Options{Width: 80})
	chart(t, "groups_chart_month_60", monthGroups, "__count", printer.Options{Width: 60})
}

func TestChartErrors(t *testing.T) {
	for _, tc := range []struct{ field, want string }{
		{"nope", `no group holds "nope"`},
		{"country_id", "country_id is not a number"},
	} {
		err := printer.Chart(&bytes.Buffer{}, countryGroups, tc.field, printer.Options{})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got %v, want an error containing %q", tc.field, err, tc.want)
		}
	}
}
