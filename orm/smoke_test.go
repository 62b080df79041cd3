package orm_test

import (
	"testing"

	"odsh/internal/testdb"
	"odsh/orm"
)

func TestSmoke(t *testing.T) {
	env := testdb.Env(t)
	p := env.Model("res.partner").Create(orm.Values{"name": "Acme", "country_id": env.Ref("base.be").ID()})
	if got := p.Str("name"); got != "Acme" {
		t.Fatalf("name: got %q", got)
	}
	if got := p.Str("country_id.code"); got != "BE" {
		t.Fatalf("country code: got %q", got)
	}
	found := env.Model("res.partner").Search("[('name', '=', 'Acme')]")
	if !found.Equal(p) {
		t.Fatalf("search: got %v want %v", found, p)
	}
	if env.User().Str("login") != "__system__" {
		t.Fatalf("user: %v", env.User().Str("login"))
	}
}
