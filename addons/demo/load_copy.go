package demo

// The million-record demo ("1m"): 1,000,000 partners and 200,000 orders
// with about 600,000 lines, loaded with COPY. The ORM would spend minutes
// creating them one Create at a time; COPY writes the rows as the ORM
// would have (the same defaults, the stored computed and related fields
// computed here with the same functions: price_unit from the product,
// line amounts rounded to cents, order totals, country_code), in well
// under a minute. The ids are taken from the tables' sequences first, so
// the rows can refer to each other. Statistics are gathered at the end, as
// autovacuum would, so that the first searches get good plans.

import (
	"context"
	"fmt"
	"io"
	"math/rand"
	"os"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"odsh/internal/tty"
	"odsh/orm"
)

// SizeMillion is the demo size of a million partners.
const SizeMillion = "1m"

var million = plan{products: 200, partners: 1000000, orders: 200000}

// loadCopy loads the million-record demo, reporting its progress to w
// (nil: silent).
func loadCopy(env *orm.Env, p plan, w io.Writer) error {
	rng := rand.New(rand.NewSource(18))
	products := createProducts(env, rng, p.products)
	prices := map[int64]float64{}
	for _, rec := range env.Model("demo.product").Browse(products...).Records() {
		prices[rec.ID()] = rec.Float("list_price")
	}
	env.FlushAll()
	found := env.Model("res.country").Search([]any{[]any{"code", "in", countries}}, orm.Order("code"))
	var cids []int64
	codes := map[int64]string{}
	for _, c := range found.Records() {
		cids = append(cids, c.ID())
		codes[c.ID()] = c.Str("code")
	}
	l := &copyLoad{env: env, conn: env.Tx().Conn(), ctx: context.Background(), w: w, tty: isTTY(w),
		now: env.Now().UTC(), uid: env.UID(), start: time.Now()}
	tables := []string{"res_partner", "demo_order", "demo_order_line"}
	fks, err := l.dropForeignKeys(tables)
	if err != nil {
		return err
	}
	partnerIDs, partnerCountry, err := l.partners(rng, p.partners, cids)
	if err != nil {
		return err
	}
	if err := l.orders(rng, p.orders, products, prices, partnerIDs, partnerCountry, codes); err != nil {
		return err
	}
	l.progress("checks", 0, len(fks))
	for i, fk := range fks {
		if _, err := l.conn.Exec(l.ctx, fk); err != nil {
			return err
		}
		l.progress("checks", i+1, len(fks))
	}
	for _, t := range tables {
		if _, err := l.conn.Exec(l.ctx, "ANALYZE "+pgx.Identifier{t}.Sanitize()); err != nil {
			return err
		}
	}
	env.InvalidateAll()
	l.progress("done", 1, 1)
	if w != nil && l.tty {
		fmt.Fprintln(w)
	}
	return nil
}

// copyLoad is one COPY-based load.
type copyLoad struct {
	env  *orm.Env
	conn *pgx.Conn
	ctx  context.Context
	w    io.Writer
	tty  bool // w is a terminal: the bar is redrawn in place; else a line per step done
	now  time.Time
	uid  int64
	last time.Time
	// start is when the load began (the bar shows the time elapsed)
	start time.Time
}

// dropForeignKeys drops the foreign keys of tables and returns the
// statements that add them back. Each row copied would otherwise run one
// check per foreign key (create_uid and write_uid are checked at commit,
// one row at a time); adding a foreign key back checks every row in one
// join, as pg_restore does.
func (l *copyLoad) dropForeignKeys(tables []string) ([]string, error) {
	rows, err := l.conn.Query(l.ctx, `SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid)
		FROM pg_constraint WHERE contype = 'f' AND conrelid = ANY($1::regclass[]) ORDER BY 1, 2`, tables)
	if err != nil {
		return nil, err
	}
	type fk struct{ table, name, def string }
	var found []fk
	for rows.Next() {
		var f fk
		if err := rows.Scan(&f.table, &f.name, &f.def); err != nil {
			return nil, err
		}
		found = append(found, f)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	// checks deferred to the commit (those of the rows just created) must
	// run before a table they concern is altered
	if _, err := l.conn.Exec(l.ctx, "SET CONSTRAINTS ALL IMMEDIATE"); err != nil {
		return nil, err
	}
	var restore []string
	for _, f := range found {
		table, name := pgx.Identifier{f.table}.Sanitize(), pgx.Identifier{f.name}.Sanitize()
		if _, err := l.conn.Exec(l.ctx, "ALTER TABLE "+table+" DROP CONSTRAINT "+name); err != nil {
			return nil, err
		}
		restore = append(restore, "ALTER TABLE "+table+" ADD CONSTRAINT "+name+" "+f.def)
	}
	return restore, nil
}

// ids takes n ids from table's sequence.
func (l *copyLoad) ids(table string, n int) ([]int64, error) {
	rows, err := l.conn.Query(l.ctx, "SELECT nextval(pg_get_serial_sequence($1, 'id')) FROM generate_series(1, $2)", table, n)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[int64])
}

