package domain

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// parseCases are real domains and the canonical text String prints back.
var parseCases = []struct{ name, in, want string }{
	{"empty list", `[]`, `[]`},
	{"empty text", `  `, `[]`},
	{"one leaf", `[('name', '=', 'Acme')]`, `[('name', '=', 'Acme')]`},
	{"brief example", `[('name', 'ilike', 'acme'), '|', ('country_id.code', 'in', ['BE', 'DE']), ('parent_id', '=', False)]`,
		`[('name', 'ilike', 'acme'), '|', ('country_id.code', 'in', ['BE', 'DE']), ('parent_id', '=', False)]`},
	{"double quotes", `[("name", "=", "O'Neil")]`, `[('name', '=', "O'Neil")]`},
	{"both quotes", `[('name', '=', 'a\'b"c')]`, `[('name', '=', 'a\'b"c')]`},
	{"escapes", `[('x', '=', '\t\n\\\x41\u00e9\101')]`, `[('x', '=', '\t\n\\AéA')]`},
	{"unicode", `[('x', '=', 'Zürich 東京')]`, `[('x', '=', 'Zürich 東京')]`},
	{"raw string", `[('x', '=like', r'a\_b')]`, `[('x', '=like', 'a\\_b')]`},
	{"u prefix", `[('x', '=', u'a')]`, `[('x', '=', 'a')]`},
	{"adjacent strings", `[('x', '=', 'a' "b")]`, `[('x', '=', 'ab')]`},
	{"triple quotes", `[('x', '=', '''it's''')]`, `[('x', '=', "it's")]`},
	{"numbers", `[('a', '=', -3), ('b', '>', 1.5), ('c', '<', -0.25), ('d', '=', 1e3), ('e', 'in', [0x10, 1_000, 0o7, 0b11])]`,
		`[('a', '=', -3), ('b', '>', 1.5), ('c', '<', -0.25), ('d', '=', 1000.0), ('e', 'in', [16, 1000, 7, 3])]`},
	{"float forms", `[('a', '=', .5), ('b', '=', 5.), ('c', '=', 1e22), ('d', '=', +2)]`,
		`[('a', '=', 0.5), ('b', '=', 5.0), ('c', '=', 1e+22), ('d', '=', 2)]`},
	{"constants", `[('a', '=', True), ('b', '!=', None), ('c', '=', False)]`,
		`[('a', '=', True), ('b', '!=', None), ('c', '=', False)]`},
	{"tuple value", `[('id', 'in', (1, 2,))]`, `[('id', 'in', [1, 2])]`},
	{"one tuple", `[('id', 'in', (1,))]`, `[('id', 'in', [1])]`},
	{"parenthesised", `[('id', '=', (1))]`, `[('id', '=', 1)]`},
	{"list leaf", `[['id', '=', 1]]`, `[('id', '=', 1)]`},
	{"trailing commas", `[('a', '=', 1,), ('b', '=', 2),]`, `[('a', '=', 1), ('b', '=', 2)]`},
	{"explicit and", `['&', ('a', '=', 1), ('b', '=', 2)]`, `[('a', '=', 1), ('b', '=', 2)]`},
	{"or of three", `['|', '|', ('a', '=', 1), ('b', '=', 2), ('c', '=', 3)]`,
		`['|', '|', ('a', '=', 1), ('b', '=', 2), ('c', '=', 3)]`},
	{"or then implicit and", `['|', ('a', '=', 1), ('b', '=', 2), ('c', '=', 3)]`,
		`['|', ('a', '=', 1), ('b', '=', 2), ('c', '=', 3)]`},
	{"and inside or", `['|', '&', ('a', '=', 1), ('b', '=', 2), ('c', '=', 3)]`,
		`['|', '&', ('a', '=', 1), ('b', '=', 2), ('c', '=', 3)]`},
	{"not", `['!', ('a', '=', 1)]`, `['!', ('a', '=', 1)]`},
	{"not of or", `['!', '|', ('a', '=', 1), ('b', '=', 2)]`, `['!', '|', ('a', '=', 1), ('b', '=', 2)]`},
	{"true leaf", `[(1, '=', 1)]`, `[]`},
	{"false leaf", `[(0, '=', 1)]`, `[(0, '=', 1)]`},
	{"true leaf in or", `['|', (1, '=', 1), ('a', '=', 1)]`, `[]`},
	{"any", `[('line_ids', 'any', [('product_id.qty', '<=', 0), ('x', '=', 1)])]`,
		`[('line_ids', 'any', [('product_id.qty', '<=', 0), ('x', '=', 1)])]`},
	{"not any empty", `[('line_ids', 'not any', [])]`, `[('line_ids', 'not any', [])]`},
	{"operator case", `[('a', 'ILIKE', 'x'), ('b', '<>', 1), ('c', 'Not In', [])]`,
		`[('a', 'ilike', 'x'), ('b', '!=', 1), ('c', 'not in', [])]`},
	{"comments and newlines", "[\n  ('a', '=', 1),  # first\n  ('b', '=', 2)\n]", `[('a', '=', 1), ('b', '=', 2)]`},
	{"nested lists", `[('a', 'in', [[1, 2], []])]`, `[('a', 'in', [[1, 2], []])]`},
	{"child_of", `[('id', 'child_of', 3)]`, `[('id', 'child_of', 3)]`},
	{"control char", `[('a', '=', '\x00\x7f')]`, `[('a', '=', '\x00\x7f')]`},
}

