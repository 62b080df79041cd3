package orm_test

import (
	"testing"

	"odsh/internal/testdb"
	"odsh/orm"
)

func inheritEnv(t *testing.T) *orm.Env {
	t.Helper()
	return testdb.Env(t, testInherit, testInheritExt)
}

// TestSpecInheritance is the spec's classical inheritance example.
func TestSpecInheritance(t *testing.T) {
	env := inheritEnv(t)
	a := env.Model("inheritance.0").Create(orm.Values{"name": "A"})
	b := env.Model("inheritance.1").Create(orm.Values{"name": "B"})
	if got, want := a.Call("call"), "This is model 0 record A"; got != want {
		t.Errorf("a.call(): got %q, want %q", got, want)
	}
	if got, want := b.Call("call"), "This is model 1 record B"; got != want {
		t.Errorf("b.call(): got %q, want %q", got, want)
	}
	if got, want := env.Model("inheritance.1").Model().Table, "inheritance_1"; got != want {
		t.Errorf("table: got %q, want %q", got, want)
	}
}

// TestSpecExtension is the spec's extension example: a field added by an
// extension in another addon, with its default.
func TestSpecExtension(t *testing.T) {
	env := inheritEnv(t)
	rec := env.Model("extension.0").Create(orm.Values{})
	if got := rec.Str("name"); got != "A" {
		t.Errorf("name: got %q, want %q", got, "A")
	}
	if got := rec.Str("description"); got != "Extended" {
		t.Errorf("description: got %q, want %q", got, "Extended")
	}
}

// TestSpecDelegation is the spec's delegation example.
func TestSpecDelegation(t *testing.T) {
	env := inheritEnv(t)
	c0 := env.Model("delegation.child0").Create(orm.Values{"field_0": 0})
	c1 := env.Model("delegation.child1").Create(orm.Values{"field_1": 1})
	rec := env.Model("delegation.parent").Create(orm.Values{"child0_id": c0.ID(), "child1_id": c1.ID()})
	if rec.Int("field_0") != 0 || rec.Int("field_1") != 1 {
		t.Fatalf("fields: got %d, %d, want 0, 1", rec.Int("field_0"), rec.Int("field_1"))
	}
	rec.Write(orm.Values{"field_1": 4})
	if got := c1.Int("field_1"); got != 4 {
		t.Errorf("child1.field_1 after write-through: got %d, want 4", got)
	}
	if got := rec.Int("field_1"); got != 4 {
		t.Errorf("record.field_1: got %d, want 4", got)
	}
	env.InvalidateAll()
	if got := rec.Search("[('field_1', '=', 4)]"); !got.Equal(rec) {
		t.Errorf("search on a delegated field: got %v, want %v", got, rec)
	}
	if rec.Model().HasMethod("call") {
		t.Errorf("methods must not be delegated")
	}
}

func TestDelegationCreatesParents(t *testing.T) {
	env := inheritEnv(t)
	p := env.Model("test.pallet").Create(orm.Values{"name": "P", "field_in_box": "fb", "field_in_pallet": "fp"})
	box := p.Rel("box_id")
	unit := box.Rel("unit_id")
	if box.Len() != 1 || unit.Len() != 1 {
		t.Fatalf("parents: got box %v unit %v, want one of each", box, unit)
	}
	if unit.Str("name") != "P" || box.Str("field_in_box") != "fb" || p.Str("name") != "P" {
		t.Errorf("values: unit.name %q box.field_in_box %q pallet.name %q", unit.Str("name"), box.Str("field_in_box"), p.Str("name"))
	}
	// box.size shadows unit.size: the pallet sees the box's
	if p.Int("size") != 10 || unit.Int("size") != 1 {
		t.Errorf("size: pallet %d unit %d, want 10 and 1", p.Int("size"), unit.Int("size"))
	}
	if got := unit.Str("color"); got != "grey" {
		t.Errorf("the unit's create override: color %q, want grey", got)
	}
	p.Write(orm.Values{"name": "Q"})
	if got := unit.Str("name"); got != "Q" {
		t.Errorf("write through two levels: got %q, want Q", got)
	}
	if got := env.Model("test.pallet").Search("[('name', '=', 'Q')]"); !got.Equal(p) {
		t.Errorf("search through two levels: got %v, want %v", got, p)
	}
	f := p.Model().Field("box_id")
	if !f.Required || !f.Delegate || !f.AutoJoin || f.Ondelete != "cascade" {
		t.Errorf("link: required %v delegate %v auto_join %v ondelete %q", f.Required, f.Delegate, f.AutoJoin, f.Ondelete)
	}
	if got := p.Model().Inherits["test.box"]; got != "box_id" {
		t.Errorf("Delegate() adds to Inherits: got %q", got)
	}
}

