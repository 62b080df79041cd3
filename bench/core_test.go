package bench

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"odsh/internal/testdb"
	"odsh/orm"
)

const nPartners = 10000

// session is one connection on the prepared base database; each iteration
// runs in a transaction rolled back afterwards.
type session struct {
	b    testing.TB
	conn *pgx.Conn
	reg  *orm.Registry
}

func newSession(b *testing.B) *session {
	b.Helper()
	return newSessionT(b)
}

func newSessionT(b testing.TB) *session {
	b.Helper()
	dsn := testdb.PreparedDSN(b)
	conn, err := orm.Connect(context.Background(), dsn)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { conn.Close(context.Background()) })
	return &session{b: b, conn: conn, reg: testdb.Registry(b)}
}

// env begins a transaction; the returned function rolls it back.
func (s *session) env() (*orm.Env, func()) {
	tx, err := orm.Begin(context.Background(), s.conn, s.reg, orm.TxOptions{})
	if err != nil {
		s.b.Fatal(err)
	}
	return tx.Env(orm.SuperuserID, nil), func() { tx.Close() }
}

func partnerVals() []orm.Values {
	vals := make([]orm.Values, nPartners)
	for i := range vals {
		vals[i] = orm.Values{"name": fmt.Sprintf("Partner %05d", i), "email": fmt.Sprintf("p%05d@example.com", i),
			"city": "Namur", "zip": "5000", "phone": "+32 81 00 00 00"}
	}
	return vals
}

