package orm_test

import (
	"testing"

	"odsh/internal/testdb"
	"odsh/orm"
)

func TestWritesThroughTwoEnvsShareTheCache(t *testing.T) {
	env := testdb.Env(t, reviewAddon)
	a := reviewOrder(env, "a", 1)
	u := a.WithUser(2).Sudo()
	a.Write(orm.Values{"name": "su"})
	u.Write(orm.Values{"name": "user"})
	if a.Str("name") != "user" {
		t.Errorf("got %q", a.Str("name"))
	}
	env.FlushAll()
	env.InvalidateAll()
	if a.Str("name") != "user" || a.Str("upper") != "USER" {
		t.Errorf("got %q %q", a.Str("name"), a.Str("upper"))
	}
}
