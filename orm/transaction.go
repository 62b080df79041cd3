package orm

// A Transaction is one PostgreSQL transaction on one connection, shared by
// every Env made from it (Odoo's cursor): the record cache, the pending
// writes, the savepoints and the statement counter live here. It is not
// safe for concurrent use: one goroutine at a time, as a cursor.

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// Transaction is a database transaction with its ORM cache.
type Transaction struct {
	conn        *pgx.Conn
	reg         *Registry
	ctx         context.Context
	cache       *cache
	queries     int
	logw        io.Writer
	readOnly    bool
	isolation   Isolation
	spSeq       int
	lazies      []*lazySearch // the searches that have not run yet, and some that have since (search_lazy.go)
	lazyCompact int           // the length of lazies at which the ones that have run are dropped
	closed      bool
	now         time.Time
	xmlids      map[string]xmlRef
	computing   map[*Field]map[int64]bool
	comp        *computeState // fields to recompute, protections, new records
	onQuery     []func(sql string, args []any)
	onSearch    []func(sql string, args []any)
	wrote       bool            // sent or pending writes since the last commit
	spWrote     map[string]bool // wrote when each open savepoint started
	security    *securityCache
	audit       auditState
	clock       func() time.Time
	rowvals     []any           // decodeRow's buffer
	langs       map[string]bool // active language codes, nil until read (activeLangs)
	own         owner           // the goroutine that may use it (owner.go)
	referrers   *referrerMemo   // during an unlink's marking (referringIDs)
	pending     func()          // sends a bulk create's INSERT before any other statement (insertComputed)
}

// TxOptions tune a transaction.
type TxOptions struct {
	ReadOnly  bool      // BEGIN READ ONLY: nothing can be written
	Isolation Isolation // RepeatableRead (the zero value, Odoo's level), ReadCommitted or Serializable
	Log       io.Writer // log every statement with its duration
}

// Begin starts a transaction on conn for the models of reg.
func Begin(ctx context.Context, conn *pgx.Conn, reg *Registry, opts TxOptions) (*Transaction, error) {
	if !reg.ready {
		if err := reg.Setup(); err != nil {
			return nil, err
		}
	}
	tx := &Transaction{conn: conn, reg: reg, ctx: ctx, readOnly: opts.ReadOnly, isolation: opts.Isolation, logw: opts.Log}
	tx.reset()
	tx.claim()
	if err := tx.begin(); err != nil {
		return nil, err
	}
	return tx, nil
}

func (tx *Transaction) reset() {
	tx.cache = newCache()
	tx.security = nil
	tx.langs = nil
	tx.xmlids = map[string]xmlRef{}
	tx.computing = map[*Field]map[int64]bool{}
	tx.comp = newComputeState()
	tx.now = time.Time{}
}

func (tx *Transaction) begin() error {
	_, err := tx.conn.Exec(tx.ctx, beginSQL(tx.isolation, tx.readOnly))
	return err
}

// Registry returns the transaction's registry.
func (tx *Transaction) Registry() *Registry { return tx.reg }

// Conn returns the underlying connection (for raw SQL, flush first).
func (tx *Transaction) Conn() *pgx.Conn { return tx.conn }

// Env returns an environment for user uid with context c; the superuser
// (uid 1) gets su mode, as Odoo.
func (tx *Transaction) Env(uid int64, c Ctx) *Env {
	if c == nil {
		c = Ctx{}
	}
	return &Env{tx: tx, uid: uid, ctx: c, su: uid == SuperuserID, uidOrigin: uid}
}

// SetContext sets the context.Context used by the statements that follow
// (cancel it to cancel them) and returns the previous one.
func (tx *Transaction) SetContext(ctx context.Context) context.Context {
	old := tx.ctx
	tx.ctx = ctx
	return old
}

// SetLog sets where statements are logged (nil: nowhere).
func (tx *Transaction) SetLog(w io.Writer) { tx.logw = w }

// OnQuery registers a function called with every statement sent.
func (tx *Transaction) OnQuery(fn func(sql string, args []any)) { tx.onQuery = append(tx.onQuery, fn) }

// OnSearch registers a function called with the SELECT of every Search
// when the search is made, whether the SELECT runs then or later
// (search_lazy.go). The shell's :explain shows the last one.
func (tx *Transaction) OnSearch(fn func(sql string, args []any)) {
	tx.onSearch = append(tx.onSearch, fn)
}

// QueryCount returns how many statements the transaction has sent.
func (tx *Transaction) QueryCount() int { return tx.queries }

// ReadOnly reports whether the transaction was started read-only.
func (tx *Transaction) ReadOnly() bool { return tx.readOnly }

