package testdb

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

func TestMain(m *testing.M) { Main(m) }

func currentDatabase(t *testing.T, dsn string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var db string
	if err := conn.QueryRow(ctx, "SELECT current_database()").Scan(&db); err != nil {
		t.Fatal(err)
	}
	return db
}

func TestDSN(t *testing.T) {
	got := currentDatabase(t, DSN(t))
	if os.Getenv(EnvDSN) == "" && got != Database {
		t.Errorf("got %q, want %q", got, Database)
	}
}

func TestCreateDatabase(t *testing.T) {
	for _, name := range []string{"testdb one", "testdb one"} {
		if got := currentDatabase(t, CreateDatabase(t, name, "template0")); got != name {
			t.Errorf("got %q, want %q", got, name)
		}
	}
}

func TestWithDatabase(t *testing.T) {
	for _, tc := range []struct{ dsn, want string }{
		{"host=/tmp/x dbname=a", "x"},
		{"postgres://u@localhost:5432/a?sslmode=disable", "x"},
		{"postgresql://u@localhost/", "x"},
	} {
		cfg, err := pgconn.ParseConfig(withDatabase(tc.dsn, "x"))
		if err != nil {
			t.Fatalf("%s: %v", tc.dsn, err)
		}
		if cfg.Database != tc.want {
			t.Errorf("%s: got %q, want %q", tc.dsn, cfg.Database, tc.want)
		}
	}
}
