package learn_test

import (
	"errors"
	"testing"

	"odsh/learn"
)

func TestCanon(t *testing.T) {
	rows := []struct {
		name    string
		v       any
		ordered bool
		want    string
	}{
		{"nil", nil, true, "nil"},
		{"int and float agree", 3.0, true, "3"},
		{"int", int64(3), true, "3"},
		{"float", 0.1 + 0.2, true, "0.3"},
		{"string", "a\"b", true, `"a\"b"`},
		{"list ordered", []any{"b", 1}, true, `["b", 1]`},
		{"list as a set", []any{"b", "a"}, false, `["a", "b"]`},
		{"typed slice", []int64{2, 1}, true, "[2, 1]"},
		{"map", map[string]any{"b": 1, "a": nil}, true, `{"a": nil, "b": 1}`},
		{"error", errors.New("boom"), true, "error: boom"},
	}
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			if got := learn.Canon(r.v, r.ordered); got != r.want {
				t.Errorf("got %s, want %s", got, r.want)
			}
		})
	}
}

func TestDifference(t *testing.T) {
	for _, r := range []struct{ got, want, says string }{
		{"3", "3", ""},
		{"26", "36", "the result differs from the expected one"},
		{"res.partner(1, 2)", "36", "the result is records; the task wants a number"},
		{"res.partner(1, 2)", "demo.order(1, 2)", "the result is records of res.partner; the task wants records of demo.order"},
		{"demo.order(1, 2, 3)", "demo.order(2)", "3 records; the expected result has 1"},
		{"demo.order()", "demo.order(2, 5)", "0 records; the expected result has 2"},
		{"demo.order(2, 1)", "demo.order(1, 2)", "the right records, in another order"},
		{"demo.order(3)", "demo.order(2)", "1 record, as many as expected, but not the same ones"},
		{`["a, b", "c"]`, `["c"]`, "2 items; the expected list has 1"},
		{`["c", ["x", "y"]]`, `[["x", "y"], "c"]`, "the right items, in another order"},
		{`["a"]`, `["b"]`, "the result differs from the expected one"},
		{`[{"date_order": "2024-01", "n": 1}]`, `[{"date_order:month": "2024-01", "n": 1}]`,
			"the items have the keys date_order, n; the expected ones have date_order:month, n"},
	} {
		if got := learn.Difference(r.got, r.want); got != r.says {
			t.Errorf("Difference(%s, %s) = %q, want %q", r.got, r.want, got, r.says)
		}
	}
}
