package demo_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"odsh/addons/demo"
	"odsh/internal/testdb"
	"odsh/orm"
)

// fixture creates two products, a Belgian partner and an order with two
// lines: 2 × 10.00 of the first product, 1 × 5.50 of the second.
type fixture struct {
	env          *orm.Env
	p1, p2       orm.Recordset
	partner      orm.Recordset
	order, lines orm.Recordset
}

func newFixture(t *testing.T) fixture {
	t.Helper()
	env := testdb.Env(t, demo.Addon)
	fx := fixture{env: env}
	fx.p1 = env.Model("demo.product").Create(orm.Values{"name": "Desk", "list_price": 10.0})
	fx.p2 = env.Model("demo.product").Create(orm.Values{"name": "Lamp", "list_price": 5.5})
	fx.partner = env.Model("res.partner").Create(orm.Values{"name": "Acme", "country_id": env.Ref("base.be").ID()})
	fx.order = env.Model("demo.order").Create(orm.Values{
		"name": "SO1", "partner_id": fx.partner.ID(),
		"line_ids": []any{
			orm.Command.Create(orm.Values{"product_id": fx.p1.ID(), "quantity": 2.0}),
			orm.Command.Create(orm.Values{"product_id": fx.p2.ID(), "quantity": 1.0}),
		},
	})
	fx.lines = fx.order.Rel("line_ids")
	return fx
}

func wantFloat(t *testing.T, rs orm.Recordset, field string, want float64) {
	t.Helper()
	if got := rs.Float(field); got != want {
		t.Errorf("%s.%s: got %v, want %v", rs, field, got, want)
	}
}

// totals checks the order's amounts after a flush and after reading back
// from the database.
func totals(t *testing.T, env *orm.Env, order orm.Recordset, untaxed, tax, total float64) {
	t.Helper()
	env.FlushAll()
	for _, phase := range []string{"cache", "database"} {
		wantFloat(t, order, "amount_untaxed", untaxed)
		wantFloat(t, order, "amount_tax", tax)
		wantFloat(t, order, "amount_total", total)
		env.InvalidateAll()
		_ = phase
	}
}

func TestOrderTotals(t *testing.T) {
	fx := newFixture(t)
	if got := fx.lines.Len(); got != 2 {
		t.Fatalf("lines: got %d, want 2", got)
	}
	wantFloat(t, fx.lines.At(0), "price_unit", 10)
	wantFloat(t, fx.lines.At(0), "price_subtotal", 20)
	wantFloat(t, fx.lines.At(0), "price_tax", 4.2)
	totals(t, fx.env, fx.order, 25.5, 5.36, 30.86)
	if got := fx.order.Int("line_count"); got != 2 {
		t.Errorf("line_count: got %d, want 2", got)
	}
	if got := fx.order.Str("country_code"); got != "BE" {
		t.Errorf("country_code: got %q, want BE", got)
	}
}

func TestAddEditDeleteLine(t *testing.T) {
	fx := newFixture(t)
	env := fx.env
	line := env.Model("demo.order.line").Create(orm.Values{"order_id": fx.order.ID(), "product_id": fx.p1.ID(), "quantity": 1.0})
	totals(t, env, fx.order, 35.5, 7.46, 42.96)
	if got := fx.order.Int("line_count"); got != 3 {
		t.Errorf("line_count after add: got %d, want 3", got)
	}
	line.Write(orm.Values{"quantity": 3.0})
	totals(t, env, fx.order, 55.5, 11.66, 67.16)
	line.Unlink()
	totals(t, env, fx.order, 25.5, 5.36, 30.86)
	if got := fx.order.Int("line_count"); got != 2 {
		t.Errorf("line_count after delete: got %d, want 2", got)
	}
	// through the order's one2many
	fx.order.Write(orm.Values{"line_ids": []any{orm.Command.Create(orm.Values{"product_id": fx.p2.ID(), "quantity": 2.0})}})
	totals(t, env, fx.order, 36.5, 7.67, 44.17)
	fx.order.Write(orm.Values{"line_ids": []any{orm.Command.Delete(fx.lines.At(0).ID())}})
	totals(t, env, fx.order, 16.5, 3.47, 19.97)
}