// pgxInsert inserts the same rows and columns as the ORM's create, as a
// PostgreSQL expert would: the ids reserved first from the table's
// sequence, so that each row goes in complete (commercial_partner_id is
// the record itself) by multi-row INSERT ... VALUES in batches of 1000,
// with no second pass over the rows.
func pgxInsert(b testing.TB, conn *pgx.Conn) []int64 {
	ctx := context.Background()
	var ids []int64
	rows, err := conn.Query(ctx, "SELECT nextval(pg_get_serial_sequence('res_partner', 'id')) FROM generate_series(1, $1)", nPartners)
	if err != nil {
		b.Fatal(err)
	}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			b.Fatal(err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	if rows.Err() != nil {
		b.Fatal(rows.Err())
	}
	cols := []string{"id", "commercial_partner_id", "name", "complete_name", "email", "city", "zip", "phone", "is_company", "lang", "active", "type", "create_uid", "create_date", "write_uid", "write_date"}
	now := time.Now().UTC()
	for start := 0; start < nPartners; start += 1000 {
		var rows []string
		var args []any
		for i := start; i < start+1000 && i < nPartners; i++ {
			ph := make([]string, len(cols))
			for j := range cols {
				ph[j] = fmt.Sprintf("$%d", len(args)+j+1)
			}
			rows = append(rows, "("+strings.Join(ph, ", ")+")")
			args = append(args, ids[i], ids[i], fmt.Sprintf("Partner %05d", i), fmt.Sprintf("Partner %05d", i), fmt.Sprintf("p%05d@example.com", i), "Namur", "5000",
				"+32 81 00 00 00", false, "en_US", true, "contact", 1, now, 1, now)
		}
		q := "INSERT INTO res_partner (" + strings.Join(cols, ", ") + ") VALUES " + strings.Join(rows, ", ")
		if _, err := conn.Exec(ctx, q, args...); err != nil {
			b.Fatal(err)
		}
	}
	return ids
}

func pgxTx(b testing.TB, conn *pgx.Conn, f func()) {
	ctx := context.Background()
	if _, err := conn.Exec(ctx, "BEGIN"); err != nil {
		b.Fatal(err)
	}
	f()
	if _, err := conn.Exec(ctx, "ROLLBACK"); err != nil {
		b.Fatal(err)
	}
}

// pairTimer times the ORM and pgx sides of each iteration in turn, so both
// meet the same machine load, and reports the median ratio.
type pairTimer struct {
	orm, pgx []time.Duration
}

func (p *pairTimer) time(side *[]time.Duration, f func()) {
	t := time.Now()
	f()
	*side = append(*side, time.Since(t))
}

func (p *pairTimer) report(b *testing.B) {
	ratios := make([]float64, len(p.orm))
	var o, g time.Duration
	for i := range p.orm {
		ratios[i] = float64(p.orm[i]) / float64(p.pgx[i])
		o += p.orm[i]
		g += p.pgx[i]
	}
	sort.Float64s(ratios)
	b.ReportMetric(ratios[len(ratios)/2], "orm/pgx")
	b.ReportMetric(float64(o.Microseconds())/1000/float64(len(p.orm)), "orm-ms")
	b.ReportMetric(float64(g.Microseconds())/1000/float64(len(p.pgx)), "pgx-ms")
	b.ReportMetric(0, "ns/op")
}

// BenchmarkCreate10k: Create of 10,000 partners in one call, beside a
// multi-row INSERT of the same columns.
func BenchmarkCreate10k(b *testing.B) {
	s := newSession(b)
	vals := partnerVals()
	var p pairTimer
	for i := 0; i < b.N; i++ {
		env, done := s.env()
		p.time(&p.orm, func() {
			env.Model("res.partner").Create(vals...)
			env.FlushAll() // the stored computes the create left pending are part of it
		})
		done()
		pgxTx(b, s.conn, func() { p.time(&p.pgx, func() { pgxInsert(b, s.conn) }) })
	}
	p.report(b)
}

type partnerRow struct {
	id                            int64
	name, email, city, zip, phone *string
}

// BenchmarkRead10k: reading 5 fields of 10,000 partners by iteration (the
// cache empty first), beside one "= ANY($1)" SELECT of them; "all-columns/
// pgx" is what a SELECT of every column the ORM prefetches (Odoo's
// semantics) costs against that SELECT of 6.
func BenchmarkRead10k(b *testing.B) {
	s := newSession(b)
	env, done := s.env()
	defer done()
	ids := env.Model("res.partner").Create(partnerVals()...).IDs()
	env.FlushAll()
	var cols []string
	for _, f := range env.Model("res.partner").Model().FieldList {
		if f.Store && !f.Type.X2many() {
			cols = append(cols, pgx.Identifier{f.Name}.Sanitize())
		}
	}
	all := "SELECT " + strings.Join(cols, ", ") + " FROM res_partner WHERE id = ANY($1)"
	var p pairTimer
	var wide []float64
	for i := 0; i < b.N; i++ {
		t := time.Now()
		rows, err := s.conn.Query(context.Background(), all, ids)
		if err != nil {
			b.Fatal(err)
		}
		for rows.Next() {
			if _, err := rows.Values(); err != nil {
				b.Fatal(err)
			}
		}
		rows.Close()
		allTime := time.Since(t)
		t = time.Now()
		pgxRead(b, s.conn, ids)
		wide = append(wide, float64(allTime)/float64(time.Since(t)))
		env.InvalidateAll()
		p.time(&p.orm, func() {
			n := 0
			for _, r := range env.Model("res.partner").Browse(ids...).Records() {
				n += len(r.Str("name")) + len(r.Str("email")) + len(r.Str("city")) + len(r.Str("zip")) + len(r.Str("phone"))
			}
			if n == 0 {
				b.Fatal("nothing read")
			}
		})
		p.time(&p.pgx, func() { pgxRead(b, s.conn, ids) })
	}
	sort.Float64s(wide)
	b.ReportMetric(wide[len(wide)/2], "all-columns/pgx")
	p.report(b)
}

func pgxRead(b testing.TB, conn *pgx.Conn, ids []int64) {
	rows, err := conn.Query(context.Background(), "SELECT id, name, email, city, zip, phone FROM res_partner WHERE id = ANY($1)", ids)
	if err != nil {
		b.Fatal(err)
	}
	var out []partnerRow
	for rows.Next() {
		var r partnerRow
		if err := rows.Scan(&r.id, &r.name, &r.email, &r.city, &r.zip, &r.phone); err != nil {
			b.Fatal(err)
		}
		out = append(out, r)
	}
	rows.Close()
	n := 0
	for _, r := range out {
		n += len(*r.name) + len(*r.email) + len(*r.city) + len(*r.zip) + len(*r.phone)
	}
	if n == 0 {
		b.Fatal("nothing read")
	}
}

// BenchmarkWrite10k: one field written on 10,000 partners and flushed,
// beside one UPDATE ... WHERE id = ANY($1) of the same columns.
func BenchmarkWrite10k(b *testing.B) {
	s := newSession(b)
	env, done := s.env()
	defer done()
	ps := env.Model("res.partner").Create(partnerVals()...)
	env.FlushAll()
	ids := ps.IDs()
	var p pairTimer
	for i := 0; i < b.N; i++ {
		city := fmt.Sprintf("City %d", i)
		p.time(&p.orm, func() {
			ps.Write(orm.Values{"city": city})
			env.FlushAll()
		})
		p.time(&p.pgx, func() {
			_, err := s.conn.Exec(context.Background(), "UPDATE res_partner SET city = $1, write_uid = $2, write_date = $3 WHERE id = ANY($4)",
				city, 1, time.Now().UTC(), ids)
			if err != nil {
				b.Fatal(err)
			}
		})
	}
	p.report(b)
}

// BenchmarkUnlink10k: Unlink of 10,000 partners, beside one DELETE ...
// WHERE id = ANY($1) run with generic plans for the foreign-key triggers.
func BenchmarkUnlink10k(b *testing.B) {
	s := newSession(b)
	vals := partnerVals()
	var p pairTimer
	for i := 0; i < b.N; i++ {
		env, done := s.env()
		ps := env.Model("res.partner").Create(vals...)
		env.FlushAll() // the create's own pending work (stored computes), as pgxInsert finishes its rows before the DELETE
		p.time(&p.orm, func() { ps.Unlink() })
		ids := pgxInsert(b, s.conn)
		p.time(&p.pgx, func() { pgxDelete(b, s.conn, ids) })
		done()
	}
	p.report(b)
}

// pgxDelete is the best DELETE we know for fresh rows: one statement, its
// foreign-key triggers on generic plans (otherwise PostgreSQL plans each
// trigger query again for every row while the table's statistics do not
// know the rows), the setting put back after.
func pgxDelete(b testing.TB, conn *pgx.Conn, ids []int64) {
	ctx := context.Background()
	for _, q := range []string{"SET LOCAL plan_cache_mode = force_generic_plan", "", "SET LOCAL plan_cache_mode = auto"} {
		var err error
		if q == "" {
			_, err = conn.Exec(ctx, "DELETE FROM res_partner WHERE id = ANY($1)", ids)
		} else {
			_, err = conn.Exec(ctx, q)
		}
		if err != nil {
			b.Fatal(err)
		}
	}
}
