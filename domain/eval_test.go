package domain

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

// fake is an in-memory Record for Eval tests.
type fake struct {
	id     int64
	name   string
	fields map[string]Value
}

var _ Record = (*fake)(nil)

func (f *fake) ID() int64           { return f.id }
func (f *fake) DisplayName() string { return f.name }
func (f *fake) Value(field string) (Value, error) {
	v, ok := f.fields[field]
	if !ok {
		return Value{}, fmt.Errorf("unknown field %q", field)
	}
	return v, nil
}

func day(s string) time.Time {
	t, err := time.Parse(time.DateTime, s)
	if err != nil {
		t, _ = time.Parse(time.DateOnly, s)
	}
	return t
}

var (
	belgium = &fake{id: 21, name: "Belgium", fields: map[string]Value{
		"code": {Kind: KindChar, Scalar: "BE"}}}
	nocode = &fake{id: 22, name: "Nowhere", fields: map[string]Value{
		"code": {Kind: KindChar}}}
	tagA = &fake{id: 31, name: "Alpha", fields: map[string]Value{"color": {Kind: KindInteger, Scalar: 1}}}
	tagB = &fake{id: 32, name: "Beta", fields: map[string]Value{"color": {Kind: KindInteger, Scalar: 0}}}

	// full has a value in every field, empty has NULL (or no records) everywhere.
	full = &fake{id: 7, name: "Acme", fields: map[string]Value{
		"active":     {Kind: KindBoolean, Scalar: true},
		"qty":        {Kind: KindInteger, Scalar: 5},
		"zero":       {Kind: KindInteger, Scalar: int64(0)},
		"price":      {Kind: KindFloat, Scalar: 2.5},
		"amount":     {Kind: KindMonetary, Scalar: 10.0},
		"name":       {Kind: KindChar, Scalar: "Acme Corp"},
		"blank":      {Kind: KindChar, Scalar: ""},
		"note":       {Kind: KindText, Scalar: "50% off_now"},
		"body":       {Kind: KindHTML, Scalar: "<p>Hi</p>"},
		"state":      {Kind: KindSelection, Scalar: "done"},
		"date":       {Kind: KindDate, Scalar: day("2024-01-31")},
		"at":         {Kind: KindDatetime, Scalar: day("2024-01-31 10:00:00")},
		"file":       {Kind: KindBinary, Scalar: "AAAA"},
		"ref":        {Kind: KindReference, Scalar: "res.partner,3"},
		"country_id": {Kind: KindMany2one, Records: []Record{belgium}},
		"other_id":   {Kind: KindMany2one, Records: []Record{nocode}},
		"tag_ids":    {Kind: KindMany2many, Records: []Record{tagA, tagB}},
		"line_ids":   {Kind: KindOne2many, Records: []Record{tagA}},
	}}
	empty = &fake{id: 8, name: "", fields: map[string]Value{
		"active": {Kind: KindBoolean}, "qty": {Kind: KindInteger}, "zero": {Kind: KindInteger},
		"price": {Kind: KindFloat}, "amount": {Kind: KindMonetary}, "name": {Kind: KindChar},
		"blank": {Kind: KindChar}, "note": {Kind: KindText}, "body": {Kind: KindHTML},
		"state": {Kind: KindSelection}, "date": {Kind: KindDate}, "at": {Kind: KindDatetime},
		"file": {Kind: KindBinary}, "ref": {Kind: KindReference},
		"country_id": {Kind: KindMany2one}, "other_id": {Kind: KindMany2one},
		"tag_ids": {Kind: KindMany2many}, "line_ids": {Kind: KindOne2many},
	}}
)

// evalCase: domain, then whether full and empty match it.
type evalCase struct {
	domain      string
	full, empty bool
}