func TestMoveLineToAnotherOrder(t *testing.T) {
	fx := newFixture(t)
	other := fx.env.Model("demo.order").Create(orm.Values{"name": "SO2"})
	totals(t, fx.env, other, 0, 0, 0)
	fx.lines.At(1).Write(orm.Values{"order_id": other.ID()})
	totals(t, fx.env, fx.order, 20, 4.2, 24.2)
	totals(t, fx.env, other, 5.5, 1.16, 6.66)
}

// TestLinePriceDoesNotFollowProductPrice: a line's unit price is taken from
// its product when the product is set or changes, and a later change of the
// product's list price leaves it as it was (as Odoo's sale lines): nothing
// is marked to compute, no amount changes.
func TestLinePriceDoesNotFollowProductPrice(t *testing.T) {
	fx := newFixture(t)
	env := fx.env
	env.FlushAll()
	fx.p1.Write(orm.Values{"list_price": 12.0})
	for _, c := range []struct{ model, field string }{
		{"demo.order.line", "price_unit"}, {"demo.order.line", "price_subtotal"}, {"demo.order", "amount_total"},
	} {
		if got := env.Model(c.model).ToCompute(c.field); got.Len() != 0 {
			t.Errorf("%s.%s to compute after a list price change: got %v, want none", c.model, c.field, got)
		}
	}
	env.InvalidateAll()
	wantFloat(t, fx.lines.At(0), "price_unit", 10)
	totals(t, env, fx.order, 25.5, 5.36, 30.86)
	// a new line, or a line whose product changes, takes the new price
	line := env.Model("demo.order.line").Create(orm.Values{"order_id": fx.order.ID(), "product_id": fx.p1.ID()})
	wantFloat(t, line, "price_unit", 12)
	fx.lines.At(1).Write(orm.Values{"product_id": fx.p1.ID()})
	wantFloat(t, fx.lines.At(1), "price_unit", 12)
	totals(t, env, fx.order, 44, 9.24, 53.24)
}

func TestEditablePriceUnit(t *testing.T) {
	fx := newFixture(t)
	env := fx.env
	// an explicit value wins at create and at write
	line := env.Model("demo.order.line").Create(orm.Values{"order_id": fx.order.ID(), "product_id": fx.p1.ID(), "price_unit": 7.0})
	wantFloat(t, line, "price_unit", 7)
	line.Write(orm.Values{"price_unit": 8.0})
	env.FlushAll()
	wantFloat(t, line, "price_unit", 8)
	// written together with the product it depends on: the value written wins
	line.Write(orm.Values{"product_id": fx.p2.ID(), "price_unit": 9.0})
	env.FlushAll()
	wantFloat(t, line, "price_unit", 9)
	// a change of product alone recomputes it
	line.Write(orm.Values{"product_id": fx.p1.ID()})
	env.FlushAll()
	wantFloat(t, line, "price_unit", 10)
	wantFloat(t, line, "price_subtotal", 10)
}

func TestCreateLinesIsOneInsert(t *testing.T) {
	fx := newFixture(t)
	env := fx.env
	env.FlushAll()
	var sqls []string
	env.Tx().OnQuery(func(sql string, _ []any) { sqls = append(sqls, sql) })
	before := env.QueryCount()
	env.Model("demo.order.line").Create(
		orm.Values{"order_id": fx.order.ID(), "product_id": fx.p1.ID(), "quantity": 3.0},
		orm.Values{"order_id": fx.order.ID(), "product_id": fx.p2.ID(), "quantity": 1.0},
	)
	if got := env.QueryCount() - before; got != 1 || !strings.HasPrefix(sqls[0], "INSERT") {
		t.Fatalf("create with precomputed fields: got %d statements %q, want one INSERT", got, sqls)
	}
}

