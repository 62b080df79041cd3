package bench

import (
	"context"
	"fmt"
	"testing"
	"time"

	"odsh/addons/demo"
	"odsh/internal/testdb"
	"odsh/orm"
)

const (
	benchOrders = 1000
	benchLines  = 10
)

// ormCreateOrders creates the orders with their lines in one Create and
// flushes (computing every stored amount).
func ormCreateOrders(env *orm.Env, products []int64) {
	vals := make([]orm.Values, benchOrders)
	for i := range vals {
		lines := make([]any, benchLines)
		for j := range lines {
			lines[j] = orm.Command.Create(orm.Values{"product_id": products[(i+j)%len(products)], "quantity": float64(1 + j%4)})
		}
		vals[i] = orm.Values{"name": fmt.Sprintf("SO%d", i), "line_ids": lines}
	}
	env.Model("demo.order").Create(vals...)
	env.FlushAll()
}

// sqlCreateOrders does the same by hand: one INSERT of the orders, one of
// the lines (amounts computed in SQL from the product prices), and one
// aggregate UPDATE of the orders' amounts.
func sqlCreateOrders(env *orm.Env, products []int64) error {
	ctx := context.Background()
	conn := env.Tx().Conn()
	now := time.Now().UTC()
	names := make([]string, benchOrders)
	for i := range names {
		names[i] = fmt.Sprintf("SO%d", i)
	}
	rows, err := conn.Query(ctx, `INSERT INTO demo_order (name, state, date_order, create_uid, create_date, write_uid, write_date)
		SELECT n, 'draft', $2, 1, $2, 1, $2 FROM unnest($1::text[]) AS n RETURNING id`, names, now)
	if err != nil {
		return err
	}
	var orderIDs []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return err
		}
		orderIDs = append(orderIDs, id)
	}
	rows.Close()
	var lo, lp []int64
	var lq []float64
	for i, oid := range orderIDs {
		for j := 0; j < benchLines; j++ {
			lo = append(lo, oid)
			lp = append(lp, products[(i+j)%len(products)])
			lq = append(lq, float64(1+j%4))
		}
	}
	_, err = conn.Exec(ctx, `INSERT INTO demo_order_line (order_id, product_id, quantity, price_unit, tax_rate,
			price_subtotal, price_tax, price_total, create_uid, create_date, write_uid, write_date)
		SELECT v.o, v.p, v.q, p.list_price, 0.21, round(v.q * p.list_price, 2), round(round(v.q * p.list_price, 2) * 0.21, 2),
			round(v.q * p.list_price, 2) + round(round(v.q * p.list_price, 2) * 0.21, 2), 1, $4, 1, $4
		FROM unnest($1::int4[], $2::int4[], $3::numeric[]) AS v(o, p, q) JOIN demo_product p ON p.id = v.p`, lo, lp, lq, now)
	if err != nil {
		return err
	}
	_, err = conn.Exec(ctx, `UPDATE demo_order o SET amount_untaxed = s.u, amount_tax = s.t, amount_total = s.u + s.t
		FROM (SELECT order_id, sum(price_subtotal) AS u, sum(price_tax) AS t FROM demo_order_line
			WHERE order_id = ANY($1) GROUP BY order_id) AS s WHERE o.id = s.order_id`, orderIDs)
	return err
}

func benchProducts(env *orm.Env) []int64 {
	vals := make([]orm.Values, 50)
	for i := range vals {
		vals[i] = orm.Values{"name": fmt.Sprintf("P%d", i), "list_price": float64(100+i*7) / 10}
	}
	ids := env.Model("demo.product").Create(vals...).IDs()
	env.FlushAll()
	return ids
}

// TestCreateOrdersVersusSQL times both, best of three, and reports the
// ratio and the ORM's statement count (target: at most 3× the SQL).
func TestCreateOrdersVersusSQL(t *testing.T) {
	env := testdb.Env(t, demo.Addon)
	products := benchProducts(env)
	ormBest, sqlBest := time.Duration(1<<62), time.Duration(1<<62)
	var statements int
	for i := 0; i < 3; i++ {
		start, q := time.Now(), env.QueryCount()
		ormCreateOrders(env, products)
		ormBest = min(ormBest, time.Since(start))
		statements = env.QueryCount() - q
		start = time.Now()
		if err := sqlCreateOrders(env, products); err != nil {
			t.Fatal(err)
		}
		sqlBest = min(sqlBest, time.Since(start))
	}
	check := env.Model("demo.order").Search("[('name', '=', 'SO7')]", orm.Limit(2))
	if a, b := check.At(0).Float("amount_total"), check.At(1).Float("amount_total"); a != b || a == 0 {
		t.Errorf("ORM and SQL totals differ: %v, %v", a, b)
	}
	ratio := float64(ormBest) / float64(sqlBest)
	t.Logf("%d orders × %d lines: ORM %v (%d statements), SQL %v, ratio %.2f×", benchOrders, benchLines, ormBest, statements, sqlBest, ratio)
}

func BenchmarkCreateOrdersORM(b *testing.B) {
	env := testdb.Env(b, demo.Addon)
	products := benchProducts(env)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ormCreateOrders(env, products)
	}
}

func BenchmarkCreateOrdersSQL(b *testing.B) {
	env := testdb.Env(b, demo.Addon)
	products := benchProducts(env)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := sqlCreateOrders(env, products); err != nil {
			b.Fatal(err)
		}
	}
}
