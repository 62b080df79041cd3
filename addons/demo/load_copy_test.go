package demo

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"odsh/internal/testdb"
	"odsh/orm"
)

// The COPY load writes what the ORM would have computed: every order's
// stored amounts equal a recomputation by the ORM, lines carry their
// product's price, orders their partner's country code.
func TestLoadCopyMatchesCompute(t *testing.T) {
	env := testdb.Env(t, Addon)
	before := env.Model("res.partner").SearchCount(nil)
	fkQuery := `SELECT string_agg(conname || ' ' || pg_get_constraintdef(oid), ', ' ORDER BY conname) FROM pg_constraint
		WHERE contype = 'f' AND conrelid = ANY('{res_partner,demo_order,demo_order_line}'::regclass[])`
	fksBefore := env.Tx().QueryValues(fkQuery)[0][0]
	var bar bytes.Buffer
	if err := loadCopy(env, plan{products: 20, partners: 3000, orders: 500}, &bar); err != nil {
		t.Fatal(err)
	}
	if got := env.Tx().QueryValues(fkQuery)[0][0]; got != fksBefore {
		t.Errorf("foreign keys after the load: got %v, want %v", got, fksBefore)
	}
	if got := env.Model("res.partner").SearchCount(nil) - before; got != 3000 {
		t.Errorf("partners loaded: got %d, want 3000", got)
	}
	// the partners' stored names as base computes them (no parent, no company)
	for _, p := range env.Model("res.partner").Search("[]", orm.Order("id desc"), orm.Limit(50)).Records() {
		if got, want := p.Str("complete_name"), p.Str("name"); got != want {
			t.Errorf("%s complete_name: got %q, want %q", p, got, want)
		}
		if got := p.Rel("commercial_partner_id"); !got.Equal(p) {
			t.Errorf("%s commercial_partner_id: got %v, want itself", p, got)
		}
	}
	orders := env.Model("demo.order").Search(nil)
	if orders.Len() != 500 {
		t.Fatalf("orders loaded: got %d, want 500", orders.Len())
	}
	stored := map[int64][3]float64{}
	for _, o := range orders.Records() {
		stored[o.ID()] = [3]float64{o.Float("amount_untaxed"), o.Float("amount_tax"), o.Float("amount_total")}
		if code, want := o.Get("country_code"), o.Get("partner_id.country_id.code"); code != want {
			t.Errorf("%s country_code: got %v, want %v", o, code, want)
		}
	}
	for _, l := range env.Model("demo.order.line").Search(nil).Records()[:200] {
		if got, want := l.Float("price_unit"), l.Float("product_id.list_price"); got != want {
			t.Errorf("%s price_unit: got %v, want the product's %v", l, got, want)
		}
	}
	computeAmounts(orders)
	for _, o := range orders.Records() {
		got := [3]float64{o.Float("amount_untaxed"), o.Float("amount_tax"), o.Float("amount_total")}
		for i := range got {
			if math.Abs(got[i]-stored[o.ID()][i]) > 1e-9 {
				t.Fatalf("%s amounts: stored %v, computed by the ORM %v", o, stored[o.ID()], got)
			}
		}
	}
	// not a terminal: a line per step done, no bar redrawn with \r
	if out := bar.String(); strings.Contains(out, "\r") || !strings.Contains(out, "demo 1m: partners          3000") ||
		!strings.HasSuffix(out, "s\n") || !strings.Contains(out, "demo 1m: done") {
		t.Errorf("progress to a buffer: got %q, want a line per step (partners 3000 among them), no \\r", out)
	}
}