func (tx *Transaction) ctxErr() error {
	if tx.ctx == nil {
		return nil
	}
	return tx.ctx.Err()
}

// Now returns the transaction's timestamp (UTC, microseconds), as Odoo's
// cr.now(): every create/write of a transaction gets the same date.
func (tx *Transaction) Now() time.Time {
	if tx.now.IsZero() {
		clock := time.Now
		if tx.clock != nil {
			clock = tx.clock
		}
		tx.now = clock().UTC().Truncate(time.Microsecond)
	}
	return tx.now
}

// SetClock replaces the clock the transaction reads its timestamp from
// (nil: the real one); tests use it for reproducible dates.
func (tx *Transaction) SetClock(clock func() time.Time) {
	tx.clock = clock
	tx.now = time.Time{}
}

// note counts and logs one statement.
func (tx *Transaction) note(sql string, args []any, start time.Time) {
	tx.queries++
	for _, fn := range tx.onQuery {
		fn(sql, args)
	}
	if tx.logw != nil {
		fmt.Fprintf(tx.logw, "[%s] %s", time.Since(start).Round(time.Microsecond), oneLine(sql))
		if len(args) > 0 {
			fmt.Fprintf(tx.logw, " %s", formatArgs(args))
		}
		fmt.Fprintln(tx.logw)
	}
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func formatArgs(args []any) string {
	parts := make([]string, len(args))
	for i, a := range args {
		s := fmt.Sprintf("%v", a)
		if len(s) > 80 {
			s = s[:77] + "..."
		}
		parts[i] = fmt.Sprintf("$%d=%s", i+1, s)
	}
	return strings.Join(parts, " ")
}

// exec runs a statement the ORM built; an error panics as an ORM error.
func (tx *Transaction) exec(sql string, args ...any) int64 {
	return tx.execTag(sql, args...).RowsAffected()
}

func (tx *Transaction) execTag(sql string, args ...any) pgconn.CommandTag {
	if len(tx.lazies) > 0 && changesData(sql) {
		tx.settle()
	}
	tx.sendPending()
	tx.enterStatement()
	defer tx.leaveStatement()
	start := time.Now()
	tag, err := tx.conn.Exec(tx.ctx, sql, args...)
	tx.note(sql, args, start)
	if err != nil {
		panic(tx.statementError(err, sql, args))
	}
	return tag
}

// sendPending sends the INSERT of records a bulk create holds back while
// it computes their stored fields, so that no statement sees the table
// without them (and no COMMIT goes without them): every path to the
// connection but BEGIN and ROLLBACK calls it first.
func (tx *Transaction) sendPending() {
	if f := tx.pending; f != nil {
		tx.pending = nil
		f()
	}
}

// query runs a query the ORM built and calls scan for each row; an error
// panics as an ORM error. It returns the statement's command tag.
func (tx *Transaction) query(sql string, args []any, scan func(rows pgx.Rows) error) pgconn.CommandTag {
	if len(tx.lazies) > 0 && changesData(sql) {
		tx.settle()
	}
	tx.sendPending()
	tx.enterStatement()
	defer tx.leaveStatement()
	start := time.Now()
	rows, err := tx.conn.Query(tx.ctx, sql, args...)
	var tag pgconn.CommandTag
	if err == nil {
		for rows.Next() {
			if err = scan(rows); err != nil {
				break
			}
		}
		rows.Close()
		tag = rows.CommandTag()
		if err == nil {
			err = rows.Err()
		}
	}
	tx.note(sql, args, start)
	if err != nil {
		var pe *pgconn.PgError
		if errors.As(err, &pe) || tx.ctxErr() != nil || !isScanError(err) {
			panic(tx.statementError(err, sql, args))
		}
		panic(fmt.Errorf("orm: internal error reading %q: %w", oneLine(sql), err))
	}
	return tag
}

func isScanError(err error) bool {
	var se pgx.ScanArgError
	return errors.As(err, &se)
}

// Savepoint starts a savepoint and returns its name.
func (tx *Transaction) Savepoint() string {
	tx.spSeq++
	name := fmt.Sprintf("odsh_sp_%d", tx.spSeq)
	tx.exec("SAVEPOINT " + name)
	if tx.spWrote == nil {
		tx.spWrote = map[string]bool{}
	}
	tx.spWrote[name] = tx.wrote
	return name
}

// RollbackTo rolls back to a savepoint and clears the cache (values read or
// written since are unknown), keeping the transaction usable.
func (tx *Transaction) RollbackTo(name string) {
	if tx.ctxErr() != nil { // a cancelled statement: the rollback itself must run
		old := tx.SetContext(context.Background())
		defer tx.SetContext(old)
	}
	tx.settleBefore(savepointSeq(name), false)
	tx.cache.clear()
	tx.security = nil
	tx.langs = nil
	tx.computing = map[*Field]map[int64]bool{}
	tx.comp = newComputeState()
	tx.xmlids = map[string]xmlRef{}
	tx.exec("ROLLBACK TO SAVEPOINT " + name)
	tx.exec("RELEASE SAVEPOINT " + name)
	if w, ok := tx.spWrote[name]; ok {
		tx.wrote = w
	}
	delete(tx.spWrote, name)
}

// Release releases a savepoint after success.
func (tx *Transaction) Release(name string) {
	tx.exec("RELEASE SAVEPOINT " + name)
	delete(tx.spWrote, name)
}

// forgetWrites marks the transaction clean after a commit or a rollback.
func (tx *Transaction) forgetWrites() {
	tx.wrote = false
	tx.spWrote = nil
}

// Commit flushes pending writes, commits, and starts a new transaction on
// the same connection; the cache is kept. When PostgreSQL does not commit
// (COMMIT failed, or an earlier failed statement had aborted the
// transaction, which PostgreSQL then rolls back without an error), Commit
// clears the cache, starts the new transaction and raises an error saying
// nothing was committed.
func (tx *Transaction) Commit() {
	tx.settleBefore(0, true)
	tx.sendPending()
	tx.flushAll()
	start := time.Now()
	tag, err := tx.conn.Exec(tx.ctx, "COMMIT")
	tx.note("COMMIT", nil, start)
	committed := err == nil && tag.String() == "COMMIT"
	if committed {
		tx.audit.commits++
	}
	tx.endEpoch()
	tx.forgetWrites()
	tx.now = time.Time{}
	if !committed {
		tx.reset() // nothing of the cache is in the database
	}
	if berr := tx.begin(); berr != nil {
		panic(tx.mapPgError(berr, "BEGIN"))
	}
	switch {
	case err != nil:
		panic(tx.mapPgError(err, "COMMIT"))
	case !committed:
		panic(&UserError{ErrorInfo{Msg: "nothing was committed: an earlier statement failed and aborted the transaction, " +
			"so PostgreSQL rolled it back (" + tag.String() + ")"}})
	}
}

// Rollback discards everything since the last commit, clears the cache, and
// starts a new transaction.
func (tx *Transaction) Rollback() {
	defer tx.SetContext(tx.SetContext(context.WithoutCancel(tx.ctx))) // even when the statements' context is cancelled
	tx.settleBefore(0, false)
	tx.reset()
	tx.endEpoch()
	tx.forgetWrites()
	tx.exec("ROLLBACK")
	if err := tx.begin(); err != nil {
		panic(tx.mapPgError(err, "BEGIN"))
	}
}

// Close rolls back and ends the transaction; the connection stays open.
func (tx *Transaction) Close() error {
	if tx.closed {
		return nil
	}
	tx.closed = true
	ctx := context.Background()
	_, err := tx.conn.Exec(ctx, "ROLLBACK")
	return err
}

// Dirty reports whether the transaction has pending or sent writes, as far
// as the ORM knows (for "uncommitted changes" prompts).
func (tx *Transaction) Dirty() bool { return tx.cache.hasDirty() || tx.wrote }

// Catch runs f in a savepoint of this transaction: pending writes are
// flushed first; an ORM error rolls back to the savepoint (clearing the
// cache) and is returned; on success the writes f made are flushed and the
// savepoint released. When f commits or rolls back, the savepoint ends with
// that transaction: an error after it rolls back the transaction f left
// (what followed the commit). Panics that are not ORM errors propagate, and
// so does a *ConcurrencyError: the transaction's snapshot is stale, so the
// whole unit of work must be rolled back and run again (Run, the shell),
// never go on as if only f had failed.
func (tx *Transaction) Catch(f func()) (err error) {
	tx.flushAll()
	sp := tx.Savepoint()
	epoch := tx.Epoch()
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		e, ok := r.(error)
		var oe Error
		var ce *ConcurrencyError
		if !ok || !errors.As(e, &oe) || errors.As(e, &ce) {
			panic(r) // a conflict ends the unit of work: its snapshot is stale
		}
		err = e
		switch {
		case tx.conn.IsClosed():
		case tx.Epoch() != epoch:
			tx.Rollback()
		default:
			tx.RollbackTo(sp)
		}
	}()
	f()
	tx.flushAll()
	if tx.Epoch() == epoch {
		tx.Release(sp)
	}
	return nil
}

// rowBuf returns a buffer of n values, reused between rows of a fetch.
func (tx *Transaction) rowBuf(n int) []any {
	if cap(tx.rowvals) < n {
		tx.rowvals = make([]any, n)
	}
	return tx.rowvals[:n]
}
