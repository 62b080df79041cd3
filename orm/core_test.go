package orm_test

import (
	"errors"
	"testing"
	"time"

	"odsh/internal/testdb"
	"odsh/orm"
)

func things(t *testing.T) (*orm.Env, orm.Recordset) {
	t.Helper()
	env := testdb.Env(t, coreAddon)
	return env, env.Model("test.thing")
}

func TestFieldTypesRoundTrip(t *testing.T) {
	env, m := things(t)
	day := time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC)
	moment := time.Date(2024, 2, 29, 13, 14, 15, 0, time.FixedZone("CET", 3600))
	rec := m.Create(orm.Values{
		"name": "Widget", "code": "ABCDEFG", "flag": true, "count": 42, "ratio": 0.5,
		"price": 2.675, "amount": 10.25, "note": "line1\nline2", "body": "<p>hi</p>",
		"state": "done", "day": "2024-02-29", "moment": moment, "blob": []byte{0, 1, 2},
	})
	env.FlushAll()
	env.InvalidateAll() // read back from the database
	cases := []struct {
		field string
		want  any
	}{
		{"name", "Widget"},
		{"code", "ABCD"}, // size truncates, no error
		{"flag", true},
		{"count", int64(42)},
		{"ratio", 0.5},
		{"price", 2.68}, // rounded half up to 2 digits
		{"amount", 10.25},
		{"note", "line1\nline2"},
		{"body", "<p>hi</p>"},
		{"state", "done"},
		{"day", day},
		{"moment", time.Date(2024, 2, 29, 12, 14, 15, 0, time.UTC)}, // stored as UTC
		{"weight", int64(7)}, // functional default
	}
	for _, c := range cases {
		t.Run(c.field, func(t *testing.T) {
			got := rec.Get(c.field)
			if tm, ok := c.want.(time.Time); ok {
				if g, ok := got.(time.Time); !ok || !g.Equal(tm) {
					t.Fatalf("got %v, want %v", got, c.want)
				}
				return
			}
			if got != c.want {
				t.Fatalf("got %#v, want %#v", got, c.want)
			}
		})
	}
	if b := rec.Get("blob").([]byte); len(b) != 3 || b[2] != 2 {
		t.Errorf("blob: got %v", b)
	}
}

func TestEmptyValues(t *testing.T) {
	env, m := things(t)
	rec := m.Create(orm.Values{"name": "x", "state": nil})
	env.InvalidateAll()
	for field, want := range map[string]any{
		"flag": false, "count": int64(0), "ratio": 0.0, "code": nil, "note": nil,
		"state": nil, "day": nil, "moment": nil, "blob": nil,
	} {
		if got := rec.Get(field); got != want {
			t.Errorf("%s: got %#v, want %#v", field, got, want)
		}
	}
	if p := rec.Get("partner_id").(orm.Recordset); p.Len() != 0 || p.ModelName() != "res.partner" {
		t.Errorf("empty many2one: got %v", p)
	}
	// chaining through an empty many2one never fails
	if got := rec.Get("partner_id.country_id.code"); got != nil {
		t.Errorf("partner_id.country_id.code: got %#v, want nil", got)
	}
	if got := rec.Rel("tag_ids"); got.Len() != 0 {
		t.Errorf("tag_ids: got %v", got)
	}
}

// wantValidation asserts err is a ValidationError naming model and field.
func wantValidation(t *testing.T, err error, model, field string) *orm.ValidationError {
	t.Helper()
	var ve *orm.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("got %v (%T), want a ValidationError", err, err)
	}
	if ve.Model != model || ve.Field != field {
		t.Fatalf("got %v naming %s.%s, want %s.%s", err, ve.Model, ve.Field, model, field)
	}
	return ve
}

func TestBadValues(t *testing.T) {
	env, m := things(t)
	rec := m.Create(orm.Values{"name": "Keep"})
	cases := []struct {
		name  string
		field string
		value any
	}{
		{"string into integer", "count", "12"},
		{"impossible date", "day", "31/02/2024"},
		{"invalid date", "day", "2024-02-31"},
		{"unknown selection key", "state", "archived"},
		{"list into many2one", "partner_id", []any{1, 2}},
		{"float into boolean", "flag", 1.5},
		{"struct into char", "name", struct{}{}},
		{"bad datetime", "moment", "yesterday"},
		{"unknown field", "nmae", "x"},
		{"bad command", "tag_ids", []any{[]any{9, 0, 0}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sent := -1
			err := env.Catch(func() {
				before := env.QueryCount()
				defer func() { sent = env.QueryCount() - before }()
				rec.Write(orm.Values{c.field: c.value})
			})
			ve := wantValidation(t, err, "test.thing", c.field)
			if sent != 0 {
				t.Errorf("%d statements sent before the value was refused, want 0", sent)
			}
			if c.field != "nmae" && c.field != "tag_ids" && (!ve.HasValue || ve.Value == nil) {
				t.Errorf("error does not carry the value: %v", err)
			}
			if got := rec.Str("name"); got != "Keep" {
				t.Errorf("name after failed write: got %q", got)
			}
		})
		t.Run("create/"+c.name, func(t *testing.T) {
			n := m.SearchCount(nil)
			err := env.Catch(func() { m.Create(orm.Values{"name": "New"}, orm.Values{"name": "Bad", c.field: c.value}) })
			wantValidation(t, err, "test.thing", c.field)
			if got := m.SearchCount(nil); got != n {
				t.Errorf("a failing batch create left rows: %d before, %d after", n, got)
			}
		})
	}
}

