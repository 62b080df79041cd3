package bench

import (
	"bufio"
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"odsh/internal/testdb"
	"odsh/orm"
)

// shellScript does the work of the core benchmarks through odsh, as a
// script: each operation is its own top-level statement (so the shell's
// per-statement work — savepoint, write listener, flush — is paid as at
// the prompt), timed from the statement before it to the one after.
const shellScript = `vals := make([]orm.Values, 10000)
for i := range vals {
	vals[i] = orm.Values{"name": fmt.Sprintf("Partner %05d", i), "email": fmt.Sprintf("p%05d@example.com", i), "city": "Namur", "zip": "5000", "phone": "+32 81 00 00 00"}
}
t0 := time.Now()
ps := env.Model("res.partner").Create(vals...)
env.FlushAll()
fmt.Println("create", time.Since(t0).Microseconds())
env.InvalidateAll()
t0 = time.Now()
n := 0
for _, r := range ps.Records() {
	n += len(r.Str("name")) + len(r.Str("email")) + len(r.Str("city")) + len(r.Str("zip")) + len(r.Str("phone"))
}
fmt.Println("read", time.Since(t0).Microseconds())
t0 = time.Now()
ps.Write(orm.Values{"city": "Liège"})
env.FlushAll()
fmt.Println("write", time.Since(t0).Microseconds())
t0 = time.Now()
ps.Unlink()
fmt.Println("unlink", time.Since(t0).Microseconds())
`

var shellOps = []string{"create", "read", "write", "unlink"}

// buildOdsh builds the odsh binary once for the benchmark.
func buildOdsh(b testing.TB) string {
	b.Helper()
	bin := filepath.Join(b.TempDir(), "odsh")
	if out, err := exec.Command("go", "build", "-o", bin, "odsh/cmd/odsh").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// runShell runs shellScript through the odsh binary and returns the time
// of each operation.
func runShell(b testing.TB, bin, dsn, script string) map[string]time.Duration {
	b.Helper()
	out, _ := odshRun(b, bin, "--db", dsn, "--addons", "base", script)
	got := map[string]time.Duration{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) != 2 {
			continue
		}
		us, err := strconv.ParseInt(f[1], 10, 64)
		if err == nil {
			got[f[0]] = time.Duration(us) * time.Microsecond
		}
	}
	for _, op := range shellOps {
		if _, ok := got[op]; !ok {
			b.Fatalf("odsh printed no time for %s:\n%s", op, out)
		}
	}
	return got
}

// odshRun runs the odsh binary with args (not $ODSH_DB's database) and
// returns its standard output and the finished command; it fails the
// benchmark when odsh does.
func odshRun(b testing.TB, bin string, args ...string) ([]byte, *exec.Cmd) {
	b.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "ODSH_DB=")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		b.Fatalf("odsh: %v\n%s%s", err, out, stderr.Bytes())
	}
	return out, cmd
}

// compiledOps does shellScript's work with the compiled ORM.
func compiledOps(s *session) map[string]time.Duration {
	env, done := s.env()
	defer done()
	got := map[string]time.Duration{}
	vals := partnerVals()
	t := time.Now()
	ps := env.Model("res.partner").Create(vals...)
	env.FlushAll()
	got["create"] = time.Since(t)
	env.InvalidateAll()
	t = time.Now()
	n := 0
	for _, r := range ps.Records() {
		n += len(r.Str("name")) + len(r.Str("email")) + len(r.Str("city")) + len(r.Str("zip")) + len(r.Str("phone"))
	}
	got["read"] = time.Since(t)
	t = time.Now()
	ps.Write(orm.Values{"city": "Liège"})
	env.FlushAll()
	got["write"] = time.Since(t)
	t = time.Now()
	ps.Unlink()
	got["unlink"] = time.Since(t)
	return got
}

// sqlOps does the same work with the best hand-written SQL we know on the
// same schema: multi-row INSERT, one SELECT, one UPDATE, one DELETE with
// generic plans for its foreign-key triggers.
func sqlOps(b testing.TB, s *session) map[string]time.Duration {
	got := map[string]time.Duration{}
	pgxTx(b, s.conn, func() {
		t := time.Now()
		ids := pgxInsert(b, s.conn)
		got["create"] = time.Since(t)
		t = time.Now()
		pgxRead(b, s.conn, ids)
		got["read"] = time.Since(t)
		t = time.Now()
		if _, err := s.conn.Exec(context.Background(), "UPDATE res_partner SET city = $1, write_uid = $2, write_date = $3 WHERE id = ANY($4)",
			"Liège", 1, time.Now().UTC(), ids); err != nil {
			b.Fatal(err)
		}
		got["write"] = time.Since(t)
		t = time.Now()
		pgxDelete(b, s.conn, ids)
		got["unlink"] = time.Since(t)
	})
	return got
}

// BenchmarkShell10k runs create, read by iteration, write and unlink of
// 10,000 partners three ways in turn each iteration — through odsh as a
// script, with the compiled ORM, with hand-written SQL — and reports per
// operation the median ratios shell/compiled and shell/SQL. Each of the
// three starts on a new connection (see freshConn). With
// $ODSH_BENCH_BASELINE naming another odsh binary (an older build), that
// binary runs the script too and "base-shell/compiled" compares it.
func BenchmarkShell10k(b *testing.B) {
	s := newSession(b)
	bin := buildOdsh(b)
	dsn := testdb.PreparedDSN(b)
	script := filepath.Join(b.TempDir(), "perf.go")
	if err := os.WriteFile(script, []byte(shellScript), 0o644); err != nil {
		b.Fatal(err)
	}
	baseline := os.Getenv("ODSH_BENCH_BASELINE")
	ratios := map[string][]float64{}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var base map[string]time.Duration
		if baseline != "" {
			base = runShell(b, baseline, dsn, script)
		}
		sh := runShell(b, bin, dsn, script)
		// each on a new connection, as the script is (freshConn)
		co := compiledOps(&session{b: b, conn: freshConn(b, dsn), reg: s.reg})
		sq := sqlOps(b, &session{b: b, conn: freshConn(b, dsn), reg: s.reg})
		for _, op := range shellOps {
			ratios[op+"-shell/compiled"] = append(ratios[op+"-shell/compiled"], float64(sh[op])/float64(co[op]))
			ratios[op+"-shell/sql"] = append(ratios[op+"-shell/sql"], float64(sh[op])/float64(sq[op]))
			ratios[op+"-compiled/sql"] = append(ratios[op+"-compiled/sql"], float64(co[op])/float64(sq[op]))
			if base != nil {
				ratios[op+"-base-shell/compiled"] = append(ratios[op+"-base-shell/compiled"], float64(base[op])/float64(co[op]))
			}
		}
	}
	for name, rs := range ratios {
		sort.Float64s(rs)
		b.ReportMetric(rs[len(rs)/2], name)
	}
	b.ReportMetric(0, "ns/op")
}
