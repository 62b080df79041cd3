package orm_test

import (
	"testing"

	"odsh/internal/testdb"
	"odsh/orm"
)

// TestNameCreateWithoutRecName: name_create on a model without a rec name
// creates nothing and returns False (0, ""), as Odoo; a declared model
// with an x_name field gets it as its rec name, as Odoo's custom models.
func TestNameCreateWithoutRecName(t *testing.T) {
	env := privateEnv(t)
	env.Declare(orm.ModelDef{Name: "x.counter", Fields: []*orm.FieldDef{orm.Integer("x_value")}},
		orm.ModelDef{Name: "x.label", Fields: []*orm.FieldDef{orm.Char("x_name"), orm.Integer("x_value")}})
	var id int64
	var name string
	if err := env.Catch(func() { id, name = env.Model("x.counter").NameCreate("seven") }); err != nil || id != 0 || name != "" {
		t.Errorf("NameCreate without rec name: got (%d, %q, %v), want (0, \"\", nil)", id, name, err)
	}
	if n := env.Model("x.counter").SearchCount("[]"); n != 0 {
		t.Errorf("NameCreate without rec name created %d records, want 0", n)
	}
	labels := env.Model("x.label")
	if got := labels.Model().RecName; got != "x_name" {
		t.Errorf("rec name of a model with x_name: got %q, want %q", got, "x_name")
	}
	id, name = labels.NameCreate("Blue")
	if id == 0 || name != "Blue" || labels.Browse(id).Str("x_name") != "Blue" {
		t.Errorf("NameCreate with x_name: got (%d, %q), want a record named Blue", id, name)
	}
}

func TestCreateIgnoresReadonlyComputedValues(t *testing.T) {
	env := testdb.Env(t, coreAddon, reviewAddon)
	a := env.Model("test.thing").Create(orm.Values{"name": "a", "total": 99, "upper": "zz"})
	if a.Int("total") != 0 || a.Str("upper") != "A" {
		t.Errorf("create with values for read-only computed fields: got total %d, upper %q; want 0, %q", a.Int("total"), a.Str("upper"), "A")
	}
}

// Odoo: "Stored computed readonly fields ignore values passed to create;
// editable ones keep them" (Odoo protects only editable computed fields
// from the recomputation that follows the INSERT).
func TestRuleCreateReadonlyComputedIgnored(t *testing.T) {
	env, m := rulesEnv(t)
	r := m.Create(orm.Values{"name": "x", "n": 4, "double": 99, "label": "kept"})
	env.FlushAll()
	env.InvalidateAll()
	if got := r.Int("double"); got != 8 {
		t.Errorf("readonly stored computed given in create: got %d, want 8 (computed)", got)
	}
	if got := r.Str("label"); got != "kept" {
		t.Errorf("editable stored computed given in create: got %q, want kept", got)
	}
}

// Odoo: "create(vals | [vals]) returns records in order; create([]) returns
// empty"; "_origin of a real record is itself".
func TestRuleCreateOrderAndOrigin(t *testing.T) {
	env, m := rulesEnv(t)
	n := env.QueryCount()
	if got := m.Create(); got.Len() != 0 || env.QueryCount() != n {
		t.Errorf("Create(): got %v after %d queries, want empty and none", got, env.QueryCount()-n)
	}
	rs := m.Create(orm.Values{"name": "z"}, orm.Values{"name": "a"}, orm.Values{"name": "m"})
	if got := names(rs); !sameStrings(got, []string{"z", "a", "m"}) {
		t.Errorf("Create order: got %v", got)
	}
	if !rs.Origin().Equal(rs) {
		t.Errorf("Origin of real records: got %v", rs.Origin())
	}
}