func TestUnknownFieldInPath(t *testing.T) {
	env, m := things(t)
	rec := m.Create(orm.Values{"name": "x"})
	err := env.Catch(func() { rec.Get("partner_id.nmae") })
	ve := wantValidation(t, err, "res.partner", "nmae")
	if ve.Msg == "" {
		t.Fatal("empty message")
	}
	err = env.Catch(func() { rec.Get("name.foo") })
	wantValidation(t, err, "test.thing", "name")
	err = env.Catch(func() { env.Model("res.partnr") })
	var ve2 *orm.ValidationError
	if !errors.As(err, &ve2) || ve2.Model != "res.partnr" {
		t.Fatalf("unknown model: got %v", err)
	}
}

func TestMissingRequired(t *testing.T) {
	_, m := things(t)
	n := m.SearchCount(nil)
	err := m.Env().Catch(func() { m.Create(orm.Values{"name": "ok"}, orm.Values{"count": 1}) })
	wantValidation(t, err, "test.thing", "name")
	if got := m.SearchCount(nil); got != n {
		t.Fatalf("rows created: %d → %d", n, got)
	}
	rec := m.Create(orm.Values{"name": "ok"})
	err = rec.Env().Catch(func() { rec.Write(orm.Values{"name": nil}) })
	wantValidation(t, err, "test.thing", "name")
	if rec.Str("name") != "ok" {
		t.Fatalf("name changed: %q", rec.Str("name"))
	}
}

func TestEnsureOne(t *testing.T) {
	_, m := things(t)
	two := m.Create(orm.Values{"name": "a"}, orm.Values{"name": "b"})
	for _, rs := range []orm.Recordset{m, two} {
		err := rs.Env().Catch(func() { rs.EnsureOne() })
		wantValidation(t, err, "test.thing", "")
	}
	err := two.Env().Catch(func() { two.Get("name") })
	wantValidation(t, err, "test.thing", "name")
	if got := two.At(1).EnsureOne().Str("name"); got != "b" {
		t.Fatalf("got %q", got)
	}
}

func TestWriteDeletedRecord(t *testing.T) {
	env, m := things(t)
	rec := m.Create(orm.Values{"name": "gone"})
	id := rec.ID()
	rec.Unlink()
	ghost := m.Browse(id)
	err := env.Catch(func() { ghost.Write(orm.Values{"name": "x"}) })
	var me *orm.MissingError
	if !errors.As(err, &me) || me.Model != "test.thing" || len(me.IDs) != 1 || me.IDs[0] != id {
		t.Fatalf("got %v, want a MissingError naming test.thing(%d)", err, id)
	}
	err = env.Catch(func() { ghost.Get("name") })
	if !errors.As(err, &me) {
		t.Fatalf("read of a deleted record: got %v, want MissingError", err)
	}
	if ghost.Exists().Len() != 0 {
		t.Fatal("Exists kept a deleted record")
	}
	// a browse of an id that never existed
	err = env.Catch(func() { env.Model("test.thing").Browse(999999).Write(orm.Values{"name": "x"}) })
	if !errors.As(err, &me) {
		t.Fatalf("write to a never-existing id: got %v", err)
	}
}

func TestUnlinkOndelete(t *testing.T) {
	env, m := things(t)
	country := env.Model("res.country").Create(orm.Values{"name": "Atlantis", "code": "XA"})
	partner := env.Model("res.partner").Create(orm.Values{"name": "P"})
	rec := m.Create(orm.Values{"name": "T", "country_id": country.ID(), "partner_id": partner.ID(),
		"line_ids": []any{orm.Command.Create(orm.Values{"name": "l1"})}})
	line := rec.Rel("line_ids")

	// restrict: refused, naming the model that still refers to it
	err := env.Catch(func() { country.Unlink() })
	var ue *orm.UserError
	if !errors.As(err, &ue) || ue.Model != "res.country" {
		t.Fatalf("restrict: got %v, want a UserError about res.country", err)
	}
	if want := "test.thing.country_id"; !contains(err.Error(), want) {
		t.Fatalf("restrict error %q does not name %s", err, want)
	}
	if country.Exists().Len() != 1 {
		t.Fatal("restricted record was deleted")
	}
	// set null
	partner.Unlink()
	if rec.Rel("partner_id").Len() != 0 {
		t.Fatal("set null: partner_id still set")
	}
	// cascade
	rec.Unlink()
	if line.Exists().Len() != 0 {
		t.Fatal("cascade: line survived")
	}
}

func contains(s, sub string) bool {
	return len(sub) == 0 || (len(s) >= len(sub) && indexOf(s, sub) >= 0)
}

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

func TestSQLConstraintMessage(t *testing.T) {
	_, m := things(t)
	m.Create(orm.Values{"name": "a", "code": "X1"})
	err := m.Env().Catch(func() { m.Create(orm.Values{"name": "b", "code": "X1"}) })
	var ve *orm.ValidationError
	if !errors.As(err, &ve) || ve.Model != "test.thing" || ve.Msg != "the code must be unique" {
		t.Fatalf("got %v, want the constraint's message", err)
	}
	if n := m.SearchCount("[('code', '=', 'X1')]"); n != 1 {
		t.Fatalf("after the violation: %d rows with code X1", n)
	}
}
