package orm_test

import (
	"strings"
	"testing"

	"odsh/internal/testdb"
	"odsh/orm"
)

// affix returns a compute that sets field to the record's name with a
// prefix: two closures of it share their code, not their field. (Not
// inlined: inlined, each call would make a closure with code of its own.)
//
//go:noinline
func affix(field, prefix string) orm.ComputeFunc {
	return func(rs orm.Recordset) {
		for _, r := range rs.Records() {
			r.Set(field, prefix+r.Str("name"))
		}
	}
}

// computeBoth assigns two fields in one call, as one Odoo method
// computing several fields does.
func computeBoth(rs orm.Recordset) {
	for _, r := range rs.Records() {
		r.Set("low", strings.ToLower(r.Str("name")))
		r.Set("up", strings.ToUpper(r.Str("name")))
	}
}

var computeGroupAddon = &orm.Addon{
	Name:    "test_compute_group",
	Depends: []string{"base"},
	Models: []orm.ModelDef{{
		Name: "test.affix",
		Fields: []*orm.FieldDef{
			orm.Char("name"),
			orm.Char("mr").Store().Compute(affix("mr", "Mr "), "name"),
			orm.Char("dr").Store().Compute(affix("dr", "Dr "), "name"),
			orm.Char("low").Store().Compute(computeBoth, "name"),
			orm.Char("up").Store().Compute(computeBoth, "name"),
		},
	}},
}

// TestComputeGroupsBySameFunction: fields are computed together only when
// they share the compute function itself (as Odoo groups by method), not
// closures that merely share code: each closure assigns its own field.
func TestComputeGroupsBySameFunction(t *testing.T) {
	env := testdb.Env(t, computeGroupAddon)
	r := env.Model("test.affix").Create(orm.Values{"name": "Ada"})
	if got := r.Str("mr") + "|" + r.Str("dr"); got != "Mr Ada|Dr Ada" {
		t.Errorf("closures of one factory: got %q, want %q", got, "Mr Ada|Dr Ada")
	}
	if got := r.Str("low") + "|" + r.Str("up"); got != "ada|ADA" {
		t.Errorf("one function, two fields: got %q, want %q", got, "ada|ADA")
	}
	env.FlushAll()
	env.InvalidateAll()
	r.Write(orm.Values{"name": "Bo"})
	env.FlushAll()
	env.InvalidateAll()
	if got := r.Str("mr") + "|" + r.Str("dr") + "|" + r.Str("low") + "|" + r.Str("up"); got != "Mr Bo|Dr Bo|bo|BO" {
		t.Errorf("after a write: got %q", got)
	}
}