var evalCases = []evalCase{
	// constants and logic
	{`[]`, true, true},
	{`[(0, '=', 1)]`, false, false},
	{`['|', ('qty', '=', 5), ('qty', '=', 6)]`, true, false},
	{`['!', ('qty', '=', 5)]`, false, true},
	{`[('qty', '=', 5), ('name', '=', 'x')]`, false, false},
	// id
	{`[('id', '=', 7)]`, true, false},
	{`[('id', 'in', [7, 8])]`, true, true},
	{`[('id', '=', False)]`, false, false},
	{`[('id', '!=', False)]`, true, true},
	{`[('id', '>', 7)]`, false, true},
	// boolean: NULL counts as False
	{`[('active', '=', True)]`, true, false},
	{`[('active', '=', False)]`, false, true},
	{`[('active', '!=', True)]`, false, true},
	{`[('active', '!=', False)]`, true, false},
	{`[('active', 'in', [False])]`, false, true},
	{`[('active', 'not in', [True])]`, false, true},
	{`[('active', 'in', True)]`, true, false},
	// integer: NULL counts as 0
	{`[('qty', '=', 5)]`, true, false},
	{`[('qty', '=', 5.0)]`, true, false},
	{`[('qty', '=', '5')]`, true, false},
	{`[('qty', '!=', 5)]`, false, true},
	{`[('qty', '=', 0)]`, false, true},
	{`[('zero', '=', 0)]`, true, true},
	{`[('zero', '=', False)]`, true, true},
	{`[('zero', '!=', False)]`, false, false},
	{`[('qty', '!=', 0)]`, true, false},
	{`[('qty', '=', False)]`, false, true},
	{`[('qty', '!=', False)]`, true, false},
	{`[('qty', '<', 1)]`, false, true},
	{`[('qty', '<=', 5)]`, true, true},
	{`[('qty', '>', 4)]`, true, false},
	{`[('qty', '>', -1)]`, true, true},
	{`[('qty', '>=', 0)]`, true, true},
	{`[('qty', '>=', False)]`, true, true},
	{`[('qty', 'in', [5, False])]`, true, true},
	{`[('qty', 'in', [6])]`, false, false},
	{`[('qty', 'not in', [6])]`, true, true},
	{`[('qty', 'not in', [6, False])]`, true, false},
	{`[('qty', 'in', [])]`, false, false},
	{`[('qty', 'not in', [])]`, true, true},
	{`[('qty', '=?', False)]`, true, true},
	{`[('qty', '=?', None)]`, true, true},
	{`[('qty', '=?', 5)]`, true, false},
	{`[('qty', 'like', '5')]`, true, false},
	{`[('qty', 'not like', '5')]`, false, true},
	{`[('qty', '=like', '_')]`, true, false},
	// float and monetary
	{`[('price', '=', 2.5)]`, true, false},
	{`[('price', '>', 2)]`, true, false},
	{`[('price', '<', 3)]`, true, true},
	{`[('price', '=', False)]`, false, true},
	{`[('price', 'ilike', '2.5')]`, true, false},
	{`[('amount', '=', 10)]`, true, false},
	{`[('amount', '<=', 0)]`, false, true},
	{`[('amount', '!=', 10)]`, false, true},
	// char: NULL and '' are False
	{`[('name', '=', 'Acme Corp')]`, true, false},
	{`[('name', '=', 'acme corp')]`, false, false},
	{`[('name', '!=', 'Acme Corp')]`, false, true},
	{`[('name', '=', False)]`, false, true},
	{`[('blank', '=', False)]`, true, true},
	{`[('blank', '!=', False)]`, false, false},
	{`[('blank', '=', '')]`, true, true},
	{`[('name', '!=', False)]`, true, false},
	{`[('name', 'ilike', 'acme')]`, true, false},
	{`[('name', 'like', 'acme')]`, false, false},
	{`[('name', 'not ilike', 'acme')]`, false, true},
	{`[('name', 'not like', 'acme')]`, true, true},
	{`[('name', 'ilike', '')]`, true, true},
	{`[('name', 'ilike', False)]`, true, true},
	{`[('name', 'not ilike', '')]`, false, false},
	{`[('name', '=like', 'Acme%')]`, true, false},
	{`[('name', '=like', 'acme%')]`, false, false},
	{`[('name', '=ilike', 'acme%')]`, true, false},
	{`[('name', '=ilike', 'acme_corp')]`, true, false},
	{`[('name', '=ilike', 'acme')]`, false, false},
	{`[('name', 'in', ['Acme Corp', 'X'])]`, true, false},
	{`[('name', 'in', ['X', False])]`, false, true},
	{`[('name', 'not in', ['X'])]`, true, true},
	{`[('name', 'not in', ['X', False])]`, true, false},
	{`[('name', '<', 'B')]`, true, false},
	{`[('name', '>=', 'B')]`, false, false},
	{`[('name', '=?', '')]`, false, true}, // '' is not False/None: = ''
	// text and html: wildcards in the value are wildcards
	{`[('note', 'like', '50% off')]`, true, false},
	{`[('note', '=like', '50\\% off\\_now')]`, true, false},
	{`[('note', '=like', '50\\%_off')]`, false, false},
	{`[('note', '=', False)]`, false, true},
	{`[('body', 'ilike', '<P>')]`, true, false},
	{`[('body', '!=', False)]`, true, false},
	// selection: only NULL is False
	{`[('state', '=', 'done')]`, true, false},
	{`[('state', '!=', 'done')]`, false, true},
	{`[('state', '=', False)]`, false, true},
	{`[('state', 'in', ['draft', 'done'])]`, true, false},
	{`[('state', 'not ilike', 'do')]`, false, true},
	{`[('state', '<', 'e')]`, true, false},
	// date
	{`[('date', '=', '2024-01-31')]`, true, false},
	{`[('date', '>', '2024-01-30')]`, true, false},
	{`[('date', '>=', '2024-02-01')]`, false, false},
	{`[('date', '<', '2024-02-01')]`, true, false},
	{`[('date', '!=', '2024-01-31')]`, false, true},
	{`[('date', '=', False)]`, false, true},
	{`[('date', '<', False)]`, false, false},
	{`[('date', 'like', '2024-01')]`, true, false},
	{`[('date', 'in', ['2024-01-31', '2024-02-01'])]`, true, false},
	// datetime: date-only strings are the start (>=, <) or end (<=, >) of the day
	{`[('at', '>=', '2024-01-31')]`, true, false},
	{`[('at', '<', '2024-01-31')]`, false, false},
	{`[('at', '<=', '2024-01-31')]`, true, false},
	{`[('at', '>', '2024-01-31')]`, false, false},
	{`[('at', '=', '2024-01-31 10:00:00')]`, true, false},
	{`[('at', '=', '2024-01-31')]`, false, false},
	{`[('at', '>', '2024-01-31 09:59:59')]`, true, false},
	{`[('at', '!=', '2024-01-31 10:00:00')]`, false, true},
	{`[('at', 'ilike', '10:00')]`, true, false},
	{`[('at', '=', False)]`, false, true},
	// binary: set or not
	{`[('file', '=', False)]`, false, true},
	{`[('file', '!=', False)]`, true, false},
	// reference
	{`[('ref', '=', 'res.partner,3')]`, true, false},
	{`[('ref', '=', False)]`, false, true},
	{`[('ref', 'ilike', 'partner')]`, true, false},
	{`[('ref', 'not ilike', 'partner')]`, false, true},
	// many2one by id
	{`[('country_id', '=', 21)]`, true, false},
	{`[('country_id', '!=', 21)]`, false, true},
	{`[('country_id', '=', False)]`, false, true},
	{`[('country_id', '!=', False)]`, true, false},
	{`[('country_id', 'in', [21, 99])]`, true, false},
	{`[('country_id', 'in', [99, False])]`, false, true},
	{`[('country_id', 'not in', [21])]`, false, true},
	{`[('country_id', 'not in', [99, False])]`, true, false},
	{`[('country_id', 'in', [])]`, false, false},
	{`[('country_id', 'not in', [])]`, true, true},
	{`[('country_id', '>', 20)]`, true, false},
	// many2one by name
	{`[('country_id', '=', 'Belgium')]`, true, false},
	{`[('country_id', '=', 'belgium')]`, false, false},
	{`[('country_id', 'ilike', 'belg')]`, true, false},
	{`[('country_id', 'not ilike', 'belg')]`, false, true},
	{`[('country_id', 'not ilike', 'fra')]`, true, true},
	{`[('country_id', '!=', 'Belgium')]`, false, true},
	{`[('country_id', 'in', ['Belgium', 'France'])]`, true, false},
	{`[('country_id', 'not in', ['France'])]`, true, true},
	{`[('country_id', '<', 'Belgium')]`, true, false},
	// dotted paths: an empty many2one never matches
	{`[('country_id.code', '=', 'BE')]`, true, false},
	{`[('country_id.code', '!=', 'BE')]`, false, false},
	{`[('country_id.code', '!=', 'FR')]`, true, false},
	{`[('other_id.code', '=', False)]`, true, false},
	{`[('other_id.code', '!=', 'BE')]`, true, false},
	{`['!', ('country_id.code', '=', 'BE')]`, false, true},
	{`[('tag_ids.color', '=', 0)]`, true, false},
	{`[('tag_ids.color', '=', 2)]`, false, false},
	{`[('tag_ids.color', '!=', 1)]`, true, false},
	// any / not any
	{`[('country_id', 'any', [('code', '=', 'BE')])]`, true, false},
	{`[('country_id', 'not any', [('code', '=', 'BE')])]`, false, true},
	{`[('country_id', 'any', [])]`, true, false},
	{`[('tag_ids', 'any', [('color', '>', 0)])]`, true, false},
	{`[('tag_ids', 'not any', [('color', '>', 5)])]`, true, true},
	{`[('tag_ids', 'not any', [('color', '>', 0)])]`, false, true},
	// x2many by id
	{`[('tag_ids', 'in', [31])]`, true, false},
	{`[('tag_ids', '=', 32)]`, true, false},
	{`[('tag_ids', 'in', [99])]`, false, false},
	{`[('tag_ids', 'not in', [31])]`, false, true},
	{`[('tag_ids', '!=', 99)]`, true, true},
	{`[('tag_ids', '=', False)]`, false, true},
	{`[('tag_ids', '!=', False)]`, true, false},
	{`[('tag_ids', 'in', [99, False])]`, false, true},
	{`[('tag_ids', 'not in', [99, False])]`, true, false},
	{`[('tag_ids', 'in', [])]`, false, false},
	{`[('tag_ids', 'not in', [])]`, true, true},
	{`[('line_ids', '=', 31)]`, true, false},
	{`[('line_ids', '>', 31)]`, false, false},
	// x2many by name
	{`[('tag_ids', 'ilike', 'bet')]`, true, false},
	{`[('tag_ids', 'not ilike', 'bet')]`, false, true},
	{`[('tag_ids', '=', 'Alpha')]`, true, false},
	{`[('tag_ids', '!=', 'Alpha')]`, false, true},
	{`[('tag_ids', '!=', 'Gamma')]`, true, true},
	{`[('tag_ids', 'in', ['Gamma', 'Beta'])]`, true, false},
}

