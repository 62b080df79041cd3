package orm

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgconn/ctxwatch"
)

// Connect opens a connection configured for the ORM: application_name
// "odsh"; statements sent unnamed (pgx caches their description only), so
// that PostgreSQL plans each with its parameters as it does Odoo's
// (psycopg2 sends the values), while the foreign-key triggers' own
// prepared queries keep the server's default plan caching (a custom plan
// for every row triggered made a 10,000-row UPDATE twice as slow); and
// cancellation by a cancel request, so that cancelling a statement's
// context aborts the statement on the server but keeps the connection
// (and the transaction, up to its last savepoint).
func Connect(ctx context.Context, dsn string) (*pgx.Conn, error) {
	cfg, err := ConnConfig(dsn)
	if err != nil {
		return nil, err
	}
	return pgx.ConnectConfig(ctx, cfg)
}

// ConnConfig parses dsn and applies the ORM's settings (see Connect).
func ConnConfig(dsn string) (*pgx.ConnConfig, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, err
	}
	if cfg.RuntimeParams == nil {
		cfg.RuntimeParams = map[string]string{}
	}
	if _, ok := cfg.RuntimeParams["application_name"]; !ok {
		cfg.RuntimeParams["application_name"] = "odsh"
	}
	cfg.DefaultQueryExecMode = pgx.QueryExecModeCacheDescribe
	cfg.BuildContextWatcherHandler = func(c *pgconn.PgConn) ctxwatch.Handler {
		return &pgconn.CancelRequestContextWatcherHandler{Conn: c, CancelRequestDelay: 0, DeadlineDelay: 5 * time.Second}
	}
	return cfg, nil
}
