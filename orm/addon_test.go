package orm_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"odsh/addons/base"
	"odsh/internal/testdb"
	"odsh/orm"
)

func TestOrderAddons(t *testing.T) {
	a := &orm.Addon{Name: "a", Depends: []string{"base"}}
	b := &orm.Addon{Name: "b", Depends: []string{"c", "a"}}
	c := &orm.Addon{Name: "c", Depends: []string{"a"}}
	all := []*orm.Addon{base.Addon, a, b, c}
	got, err := orm.OrderAddons(all, "b")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, x := range got {
		names = append(names, x.Name)
	}
	if strings.Join(names, ",") != "base,a,c,b" {
		t.Errorf("order: got %v, want base,a,c,b", names)
	}
	cases := []struct {
		name string
		all  []*orm.Addon
		want string
	}{
		{"unknown", all, `unknown addon "zz"`},
		{"unknown dependency", []*orm.Addon{{Name: "zz", Depends: []string{"nope"}}}, `addon "zz" depends on unknown addon "nope"`},
		{"cycle", []*orm.Addon{{Name: "zz", Depends: []string{"yy"}}, {Name: "yy", Depends: []string{"zz"}}}, "dependency cycle"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := orm.OrderAddons(c.all, "zz")
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got %v, want an error containing %q", err, c.want)
			}
		})
	}
}

// dataAddon is an addon with one model and a CSV file, one row noupdate.
func dataAddon(csv string, models ...orm.ModelDef) *orm.Addon {
	if len(models) == 0 {
		models = []orm.ModelDef{{Name: "t.item", Fields: []*orm.FieldDef{orm.Char("name").Required(), orm.Integer("qty")}}}
	}
	return &orm.Addon{
		Name: "t_data", Models: models,
		FS: fstest.MapFS{"data/t.item.csv": {Data: []byte(csv)}, "data/fixed.csv": {Data: []byte("id,name,qty\nfixed,Fixed,1\n")}},
		Data: []orm.DataFile{
			{Path: "data/fixed.csv", Model: "t.item", NoUpdate: true},
			{Path: "data/t.item.csv"},
		},
	}
}

// installOn installs addons on dsn in one committed transaction and
// returns the error, if any.
func installOn(t *testing.T, dsn string, addons ...*orm.Addon) error {
	t.Helper()
	reg, err := orm.NewRegistryFrom(append([]*orm.Addon{base.Addon}, addons...))
	if err != nil {
		return err
	}
	return testdb.Install(dsn, reg)
}

// readEnv returns an env to look at dsn with the given addons' models.
func readEnv(t *testing.T, dsn string, addons ...*orm.Addon) *orm.Env {
	t.Helper()
	reg, err := orm.NewRegistryFrom(append([]*orm.Addon{base.Addon}, addons...))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	conn, err := orm.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	tx, err := orm.Begin(ctx, conn, reg, orm.TxOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { tx.Close(); conn.Close(context.Background()); cancel() })
	return tx.Env(orm.SuperuserID, nil)
}

