package shell

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"odsh/internal/tty"
	"odsh/orm"
	"odsh/printer"
	"odsh/repl"
)

// Exit statuses (the package documentation lists them).
const (
	exitOK    = 0
	exitFail  = 1 // the code failed; nothing was committed
	exitUsage = 2 // bad usage, or the database cannot be reached
)

// flags are the command line's options.
type flags struct {
	dsn, dbName, addons, demo, user, code string
	ephemeral, commit, sql, readOnly      bool
	install, write                        bool
	retry                                 int
	addonsGiven, dbGiven, nameGiven       bool
	files                                 []string
	learn                                 *learnFlags // NAME learn (learn.go)
}

// parseFlags parses the command line of NAME (after "learn" and its own
// arguments for NAME learn).
func (a *app) parseFlags(args []string, stderr io.Writer) (*flags, error) {
	f := &flags{}
	fs := flag.NewFlagSet(a.name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&f.dsn, "db", "", "PostgreSQL connection string (default $"+a.dbEnv+", else the private cluster)")
	fs.StringVar(&f.dbName, "d", a.name, "database name in the private cluster")
	fs.BoolVar(&f.ephemeral, "ephemeral", false, "a throwaway private cluster and database, removed at exit")
	fs.StringVar(&f.addons, "addons", a.defaults, "comma-separated addons to install or upgrade")
	fs.StringVar(&f.demo, "demo", "small", "demo data size: none, small, large, 1m")
	fs.BoolVar(&f.commit, "commit", false, "commit at the end of a script run")
	fs.StringVar(&f.user, "user", "", "run as this user (login) instead of the superuser")
	fs.BoolVar(&f.sql, "sql", false, "log every SQL statement with its duration")
	fs.StringVar(&f.code, "c", "", "run CODE and print the value of its last expression")
	fs.BoolVar(&f.readOnly, "read-only", false, "run in a read-only transaction; write nothing at start-up")
	fs.BoolVar(&f.install, "install", false, "install "+a.name+"'s addons into a database that is neither odsh's nor Odoo's")
	fs.BoolVar(&f.write, "write", false, "Odoo mode: allow writing stored fields no stored computed field depends on")
	fs.IntVar(&f.retry, "retry", 0, "run a script again, up to `N` times, when another transaction changed the same rows")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: %[1]s [flags] [FILE...]\n       %[1]s [flags] -c CODE\n       %[2]s\n       %[3]s\n       %[4]s\n",
			a.name, strings.TrimPrefix(a.learnUsage(), "usage: "), strings.TrimPrefix(a.docUsage(), "usage: "), strings.TrimPrefix(a.graphUsage(), "usage: "))
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	fs.Visit(func(fl *flag.Flag) {
		f.addonsGiven = f.addonsGiven || fl.Name == "addons"
		f.dbGiven = f.dbGiven || fl.Name == "db"
		f.nameGiven = f.nameGiven || fl.Name == "d"
	})
	f.files = fs.Args()
	if err := checkDatabaseFlags(f); err != nil {
		return nil, err
	}
	switch {
	case f.demo != "none" && f.demo != "small" && f.demo != "large" && f.demo != "1m":
		return nil, fmt.Errorf("--demo: want none, small, large or 1m, got %q", f.demo)
	case f.code != "" && len(f.files) > 0:
		return nil, errors.New("-c and script files are exclusive")
	case f.retry < 0:
		return nil, fmt.Errorf("--retry: want 0 or more, got %d", f.retry)
	}
	return f, nil
}

// checkDatabaseFlags refuses combinations of --db, -d and --ephemeral that
// name two databases, and names PostgreSQL would reject or truncate.
func checkDatabaseFlags(f *flags) error {
	switch {
	case f.dbGiven && f.ephemeral:
		return errors.New("--db and --ephemeral are exclusive (--ephemeral starts a throwaway server of its own)")
	case f.dbGiven && f.nameGiven:
		return errors.New("--db and -d are exclusive (name the database in the connection string: dbname=NAME)")
	case f.dbName == "":
		return errors.New("-d: the database name is empty")
	case len(f.dbName) > maxIdentifier:
		return fmt.Errorf("-d: the database name is %d bytes long; PostgreSQL allows %d", len(f.dbName), maxIdentifier)
	case strings.ContainsRune(f.dbName, 0):
		return errors.New("-d: the database name contains a NUL byte")
	}
	return nil
}