func TestRecompute1000OrdersQueryCount(t *testing.T) {
	env := testdb.Env(t, demo.Addon)
	p := env.Model("demo.product").Create(orm.Values{"name": "Desk", "list_price": 10.0})
	vals := make([]orm.Values, 1000)
	for i := range vals {
		vals[i] = orm.Values{"name": "SO", "line_ids": []any{
			orm.Command.Create(orm.Values{"product_id": p.ID(), "quantity": 1.0}),
			orm.Command.Create(orm.Values{"product_id": p.ID(), "quantity": 2.0}),
		}}
	}
	orders := env.Model("demo.order").Create(vals...)
	env.FlushAll()
	lines := env.Model("demo.order.line").Search("[('order_id', 'in', " + idList(orders.IDs()) + ")]")
	env.InvalidateAll()
	var sqls []string
	env.Tx().OnQuery(func(sql string, _ []any) { sqls = append(sqls, strings.Fields(sql)[0]) })
	before := env.QueryCount()
	lines.Write(orm.Values{"quantity": 5.0})
	env.FlushAll()
	// SELECT: the lines exist; their columns (2 × 1000, for the orders they
	// belong to); UPDATE the lines (quantity and amounts: sent before the
	// orders read their lines); SELECT the orders' lines (1000 orders, one
	// query); UPDATE the orders (amounts).
	want := []string{"SELECT", "SELECT", "SELECT", "UPDATE", "SELECT", "UPDATE"}
	if got := env.QueryCount() - before; got != len(want) || strings.Join(sqls, " ") != strings.Join(want, " ") {
		t.Errorf("write on 2000 lines of 1000 orders + flush: got %d statements %v, want %v", got, sqls, want)
	}
	for _, o := range orders.Slice(0, 3).Records() {
		wantFloat(t, o, "amount_untaxed", 100)
		wantFloat(t, o, "amount_total", 121)
	}
}

func idList(ids []int64) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = strings.TrimSpace(strings.Repeat(" ", 0) + itoa(id))
	}
	return "[" + strings.Join(parts, ",") + "]"
}

func itoa(n int64) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

func TestNegativeQuantityRefused(t *testing.T) {
	fx := newFixture(t)
	line := fx.lines.At(0)
	err := line.Env().Catch(func() { line.Write(orm.Values{"quantity": -1.0}) })
	var ve *orm.ValidationError
	if !errors.As(err, &ve) || ve.Field != "quantity" {
		t.Fatalf("got %v, want a ValidationError naming demo.order.line.quantity", err)
	}
	wantFloat(t, line, "quantity", 2)
	totals(t, fx.env, fx.order, 25.5, 5.36, 30.86)
	err = fx.env.Catch(func() {
		fx.env.Model("demo.order.line").Create(orm.Values{"order_id": fx.order.ID(), "quantity": -2.0})
	})
	if !errors.As(err, &ve) {
		t.Fatalf("create: got %v, want a ValidationError", err)
	}
	if got := fx.order.Rel("line_ids").Len(); got != 2 {
		t.Errorf("lines after refused create: got %d, want 2", got)
	}
}

func TestRelatedStoredFollowsPath(t *testing.T) {
	fx := newFixture(t)
	env := fx.env
	totals(t, env, fx.order, 25.5, 5.36, 30.86)
	fx.partner.Write(orm.Values{"country_id": env.Ref("base.fr").ID()})
	if got := fx.order.Str("country_code"); got != "FR" {
		t.Errorf("after changing the partner's country: got %q, want FR", got)
	}
	env.Ref("base.fr").Write(orm.Values{"code": "FX"})
	env.FlushAll()
	env.InvalidateAll()
	if got := fx.order.Str("country_code"); got != "FX" {
		t.Errorf("after changing the country's code: got %q, want FX", got)
	}
	if n := env.Model("demo.order").SearchCount("[('country_code', '=', 'FX')]"); n != 1 {
		t.Errorf("search on the stored related field: got %d, want 1", n)
	}
	fx.order.Write(orm.Values{"partner_id": nil})
	if got := fx.order.Get("country_code"); got != nil {
		t.Errorf("without partner: got %v, want nil", got)
	}
}

