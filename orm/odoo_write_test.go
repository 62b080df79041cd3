package orm_test

import (
	"context"
	"errors"
	"fmt"
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
	tx.SetShared(true) // subtests (t.Run) use it from goroutines of their own, one at a time
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
		err := env.Catch(tc.f)
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
	err := env.Catch(func() { env.Model("res.partner").Browse(15).Write(orm.Values{"phone": "1"}) })
	if err == nil || !strings.Contains(err.Error(), "read-only") {
		t.Errorf("write in a read-only session: got %v", err)
	}
}

// TestOdooCompanyDependent: a company-dependent value is the record's
// own for the env's company, else Odoo 18's ir.default for that company,
// else for every company.
func TestOdooCompanyDependent(t *testing.T) {
	env, _ := odooWriteEnv(t, "odoo_company_dependent_test", `
		INSERT INTO ir_default (field_id, company_id, json_value)
			SELECT f.id, 1, (SELECT min(id) FROM account_account)::text FROM ir_model_fields f
			WHERE f.model = 'res.partner' AND f.name = 'property_account_receivable_id';
		UPDATE res_partner SET property_account_receivable_id = jsonb_build_object('1', (SELECT max(id) FROM account_account)) WHERE id = 15`)
	ids := sqlIDs(t, env, "SELECT min(id) FROM account_account UNION ALL SELECT max(id) FROM account_account")
	p := env.Model("res.partner")
	if got := p.Browse(10).Rel("property_account_receivable_id").ID(); got != ids[0] {
		t.Errorf("partner 10 (ir.default): got account %d, want %d", got, ids[0])
	}
	if got := p.Browse(15).Rel("property_account_receivable_id").ID(); got != ids[1] {
		t.Errorf("partner 15 (its own value): got account %d, want %d", got, ids[1])
	}
	if got := p.WithCompany(2).Browse(10).Rel("property_account_receivable_id"); got.Len() != 0 {
		t.Errorf("partner 10 in company 2: got %v, want no account", got)
	}
	n := p.SearchCount("[('property_account_receivable_id', '=', " + strconvI(ids[0]) + ")]")
	if want := sqlIDs(t, env, "SELECT count(*) FROM res_partner WHERE active AND property_account_receivable_id->'1' IS NULL")[0]; int64(n) != want {
		t.Errorf("search by the default account: got %d, want %d", n, want)
	}
}

func strconvI(n int64) string { return fmt.Sprint(n) }
