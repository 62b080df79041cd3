package bench

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"odsh/addons/connector"
	"odsh/addons/demo"
	"odsh/internal/testdb"
	"odsh/orm"
	"odsh/printer"
)

// demo1mScript does the million-record work through odsh, as a script:
// each operation is a top-level statement and prints "T name µs". The
// 100,000 records of mapped are found before the clock starts and the
// cache is emptied, so that mapped times the reading.
const demo1mScript = `P := env.Model("res.partner")
lap := func(op string, t time.Time) { fmt.Println("T", op, time.Since(t).Microseconds()) }
t0 := time.Now()
found := P.Search("[('name', 'ilike', 'ber')]", orm.Order("name"), orm.Limit(80))
lap("ilike-order-limit80", t0)
t0 = time.Now()
n := P.SearchCount("[('name', 'ilike', 'ber')]")
lap("search_count", t0)
t0 = time.Now()
byCountry := P.ReadGroup(nil, []string{"__count"}, []string{"country_id"})
lap("read_group-country", t0)
t0 = time.Now()
byMonth := env.Model("demo.order").ReadGroup(nil, []string{"__count", "amount_total:sum"}, []string{"date_order:month"})
lap("read_group-month", t0)
some := P.Search(nil, orm.Limit(100000))
env.InvalidateAll()
t0 = time.Now()
names := some.Mapped("name").([]any)
lap("mapped-100k", t0)
t0 = time.Now()
all := P.Search(nil)
all.Len()
lap("search-1m", t0)
t0 = time.Now()
show(P.Search(nil))
lap("print-1m", t0)
fmt.Println("N", found.Len(), n, len(byCountry), len(byMonth), len(names))
`

// demo1mLoad is the first load's time (s) and peak memory (MB).
var demo1mLoad [2]float64

var demo1mOps = []string{"ilike-order-limit80", "search_count", "read_group-country", "read_group-month", "mapped-100k", "search-1m", "print-1m"}

// demo1mDSN loads --demo 1m through the odsh binary into a database of
// its own on the test cluster (once per run) and reports the load's time
// and peak memory.
func demo1mDSN(b *testing.B, bin string) string {
	b.Helper()
	dsn := testdb.CreateDatabase(b, "bench_demo1m", "")
	if demo1mLoad[0] > 0 {
		return dsn
	}
	t := time.Now()
	out, cmd := odshRun(b, bin, "--db", dsn, "--demo", "1m", "-c", `env.Model("res.partner").SearchCount(nil)`)
	if n, err := strconv.Atoi(lastLine(out)); err != nil || n < 1000000 {
		b.Fatalf("odsh --demo 1m: want over a million partners, got %s", lastLine(out))
	}
	demo1mLoad = [2]float64{time.Since(t).Seconds(), peakRSS(cmd)}
	return dsn
}

func lastLine(out []byte) string {
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	return lines[len(lines)-1]
}

// peakRSS is the peak resident memory of a finished command, in MB.
func peakRSS(cmd *exec.Cmd) float64 {
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		return float64(ru.Maxrss) / 1024 // kB on Linux
	}
	return 0
}

// runDemo1mShell runs the script through odsh; it returns the times of
// the operations, the result line and the process's peak memory.
func runDemo1mShell(b *testing.B, bin, dsn, script string) (map[string]time.Duration, string, float64) {
	b.Helper()
	out, cmd := odshRun(b, bin, "--db", dsn, script)
	got := map[string]time.Duration{}
	result := ""
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		line := sc.Text()
		if f := strings.Fields(line); len(f) == 3 && f[0] == "T" {
			us, err := strconv.ParseInt(f[2], 10, 64)
			if err == nil {
				got[f[1]] = time.Duration(us) * time.Microsecond
			}
		} else if strings.HasPrefix(line, "N ") {
			result = line
		}
	}
	for _, op := range demo1mOps {
		if _, ok := got[op]; !ok {
			b.Fatalf("odsh printed no time for %s:\n%s", op, out)
		}
	}
	if !strings.Contains(string(out), "1,000,00") {
		b.Fatalf("printing the million partners shows no count:\n%s", out)
	}
	return got, result, peakRSS(cmd)
}