func TestParseString(t *testing.T) {
	for _, tc := range parseCases {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Parse(tc.in)
			if err != nil {
				t.Fatalf("Parse(%s): %v", tc.in, err)
			}
			if got := d.String(); got != tc.want {
				t.Errorf("String:\ngot  %s\nwant %s", got, tc.want)
			}
			checkRoundTrip(t, d)
		})
	}
}

// checkRoundTrip checks that Parse(d.String()) equals d after Normalize.
func checkRoundTrip(t *testing.T, d Domain) {
	t.Helper()
	text := d.String()
	back, err := Parse(text)
	if err != nil {
		t.Fatalf("Parse(String()) of %s: %v", text, err)
	}
	if got, want := Normalize(back), Normalize(d); !reflect.DeepEqual(got, want) {
		t.Fatalf("round trip of %s:\ngot  %#v\nwant %#v", text, got, want)
	}
}

func TestParseErrors(t *testing.T) {
	cases := []struct {
		name, in string
		pos      int
		msg      string
	}{
		{"unknown operator", `[('name', '==', 'x')]`, 10, `unknown operator "=="`},
		{"or arity", `['|', ('a', '=', 1)]`, 1, `'|' needs 2 operand(s), got 1`},
		{"not arity", `[('a', '=', 1), '!']`, 16, `'!' needs 1 operand(s), got 0`},
		{"unclosed", `[('a', '=', 1)`, 0, `unclosed '['`},
		{"unclosed inner", `[('a', '=', [1, 2)]`, 17, `unexpected ")", expected ',' or ']'`},
		{"two elements", `[('a', '=')]`, 1, `a leaf needs 3 elements`},
		{"four elements", `[('a', '=', 1, 2)]`, 1, `a leaf needs 3 elements`},
		{"operator not string", `[('a', 1, 1)]`, 7, `operator must be a string`},
		{"path not string", `[(2, '=', 1)]`, 2, `field path must be a string`},
		{"empty path", `[('', '=', 1)]`, 2, `empty field path`},
		{"bad path", `[('a..b', '=', 1)]`, 2, `invalid field path`},
		{"unknown logic", `['^', ('a', '=', 1)]`, 1, `unknown domain operator '^'`},
		{"number term", `[1]`, 1, `expected a leaf`},
		{"bare leaf", `('a', '=', 1)`, 1, `unknown domain operator 'a'`},
		{"not a list", `'a'`, 0, `a domain must be a list`},
		{"trailing text", `[] x`, 3, `after the domain`},
		{"unknown name", `[('a', '=', uid)]`, 12, `unknown name "uid"`},
		{"call", `[('a', '=', today())]`, 17, `calls and subscripts are not supported`},
		{"unterminated", `[('a', '=', 'x)]`, 12, `unterminated string`},
		{"bad number", `[('a', '=', 1x)]`, 12, `invalid number`},
		{"leading zero", `[('a', '=', 012)]`, 12, `leading zeros`},
		{"int overflow", `[('a', '=', 99999999999999999999)]`, 12, `out of range`},
		{"float overflow", `[('a', '=', 1e999)]`, 12, `out of range`},
		{"any needs domain", `[('a', 'any', 1)]`, 14, `needs a domain`},
		{"bad escape", `[('a', '=', '\x4')]`, 13, `invalid escape`},
		{"sign on string", `[('a', '=', -'x')]`, 12, `a sign must be followed by a number`},
		{"deep", strings.Repeat("[", 300), 200, `nested too deeply`},
		{"empty element", `[('a', '=', [1,,2])]`, 15, `unexpected ","`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse(tc.in)
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("got %v, want a *SyntaxError", err)
			}
			if se.Pos != tc.pos || !strings.Contains(se.Msg, tc.msg) {
				t.Errorf("got %q at %d, want %q at %d", se.Msg, se.Pos, tc.msg, tc.pos)
			}
		})
	}
}

