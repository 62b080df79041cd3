package printer

import (
	"strings"
	"testing"
)

type node struct{ Next *node }

type holder struct{ Items []any }

// TestShowCyclic checks that values that contain themselves are shown in
// one line instead of recursing until the stack overflows.
func TestShowCyclic(t *testing.T) {
	slice := []any{1, nil}
	slice[1] = slice
	m := map[string]any{"a": 1}
	m["self"] = m
	h := &holder{}
	h.Items = []any{h, map[string]any{"h": []any{h.Items}}}
	inner := []any{0}
	outer := map[string]any{"x": inner}
	inner[0] = outer
	n := &node{}
	n.Next = n
	shared := []int{1, 2}
	tests := []struct {
		name string
		v    any
		want string
	}{
		{"slice", slice, "[1 <cycle>]"},
		{"map (a card)", m, "self │ map[a:1 self:<cycle>]"},
		{"through a map", outer, "x │ [map[x:[<cycle>]]]"},
		{"pointer cycle (fmt prints an address)", n, "&{0x"},
		{"shared, not cyclic", []any{shared, shared}, "[[1, 2], [1, 2]]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out strings.Builder
			if err := Show(&out, tt.v, Options{Width: 80}); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(out.String(), tt.want) {
				t.Errorf("got %q, want it to contain %q", out.String(), tt.want)
			}
		})
	}
}
