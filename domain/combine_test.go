package domain

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

var (
	a = Cond("a", Eq, 1)
	b = Cond("b", Eq, 2)
	c = Cond("c", Eq, 3)
)

func TestANDOR(t *testing.T) {
	cases := []struct {
		name      string
		got, want Domain
	}{
		{"AND empty", AND(), TRUE},
		{"OR empty", OR(), FALSE},
		{"AND one", AND(a), a},
		{"AND drops TRUE", AND(TRUE, a, TRUE, b), And{a, b}},
		{"AND FALSE absorbs", AND(a, FALSE, b), FALSE},
		{"OR drops FALSE", OR(FALSE, a, b), Or{a, b}},
		{"OR TRUE absorbs", OR(a, TRUE), TRUE},
		{"AND flattens", AND(a, AND(b, c)), And{a, b, c}},
		{"AND flattens literal", AND(And{a, And{b}}, c), And{a, b, c}},
		{"OR keeps AND", OR(a, AND(b, c)), Or{a, And{b, c}}},
		{"OR simplifies empty And", OR(a, And{}), TRUE},
		{"AND nil is TRUE", AND(nil, a), a},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if !reflect.DeepEqual(tc.got, tc.want) {
				t.Errorf("got %#v, want %#v", tc.got, tc.want)
			}
		})
	}
}

func TestNOT(t *testing.T) {
	cases := []struct{ in, want string }{
		{`[]`, `[(0, '=', 1)]`},
		{`[('a', '=', 1)]`, `[('a', '!=', 1)]`},
		{`[('a', '<', 1)]`, `[('a', '>=', 1)]`},
		{`[('a', '>', 1)]`, `[('a', '<=', 1)]`},
		{`[('a', 'in', [1])]`, `[('a', 'not in', [1])]`},
		{`[('a', 'not ilike', 'x')]`, `[('a', 'ilike', 'x')]`},
		{`[('a', 'like', 'x')]`, `[('a', 'not like', 'x')]`},
		{`[('a', 'any', [('b', '=', 1)])]`, `[('a', 'not any', [('b', '=', 1)])]`},
		{`[('a', '=?', 1)]`, `['!', ('a', '=?', 1)]`},
		{`[('a', '=like', 'x')]`, `['!', ('a', '=like', 'x')]`},
		{`[('id', 'child_of', 1)]`, `['!', ('id', 'child_of', 1)]`},
		{`[('a.b', '=', 1)]`, `[('a', 'not any', [('b', '=', 1)])]`},
		{`[('a.b.c', 'ilike', 'x')]`, `[('a', 'not any', [('b.c', 'ilike', 'x')])]`},
		{`[('day.month_number', '=', 3)]`, `['!', ('day.month_number', '=', 3)]`},
		{`[('a.day.month_number', '=', 3)]`, `[('a', 'not any', [('day.month_number', '=', 3)])]`},
		{`[('a', '=', 1), ('b', '=', 2)]`, `['|', ('a', '!=', 1), ('b', '!=', 2)]`},
		{`['|', ('a', '=', 1), ('b', '=', 2)]`, `[('a', '!=', 1), ('b', '!=', 2)]`},
		{`['!', ('a', '=', 1)]`, `[('a', '=', 1)]`},
		{`['|', '!', ('a', '=?', 1), ('b', '=', 2)]`, `[('a', '=?', 1), ('b', '!=', 2)]`},
	}
	for _, tc := range cases {
		t.Run(tc.in, func(t *testing.T) {
			d, err := Parse(tc.in)
			if err != nil {
				t.Fatal(err)
			}
			if got := NOT(d).String(); got != tc.want {
				t.Errorf("got %s, want %s", got, tc.want)
			}
			if got := NOT(NOT(d)); !reflect.DeepEqual(Normalize(got), Normalize(d)) && !strings.ContainsAny(tc.in, ".!") {
				t.Errorf("NOT(NOT(d)) = %s, want %s", got, d)
			}
		})
	}
}