func TestSyntaxErrorMessage(t *testing.T) {
	_, err := Parse(`[('name', 'ilike', 'x'), ('a', '==', 1)]`)
	want := `domain: position 31: unknown operator "=="`
	if err == nil || err.Error() != want {
		t.Fatalf("got %v, want %s", err, want)
	}
}

type user struct{ id, companyID int64 }

func (u user) Attr(name string) (any, error) {
	switch name {
	case "id":
		return u.id, nil
	case "company_id":
		return company{u.companyID}, nil
	}
	return nil, errors.New("no such attribute")
}

type company struct{ id int64 }

func (c company) Attr(name string) (any, error) {
	if name == "id" {
		return int(c.id), nil
	}
	return nil, errors.New("no such attribute")
}

func TestParseWith(t *testing.T) {
	vars := Vars{"uid": 2, "company_ids": []int{1, 3}, "user": user{2, 1}, "ctx.lang": "fr_FR"}
	cases := []struct{ name, in, want, err string }{
		{"plain", `[('create_uid', '=', uid)]`, `[('create_uid', '=', 2)]`, ""},
		{"list", `[('company_id', 'in', company_ids)]`, `[('company_id', 'in', [1, 3])]`, ""},
		{"attr", `[('company_id', '=', user.company_id.id)]`, `[('company_id', '=', 1)]`, ""},
		{"whole dotted name", `[('lang', '=', ctx.lang)]`, `[('lang', '=', 'fr_FR')]`, ""},
		{"in a list", `[('user_id', 'in', [uid, False])]`, `[('user_id', 'in', [2, False])]`, ""},
		{"unknown", `[('a', '=', nope)]`, "", `unknown name "nope"`},
		{"unknown attr", `[('a', '=', user.login)]`, "", `user.login: no such attribute`},
		{"no attrs", `[('a', '=', uid.x)]`, "", `"uid" has no attribute "x"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d, err := ParseWith(tc.in, vars)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("got %v, want error containing %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := d.String(); got != tc.want {
				t.Errorf("got %s, want %s", got, tc.want)
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	for _, tc := range parseCases {
		f.Add(tc.in)
	}
	f.Add(`['|', '!', ('a.b', '=?', False), ('c', 'not any', ['!', ('d', '=like', 'x%')])]`)
	f.Add(`[('a', '=', '\xff\U0001F600'), (0, '=', 1)]`)
	f.Fuzz(func(t *testing.T, text string) {
		d, err := Parse(text)
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("Parse(%q): error %v is not a *SyntaxError", text, err)
			}
			return
		}
		checkRoundTrip(t, d)
		_ = NOT(d).String()
	})
}

func TestParseListConcat(t *testing.T) {
	vars := Vars{"company_ids": []any{int64(1), int64(2)}}
	d, err := ParseWith("[('company_id', 'in', company_ids + [False])]", vars)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := d.String(), "[('company_id', 'in', [1, 2, False])]"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	if _, err := ParseWith("[('a', '=', 1 + [2])]", vars); err == nil {
		t.Errorf("1 + [2]: got no error, want one")
	}
}
