package testdb

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"odsh/internal/pglocal"
)

// EnvDSN names the environment variable that points the tests at an
// existing server: its value is the DSN of the database tests use, and
// CreateDatabase creates others beside it.
const EnvDSN = "ODSH_TEST_DSN"

// Database is the name of the default test database in the private cluster.
const Database = "odsh_test"

var (
	mainCalled bool

	mu      sync.Mutex
	cluster *pglocal.Cluster
	created = map[string]bool{}
)

// Main runs the tests of a package that uses testdb and stops the private
// cluster, if one was started, before exiting. Call it from TestMain.
func Main(m *testing.M) {
	mainCalled = true
	code := m.Run()
	if err := closeOdooCluster(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		code = max(code, 1)
	}
	mu.Lock()
	if cluster != nil {
		if err := cluster.Close(); err != nil {
			fmt.Fprintln(os.Stderr, err)
			code = max(code, 1)
		}
	}
	mu.Unlock()
	os.Exit(code)
}

// DSN returns the connection string of the test database: $ODSH_TEST_DSN
// when set, else database odsh_test in this binary's private cluster,
// created and started on first use. It fails the test if the server cannot
// be had.
func DSN(t testing.TB) string {
	t.Helper()
	if dsn := os.Getenv(EnvDSN); dsn != "" {
		return dsn
	}
	return CreateDatabase(t, Database, "")
}

// CreateDatabase creates database name (a copy of template when not empty)
// unless it exists, on the private cluster or on $ODSH_TEST_DSN's server,
// and returns its DSN.
func CreateDatabase(t testing.TB, name, template string) string {
	t.Helper()
	mu.Lock()
	defer mu.Unlock()
	base, err := serverDSN()
	if err != nil {
		t.Fatal(err)
	}
	dsn := withDatabase(base, name)
	if created[name] {
		return dsn
	}
	if err := createDatabase(base, name, template); err != nil {
		t.Fatal(err)
	}
	created[name] = true
	return dsn
}

// serverDSN returns a DSN for some database on the test server, starting
// the private cluster when needed. The caller holds mu.
func serverDSN() (string, error) {
	if dsn := os.Getenv(EnvDSN); dsn != "" {
		return dsn, nil
	}
	if cluster != nil {
		return cluster.DSN("postgres"), nil
	}
	if !mainCalled {
		return "", fmt.Errorf("testdb: call testdb.Main(m) from TestMain, so that the private cluster is stopped at exit")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	c, err := pglocal.Ephemeral(ctx, pglocal.Options{NoSync: true})
	if err != nil {
		return "", fmt.Errorf("testdb: %w", err)
	}
	cluster = c
	return c.DSN("postgres"), nil
}

func createDatabase(dsn, name, template string) error {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return fmt.Errorf("testdb: %w", err)
	}
	defer conn.Close(ctx)
	if err := pglocal.CreateDatabase(ctx, conn, name, template); err != nil {
		return fmt.Errorf("testdb: %w", err)
	}
	return nil
}

// withDatabase returns dsn with its database replaced by name; dsn is a
// URL (postgres://...) or key=value pairs, where a later key wins.
func withDatabase(dsn, name string) string {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		if u, err := url.Parse(dsn); err == nil {
			u.Path = "/" + name
			u.RawPath = ""
			return u.String()
		}
	}
	quoted := "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(name) + "'"
	return strings.TrimSpace(dsn) + " dbname=" + quoted
}

// MissingDSN returns the DSN of a database that does not exist yet on the
// test server, named name, for tests of what creates it; it is dropped
// (IF EXISTS, disconnecting its sessions) when the test ends.
func MissingDSN(t testing.TB, name string) string {
	t.Helper()
	mu.Lock()
	base, err := serverDSN()
	mu.Unlock()
	if err != nil {
		t.Fatal(err)
	}
	dropNowAndAfter(t, base, name)
	return withDatabase(base, name)
}

// dropNowAndAfter drops database name on the server of base (IF EXISTS,
// disconnecting its sessions), now and again when the test ends.
func dropNowAndAfter(t testing.TB, base, name string) {
	t.Helper()
	drop := func() error {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		conn, err := pgx.Connect(ctx, base)
		if err != nil {
			return err
		}
		defer conn.Close(ctx)
		_, err = conn.Exec(ctx, "DROP DATABASE IF EXISTS "+pgx.Identifier{name}.Sanitize()+" WITH (FORCE)")
		return err
	}
	if err := drop(); err != nil {
		t.Fatalf("testdb: %v", err)
	}
	t.Cleanup(func() {
		if err := drop(); err != nil {
			t.Errorf("testdb: %v", err)
		}
	})
}
