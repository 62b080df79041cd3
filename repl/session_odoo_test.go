package repl_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"odsh/internal/testdb"
	"odsh/orm"
	"odsh/repl"
)

// odooSession returns a session on the provided Odoo 18 database, in a
// READ ONLY transaction.
func odooSession(t *testing.T) (*repl.Session, *bytes.Buffer) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	t.Cleanup(cancel)
	conn, err := orm.Connect(ctx, testdb.OdooDSN(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	reg, err := orm.LoadOdooRegistry(ctx, conn)
	if err != nil {
		t.Fatal(err)
	}
	tx, err := orm.Begin(ctx, conn, reg, orm.TxOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { tx.Close() })
	var out bytes.Buffer
	s, err := repl.NewSession(repl.SessionOptions{Tx: tx, DB: "odoo", Stdout: &out, Stderr: &out, Width: 200, Env: []string{}})
	if err != nil {
		t.Fatal(err)
	}
	return s, &out
}

func TestOdooMetaCommands(t *testing.T) {
	s, out := odooSession(t)
	ctx := context.Background()
	lead := s.Env().Tx().QueryValues("SELECT id::text FROM crm_lead WHERE active AND user_id IS NOT NULL AND user_id <> (SELECT id FROM res_users WHERE login = 'demo') ORDER BY id LIMIT 1")[0][0].(string)
	for _, tc := range []struct {
		entry string
		want  []string
	}{
		{":why crm.lead " + lead + " demo", []string{"for user 6 (demo)", "read: denied by the record rules", `"Personal Leads"`, "does not match"}},
		{":why crm.lead " + lead + " admin", []string{"read: allowed", `"All Leads"`}},
		{":why ir.config_parameter 1 demo", []string{"read: denied by the access rights", "no active ir.model.access line"}},
		{":why crm.lead " + lead, []string{"the superuser"}},
		{":why crm.lead x", []string{"not a record id"}},
		{":fields sale.order", []string{"amount_to_invoice", "unavailable: it is computed by Odoo's Python code"}},
		{`env.Model("sale.order").Search(nil, orm.Order("id"), orm.Limit(1))`, []string{"sale.order(1)", "amount_total", "── Relations"}},
		{`search("res.partner", "[('country_id.code', '=', 'US')]", orm.Limit(3))`, []string{"res.partner (3 records)", "Azure Interior"}},
		{":doc res.partner", []string{"res.partner — Contact", "base defines it", "sale extends it; adds sale_order_count, sale_order_ids", "relation: → sale.order, inverse partner_id"}},
		{":doc res.partner.sale_order_ids", []string{`res.partner.sale_order_ids: one2many "Sales Order" [sale]`}},
		{":graph sale.order", []string{"│ sale.order  Sales Order │", "order_line ", "one2many  ──▶ sale.order.line"}},
		{":user demo", []string{"env is now user 6 (demo)"}},
		{"env.Model(\"crm.lead\").SearchCount(nil) < env.Sudo().Model(\"crm.lead\").SearchCount(nil)", []string{"true"}},
	} {
		out.Reset()
		_ = s.Eval(ctx, tc.entry)
		if strings.Contains(out.String(), "Error") && !strings.HasPrefix(tc.entry, ":why crm.lead x") {
			t.Errorf("%s: got %q", tc.entry, out.String())
		}
		for _, w := range tc.want {
			if !strings.Contains(out.String(), w) {
				t.Errorf("%s: got %q, want it to contain %q", tc.entry, out.String(), w)
			}
		}
	}
}
