package orm_test

import (
	"context"
	"errors"
	"testing"

	"odsh/internal/testdb"
	"odsh/orm"
)

func TestCopy(t *testing.T) {
	env, m := things(t)
	tag := env.Model("test.tag").Create(orm.Values{"name": "t"})
	src := m.Create(orm.Values{"name": "Orig", "secret": "s3", "count": 3, "tag_ids": []any{orm.Command.Link(tag.ID())},
		"line_ids": []any{orm.Command.Create(orm.Values{"name": "l1"}), orm.Command.Create(orm.Values{"name": "l2"})},
		"note_ids": []any{orm.Command.Create(orm.Values{"name": "n"})}})
	cp := src.Copy(orm.Values{"name": "Copy"})
	if cp.ID() == src.ID() || cp.Str("name") != "Copy" || cp.Int("count") != 3 {
		t.Fatalf("copy: %v name=%q count=%d", cp, cp.Str("name"), cp.Int("count"))
	}
	if cp.Str("secret") != "" {
		t.Error("a copy=False field was copied")
	}
	if !cp.Rel("tag_ids").Equal(tag) {
		t.Error("many2many links are kept")
	}
	if got := names(cp.Rel("line_ids")); !sameStrings(got, []string{"l1", "l2"}) {
		t.Errorf("one2many marked copy: got %v", got)
	}
	if cp.Rel("line_ids").Intersect(src.Rel("line_ids")).Len() != 0 {
		t.Error("copied lines must be new records")
	}
	if cp.Rel("note_ids").Len() != 0 {
		t.Error("a one2many is not copied by default")
	}
	p := env.Model("res.partner").Create(orm.Values{"name": "Acme"})
	if got := p.Copy(nil).Str("name"); got != "Acme (copy)" {
		t.Errorf("res.partner copy name: got %q", got)
	}
}

func TestDefaults(t *testing.T) {
	env, m := things(t)
	got := m.DefaultGet("state", "weight", "name")
	if got["state"] != "draft" || got["weight"] != 7 {
		t.Fatalf("DefaultGet: got %v", got)
	}
	if _, ok := got["name"]; ok {
		t.Fatalf("a field without default must be left out: %v", got)
	}
	ctxm := m.WithContext(orm.Ctx{"default_state": "done", "default_name": "From context"})
	if d := ctxm.DefaultGet("state", "name"); d["state"] != "done" || d["name"] != "From context" {
		t.Fatalf("context defaults: %v", d)
	}
	rec := ctxm.Create(orm.Values{})
	if rec.Str("state") != "done" || rec.Str("name") != "From context" {
		t.Fatalf("create with context defaults: %q %q", rec.Str("state"), rec.Str("name"))
	}
	id, name := env.Model("res.partner").NameCreate("Quick")
	if id == 0 || name != "Quick" {
		t.Fatalf("NameCreate: %d %q", id, name)
	}
}

func TestEnvSwitching(t *testing.T) {
	env := testdb.Env(t)
	p := env.Model("res.partner").Create(orm.Values{"name": "X"})
	admin := env.Ref("base.user_admin")
	asAdmin := p.WithUser(admin)
	if asAdmin.Env().UID() != admin.ID() || asAdmin.Env().Su() {
		t.Fatalf("WithUser: uid %d su %v", asAdmin.Env().UID(), asAdmin.Env().Su())
	}
	if !asAdmin.Sudo().Env().Su() || !asAdmin.Equal(p) {
		t.Fatal("Sudo / equality across envs")
	}
	if got := p.WithUser("admin").Env().UID(); got != admin.ID() {
		t.Fatalf("WithUser(login): %d", got)
	}
	c := p.WithContext(orm.Ctx{"lang": "fr_FR"}).WithContext(orm.Ctx{"tz": "Europe/Brussels"}).Env().Context()
	if c["lang"] != "fr_FR" || c["tz"] != "Europe/Brussels" {
		t.Fatalf("WithContext merges: %v", c)
	}
	// every env of the transaction shares the cache
	asAdmin.Set("name", "Y")
	if p.Str("name") != "Y" {
		t.Fatal("cache not shared between envs")
	}
	if env.Company().Str("name") != "My Company" || env.Companies().Len() != 1 {
		t.Fatalf("company: %v", env.Company())
	}
	if got := env.WithCompany(env.Ref("base.main_company")).Company(); !got.Equal(env.Ref("base.main_company")) {
		t.Fatalf("WithCompany: %v", got)
	}
}

