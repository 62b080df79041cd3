// Package bench compares the ORM with hand-written pgx doing the same work
// in the same transaction.
package bench

import (
	"context"
	"fmt"
	"testing"

	"github.com/jackc/pgx/v5"

	"odsh/internal/testdb"
	"odsh/orm"
)

// partnerCount is how many partners the search benchmarks run on.
const partnerCount = 100_000

var words = []string{"Fabian", "Abbott", "Mabel", "Sabine", "Oliver", "Emma", "Noah", "Liam", "Olivia",
	"Ava", "Isabella", "Sophia", "Mia", "Lucas", "Mason", "Ethan", "Logan", "Elijah", "James", "Aiden"}

// createPartners creates partnerCount partners in batches of 5000, with
// names, cities, colors and countries; it is not timed.
func createPartners(b *testing.B, env *orm.Env) {
	b.Helper()
	countries := env.Model("res.country").Search(nil).IDs()
	partners := env.Model("res.partner")
	const batch = 5000
	for start := 0; start < partnerCount; start += batch {
		vals := make([]orm.Values, batch)
		for i := range vals {
			n := start + i
			v := orm.Values{"name": fmt.Sprintf("%s %s %06d", words[n%len(words)], words[(n/7)%len(words)], n),
				"city": fmt.Sprintf("City %d", n%500), "color": n % 12}
			if len(countries) > 0 && n%10 != 0 {
				v["country_id"] = countries[n%len(countries)]
			}
			vals[i] = v
		}
		partners.Create(vals...)
	}
	env.FlushAll()
	env.InvalidateAll()
	env.Tx().Exec("ANALYZE res_partner")
}

// BenchmarkSearch runs each query through the ORM and through pgx on the
// same 100,000 partners, created once.
func BenchmarkSearch(b *testing.B) {
	env := testdb.Env(b)
	createPartners(b, env)
	conn := env.Tx().Conn()
	// pgx runs with the ORM's own context (a deadline), so that both pay
	// for pgx's context watcher alike
	ctx := env.Tx().SetContext(context.Background())
	env.Tx().SetContext(ctx)
	partners := env.Model("res.partner")
	const dom = `[('name', 'ilike', 'ab')]`

	b.Run("ilike-order-limit80/orm", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if rs := partners.Search(dom, orm.Order("name"), orm.Limit(80)); rs.Len() != 80 {
				b.Fatalf("got %d records", rs.Len())
			}
		}
	})
	b.Run("ilike-order-limit80/pgx", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			rows, _ := conn.Query(ctx, `SELECT id FROM res_partner WHERE active = TRUE AND name ILIKE $1 ORDER BY name, id LIMIT 80`, "%ab%")
			ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
			if err != nil || len(ids) != 80 {
				b.Fatalf("got %d ids, %v", len(ids), err)
			}
		}
	})
	b.Run("count/orm", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if n := partners.SearchCount(dom); n == 0 {
				b.Fatal("no record")
			}
		}
	})
	b.Run("count/pgx", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			var n int64
			if err := conn.QueryRow(ctx, `SELECT count(*) FROM res_partner WHERE active = TRUE AND name ILIKE $1`, "%ab%").Scan(&n); err != nil || n == 0 {
				b.Fatalf("count %d, %v", n, err)
			}
		}
	})
	b.Run("read_group-country-sum/orm", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if gs := partners.ReadGroup(nil, []string{"color"}, []string{"country_id"}); len(gs) < 2 {
				b.Fatalf("got %d groups", len(gs))
			}
		}
	})
	b.Run("read_group-country-sum/pgx", func(b *testing.B) {
		type group struct {
			country *int64
			name    *string
			count   int64
			sum     *int64
		}
		for i := 0; i < b.N; i++ {
			rows, _ := conn.Query(ctx, `SELECT p.country_id, c.name, count(*), sum(p.color) FROM res_partner p
				LEFT JOIN res_country c ON c.id = p.country_id WHERE p.active = TRUE
				GROUP BY p.country_id, c.name ORDER BY c.name`)
			var gs []group
			for rows.Next() {
				var g group
				if err := rows.Scan(&g.country, &g.name, &g.count, &g.sum); err != nil {
					b.Fatal(err)
				}
				gs = append(gs, g)
			}
			if rows.Err() != nil || len(gs) < 2 {
				b.Fatalf("got %d groups, %v", len(gs), rows.Err())
			}
		}
	})
}