func TestEval(t *testing.T) {
	for _, tc := range evalCases {
		t.Run(tc.domain, func(t *testing.T) {
			d, err := Parse(tc.domain)
			if err != nil {
				t.Fatal(err)
			}
			for _, rc := range []struct {
				rec  *fake
				want bool
			}{{full, tc.full}, {empty, tc.empty}} {
				got, err := Eval(d, rc.rec)
				if err != nil {
					t.Fatalf("%s: %v", rc.rec.name, err)
				}
				if got != rc.want {
					t.Errorf("record %d: got %v, want %v", rc.rec.id, got, rc.want)
				}
			}
		})
	}
}

// TestEvalComplement checks search(D) ⊎ search(NOT D) = all records for
// scalar fields, on every case whose domain has no dotted path.
func TestEvalComplement(t *testing.T) {
	for _, tc := range evalCases {
		d, _ := Parse(tc.domain)
		t.Run(tc.domain, func(t *testing.T) {
			for _, rec := range []*fake{full, empty} {
				a, err1 := Eval(d, rec)
				b, err2 := Eval(NOT(d), rec)
				if err1 != nil || err2 != nil {
					t.Fatalf("errors: %v, %v", err1, err2)
				}
				if a == b && !strings.Contains(tc.domain, "'<") && !strings.Contains(tc.domain, "'>") {
					t.Errorf("record %d: D and NOT D (%s) both %v", rec.id, NOT(d), a)
				}
			}
		})
	}
}

