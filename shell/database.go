package shell

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"odsh/internal/pglocal"
	"odsh/orm"
)

// database is the connection odsh works on and what to close at exit.
type database struct {
	conn    *pgx.Conn
	name    string
	cluster *pglocal.Cluster
}

// Close closes the connection and leaves the private cluster.
func (d *database) Close() {
	if d.conn != nil {
		_ = d.conn.Close(context.Background())
	}
	if d.cluster != nil {
		_ = d.cluster.Close()
	}
}

// openDatabase connects to --db / $NAME_DB, or to -d NAME in the private
// cluster (a throwaway one with --ephemeral), creating the database when
// it is missing. --db wins over $NAME_DB; an explicit -d or --ephemeral
// means the private cluster and wins over $NAME_DB (parseFlags refuses
// them with --db).
func (a *app) openDatabase(ctx context.Context, f *flags) (*database, error) {
	dsn := f.dsn
	if dsn == "" && !f.nameGiven && !f.ephemeral {
		dsn = os.Getenv(a.dbEnv)
	}
	if dsn != "" {
		db, err := a.connectCreating(ctx, dsn)
		if err == nil {
			err = a.checkServer(ctx, db)
		}
		return db, err
	}
	var c *pglocal.Cluster
	var err error
	if f.ephemeral {
		c, err = pglocal.Ephemeral(ctx, pglocal.Options{NoSync: true})
	} else {
		c, err = pglocal.Open(ctx, pglocal.Dir(a.name), pglocal.Options{})
	}
	if err != nil {
		return nil, err
	}
	if err := c.CreateDatabase(ctx, f.dbName, ""); err != nil {
		_ = c.Close()
		return nil, err
	}
	conn, err := a.connect(ctx, c.DSN(f.dbName))
	if err != nil {
		_ = c.Close()
		return nil, err
	}
	db := &database{conn: conn, name: f.dbName, cluster: c}
	if err := a.checkServer(ctx, db); err != nil {
		return nil, err
	}
	return db, nil
}

// minServerVersion is the oldest PostgreSQL odsh runs on, as
// server_version_num.
const minServerVersion = 130000

// checkServer refuses (closing db) a server older than minServerVersion.
func (a *app) checkServer(ctx context.Context, db *database) error {
	var num int
	var version string
	err := db.conn.QueryRow(ctx, "SELECT current_setting('server_version_num')::int, current_setting('server_version')").Scan(&num, &version)
	if err == nil {
		err = versionError(a.name, num, version)
	}
	if err != nil {
		db.Close()
	}
	return err
}

// versionError says why a server of this version cannot be used by the
// command name, or nil.
func versionError(name string, num int, version string) error {
	if num < minServerVersion {
		return fmt.Errorf("PostgreSQL %s is too old: %s needs PostgreSQL 13 or newer", version, name)
	}
	return nil
}

// connConfig is orm.ConnConfig, with the command's name as the
// application_name unless dsn sets one.
func (a *app) connConfig(dsn string) (*pgx.ConnConfig, error) {
	cfg, err := orm.ConnConfig(dsn)
	if err != nil {
		return nil, err
	}
	if !strings.Contains(dsn, "application_name") {
		cfg.RuntimeParams["application_name"] = a.name
	}
	return cfg, nil
}

// connect is orm.Connect with connConfig.
func (a *app) connect(ctx context.Context, dsn string) (*pgx.Conn, error) {
	cfg, err := a.connConfig(dsn)
	if err != nil {
		return nil, err
	}
	return pgx.ConnectConfig(ctx, cfg)
}

// connectCreating connects to dsn; when its database does not exist, it
// creates it through the server's "postgres" database and connects again.
func (a *app) connectCreating(ctx context.Context, dsn string) (*database, error) {
	cfg, err := a.connConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("bad connection string: %w", err)
	}
	if cfg.ConnectTimeout == 0 {
		cfg.ConnectTimeout = connectTimeout
	}
	conn, err := pgx.ConnectConfig(ctx, cfg)
	var pe *pgconn.PgError
	if errors.As(err, &pe) && pe.Code == "3D000" { // invalid_catalog_name
		if err := createDatabase(ctx, cfg); err != nil {
			return nil, err
		}
		conn, err = pgx.ConnectConfig(ctx, cfg)
	}
	if err != nil {
		return nil, connectError(cfg, err)
	}
	return &database{conn: conn, name: cfg.Database}, nil
}

