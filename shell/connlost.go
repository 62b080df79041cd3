package shell

// A session whose server goes away (stopped, restarted, or the connection
// killed) cannot go on: its transaction is gone with the connection. The
// session says so in one line and returns repl.ErrConnLost (see repl's
// session_connlost.go); the command then exits with status 2.

import (
	"errors"

	"odsh/repl"
)

// connLost ends a session whose connection is gone with its exit status,
// saying so unless the session (whose error is err) already has.
func (a *app) connLost(err error) int {
	if !errors.Is(err, repl.ErrConnLost) {
		a.say("%s", repl.ErrConnLost.Error())
	}
	return exitUsage
}