func TestDelegationExistingParentKeepsItsValues(t *testing.T) {
	env := inheritEnv(t)
	unit := env.Model("test.unit").Create(orm.Values{"name": "U", "size": 3})
	box := env.Model("test.box").WithContext(orm.Ctx{"default_name": "ctx"}).Create(orm.Values{"unit_id": unit.ID()})
	if got := unit.Str("name"); got != "U" {
		t.Errorf("an existing parent gets no context default: name %q, want U", got)
	}
	box2 := env.Model("test.box").Create(orm.Values{"unit_id": unit.ID(), "name": "V"})
	if unit.Str("name") != "V" || box.Str("name") != "V" || box2.Int("unit_id.size") != 3 {
		t.Errorf("values given with an existing parent are written to it: %q", unit.Str("name"))
	}
	if got := env.Model("test.box").DefaultGet("size", "name"); got["size"] != int64(10) && got["size"] != 10 {
		t.Errorf("default_get: got %v", got)
	}
	cp := box.Copy(nil)
	if cp.Rel("unit_id").Equal(unit) || cp.Str("name") != "V" {
		t.Errorf("copy makes a new parent with the same values: %v %q", cp.Rel("unit_id"), cp.Str("name"))
	}
}

// TestExtendParentVisibleInChild follows Odoo's test_inherit: an extension
// of a parent made after a model copied it is visible in that model.
func TestExtendParentVisibleInChild(t *testing.T) {
	env := inheritEnv(t)
	if got := env.Model("test.inherit.child").Call("stuff"); got != "P1P2C1" {
		t.Errorf("child.stuff(): got %q, want P1P2C1", got)
	}
	m := env.Model("test.inherit.child").Model()
	if m.Field("foo") == nil || m.Field("bar") == nil || env.Model("test.inherit.parent").Model().Field("bar") != nil {
		t.Errorf("fields: child has foo and bar, parent has no bar")
	}
	if len(m.SQLConstraints) != 1 || m.Table != "test_inherit_child" || !env.Model("test.inherit.parent").Model().Abstract {
		t.Errorf("attributes: %d sql constraints, table %q", len(m.SQLConstraints), m.Table)
	}
	b := env.Model("inheritance.1").Create(orm.Values{"name": "B"})
	b.Call("action_confirm")
	if got := b.Str("name"); got != "B (confirmed)" {
		t.Errorf("a method added to the parent later: got %q", got)
	}
}

// TestIncrementalFieldDefinition is the spec's "state" example: the
// extension changes only the help.
func TestIncrementalFieldDefinition(t *testing.T) {
	env := inheritEnv(t)
	m := env.Model("test.foo").Model()
	f := m.Field("state")
	if f.Help != "Blah blah blah" || !f.Required || f.Label != "State" || len(f.Selection) != 2 || f.Default != "a" {
		t.Errorf("state: help %q required %v label %q selection %v default %v", f.Help, f.Required, f.Label, f.Selection, f.Default)
	}
	if m.Order != "name desc" {
		t.Errorf("_order from the extension: got %q", m.Order)
	}
	env.Model("test.foo").Create(orm.Values{"name": "a"}, orm.Values{"name": "b"})
	if got := env.Model("test.foo").Search(nil).Records(); len(got) != 2 || got[0].Str("name") != "b" {
		t.Errorf("search order: got %v", got)
	}
}