// createDatabase creates cfg's database through the server's "postgres"
// database, saying so when the role may not.
func createDatabase(ctx context.Context, cfg *pgx.ConnConfig) error {
	admin := cfg.Copy()
	admin.Database = "postgres"
	conn, err := pgx.ConnectConfig(ctx, admin)
	if err != nil {
		return fmt.Errorf("database %s does not exist, and creating it failed: %w", cfg.Database, connectError(admin, err))
	}
	defer conn.Close(context.Background())
	err = pglocal.CreateDatabase(ctx, conn, cfg.Database, "")
	var pe *pgconn.PgError
	if errors.As(err, &pe) && pe.Code == "42501" { // insufficient_privilege
		return fmt.Errorf("database %s does not exist, and role %s may not create it (ask for CREATEDB, or create it first)", cfg.Database, cfg.User)
	}
	if err != nil {
		return fmt.Errorf("database %s does not exist, and creating it failed: %w", cfg.Database, err)
	}
	return nil
}

// install creates the schema and loads the data of the addons in one
// committed transaction, then the demo data of newly installed addons.
// Steps are reported on stderr once a second has passed.
func (a *app) install(ctx context.Context, db *database, reg *orm.Registry, demo string) error {
	// READ COMMITTED: after waiting for the install lock, the install must
	// see what the previous holder committed (a REPEATABLE READ snapshot
	// would be taken before the wait).
	tx, err := orm.Begin(ctx, db.conn, reg, orm.TxOptions{Isolation: orm.ReadCommitted})
	if err != nil {
		return err
	}
	defer tx.Close()
	if err := a.lockInstall(ctx, tx.Conn()); err != nil {
		return err
	}
	progress := newProgress(os.Stderr, a.name, time.Second)
	defer progress.done()
	err = orm.Run(ctx, tx.Env(orm.SuperuserID, nil), func(env *orm.Env) error {
		before := installedAddons(env)
		orm.Install(env, progress.step)
		for _, ad := range reg.Addons() {
			if load := a.demo[ad.Name]; load != nil && !before[ad.Name] && demo != "none" {
				progress.step("demo data of " + ad.Name + " (" + demo + ")")
				if err := load(env, demo); err != nil {
					return err
				}
			}
		}
		if !tx.Dirty() {
			return errNothing
		}
		return nil
	})
	if errors.Is(err, errNothing) {
		return nil
	}
	return err
}

// installLock is the key of the advisory lock an install holds until its
// transaction ends ("odsh" in ASCII).
const installLock = 0x6f647368

// lockInstall takes the install lock in the current transaction, so that
// two odsh processes starting on the same new database install it one
// after the other: the second then finds it installed and writes nothing.
func (a *app) lockInstall(ctx context.Context, conn *pgx.Conn) error {
	var got bool
	if err := conn.QueryRow(ctx, "SELECT pg_try_advisory_xact_lock($1)", installLock).Scan(&got); err != nil || got {
		return err
	}
	// the other process may only be checking that nothing is to install
	// (every start does, under the lock): say so only if the wait lasts
	t := time.AfterFunc(installWaitNotice, func() {
		a.say("waiting for another %s installing into this database", a.name)
	})
	defer t.Stop()
	_, err := conn.Exec(ctx, "SELECT pg_advisory_xact_lock($1)", installLock)
	return err
}

// installWaitNotice is how long lockInstall waits before saying why.
const installWaitNotice = time.Second

// errNothing makes orm.Run roll back an install that changed nothing.
var errNothing = errors.New("nothing to install")

// installedAddons reads which addons the database has, before Install.
func installedAddons(env *orm.Env) map[string]bool {
	out := map[string]bool{}
	rows := env.Tx().QueryValues("SELECT to_regclass('ir_module_module') IS NOT NULL")
	if len(rows) == 0 || rows[0][0] != true {
		return out
	}
	for _, r := range env.Tx().QueryValues("SELECT name FROM ir_module_module WHERE state = 'installed'") {
		out[fmt.Sprint(r[0])] = true
	}
	return out
}

// progress prints install steps on stderr once the install has taken
// longer than a delay: a timer then shows the step under way (a long demo
// data load is one step), and every later step is shown as it starts.
type progress struct {
	w     io.Writer
	name  string // prefixes each line
	start time.Time
	timer *time.Timer

	mu    sync.Mutex
	last  string
	shown bool
}

func newProgress(w io.Writer, name string, delay time.Duration) *progress {
	p := &progress{w: w, name: name, start: time.Now()}
	p.timer = time.AfterFunc(delay, p.showLast)
	return p
}

// step records the step starting now, printing it once past the delay.
func (p *progress) step(s string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.last = s
	if p.shown {
		fmt.Fprintf(p.w, "%s: %s\n", p.name, s)
	}
}

// showLast is the timer's: the delay has passed, show the current step.
func (p *progress) showLast() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.shown && p.last != "" {
		p.shown = true
		fmt.Fprintf(p.w, "%s: %s\n", p.name, p.last)
	}
}

// done stops the timer and, when steps were shown, says how long it took.
func (p *progress) done() {
	p.timer.Stop()
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.shown {
		fmt.Fprintf(p.w, "%s: ready in %s\n", p.name, time.Since(p.start).Round(time.Millisecond))
	}
}
