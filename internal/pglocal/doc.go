// Package pglocal runs a private PostgreSQL cluster from the server binaries
// installed on the machine, for odsh and its tests, when no --db DSN is given.
//
// # Finding the server
//
// Find looks for initdb and postgres on $PATH, then in `pg_config --bindir`,
// then in the newest /usr/lib/postgresql/*/bin (and the Homebrew and
// Postgres.app locations on macOS). When they are missing it returns a
// *NotFoundError whose message says what to install, or to pass --db DSN.
//
// # Opening a cluster
//
//	c, err := pglocal.Open(ctx, pglocal.DefaultDir(), pglocal.Options{})
//	if err != nil {
//		return err
//	}
//	defer c.Close()
//	if err := c.CreateDatabase(ctx, "odsh", ""); err != nil {
//		return err
//	}
//	conn, err := pgx.Connect(ctx, c.DSN("odsh"))
//
// Open runs initdb the first time (UTF8, locale C, trust on the unix socket,
// no TCP: listen_addresses is empty), starts postgres with its log in the
// cluster directory, and waits until it accepts connections. DSN returns
// "host=SOCKETDIR port=5432 user=postgres dbname=NAME sslmode=disable"; the
// socket lives in DIR/run, or in /tmp/odsh-pg-HASH when DIR is too deep for
// the kernel's unix socket path limit.
//
// Ephemeral does the same in a temporary directory that Close removes; with
// Options.NoSync (fsync off) it is what tests use, through internal/testdb.
//
// # Sharing
//
// Any number of handles, in one process or several, may open the same
// directory. An flock on DIR/pg.lock serialises start and stop, so the server
// is never started twice; every open handle holds a shared flock on
// DIR/pg.users. Close takes the start/stop lock, drops its shared lock and
// tries the exclusive one: only the last user gets it, and stops the server
// (fast shutdown). The kernel drops the locks of a process that dies, and a
// postmaster.pid left by a crashed server is recognised and removed, so a
// crash never blocks the next Open.
//
// # Running as root
//
// PostgreSQL refuses to run as root. As root, initdb and postgres run as the
// "postgres" account (else "nobody"), which owns the data and socket
// directories, and DefaultDir is /var/lib/odsh: root's home is mode 0700 and
// that account could not reach a cluster inside it. Open fails with a clear
// message when a directory on the way is not searchable by the account.
package pglocal