func TestCatchRollsBackToSavepoint(t *testing.T) {
	env, m := things(t)
	keep := m.Create(orm.Values{"name": "keep"})
	err := env.Catch(func() {
		m.Create(orm.Values{"name": "lost"})
		keep.Set("name", "changed")
		m.Create(orm.Values{"name": "dup", "code": "D"}, orm.Values{"name": "dup2", "code": "D"})
	})
	if err == nil {
		t.Fatal("no error from a unique violation")
	}
	if n := m.SearchCount("[('name', '=', 'lost')]"); n != 0 {
		t.Fatal("work inside the failed savepoint survived")
	}
	if keep.Str("name") != "keep" {
		t.Fatalf("name: %q", keep.Str("name"))
	}
	// the transaction goes on
	m.Create(orm.Values{"name": "after"})
	if n := m.SearchCount("[('name', 'in', ['keep', 'after'])]"); n != 2 {
		t.Fatalf("after the failure: %d", n)
	}
}

func TestRunCommitsOrRollsBack(t *testing.T) {
	dsn := testdb.PreparedDSN(t, coreAddon)
	reg := testdb.Registry(t, coreAddon)
	ctx := context.Background()
	conn, err := orm.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	tx, err := orm.Begin(ctx, conn, reg, orm.TxOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Close()
	env := tx.Env(orm.SuperuserID, nil)
	err = orm.Run(context.Background(), env, func(env *orm.Env) error {
		env.Model("test.tag").Create(orm.Values{"name": "run-rolled-back"})
		env.Model("test.tag").Create(orm.Values{"name": nil}) // required: panics
		return nil
	})
	var ve *orm.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("Run: got %v, want a ValidationError", err)
	}
	if n := env.Model("test.tag").SearchCount("[('name', '=', 'run-rolled-back')]"); n != 0 {
		t.Fatal("Run did not roll back")
	}
	err = orm.Run(context.Background(), env, func(env *orm.Env) error {
		env.Model("test.tag").Create(orm.Values{"name": "run-committed"})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	n := env.Model("test.tag").SearchCount("[('name', '=', 'run-committed')]")
	_ = orm.Run(context.Background(), env, func(env *orm.Env) error { // leave the shared database as it was
		env.Model("test.tag").Search("[('name', '=', 'run-committed')]").Unlink()
		return nil
	})
	if n != 1 {
		t.Fatal("Run did not commit")
	}
}

func TestSchemaAddsColumns(t *testing.T) {
	base := testdb.Registry(t, coreAddon)
	reg := orm.NewRegistry()
	if err := reg.AddAddons(base.Addons()...); err != nil {
		t.Fatal(err)
	}
	ext := orm.ModelDef{Inherit: []string{"test.tag"}, Fields: []*orm.FieldDef{orm.Integer("priority").Index(), orm.Char("name").Help("changed")}}
	if err := reg.Define(ext); err != nil {
		t.Fatal(err)
	}
	if err := reg.Setup(); err != nil {
		t.Fatal(err)
	}
	if f := reg.Model("test.tag").Field("name"); f.Help != "changed" || !f.Required {
		t.Fatalf("incremental redefinition: help %q required %v", f.Help, f.Required)
	}
	ctx := context.Background()
	conn, err := orm.Connect(ctx, testdb.PreparedDSN(t, coreAddon))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	tx, err := orm.Begin(ctx, conn, reg, orm.TxOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Close() // rolls the DDL back: the shared database stays as it was
	ran := tx.InitSchema()
	if len(ran) != 2 {
		t.Fatalf("InitSchema ran %v, want the new column and its index", ran)
	}
	env := tx.Env(orm.SuperuserID, nil)
	tag := env.Model("test.tag").Create(orm.Values{"name": "p", "priority": 3})
	env.InvalidateAll()
	if tag.Int("priority") != 3 {
		t.Fatal("new column not usable")
	}
	if again := tx.InitSchema(); len(again) != 0 {
		t.Fatalf("second InitSchema ran %v, want nothing", again)
	}
}
