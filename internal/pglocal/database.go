package pglocal

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// DSN returns a connection string for database db on the cluster's unix
// socket, as the superuser: host=SOCKETDIR port=5432 user=postgres dbname=DB.
// pgx and libpq both accept it.
func (c *Cluster) DSN(db string) string {
	return fmt.Sprintf("host=%s port=%d user=%s dbname=%s sslmode=disable",
		quoteDSN(c.l.socket), port, superuser, quoteDSN(db))
}

// quoteDSN quotes a key/value connection-string value when it needs it.
func quoteDSN(v string) string {
	if v != "" && !strings.ContainsAny(v, " '\\\t\n") {
		return v
	}
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(v) + "'"
}

// CreateDatabase creates database name unless it exists, copying template
// when it is not empty. Two processes creating the same database at once
// both succeed.
func (c *Cluster) CreateDatabase(ctx context.Context, name, template string) error {
	conn, err := pgx.Connect(ctx, c.DSN("postgres"))
	if err != nil {
		return fmt.Errorf("pglocal: %w", err)
	}
	defer conn.Close(context.WithoutCancel(ctx))
	return CreateDatabase(ctx, conn, name, template)
}

// CreateDatabase creates database name through conn unless it exists,
// copying template when it is not empty. It works on any server where the
// connected role may create databases.
func CreateDatabase(ctx context.Context, conn *pgx.Conn, name, template string) error {
	var exists bool
	err := conn.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)", name).Scan(&exists)
	if err != nil || exists {
		return wrap(err)
	}
	sql := "CREATE DATABASE " + pgx.Identifier{name}.Sanitize()
	if template != "" {
		sql += " TEMPLATE " + pgx.Identifier{template}.Sanitize()
	}
	_, err = conn.Exec(ctx, sql)
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) && createdMeanwhile(pgErr) {
		return nil
	}
	return wrap(err)
}

// createdMeanwhile reports whether a CREATE DATABASE failed because another
// session created the same database first: duplicate_database when the
// other one had committed, or a unique violation on pg_database's name
// index when both were inserting the catalog row at once.
func createdMeanwhile(e *pgconn.PgError) bool {
	return e.Code == "42P04" || e.Code == "23505" && e.ConstraintName == "pg_database_datname_index"
}

func wrap(err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("pglocal: %w", err)
}
