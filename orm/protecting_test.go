package orm_test

import (
	"errors"
	"testing"

	"odsh/orm"
)

// Odoo: "env.protecting(fields, records) prevents recomputation of those
// fields on those records inside the block (nestable)".
func TestEnvProtecting(t *testing.T) {
	env := sweepEnv(t)
	deals := env.Model("test.sweep.deal")
	a := deals.Create(orm.Values{"name": "a", "qty": 2, "price": 10})
	b := deals.Create(orm.Values{"name": "b", "qty": 3, "price": 10})
	want := func(rec orm.Recordset, total int64) {
		t.Helper()
		if got := rec.Int("total"); got != total {
			t.Errorf("%s.total: got %d, want %d", rec.Str("name"), got, total)
		}
	}
	want(a, 20)
	want(b, 30)
	env.Protecting([]string{"total"}, a, func() {
		a.Write(orm.Values{"qty": 5})
		b.Write(orm.Values{"qty": 5})
		want(a, 20) // protected: not recomputed
		want(b, 50) // not protected
		env.Protecting([]string{"total"}, a, func() {
			a.Write(orm.Values{"price": 1})
		})
		a.Write(orm.Values{"qty": 6}) // still protected by the outer block
		env.FlushAll()
		want(a, 20)
		a.Write(orm.Values{"total": 7})
		env.FlushAll()
		want(a, 7)
	})
	if got := deals.Search("[('total', '=', 7)]"); got.Len() != 1 || got.ID() != a.ID() {
		t.Errorf("search total = 7: got %v, want %v", got, a)
	}
	a.Write(orm.Values{"qty": 4})
	want(a, 4) // protection over: 4 × 1

	// A panic inside ends the protection too.
	_ = env.Catch(func() {
		env.Protecting([]string{"total"}, b, func() { panic(&orm.UserError{}) })
	})
	b.Write(orm.Values{"qty": 1})
	want(b, 10)

	err := env.Catch(func() { env.Protecting([]string{"nope"}, a, func() {}) })
	var ve *orm.ValidationError
	if !errors.As(err, &ve) {
		t.Errorf("unknown field: got %v, want a ValidationError", err)
	}
}