func TestMixins(t *testing.T) {
	env := inheritEnv(t)
	m := env.Model("test.mixed")
	rec := m.Create(orm.Values{"a": "x", "b": "y"})
	if rec.Str("a") != "x" || rec.Str("b") != "y" || rec.Str("shared") != "from a" {
		t.Errorf("mixins: a %q b %q shared %q (the first parent wins)", rec.Str("a"), rec.Str("b"), rec.Str("shared"))
	}
	if env.Model("test.mixin.a").Model().HasTable() {
		t.Errorf("an abstract model has no table")
	}
	err := env.Catch(func() { env.Model("test.mixin.a").Create(orm.Values{"a": "x"}) })
	if _, ok := err.(*orm.UserError); !ok {
		t.Errorf("creating an abstract record: got %v, want a UserError", err)
	}
}

func TestOverrideDisplayNameAndCreate(t *testing.T) {
	env := inheritEnv(t)
	u := env.Model("test.unit").Create(orm.Values{"name": "U"})
	if got := u.DisplayName(); got != "[grey] U" {
		t.Errorf("display_name: got %q", got)
	}
	err := env.Catch(func() { u.Call("no_such_method") })
	if _, ok := err.(*orm.UserError); !ok {
		t.Errorf("unknown method: got %v, want a UserError", err)
	}
}

// TestUsersDelegateToPartners: res.users _inherits res.partner.
func TestUsersDelegateToPartners(t *testing.T) {
	env := inheritEnv(t)
	u := env.Model("res.users").Create(orm.Values{"login": "jdoe", "name": "John Doe", "email": "jd@example.com"})
	p := u.Rel("partner_id")
	if p.Len() != 1 || p.Str("name") != "John Doe" || p.Str("email") != "jd@example.com" {
		t.Fatalf("partner: %v name %q email %q", p, p.Str("name"), p.Str("email"))
	}
	u.Write(orm.Values{"email": "john@example.com"})
	if got := p.Str("email"); got != "john@example.com" {
		t.Errorf("write-through: partner email %q", got)
	}
	if got := env.Model("res.users").Search("[('email', '=', 'john@example.com')]"); !got.Equal(u) {
		t.Errorf("search users by partner email: got %v", got)
	}
	if got := u.DisplayName(); got != "John Doe" {
		t.Errorf("display name: got %q", got)
	}
	if got := env.Model("res.users").Create(orm.Values{"login": "solo"}).Str("name"); got != "solo" {
		t.Errorf("a user without name is named after its login: got %q", got)
	}
	if got := env.Ref("base.user_admin").Str("partner_id.name"); got == "" || env.Ref("base.user_admin").Str("name") != got {
		t.Errorf("admin's name comes from its partner: %q", got)
	}
	if env.Model("res.users").Model().Field("name").InheritedFrom == nil {
		t.Errorf("res.users.name is not inherited from res.partner")
	}
}

func TestDelegatedWritesRecomputeChild(t *testing.T) {
	env := testdb.Env(t, coreAddon, reviewAddon)
	c := env.Model("review.child").Create(orm.Values{"name": "n", "size": 3})
	if got := c.Str("label"); got != "n#3" {
		t.Fatalf("label %q", got)
	}
	c.Write(orm.Values{"name": "m"})
	if got := c.Str("label"); got != "m#3" {
		t.Errorf("label after child write %q", got)
	}
	c.Rel("base_id").Write(orm.Values{"size": 4})
	if got := c.Str("label"); got != "m#4" {
		t.Errorf("label after base write %q", got)
	}
	if got := c.Str("base_name"); got != "m" {
		t.Errorf("base_name %q", got)
	}
	c.Rel("base_id").Write(orm.Values{"name": "z"})
	if got := c.Str("base_name"); got != "z" {
		t.Errorf("base_name after base write %q", got)
	}
	env.FlushAll()
	rows := env.Tx().QueryValues("SELECT label, base_name FROM review_child WHERE id=$1", c.ID())
	if rows[0][0] != "z#4" || rows[0][1] != "z" {
		t.Errorf("db %v", rows[0])
	}
}