// compiledDemo1m does the script's work with the compiled ORM; the table
// goes to io.Discard through the printer the shell uses.
func compiledDemo1m(b *testing.B, conn *pgx.Conn, reg *orm.Registry) (map[string]time.Duration, []int) {
	tx, err := orm.Begin(context.Background(), conn, reg, orm.TxOptions{})
	if err != nil {
		b.Fatal(err)
	}
	defer tx.Close()
	env := tx.Env(orm.SuperuserID, nil)
	got := map[string]time.Duration{}
	P := env.Model("res.partner")
	t := time.Now()
	found := P.Search("[('name', 'ilike', 'ber')]", orm.Order("name"), orm.Limit(80))
	got["ilike-order-limit80"] = time.Since(t)
	t = time.Now()
	n := P.SearchCount("[('name', 'ilike', 'ber')]")
	got["search_count"] = time.Since(t)
	t = time.Now()
	byCountry := P.ReadGroup(nil, []string{"__count"}, []string{"country_id"})
	got["read_group-country"] = time.Since(t)
	t = time.Now()
	byMonth := env.Model("demo.order").ReadGroup(nil, []string{"__count", "amount_total:sum"}, []string{"date_order:month"})
	got["read_group-month"] = time.Since(t)
	some := P.Search(nil, orm.Limit(100000))
	env.InvalidateAll()
	t = time.Now()
	names := some.Mapped("name").([]any)
	got["mapped-100k"] = time.Since(t)
	t = time.Now()
	P.Search(nil).Len() // a search runs when its records are first needed
	got["search-1m"] = time.Since(t)
	t = time.Now()
	if err := printer.Show(io.Discard, P.Search(nil), printer.Options{}); err != nil {
		b.Fatal(err)
	}
	got["print-1m"] = time.Since(t)
	return got, []int{found.Len(), int(n), len(byCountry), len(byMonth), len(names)}
}

// sqlDemo1m does the same with the SQL an expert would write: the same
// filters and orders, the group labels joined in, the names of the
// 100,000 records in one SELECT, and for the printed recordset a count
// and its first page.
func sqlDemo1m(b *testing.B, conn *pgx.Conn, ids []int64) (map[string]time.Duration, []int) {
	ctx := context.Background()
	got := map[string]time.Duration{}
	counts := make([]int, 5)
	count := func(q string, args ...any) int {
		rows, err := conn.Query(ctx, q, args...)
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for rows.Next() {
			if _, err := rows.Values(); err != nil {
				b.Fatal(err)
			}
			n++
		}
		if err := rows.Err(); err != nil {
			b.Fatal(err)
		}
		return n
	}
	t := time.Now()
	counts[0] = count(`SELECT id FROM res_partner WHERE active AND name ILIKE $1 ORDER BY name, id LIMIT 80`, "%ber%")
	got["ilike-order-limit80"] = time.Since(t)
	t = time.Now()
	if err := conn.QueryRow(ctx, `SELECT count(*) FROM res_partner WHERE active AND name ILIKE $1`, "%ber%").Scan(&counts[1]); err != nil {
		b.Fatal(err)
	}
	got["search_count"] = time.Since(t)
	t = time.Now()
	counts[2] = count(`SELECT p.country_id, c.name->>'en_US', count(*) FROM res_partner p LEFT JOIN res_country c ON c.id = p.country_id
		WHERE p.active GROUP BY p.country_id, c.name->>'en_US' ORDER BY c.name->>'en_US'`)
	got["read_group-country"] = time.Since(t)
	t = time.Now()
	counts[3] = count(`SELECT date_trunc('month', date_order), count(*), sum(amount_total) FROM demo_order GROUP BY 1 ORDER BY 1`)
	got["read_group-month"] = time.Since(t)
	t = time.Now()
	counts[4] = count(`SELECT id, name FROM res_partner WHERE id = ANY($1)`, ids)
	got["mapped-100k"] = time.Since(t)
	t = time.Now()
	all := count(`SELECT id FROM res_partner WHERE active ORDER BY complete_name, id DESC`)
	got["search-1m"] = time.Since(t)
	t = time.Now()
	var total int
	if err := conn.QueryRow(ctx, `SELECT count(*) FROM res_partner WHERE active`).Scan(&total); err != nil {
		b.Fatal(err)
	}
	count(`SELECT p.id, p.complete_name, c.name->>'en_US', p.is_company, p.lang, p.active, p.type, p.color, u.login
		FROM res_partner p LEFT JOIN res_country c ON c.id = p.country_id LEFT JOIN res_users u ON u.id = p.create_uid
		WHERE p.active ORDER BY p.complete_name, p.id DESC LIMIT 50`)
	got["print-1m"] = time.Since(t)
	if total != all {
		b.Fatalf("count %d, search %d", total, all)
	}
	return got, counts
}

