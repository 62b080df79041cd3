package testdb

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"odsh/internal/pglocal"
)

// The provided Odoo 18 database (shared/odoo/odoo18-demo.sql.gz beside the
// checkout), restored once per machine: into a private cluster of its own
// that every test binary shares (pglocal.Open on OdooClusterDir, fsync
// off; the last binary to leave stops it), in a database named after the
// dump's checksum. So a CI run restores it once, whichever packages use
// it, and a developer's later runs not at all. With ODSH_TEST_DSN, that
// server holds it instead. The restore takes an advisory lock (one binary
// restores, the others wait) and runs in one transaction into a temporary
// database renamed when complete, so an interrupted restore is never
// taken for a finished one.

// EnvOdooDump names the environment variable that points the tests at
// another dump file than ../shared/odoo/odoo18-demo.sql.gz.
const EnvOdooDump = "ODSH_ODOO_DUMP"

// EnvOdooDir names the environment variable that sets OdooClusterDir.
const EnvOdooDir = "ODSH_TEST_ODOO_DIR"

var (
	odooDone    = map[string]string{} // dump checksum → DSN
	odooCluster *pglocal.Cluster
)

// OdooClusterDir is the directory of the cluster holding the restored
// dump: $ODSH_TEST_ODOO_DIR, else beside odsh's own private cluster
// (pglocal.DefaultDir() + "-test-odoo").
func OdooClusterDir() string {
	if d := os.Getenv(EnvOdooDir); d != "" {
		return d
	}
	return pglocal.DefaultDir() + "-test-odoo"
}

// OdooDump returns the path of the Odoo 18 demo dump: $ODSH_ODOO_DUMP, or
// shared/odoo/odoo18-demo.sql.gz in the directory above the checkout. It
// fails the test when the file is missing.
func OdooDump(t testing.TB) string {
	t.Helper()
	if p := os.Getenv(EnvOdooDump); p != "" {
		return p
	}
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatalf("testdb: no go.mod above the test's directory")
		}
		dir = parent
	}
	p := filepath.Join(filepath.Dir(dir), "shared", "odoo", "odoo18-demo.sql.gz")
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("testdb: the Odoo dump: %v (set %s to its path)", err, EnvOdooDump)
	}
	return p
}

// OdooDSN returns the DSN of a database holding the Odoo 18 demo dump,
// restored on first use (psql). Tests must not change it: open it
// read-only, or roll back; OdooCopy gives a copy to change.
func OdooDSN(t testing.TB) string {
	t.Helper()
	dump := OdooDump(t)
	sum, err := fileSHA256(dump)
	if err != nil {
		t.Fatalf("testdb: %v", err)
	}
	mu.Lock()
	defer mu.Unlock()
	if dsn := odooDone[sum]; dsn != "" {
		return dsn
	}
	base, err := odooServerDSN()
	if err != nil {
		t.Fatal(err)
	}
	name := "odoo18_" + sum[:16]
	if err := restoreOnce(base, name, dump); err != nil {
		t.Fatalf("testdb: restoring %s: %v", dump, err)
	}
	dsn := withDatabase(base, name)
	odooDone[sum] = dsn
	return dsn
}

// odooServerDSN returns a DSN of the server holding the restored dump,
// opening the shared cluster on first use. The caller holds mu.
func odooServerDSN() (string, error) {
	if dsn := os.Getenv(EnvDSN); dsn != "" {
		return dsn, nil
	}
	if odooCluster == nil {
		if !mainCalled {
			return "", fmt.Errorf("testdb: call testdb.Main(m) from TestMain, so that the Odoo cluster is left at exit")
		}
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		c, err := pglocal.Open(ctx, OdooClusterDir(), pglocal.Options{NoSync: true})
		if err != nil {
			return "", fmt.Errorf("testdb: the Odoo cluster: %w", err)
		}
		odooCluster = c
	}
	return odooCluster.DSN("postgres"), nil
}

// closeOdooCluster leaves the shared cluster (Main calls it): the last
// test binary using it stops it.
func closeOdooCluster() error {
	mu.Lock()
	defer mu.Unlock()
	if odooCluster == nil {
		return nil
	}
	err := odooCluster.Close()
	odooCluster = nil
	return err
}

// OdooCopy returns the DSN of a new database copied from the restored
// Odoo dump (CREATE DATABASE … TEMPLATE of its untouched twin), for a
// test that commits; it is dropped when the test ends. The database is
// name suffixed with the process id: the Odoo cluster is shared by every
// test binary on the machine, and two runs at once (two checkouts, or
// unit and race runs side by side) must not drop each other's copy.
func OdooCopy(t testing.TB, name string) string {
	t.Helper()
	name = fmt.Sprintf("%s_%d", name, os.Getpid())
	src := OdooDSN(t)
	mu.Lock()
	base, err := odooServerDSN()
	mu.Unlock()
	if err != nil {
		t.Fatal(err)
	}
	dropNowAndAfter(t, base, name)
	if err := createDatabase(base, name, dbNameOf(src)+odooTemplate); err != nil {
		t.Fatal(err)
	}
	return withDatabase(base, name)
}

func dbNameOf(dsn string) string {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return ""
	}
	return cfg.Database
}