func TestInstallUpgradeNoupdateAndReflection(t *testing.T) {
	dsn := testdb.CreateDatabase(t, fmt.Sprintf("odsh_test_%d_install", os.Getpid()), "")
	v1 := dataAddon("id,name,qty\none,One,1\ntwo,Two,2\n")
	if err := installOn(t, dsn, v1); err != nil {
		t.Fatal(err)
	}
	// an upgrade: a changed row, a new row, and a change of the noupdate row
	v2 := dataAddon("id,name,qty\none,One,10\ntwo,Two,2\nthree,Three,3\nfixed,Changed,9\n",
		orm.ModelDef{Name: "t.item", Fields: []*orm.FieldDef{orm.Char("name").Required(), orm.Integer("qty"), orm.Char("note")}})
	if err := installOn(t, dsn, v2); err != nil {
		t.Fatal(err)
	}
	env := readEnv(t, dsn, v2)
	if got := env.Ref("t_data.one").Int("qty"); got != 10 {
		t.Errorf("updated row: qty %d, want 10", got)
	}
	if got := env.Ref("t_data.three").Str("name"); got != "Three" {
		t.Errorf("new row: name %q", got)
	}
	if got := env.Ref("t_data.fixed").Str("name"); got != "Fixed" {
		t.Errorf("noupdate row: name %q, want Fixed", got)
	}
	f := env.Model("ir.model.fields").Search("[('model', '=', 't.item'), ('name', '=', 'note')]")
	if f.Len() != 1 || f.Str("ttype") != "char" || f.Rel("model_id").Str("model") != "t.item" {
		t.Errorf("reflection of the upgraded model: %v %q", f, f.Str("ttype"))
	}
	users := env.Model("ir.model.fields").Search("[('model', '=', 'res.users'), ('name', '=', 'partner_id')]")
	if !users.Bool("required") || users.Str("relation") != "res.partner" || users.Str("on_delete") != "restrict" {
		t.Errorf("res.users.partner_id reflected: required %v relation %q", users.Bool("required"), users.Str("relation"))
	}
	if got := env.Model("ir.model").Search("[('model', '=', 'connector.backend')]").Len(); got != 0 {
		t.Errorf("ir.model reflects only the registry's models: got %d rows for an uninstalled model", got)
	}
}

// TestInstallFailsWhole: an addon whose data fails leaves nothing behind.
func TestInstallFailsWhole(t *testing.T) {
	dsn := testdb.CreateDatabase(t, fmt.Sprintf("odsh_test_%d_badinstall", os.Getpid()), "")
	bad := dataAddon("id,name,qty\none,,1\n") // name is required
	err := installOn(t, dsn, bad)
	if err == nil || !strings.Contains(err.Error(), "name") {
		t.Fatalf("got %v, want an error about the missing name", err)
	}
	env := readEnv(t, dsn)
	rows := env.Tx().QueryValues("SELECT count(*) FROM pg_class WHERE relname IN ('t_item', 'res_partner')")
	if n := rows[0][0]; n != int64(0) {
		t.Errorf("%d tables exist after a failed installation", n)
	}
}

// TestInstallUpgradeRemovesObsoleteAccessLines: an upgrade deletes the
// access lines an addon's earlier data created and its files no longer
// list (removed or renamed), as Odoo deletes a module's obsolete records:
// they would keep granting rights the addon no longer grants.
func TestInstallUpgradeRemovesObsoleteAccessLines(t *testing.T) {
	dsn := testdb.CreateDatabase(t, fmt.Sprintf("odsh_test_%d_obsolete", os.Getpid()), "")
	item := orm.ModelDef{Name: "t.item", Fields: []*orm.FieldDef{orm.Char("name")}}
	version := func(lines string) *orm.Addon {
		return &orm.Addon{Name: "t_acl", Depends: []string{"base"}, Models: []orm.ModelDef{item},
			FS: fstest.MapFS{"data/ir.model.access.csv": {Data: []byte(
				"id,name,model_id:id,group_id:id,perm_read,perm_write,perm_create,perm_unlink\n" + lines)}},
			Data: []orm.DataFile{{Path: "data/ir.model.access.csv"}}}
	}
	v1 := version("access_item_all,item all,model_t_item,,True,False,False,False\n" +
		"access_item_user,item user,model_t_item,base.group_user,True,True,False,False\n")
	if err := installOn(t, dsn, v1); err != nil {
		t.Fatal(err)
	}
	v2 := version("access_item_employee,item employee,model_t_item,base.group_user,True,False,False,False\n")
	if err := installOn(t, dsn, v2); err != nil {
		t.Fatal(err)
	}
	env := readEnv(t, dsn, v2)
	var names []string
	for _, r := range env.Model("ir.model.access").Search("[('model_id.model', '=', 't.item')]", orm.Order("name")).Records() {
		names = append(names, r.Str("name"))
	}
	if got := strings.Join(names, ","); got != "item employee" {
		t.Errorf("access lines of t.item after the upgrade: got %q, want only \"item employee\"", got)
	}
	for _, gone := range []string{"t_acl.access_item_all", "t_acl.access_item_user"} {
		if _, ok := env.RefOK(gone); ok {
			t.Errorf("%s still has an external id", gone)
		}
	}
}