// maxIdentifier is PostgreSQL's longest identifier (NAMEDATALEN - 1),
// in bytes; longer names are silently truncated.
const maxIdentifier = 63

// Main runs the command line os.Args for cfg and returns the exit status
// (0 success, 1 the code failed, 2 bad usage or no database); a command's
// main is os.Exit(shell.Main(cfg)). See the package documentation.
func Main(cfg Config) int {
	a, err := newApp(cfg)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return exitUsage
	}
	return a.run(os.Args[1:])
}

// run is the command line; it returns the exit status.
func (a *app) run(args []string) int {
	if len(args) > 0 && args[0] == "learn" {
		return a.runLearn(args[1:])
	}
	if len(args) > 0 && (args[0] == "doc" || args[0] == "graph") {
		return a.runDocGraph(args[0], args[1:]) // docgraph.go
	}
	f, err := a.parseFlags(args, os.Stderr)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err != nil {
		a.say("%v", err)
		return exitUsage
	}
	return a.startSession(f)
}

// startSession opens the database the flags name, installs what it needs and
// runs the session.
func (a *app) startSession(f *flags) int {
	ctx := context.Background()
	addons, err := a.resolveAddons(f.addons, !f.addonsGiven)
	if err != nil {
		a.say("%v", err)
		return exitUsage
	}
	reg, err := orm.NewRegistryFrom(addons)
	if err != nil {
		a.say("%v", err)
		return exitFail
	}
	// Until the session starts, Ctrl-C or SIGTERM cancels the start-up:
	// an install under way is rolled back.
	sctx, stopSignals := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer stopSignals()
	db, err := a.openDatabase(sctx, f)
	if err != nil {
		a.say("database: %v", err)
		return exitUsage
	}
	defer db.Close()
	info, err := a.prepare(sctx, f, db, reg)
	if errors.Is(err, errRefused) {
		return exitUsage
	}
	if sctx.Err() != nil {
		if err != nil {
			a.say("interrupted; the install was rolled back, the database is as it was")
		} else {
			a.say("interrupted")
		}
		return exitFail
	}
	if err != nil {
		a.say("install: %v", err)
		return exitFail
	}
	if info.Kind == orm.DatabaseOdoo {
		reg, err = a.openOdoo(sctx, f, db, info)
		if err != nil {
			a.say("%v", err)
			return exitFail
		}
	}
	stopSignals()
	return a.session(ctx, f, db, reg, info)
}

// session starts the transaction and the shell, then runs the mode the
// command line asks for.
func (a *app) session(ctx context.Context, f *flags, db *database, reg *orm.Registry, info orm.DatabaseInfo) int {
	opts := orm.TxOptions{ReadOnly: f.readOnly || info.ReadOnly || (info.Kind == orm.DatabaseOdoo && !f.write)}
	if f.sql {
		opts.Log = repl.SQLLog(os.Stderr)
	}
	tx, err := orm.Begin(ctx, db.conn, reg, opts)
	if err != nil {
		a.say("%v", err)
		return exitUsage
	}
	defer tx.Close()
	interactive := f.code == "" && len(f.files) == 0 && tty.Is(os.Stdin)
	so := repl.SessionOptions{Tx: tx, User: f.user, DB: cmp.Or(db.name, a.name), Width: printer.TerminalWidth(os.Stdout.Fd()),
		Color: tty.Is(os.Stdout)}
	if interactive {
		so.InitFile = filepath.Join(configDir(), a.name, "init.go")
		so.Interactive = true
	}
	s, err := repl.NewSession(so)
	var ve *orm.ValidationError
	if err != nil && f.user != "" && errors.As(err, &ve) && ve.Model == "res.users" {
		a.say("--user %s: no such user", f.user)
		return exitUsage
	}
	if err != nil {
		a.say("%v", err)
		return exitFail
	}
	sig := a.handleSignals(s, db)
	defer sig.stop()
	if f.learn != nil {
		return a.learnSession(ctx, s, f, interactive, sig)
	}
	if !interactive {
		return a.runScripts(ctx, f, s, so)
	}
	return a.interact(ctx, s, sig, "")
}

