package repl

import (
	"errors"
	"fmt"
)

// A session whose server goes away (stopped, restarted, or the connection
// killed) cannot go on: its transaction is gone with the connection. The
// errors that follow (a closed connection, a failed rollback to a
// savepoint) would be noise, so the session says once what happened and
// returns ErrConnLost, which ends Run; RunScript, Eval and every later
// entry return it too, printing nothing more.

// ErrConnLost is the error of an entry that found the connection closed.
var ErrConnLost = errors.New("lost the connection to the database (the server stopped or closed it); nothing was committed")

// lost reports whether the session's connection is closed.
func (s *Session) lost() bool { return s.tx.Conn().IsClosed() }

// reportLost prints the line that ends a session whose connection is gone,
// the first time only, and returns ErrConnLost.
func (s *Session) reportLost() error {
	if !s.lostShown {
		s.lostShown = true
		fmt.Fprintln(s.errw, "odsh: "+ErrConnLost.Error())
	}
	s.lastErr = ErrConnLost
	return ErrConnLost
}
