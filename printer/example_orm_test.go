package printer_test

import (
	"fmt"
	"os"

	"odsh/orm"
	"odsh/printer"
)

// An ORM error is one line: kind, model.field, message, value.
func ExampleFormatError() {
	err := &orm.ValidationError{ErrorInfo: orm.ErrorInfo{
		Model: "res.partner", Field: "email", Value: "x", HasValue: true, Msg: "not a valid email",
	}}
	fmt.Println(printer.FormatError(err))
	// Output:
	// ValidationError: res.partner.email: not a valid email (value: "x")
}

// read_group results print as a table: groupby first, then the count and
// the aggregates; __domain is hidden.
func ExampleShow() {
	groups := []orm.Values{
		{"country_id": [2]any{int64(21), "Belgium"}, "country_id_count": int64(3), "credit_limit": 1250.5, "__domain": []any{}},
		{"country_id": false, "country_id_count": int64(2), "credit_limit": -310.25, "__domain": []any{}},
	}
	printer.Show(os.Stdout, groups, printer.Options{Width: 60})
	// Output:
	// ┌────────────┬──────────────────┬──────────────┐
	// │ country_id │ country_id_count │ credit_limit │
	// ├────────────┼──────────────────┼──────────────┤
	// │ Belgium    │                3 │      1250.50 │
	// │ None       │                2 │      -310.25 │
	// └────────────┴──────────────────┴──────────────┘
}

// One aggregate of read_group results as bars, labelled by the group.
func ExampleChart() {
	groups := []orm.Values{
		{"country_id": [2]any{int64(21), "Belgium"}, "country_id_count": int64(3), "credit_limit": 1250.5},
		{"country_id": false, "country_id_count": int64(2), "credit_limit": 310.0},
	}
	printer.Chart(os.Stdout, groups, "credit_limit", printer.Options{Width: 40})
	// Output:
	// credit_limit by country_id
	// Belgium ███████████████████████ 1,250.50
	// None    ██████                    310.00
}
