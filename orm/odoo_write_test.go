package orm_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"odsh/internal/testdb"
	"odsh/orm"
)

// odooWriteEnv returns a read-write superuser env on a copy of the Odoo
// database changed by setup (SQL), with the registry read after setup.
func odooWriteEnv(t *testing.T, name, setup string) (*orm.Env, string) {
	t.Helper()
	dsn := testdb.OdooCopy(t, name)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	t.Cleanup(cancel)
	conn, err := orm.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	if setup != "" {
		if _, err := conn.Exec(ctx, setup); err != nil {
			t.Fatal(err)
		}
	}
	reg, err := orm.LoadOdooRegistry(ctx, conn)
	if err != nil {
		t.Fatal(err)
	}
	tx, err := orm.Begin(ctx, conn, reg, orm.TxOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { tx.Close() })
	return tx.Env(orm.SuperuserID, nil), dsn
}

func TestOdooWrite(t *testing.T) {
	// res.partner.commercial_company_name is stored and computed in Odoo
	// from commercial_partner_id.is_company and .name; the demo database
	// does not record it (Odoo reflects depends of custom fields only).
	env, _ := odooWriteEnv(t, "odoo_write_test", `UPDATE ir_model_fields SET depends = 'commercial_partner_id.is_company,commercial_partner_id.name'
		WHERE model = 'res.partner' AND name = 'commercial_company_name'`)
	p := env.Model("res.partner").Browse(15)
	var ue *orm.UserError
	for _, tc := range []struct {
		name string
		f    func()
		want string
	}{
		{"stale", func() { p.Write(orm.Values{"name": "Azure"}) }, "res.partner.commercial_company_name"},
		{"computed", func() { p.Write(orm.Values{"same_vat_partner_id": 1}) }, "computed by Odoo's Python code"},
		{"create", func() { env.Model("res.partner").Create(orm.Values{"name": "x"}) }, "does not create"},
		{"unlink", func() { p.Unlink() }, "does not delete"},
	} {
		err := orm.Catch(tc.f)
		if !errors.As(err, &ue) || !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: got %v, want a one-line UserError containing %q", tc.name, err, tc.want)
		}
	}
	p.Write(orm.Values{"phone": "+1 555 0100"})
	env.Commit()
	got := env.Tx().QueryValues("SELECT phone FROM res_partner WHERE id = 15")[0][0]
	if got != "+1 555 0100" {
		t.Errorf("phone after commit: got %v", got)
	}
}

func TestOdooReadOnlySession(t *testing.T) {
	env := odooEnv(t, "")
	err := orm.Catch(func() { env.Model("res.partner").Browse(15).Write(orm.Values{"phone": "1"}) })
	if err == nil || !strings.Contains(err.Error(), "read-only") {
		t.Errorf("write in a read-only session: got %v", err)
	}
}
