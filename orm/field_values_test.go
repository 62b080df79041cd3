package orm_test

import (
	"errors"
	"testing"
	"time"

	"odsh/internal/testdb"
	"odsh/orm"
)

func TestCharRefusesNULAtWrite(t *testing.T) {
	env := testdb.Env(t, coreAddon, reviewAddon)
	a := reviewOrder(env, "a")
	for _, v := range []any{"x\x00y", []byte("x\x00y"), []byte("x\xffy")} {
		err := env.Catch(func() { a.Write(orm.Values{"name": v}) })
		var ve *orm.ValidationError
		if !errors.As(err, &ve) || ve.Field != "name" {
			t.Errorf("write %q: got %v, want a ValidationError naming test.thing.name", v, err)
		}
	}
	if got := a.Str("name"); got != "a" {
		t.Errorf("name after the refused writes: got %q, want %q", got, "a")
	}
}

// A Datetime given with nanoseconds is kept to the microsecond, as the
// database keeps it: the cached value and the row must not differ.
func TestDatetimeStringKeepsMicroseconds(t *testing.T) {
	env := testdb.Env(t, coreAddon)
	th := env.Model("test.thing").Create(orm.Values{"name": "x", "moment": "2024-01-02T03:04:05.123456789Z"})
	cached := th.Time("moment")
	env.InvalidateAll()
	if stored := th.Time("moment"); !cached.Equal(stored) {
		t.Errorf("moment: cached %v, stored %v; want them equal", cached, stored)
	}
}

// Odoo: "Char: ” is stored as ”, False/None as NULL; reading NULL gives
// False"; "trim is applied only by the web client, never by the ORM".
func TestRuleCharEmptyAndTrim(t *testing.T) {
	env, m := rulesEnv(t)
	empty := m.Create(orm.Values{"name": ""})
	null := m.Create(orm.Values{"name": nil})
	spaced := m.Create(orm.Values{"name": "  padded  "})
	env.FlushAll()
	rows := sqlRows(env, `SELECT id, name IS NULL, coalesce(name, '<null>') FROM rules_rec WHERE id = ANY(%s) ORDER BY id`,
		[]int64{empty.ID(), null.ID(), spaced.ID()})
	if len(rows) != 3 || rows[0][1] != false || rows[0][2] != "" || rows[1][1] != true || rows[2][2] != "  padded  " {
		t.Fatalf("stored: got %v, want '' / NULL / '  padded  '", rows)
	}
	env.InvalidateAll()
	if got := null.Get("name"); got != nil {
		t.Errorf("NULL char reads %#v, want nil (False)", got)
	}
	if got := empty.Get("name"); got != "" {
		t.Errorf("'' char reads %#v, want ''", got)
	}
}

// Odoo: "Integer: writing False/None stores 0; never-set stays NULL; both read
// as 0" (also "Seen on a running Odoo 18": writing False to an Integer
// stores 0).
func TestRuleIntegerFalseStoresZero(t *testing.T) {
	env, m := rulesEnv(t)
	never := m.Create(orm.Values{"name": "never"})
	cleared := m.Create(orm.Values{"name": "cleared", "n": 5})
	cleared.Write(orm.Values{"n": nil})
	created := m.Create(orm.Values{"name": "created", "n": nil})
	env.FlushAll()
	rows := sqlRows(env, `SELECT id, n FROM rules_rec WHERE id = ANY(%s) ORDER BY id`,
		[]int64{never.ID(), cleared.ID(), created.ID()})
	if len(rows) != 3 || rows[0][1] != nil || rows[1][1] != int32(0) || rows[2][1] != int32(0) {
		t.Fatalf("stored n: got %v, want NULL, 0, 0", rows)
	}
	env.InvalidateAll()
	for _, r := range []orm.Recordset{never, cleared, created} {
		if got := r.Get("n"); got != int64(0) {
			t.Errorf("%s: n reads %#v, want 0", r.Str("name"), got)
		}
	}
}

// Odoo: "Float: value rounded HALF-UP to digits[1] when digits are set
// (2.49609375→2.5 with 2 digits); unset reads 0.0".
func TestRuleFloatDigits(t *testing.T) {
	env, m := rulesEnv(t)
	r := m.Create(orm.Values{"name": "x", "f": 2.49609375, "ratio": 2.49609375})
	other := m.Create(orm.Values{"name": "y"})
	env.InvalidateAll()
	if got := r.Float("f"); got != 2.5 {
		t.Errorf("f with 2 digits: got %v, want 2.5", got)
	}
	if got := r.Float("ratio"); got != 2.49609375 {
		t.Errorf("ratio without digits: got %v, want unrounded", got)
	}
	r.Write(orm.Values{"f": -1.005})
	if got := r.Float("f"); got != -1.01 {
		t.Errorf("f = -1.005: got %v, want -1.01 (half away from zero)", got)
	}
	if got := other.Get("f"); got != 0.0 {
		t.Errorf("unset float: got %#v, want 0.0", got)
	}
}

// Odoo: "Date accepts date, 'YYYY-MM-DD', 'YYYY-MM-DD HH:MM:SS' (time
// dropped), falsy; Datetime accepts datetime, date (→ midnight), both string
// formats".
func TestRuleDateInputs(t *testing.T) {
	env, m := rulesEnv(t)
	want := time.Date(2024, 5, 17, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		field string
		in    any
		want  time.Time
	}{
		{"d", "2024-05-17", want},
		{"d", "2024-05-17 13:45:00", want},
		{"d", time.Date(2024, 5, 17, 13, 45, 0, 0, time.UTC), want},
		{"dt", "2024-05-17", want},
		{"dt", "2024-05-17 13:45:00", want.Add(13*time.Hour + 45*time.Minute)},
		{"dt", want.Add(time.Hour), want.Add(time.Hour)},
	}
	for _, c := range cases {
		r := m.Create(orm.Values{"name": "x", c.field: c.in})
		env.InvalidateAll()
		if got := r.Time(c.field); !got.Equal(c.want) {
			t.Errorf("%s = %v: got %v, want %v", c.field, c.in, got, c.want)
		}
	}
	r := m.Create(orm.Values{"name": "x", "d": "2024-05-17", "dt": "2024-05-17 10:00:00"})
	r.Write(orm.Values{"d": nil, "dt": false})
	if r.Get("d") != nil || r.Get("dt") != nil {
		t.Errorf("falsy date/datetime: got %v %v, want nil", r.Get("d"), r.Get("dt"))
	}
}
