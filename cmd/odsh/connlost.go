package main

// A session whose server goes away (stopped, restarted, or the connection
// killed) cannot go on: its transaction is gone with the connection. The
// session's own error lines would then be noise ("conn closed", a failed
// rollback to a savepoint), so once the connection is closed they are
// dropped, and odsh says once what happened and exits with status 2.

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/jackc/pgx/v5"

	"odsh/repl"
)

// errConnLost is returned by a checkedReader once the connection is gone.
var errConnLost = errors.New("the connection to the database was lost")

// connLost prints the line that ends a session whose connection is gone
// and returns its exit status.
func connLost() int {
	fmt.Fprintln(os.Stderr, "odsh: lost the connection to the database (the server stopped or closed it); nothing was committed")
	return exitUsage
}

// quietWriter writes to w until conn is closed, then drops everything.
type quietWriter struct {
	w    io.Writer
	conn *pgx.Conn
}

func (q quietWriter) Write(p []byte) (int, error) {
	if q.conn.IsClosed() {
		return len(p), nil
	}
	return q.w.Write(p)
}

// checkedReader pings the server after each line typed, so that the entry
// typed after the server went away ends the session with errConnLost
// instead of failing on a dead connection.
type checkedReader struct {
	repl.LineReader
	conn *pgx.Conn
}

func (r checkedReader) ReadLine(prompt string) (string, error) {
	line, err := r.LineReader.ReadLine(prompt)
	if err == nil || errors.Is(err, io.EOF) {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if r.conn.IsClosed() || r.conn.Ping(ctx) != nil {
			return "", errConnLost
		}
	}
	return line, err
}