func TestEvalErrors(t *testing.T) {
	cases := []struct{ name, domain, want string }{
		{"unknown field", `[('nope', '=', 1)]`, `field "nope": unknown field "nope"`},
		{"unknown subfield", `[('country_id.nope', '=', 1)]`, `field "nope"`},
		{"not relational", `[('name.x', '=', 1)]`, `not relational`},
		{"bad integer", `[('qty', '=', 'abc')]`, `invalid integer "abc"`},
		{"bad date", `[('date', '=', 'yesterday')]`, `invalid date`},
		{"any on scalar", `[('qty', 'any', [])]`, `needs a relational field`},
		{"like escape at end", `[('name', '=like', 'a\\')]`, `escape character`},
		{"binary ilike", `[('file', 'ilike', 'x')]`, `not supported on binary`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Parse(tc.domain)
			if err != nil {
				t.Fatal(err)
			}
			_, err = Eval(d, full)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want an error containing %q", err, tc.want)
			}
		})
	}
}

func TestEvalNeedsSearch(t *testing.T) {
	for _, text := range []string{`[('id', 'child_of', 7)]`, `[('country_id', 'parent_of', [1])]`} {
		t.Run(text, func(t *testing.T) {
			d, _ := Parse(text)
			_, err := Eval(d, full)
			if !errors.Is(err, ErrNeedsSearch) || !strings.Contains(err.Error(), "_of'") {
				t.Fatalf("got %v, want ErrNeedsSearch naming the condition", err)
			}
		})
	}
}

func TestEvalGoValues(t *testing.T) {
	cases := []struct {
		name string
		d    Domain
		want bool
	}{
		{"int kinds", Cond("qty", In, []int32{4, 5}), true},
		{"uint", Cond("qty", Eq, uint8(5)), true},
		{"float32", Cond("price", Eq, float32(2.5)), true},
		{"time", Cond("at", Eq, day("2024-01-31 10:00:00")), true},
		{"time vs date", Cond("date", Eq, day("2024-01-31 18:00:00")), true},
		{"operator case", Condition{"name", "ILIKE", "acme"}, true},
		{"not equal spelled <>", Condition{"qty", "<>", 5}, false},
		{"list with =", Condition{"qty", Eq, []any{5, 6}}, true},
		{"any with list", Cond("country_id", Any, []any{[]any{"code", "=", "BE"}}), true},
		{"explicit Not", Not{Cond("name", EqLike, "Acme%")}, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Eval(tc.d, full)
			if err != nil || got != tc.want {
				t.Fatalf("got %v, %v; want %v", got, err, tc.want)
			}
		})
	}
}
