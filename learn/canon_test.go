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