func fileSHA256(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// odooTemplate suffixes the name of the restored database's twin that
// OdooCopy copies: nobody connects to it, as CREATE DATABASE … TEMPLATE
// requires, while tests use the restored database itself.
const odooTemplate = "_template"

// odooRestoreLock is the advisory lock a restore holds ("odoo").
const odooRestoreLock = 0x6f646f6f

// restoreOnce restores dump into database name unless it exists: one
// binary at a time (an advisory lock), into a temporary database first,
// renamed when the restore has committed.
func restoreOnce(base, name, dump string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		return err
	}
	defer conn.Close(context.Background())
	if _, err := conn.Exec(ctx, "SELECT pg_advisory_lock($1)", odooRestoreLock); err != nil {
		return err
	}
	var exists bool
	if err := conn.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)", name).Scan(&exists); err != nil || exists {
		return err
	}
	tmp := name + "_restoring"
	if _, err := conn.Exec(ctx, "DROP DATABASE IF EXISTS "+pgx.Identifier{tmp}.Sanitize()+" WITH (FORCE)"); err != nil {
		return err
	}
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{tmp}.Sanitize()); err != nil {
		return err
	}
	if err := psqlRestore(ctx, withDatabase(base, tmp), dump); err != nil {
		return err
	}
	tmpl := pgx.Identifier{name + odooTemplate}.Sanitize()
	if _, err := conn.Exec(ctx, "DROP DATABASE IF EXISTS "+tmpl+" WITH (FORCE)"); err != nil {
		return err
	}
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+tmpl+" TEMPLATE "+pgx.Identifier{tmp}.Sanitize()); err != nil {
		return err
	}
	_, err = conn.Exec(ctx, "ALTER DATABASE "+pgx.Identifier{tmp}.Sanitize()+" RENAME TO "+pgx.Identifier{name}.Sanitize())
	return err
}

// psqlRestore feeds the gzipped plain-SQL dump to psql, in one transaction.
func psqlRestore(ctx context.Context, dsn, dump string) error {
	psql, err := exec.LookPath("psql")
	if err != nil {
		return fmt.Errorf("the PostgreSQL client psql is needed to restore the Odoo dump: %w", err)
	}
	cmd := exec.CommandContext(ctx, "sh", "-c", `gunzip -c "$1" | "$2" -X -q -1 -v ON_ERROR_STOP=1 -d "$3" >/dev/null`, "restore", dump, psql, dsn)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("psql: %v: %s", err, strings.TrimSpace(string(out)))
	}
	return nil
}

// Fingerprint returns a digest of a database's schema (tables, columns,
// constraints, indexes, sequences, views, comments) and of every row of
// every table, to check that a session changed nothing.
func Fingerprint(t testing.TB, dsn string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatalf("testdb: %v", err)
	}
	defer conn.Close(context.Background())
	h := sha256.New()
	for _, q := range fingerprintQueries {
		var s string
		if err := conn.QueryRow(ctx, q).Scan(&s); err != nil {
			t.Fatalf("testdb: fingerprint: %v", err)
		}
		h.Write([]byte(s))
	}
	var tables []string
	rows, err := conn.Query(ctx, `SELECT relname FROM pg_class WHERE relnamespace = current_schema()::regnamespace AND relkind = 'r' ORDER BY relname`)
	if err == nil {
		tables, err = pgx.CollectRows(rows, pgx.RowTo[string])
	}
	if err != nil {
		t.Fatalf("testdb: fingerprint: %v", err)
	}
	for _, tbl := range tables {
		var s string
		q := fmt.Sprintf("SELECT COALESCE(md5(string_agg(t::text, E'\\n' ORDER BY t::text)), '') FROM %s t", pgx.Identifier{tbl}.Sanitize())
		if err := conn.QueryRow(ctx, q).Scan(&s); err != nil {
			t.Fatalf("testdb: fingerprint of %s: %v", tbl, err)
		}
		fmt.Fprintf(h, "%s %s\n", tbl, s)
	}
	return hex.EncodeToString(h.Sum(nil))
}

var fingerprintQueries = []string{
	`SELECT COALESCE(string_agg(format('%s %s %s %s %s %s', c.relname, c.relkind, a.attnum, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull), E'\n' ORDER BY c.relname, a.attnum), '')
		FROM pg_class c LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
		WHERE c.relnamespace = current_schema()::regnamespace`,
	`SELECT COALESCE(string_agg(format('%s %s', conname, pg_get_constraintdef(oid)), E'\n' ORDER BY conname, pg_get_constraintdef(oid)), '')
		FROM pg_constraint WHERE connamespace = current_schema()::regnamespace`,
	`SELECT COALESCE(string_agg(indexdef, E'\n' ORDER BY indexdef), '') FROM pg_indexes WHERE schemaname = current_schema()`,
	`SELECT COALESCE(string_agg(format('%s %s %s', sequencename, last_value, increment_by), E'\n' ORDER BY sequencename), '') FROM pg_sequences WHERE schemaname = current_schema()`,
	`SELECT COALESCE(string_agg(format('%s %s', objoid, description), E'\n' ORDER BY objoid, objsubid), '') FROM pg_description d JOIN pg_class c ON c.oid = d.objoid WHERE c.relnamespace = current_schema()::regnamespace`,
	`SELECT COALESCE(string_agg(format('%s %s', extname, extversion), E'\n' ORDER BY extname), '') FROM pg_extension`,
	`SELECT COALESCE(string_agg(format('%s %s', proname, md5(prosrc)), E'\n' ORDER BY proname, md5(prosrc)), '') FROM pg_proc WHERE pronamespace = current_schema()::regnamespace`,
	`SELECT COALESCE(shobj_description(oid, 'pg_database'), '') FROM pg_database WHERE datname = current_database()`,
}
