package shell

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strings"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// connectTimeout bounds a connection attempt when the DSN sets no
// connect_timeout, so that a server that does not answer fails fast.
const connectTimeout = 5 * time.Second

// connectError turns pgx's connection error, which lists every address
// and TLS attempt on its own line, into one line: where, as whom, and the
// reason that matters (the server's message, or the network's).
func connectError(cfg *pgx.ConnConfig, err error) error {
	var ce *pgconn.ConnectError
	if !errors.As(err, &ce) {
		return err
	}
	return fmt.Errorf("cannot connect to %s as %s, database %s: %s", where(cfg), cfg.User, cfg.Database, reason(err))
}

// where names the server: a unix socket path or host:port.
func where(cfg *pgx.ConnConfig) string {
	if strings.HasPrefix(cfg.Host, "/") {
		return fmt.Sprintf("%s/.s.PGSQL.%d", cfg.Host, cfg.Port)
	}
	return net.JoinHostPort(cfg.Host, fmt.Sprint(cfg.Port))
}

// reason is the most telling cause in a connection error.
func reason(err error) string {
	var pe *pgconn.PgError
	var errno syscall.Errno
	var dns *net.DNSError
	switch {
	case errors.As(err, &pe):
		return pe.Message + " (SQLSTATE " + pe.Code + ")"
	case errors.Is(err, context.DeadlineExceeded):
		return "no answer (timed out)"
	case errors.As(err, &errno):
		return errno.Error()
	case errors.As(err, &dns):
		return dns.Error()
	}
	msg := strings.TrimSpace(err.Error())
	if i := strings.LastIndex(msg, "\n"); i >= 0 {
		msg = strings.TrimSpace(msg[i+1:])
	}
	if _, after, ok := strings.Cut(msg, "): "); ok {
		msg = after
	}
	return msg
}
