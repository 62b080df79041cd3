package orm_test

import (
	"errors"
	"testing"

	"odsh/internal/testdb"
	"odsh/orm"
)

func TestCharRefusesNULAtWrite(t *testing.T) {
	env := testdb.Env(t, reviewAddon)
	a := reviewOrder(env, "a")
	for _, v := range []any{"x\x00y", []byte("x\x00y"), []byte("x\xffy")} {
		err := env.Catch(func() { a.Write(orm.Values{"name": v}) })
		var ve *orm.ValidationError
		if !errors.As(err, &ve) || ve.Field != "name" {
			t.Errorf("write %q: got %v, want a ValidationError naming review.order.name", v, err)
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