func TestOnchangeProduct(t *testing.T) {
	fx := newFixture(t)
	env := fx.env
	env.FlushAll()
	before := env.QueryCount()
	var writes []string
	env.Tx().OnQuery(func(sql string, _ []any) {
		if w := strings.Fields(sql)[0]; w != "SELECT" {
			writes = append(writes, w)
		}
	})
	changed, warnings := env.Model("demo.order.line").Onchange(orm.Values{
		"order_id": fx.order.ID(), "quantity": 3.0, "product_id": fx.p1.ID(),
	}, "product_id")
	if len(writes) > 0 {
		t.Errorf("onchange sent %v (%d statements)", writes, env.QueryCount()-before)
	}
	if len(warnings) != 0 {
		t.Errorf("warnings: %v", warnings)
	}
	want := map[string]any{"name": "Desk", "price_unit": 10.0, "price_subtotal": 30.0, "price_tax": 6.3, "price_total": 36.3}
	for k, v := range want {
		if changed[k] != v {
			t.Errorf("onchange %s: got %v, want %v (all: %v)", k, changed[k], v, changed)
		}
	}
	if _, ok := changed["product_id"]; ok {
		t.Errorf("the changed field itself is not returned: %v", changed)
	}
	free := env.Model("demo.product").Create(orm.Values{"name": "Gift"})
	_, warnings = env.Model("demo.order.line").Onchange(orm.Values{"product_id": free.ID()}, "product_id")
	if len(warnings) != 1 || !strings.Contains(warnings[0], "Gift") {
		t.Errorf("warning for a free product: got %v", warnings)
	}
}

func TestNewOrderWithLines(t *testing.T) {
	fx := newFixture(t)
	env := fx.env
	env.FlushAll()
	before := env.QueryCount()
	o := env.Model("demo.order").New(orm.Values{"partner_id": fx.partner.ID(), "line_ids": []any{
		orm.Command.Create(orm.Values{"product_id": fx.p1.ID(), "quantity": 1.0}),
		orm.Command.Create(orm.Values{"product_id": fx.p2.ID(), "quantity": 2.0}),
	}})
	if !o.IsNew() || o.ID() >= 0 {
		t.Fatalf("new record id: got %d, want a negative NewId", o.ID())
	}
	wantFloat(t, o, "amount_untaxed", 21)
	if got := o.Int("line_count"); got != 2 {
		t.Errorf("line_count: got %d", got)
	}
	if got := o.Str("country_code"); got != "BE" {
		t.Errorf("country_code: got %q", got)
	}
	if got := o.Str("state"); got != "draft" {
		t.Errorf("default state: got %q", got)
	}
	o.Rel("line_ids").At(0).Set("quantity", 3.0)
	wantFloat(t, o, "amount_untaxed", 41)
	env.FlushAll()
	if n := env.Model("demo.order").SearchCount(nil); n != 1 {
		t.Errorf("orders in the database: got %d, want 1", n)
	}
	_ = before
}

func TestLoadSmall(t *testing.T) {
	env := testdb.Env(t, demo.Addon)
	before := env.QueryCount()
	if err := demo.Load(env, "small"); err != nil {
		t.Fatal(err)
	}
	orders := env.Model("demo.order").Search(nil)
	if orders.Len() < 100 {
		t.Errorf("orders: got %d, want about 100", orders.Len())
	}
	if got := env.QueryCount() - before; got > 40 {
		t.Errorf("loading small demo data took %d statements, want few", got)
	}
	var sum float64
	for _, o := range orders.Records() {
		sum += o.Float("amount_total")
	}
	if sum == 0 {
		t.Errorf("orders have no totals")
	}
	if err := demo.Load(env, "huge"); err == nil {
		t.Errorf("unknown size: got no error")
	}
}

// demo.order's state expands to every state, as a kanban of orders shows
// a column per state (Odoo's group_expand).
func TestOrderStateGroupExpand(t *testing.T) {
	fx := newFixture(t)
	groups := fx.env.Model("demo.order").ReadGroup([]any{[]any{"id", "=", fx.order.ID()}}, nil, []string{"state"})
	var got []string
	for _, g := range groups {
		got = append(got, fmt.Sprintf("%v:%d", g["state"], g["state_count"]))
	}
	if want := "draft:1 confirmed:0 done:0 cancel:0"; strings.Join(got, " ") != want {
		t.Errorf("got %v, want %s", got, want)
	}
}