// isTTY reports whether w is a terminal.
func isTTY(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && tty.Is(f)
}

// progress draws "demo 1m: partners [#####.....] 50%" on one line, at
// most ten times a second, on a terminal; elsewhere (a log) it writes one
// line when a step is done.
func (l *copyLoad) progress(what string, done, total int) {
	if l.w != nil && !l.tty && done == total {
		fmt.Fprintf(l.w, "demo 1m: %-12s %9d %5.1fs\n", what, total, time.Since(l.start).Seconds())
	}
	if l.w == nil || !l.tty || (done < total && time.Since(l.last) < 100*time.Millisecond) {
		return
	}
	l.last = time.Now()
	const width = 30
	full := done * width / total
	fmt.Fprintf(l.w, "\rdemo 1m: %-12s [%s%s] %3d%% %9d/%-9d %5.1fs", what, strings.Repeat("#", full),
		strings.Repeat(".", width-full), done*100/total, done, total, time.Since(l.start).Seconds())
}

// copyRows copies n rows made by row into table's columns.
func (l *copyLoad) copyRows(what, table string, cols []string, n int, row func(i int) []any) error {
	i := 0
	src := pgx.CopyFromFunc(func() ([]any, error) {
		if i == n {
			return nil, nil
		}
		r := row(i)
		i++
		if i%10000 == 0 || i == n {
			l.progress(what, i, n)
		}
		return r, nil
	})
	_, err := l.conn.CopyFrom(l.ctx, pgx.Identifier{table}, cols, src)
	return err
}

var auditCols = []string{"create_uid", "create_date", "write_uid", "write_date"}

func (l *copyLoad) partners(rng *rand.Rand, n int, cids []int64) ([]int64, []int64, error) {
	ids, err := l.ids("res_partner", n)
	if err != nil {
		return nil, nil, err
	}
	country := make([]int64, n)
	lang := l.env.Lang()
	cols := append([]string{"id", "name", "complete_name", "commercial_partner_id", "country_id", "is_company",
		"active", "type", "lang"}, auditCols...)
	err = l.copyRows("partners", "res_partner", cols, n, func(i int) []any {
		name := firstNames[rng.Intn(len(firstNames))] + " " + lastNames[rng.Intn(len(lastNames))]
		var c any
		if len(cids) > 0 && i%7 != 6 { // some partners have no country
			country[i] = cids[rng.Intn(len(cids))]
			c = country[i]
		}
		// complete_name and commercial_partner_id as computed for a
		// contact without parent: its name, itself
		return []any{ids[i], name, name, ids[i], c, false, true, "contact", lang, l.uid, l.now, l.uid, l.now}
	})
	return ids, country, err
}

// orders copies the orders and their lines, with the amounts the compute
// functions would give.
func (l *copyLoad) orders(rng *rand.Rand, n int, products []int64, prices map[int64]float64,
	partners, partnerCountry []int64, codes map[int64]string) error {
	ids, err := l.ids("demo_order", n)
	if err != nil {
		return err
	}
	cents := orm.PrecisionDigits(2)
	start := time.Date(2024, 1, 1, 9, 0, 0, 0, time.UTC)
	type line struct {
		order, product              int64
		qty, price, sub, tax, total float64
	}
	var lines []line
	cols := append([]string{"id", "name", "partner_id", "country_code", "state", "date_order",
		"amount_untaxed", "amount_tax", "amount_total"}, auditCols...)
	err = l.copyRows("orders", "demo_order", cols, n, func(i int) []any {
		var untaxed, tax float64
		for j := 1 + rng.Intn(5); j > 0; j-- {
			pid := products[rng.Intn(len(products))]
			ln := line{order: ids[i], product: pid, qty: float64(1 + rng.Intn(12)), price: prices[pid]}
			ln.sub = orm.FloatRound(ln.qty*ln.price, cents)
			ln.tax = orm.FloatRound(ln.sub*0.21, cents)
			ln.total = orm.FloatRound(ln.sub+ln.tax, cents)
			untaxed += ln.sub
			tax += ln.tax
			lines = append(lines, ln)
		}
		k := rng.Intn(len(partners))
		var code any
		if c := partnerCountry[k]; c != 0 {
			code = codes[c]
		}
		date := start.Add(time.Duration(rng.Intn(365*24*60)) * time.Minute)
		return []any{ids[i], fmt.Sprintf("SO%06d", i+1), partners[k], code, states[rng.Intn(len(states))], date,
			untaxed, tax, orm.FloatRound(untaxed+tax, cents), l.uid, l.now, l.uid, l.now}
	})
	if err != nil {
		return err
	}
	lcols := append([]string{"order_id", "product_id", "quantity", "price_unit", "tax_rate",
		"price_subtotal", "price_tax", "price_total"}, auditCols...)
	return l.copyRows("order lines", "demo_order_line", lcols, len(lines), func(i int) []any {
		ln := lines[i]
		return []any{ln.order, ln.product, ln.qty, ln.price, 0.21, ln.sub, ln.tax, ln.total, l.uid, l.now, l.uid, l.now}
	})
}