// interact runs the read-eval-print loop on the terminal.
func (a *app) interact(ctx context.Context, s *repl.Session, sig *signals, first string) int {
	lr, err := repl.NewTerminal(filepath.Join(stateDir(), a.name, "history"), s.Completer())
	if err != nil {
		a.say("%v", err)
		return exitFail
	}
	defer lr.Close()
	sig.atExit(func() { lr.Close() })
	a.keepLearnProgress(s)
	if reg := s.Env().Registry(); reg.IsOdoo() {
		mode := "read-only"
		if !s.Env().Tx().ReadOnly() {
			mode = "--write: stored fields no computed field depends on"
		}
		a.say("Odoo %s database, %d models (%s)", reg.OdooVersion(), len(reg.Models()), mode)
	}
	welcome := "Go against env; :help for commands, Ctrl-D to leave"
	if s.Env().Registry().Model(courseModel) != nil {
		welcome = "Go against env; :help for commands, :learn for the course, Ctrl-D to leave"
	}
	a.say("%s", welcome)
	if first != "" {
		_ = s.Eval(ctx, first)
	}
	err = s.Run(ctx, lr)
	if errors.Is(err, repl.ErrConnLost) {
		return a.connLost(err)
	}
	if err != nil {
		a.say("%v", err)
		return exitFail
	}
	return exitOK
}

// runScript runs one script, printing its error as "NAME:LINE: error".
func (a *app) runScript(ctx context.Context, s *repl.Session, name string, r io.Reader) error {
	src, err := io.ReadAll(r)
	if err != nil {
		a.say("%s: %v", name, err)
		return err
	}
	if err := s.RunScript(ctx, name, string(src)); err != nil {
		if errors.Is(err, repl.ErrConnLost) {
			return err
		}
		msg := s.FormatError(err)
		fmt.Fprintf(os.Stderr, "%s:%s\n", name, strings.TrimPrefix(msg, "line "))
		if h := repl.HintOf(err); h != "" {
			fmt.Fprintln(os.Stderr, "hint: "+h)
		}
		return err
	}
	return nil
}

// commit commits tx and returns the ORM error it raised. No savepoint
// around it: COMMIT ends the savepoint with the transaction, and an aborted
// transaction (which Commit reports) accepts none.
func commit(tx *orm.Transaction) error { return orm.Try(tx.Commit) }

// finish ends a non-interactive run: roll back on error, commit with
// --commit, else roll back and say so when something changed.
func (a *app) finish(s *repl.Session, f *flags, err error) int {
	tx := s.Env().Tx()
	if errors.Is(err, repl.ErrConnLost) || tx.Conn().IsClosed() {
		return a.connLost(err)
	}
	if err != nil {
		if tx.Dirty() {
			a.say("rolled back")
		}
		return exitFail
	}
	if f.commit {
		if err := commit(tx); err != nil {
			a.say("commit: %s", s.FormatError(err))
			return exitFail
		}
		return exitOK
	}
	if tx.Dirty() {
		a.say("changes rolled back (run with --commit to keep them)")
	}
	return exitOK
}

// configDir is $XDG_CONFIG_HOME or ~/.config.
func configDir() string {
	if d := os.Getenv("XDG_CONFIG_HOME"); d != "" {
		return d
	}
	home, _ := os.UserHomeDir()
	return filepath.Join(home, ".config")
}

// stateDir is $XDG_STATE_HOME or ~/.local/state.
func stateDir() string {
	if d := os.Getenv("XDG_STATE_HOME"); d != "" {
		return d
	}
	home, _ := os.UserHomeDir()
	return filepath.Join(home, ".local", "state")
}