// BenchmarkDemo1m runs, on --demo 1m (1,000,000 partners, 200,000 orders,
// loaded once by the odsh binary: load-s and load-peak-RSS-MB), an ilike
// search with order and limit, its search_count, read_group by country and
// by month, a Mapped over 100,000 records and the printing of the whole
// partner recordset, three ways each iteration: through odsh as a script,
// with the compiled ORM, with hand-written SQL. It reports the median
// ratios and odsh's peak memory (shell-peak-RSS-MB). The three must find
// the same counts.
func BenchmarkDemo1m(b *testing.B) {
	bin := buildOdsh(b)
	dsn := demo1mDSN(b, bin)
	reg := testdb.Registry(b, connector.Addon, demo.Addon)
	conn, err := orm.Connect(context.Background(), dsn)
	if err != nil {
		b.Fatal(err)
	}
	defer conn.Close(context.Background())
	var ids []int64
	rows, _ := conn.Query(context.Background(), `SELECT id FROM res_partner WHERE active ORDER BY complete_name, id DESC LIMIT 100000`)
	if ids, err = pgx.CollectRows(rows, pgx.RowTo[int64]); err != nil {
		b.Fatal(err)
	}
	script := filepath.Join(b.TempDir(), "demo1m.go")
	if err := os.WriteFile(script, []byte(demo1mScript), 0o644); err != nil {
		b.Fatal(err)
	}
	ratios := map[string][]float64{}
	var rss []float64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		sh, shResult, mb := runDemo1mShell(b, bin, dsn, script)
		rss = append(rss, mb)
		co, coCounts := compiledDemo1m(b, freshConn(b, dsn), reg)
		sq, sqCounts := sqlDemo1m(b, freshConn(b, dsn), ids)
		want := "N " + joinInts(coCounts)
		if shResult != want || joinInts(coCounts) != joinInts(sqCounts) {
			b.Fatalf("results differ: shell %q, compiled %v, SQL %v", shResult, coCounts, sqCounts)
		}
		for _, op := range demo1mOps {
			ratios[op+"-shell/compiled"] = append(ratios[op+"-shell/compiled"], float64(sh[op])/float64(co[op]))
			ratios[op+"-shell/sql"] = append(ratios[op+"-shell/sql"], float64(sh[op])/float64(sq[op]))
			ratios[op+"-compiled/sql"] = append(ratios[op+"-compiled/sql"], float64(co[op])/float64(sq[op]))
			ratios[op+"-sql-ms"] = append(ratios[op+"-sql-ms"], float64(sq[op].Microseconds())/1000)
		}
	}
	for name, rs := range ratios {
		sort.Float64s(rs)
		b.ReportMetric(rs[len(rs)/2], name)
	}
	sort.Float64s(rss)
	b.ReportMetric(rss[len(rss)-1], "shell-peak-RSS-MB")
	b.ReportMetric(demo1mLoad[0], "load-s")
	b.ReportMetric(demo1mLoad[1], "load-peak-RSS-MB")
	b.ReportMetric(0, "ns/op")
}

// freshConn opens a connection for one iteration's compiled or SQL work,
// closed when the benchmark ends. Each side starts on a new server
// process, as the odsh script does: a new PostgreSQL backend pays a page
// fault for each page of shared buffers it first touches (no huge pages
// here), which costs the first ilike search about 200 ms on the million
// partners; a connection that already ran the work would not.
func freshConn(b *testing.B, dsn string) *pgx.Conn {
	conn, err := orm.Connect(context.Background(), dsn)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { conn.Close(context.Background()) })
	return conn
}

func joinInts(xs []int) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = strconv.Itoa(x)
	}
	return strings.Join(s, " ")
}