func TestNormalize(t *testing.T) {
	cases := []struct {
		name string
		in   Domain
		want Domain
	}{
		{"operator case", Condition{"a", "ILike", "x"}, Condition{"a", ILike, "x"}},
		{"<>", Condition{"a", "<>", 1}, Condition{"a", Ne, int64(1)}},
		{"bool in", Condition{"a", In, true}, Condition{"a", Eq, true}},
		{"bool not in", Condition{"a", NotIn, false}, Condition{"a", Ne, false}},
		{"list =", Condition{"a", Eq, []int{1, 2}}, Condition{"a", In, []any{int64(1), int64(2)}}},
		{"list !=", Condition{"a", Ne, []any{}}, Condition{"a", NotIn, []any{}}},
		{"nested", And{a, And{TRUE, Or{b}}}, And{a, b}},
		{"double not", Not{Not{a}}, a},
		{"not true", Not{TRUE}, FALSE},
		{"any value", Condition{"a", Any, And{b}}, Condition{"a", Any, b}},
		{"nil", nil, TRUE},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := Normalize(tc.in)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %#v, want %#v", got, tc.want)
			}
			if again := Normalize(got); !reflect.DeepEqual(again, got) {
				t.Errorf("not idempotent: %#v", again)
			}
		})
	}
}

func TestTransform(t *testing.T) {
	d, _ := Parse(`['|', ('id', 'child_of', 3), '!', ('name', '=', 'x')]`)
	got, err := Transform(d, func(c Condition) (Domain, error) {
		if c.Operator == ChildOf {
			return Cond("id", In, []int64{3, 4}), nil
		}
		return c, nil
	})
	want := `['|', ('id', 'in', [3, 4]), '!', ('name', '=', 'x')]`
	if err != nil || got.String() != want {
		t.Fatalf("got %v, %v; want %s", got, err, want)
	}
	folded, _ := Transform(d, func(Condition) (Domain, error) { return FALSE, nil })
	if folded != TRUE {
		t.Errorf("folding: got %v, want TRUE", folded)
	}
	boom := errors.New("boom")
	if _, err := Transform(d, func(Condition) (Domain, error) { return nil, boom }); err != boom {
		t.Errorf("got %v, want boom", err)
	}
}

func TestFromListAndOf(t *testing.T) {
	cases := []struct {
		name string
		in   any
		want string
		err  string
	}{
		{"brief", []any{"|", []any{"a", "=", 1}, []any{"b", "in", []any{1, 2}}}, `['|', ('a', '=', 1), ('b', 'in', [1, 2])]`, ""},
		{"go slices", []any{[]any{"a", "in", []int{1, 2}}}, `[('a', 'in', [1, 2])]`, ""},
		{"domain term", []any{"!", a}, `['!', ('a', '=', 1)]`, ""},
		{"any list", []any{[]any{"l", "any", []any{[]any{"x", "=", true}}}}, `[('l', 'any', [('x', '=', True)])]`, ""},
		{"true leaf", []any{[]any{1, "=", 1}}, `[]`, ""},
		{"string", `[('a', '=', 1)]`, `[('a', '=', 1)]`, ""},
		{"nil", nil, `[]`, ""},
		{"domain", b, `[('b', '=', 2)]`, ""},
		{"bad operator", []any{a, []any{"a", "==", 1}}, "", `domain: term 1: unknown operator "=="`},
		{"arity", []any{"&", a}, "", `domain: term 0: '&' needs 2 operand(s), got 1`},
		{"leaf size", []any{[]any{"a", "="}}, "", `term 0: a leaf needs 3 elements`},
		{"not a domain", 42, "", `cannot make a domain of int`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Of(tc.in)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("got %v, want error %q", err, tc.err)
				}
				return
			}
			if err != nil || d.String() != tc.want {
				t.Fatalf("got %v, %v; want %s", d, err, tc.want)
			}
		})
	}
}
