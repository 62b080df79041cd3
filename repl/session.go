package repl

// Sessions.
//
// A Session is the shell bound to one ORM transaction: an interpreter with
// env and the helpers, the meta-commands, the undo stack and the record of
// changes. Every entry runs in a savepoint of the transaction:
//
//	SAVEPOINT sp_n; <entry>; flush        success: sp_n stays open (undo)
//	SAVEPOINT sp_n; <entry> fails         ROLLBACK TO sp_n: only the entry is lost
//
// A successful entry that wrote nothing releases its savepoint at once; one
// that wrote keeps it, so :undo can roll back to it. PostgreSQL nests
// savepoints: releasing one releases every later one too, so the stack
// cannot drop only its oldest entry. When it reaches MaxUndo, the whole
// stack is released and :undo starts again from there.

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"strings"
	"sync"
	"time"

	"odsh/orm"
	"odsh/repl/symbols"
)

// MaxUndo is the number of entries :undo can roll back; more live
// subtransactions than about 64 slow the server down.
const MaxUndo = 50

// SessionOptions configure a Session.
type SessionOptions struct {
	// Tx is the transaction the session works in. Required.
	Tx *orm.Transaction
	// User is the login the session runs as; empty means the superuser.
	User string
	// DB names the database in the prompt.
	DB string
	// Stdout receives values and tables, Stderr errors and notices.
	Stdout, Stderr io.Writer
	// Width is the printer's width in cells (0: the printer's default).
	Width int
	// Color enables ANSI styling in tables.
	Color bool
	// InitFile is a script run after the bindings when it exists
	// (e.g. ~/.config/odsh/init.go); empty means none.
	InitFile string
	// Env is what os.Getenv sees in interpreted code.
	Env []string
	// Interactive sessions say when a declaration waits for a name
	// declared later; others report only what still waits at the end of
	// the input (Run).
	Interactive bool
}

// Session is an interactive shell on one transaction. It is not safe for
// concurrent use, except Interrupt.
type Session struct {
	opts SessionOptions
	tx   *orm.Transaction
	in   *Interp
	env  *orm.Env
	out  io.Writer
	errw io.Writer

	undo       []undoStep
	epoch      int
	commits    int // the transaction's commits when epoch was read
	epochStart int // index in saved of the first entry of this epoch
	changes    *changeLog
	wrote      bool          // the running entry wrote something
	saved      []*savedEntry // every entry that ran (session_save.go)

	timing, vertical bool
	lostShown        bool // the connection-lost line was printed
	lastSearch       *loggedQuery
	inEntry          bool
	lastErr          error
	lastStack        []byte

	mu        sync.Mutex
	interrupt func()

	learn *learnState // the course (:learn), nil until used
}

// undoStep is the savepoint taken before an entry that wrote.
type undoStep struct {
	savepoint string
	entry     string
	saved     int // the entry's index in saved
	changes   int // length of the change log before the entry
}

// loggedQuery is a statement the ORM sent, kept for :explain.
type loggedQuery struct {
	sql  string
	args []any
}

// NewSession starts an interpreter on opts.Tx with env, the ORM packages
// and the helpers bound, then runs opts.InitFile if it exists.
func NewSession(opts SessionOptions) (*Session, error) {
	if opts.Stdout == nil {
		opts.Stdout = os.Stdout
	}
	if opts.Stderr == nil {
		opts.Stderr = os.Stderr
	}
	s := &Session{opts: opts, tx: opts.Tx, out: opts.Stdout, errw: opts.Stderr, changes: newChangeLog()}
	s.tx.SetShared(true) // an entry runs on the interpreter's goroutines, one after the other
	s.epoch, s.commits = s.tx.Epoch(), s.tx.Commits()
	in, err := New(Options{Stdout: opts.Stdout, Stderr: opts.Stderr, Env: opts.Env})
	if err != nil {
		return nil, err
	}
	s.in = in
	if err := s.setup(); err != nil {
		return nil, err
	}
	s.tx.OnWrite(s.noteWrite)
	s.tx.OnWriteWant(func(op orm.WriteOp, model string, ids []int64) []int64 { return s.changes.want(op, model, ids) })
	s.tx.OnSearch(s.noteSearch)
	return s, s.runInit()
}

// setup imports the ORM packages and binds env and the helpers.
func (s *Session) setup() error {
	if err := s.in.Use(symbols.Symbols); err != nil {
		return fmt.Errorf("repl: loading the ORM symbols: %w", err)
	}
	if err := bindCatch(s.in, func() *orm.Env { return s.env }); err != nil {
		return err
	}
	if _, err := s.in.Eval(context.Background(), `import ("odsh/orm"; "odsh/domain")`); err != nil {
		return fmt.Errorf("repl: importing the ORM: %w", err)
	}
	env := s.tx.Env(orm.SuperuserID, nil)
	if s.opts.User != "" {
		if err := catch(func() { env = env.WithUser(s.opts.User) }); err != nil {
			return fmt.Errorf("repl: user %s: %w", s.opts.User, err)
		}
	}
	if err := s.setEnv(env); err != nil {
		return err
	}
	return s.bindHelpers()
}

// setEnv binds env in the interpreter.
func (s *Session) setEnv(env *orm.Env) error {
	s.env = env
	return s.in.Bind("env", env)
}

// runInit runs the init file, if any; an error is reported, not fatal.
func (s *Session) runInit() error {
	if s.opts.InitFile == "" {
		return nil
	}
	src, err := os.ReadFile(s.opts.InitFile)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if err := s.RunScript(context.Background(), s.opts.InitFile, string(src)); err != nil {
		s.printScriptError(s.opts.InitFile, err)
	}
	return nil
}

// Env returns the env the session currently works with.
func (s *Session) Env() *orm.Env { return s.env }

// Interp returns the session's interpreter.
func (s *Session) Interp() *Interp { return s.in }

// Prompt returns "DB> ", or "DB*> " when the transaction has uncommitted
// changes.
func (s *Session) Prompt() string {
	name := s.opts.DB
	if name == "" {
		name = "odsh"
	}
	if s.tx.Dirty() {
		return name + "*> "
	}
	return name + "> "
}

// Dirty reports whether the transaction has uncommitted changes.
func (s *Session) Dirty() bool { return s.tx.Dirty() }

// Interrupt cancels the running entry: its SQL statement is cancelled on
// the server at once; interpreted code still running half a second later
// is stopped. It may be called from any goroutine (a signal handler).
func (s *Session) Interrupt() {
	s.mu.Lock()
	f := s.interrupt
	s.mu.Unlock()
	if f != nil {
		f()
	}
}

// Eval runs one entry typed at the prompt: a meta-command or Go code. The
// values of a last bare expression are printed; an error is printed as
// one line and returned, and only the entry's work is rolled back.
func (s *Session) Eval(ctx context.Context, entry string) error {
	if strings.TrimSpace(entry) == "" {
		return nil
	}
	if name, args, ok := ParseMeta(entry); ok {
		return s.meta(ctx, name, args)
	}
	if s.learning() {
		return s.learnEntry(ctx, entry)
	}
	return s.runEntry(ctx, entry, true)
}

// runEntry runs Go code in a savepoint, printing its values when show.
func (s *Session) runEntry(ctx context.Context, entry string, show bool) error {
	s.syncEpoch()
	start := time.Now()
	sp, err := s.savepoint()
	if err != nil {
		return s.fail(err)
	}
	q0 := s.tx.QueryCount() // the entry's statements: not its SAVEPOINT nor RELEASE
	s.wrote, s.inEntry = false, true
	n := s.changes.len()
	var notice string
	res, err := s.eval(ctx, func(c context.Context) (Result, error) {
		res, note, later, err := s.in.EvalEntry(c, entry)
		notice = note
		if err == nil && len(later) > 0 {
			// a waiting entry that ran now failed: this entry's savepoint
			// holds what it did, so the whole is rolled back
			err = later[0]
		}
		return res, err
	})
	if notice != "" && s.opts.Interactive {
		fmt.Fprintln(s.errw, "odsh: "+notice)
	}
	if err == nil {
		err = catch(s.env.FlushAll)
	}
	s.inEntry = false
	if err != nil && s.lost() {
		return s.reportLost()
	}
	if err != nil && isConflict(err) {
		s.record(entry, true, false)
		return s.conflict(err, sp, n)
	}
	if err != nil {
		s.abandon(sp, n)
		err = withLine(entry, err)
		if ranSome(err) {
			s.record(entry, true, false) // its variables may be set: they are stale
		}
		return s.failHinted(entry, err)
	}
	queries := s.tx.QueryCount() - q0
	s.keep(sp, entry, n)
	s.adoptEnv()
	if show && !endsWithPrint(entry) {
		if perr := s.print(res); perr != nil {
			// the entry's effect stands (and is saved); only its value
			// could not be shown
			fmt.Fprintln(s.errw, "printing the value failed: "+s.FormatError(perr))
		}
	}
	if s.timing {
		s.printTiming(time.Since(start), queries)
	}
	return nil
}

// withLine gives the error of an entry of several lines the line it
// happened on, when known, as a script's error has it: "line 2: undefined:
// nope".
func withLine(entry string, err error) error {
	var ce *CompileError
	if strings.Contains(strings.TrimSpace(entry), "\n") && errors.As(err, &ce) && ce.Line > 0 && !errors.As(err, new(*ScriptError)) {
		return &ScriptError{Line: ce.Line, Err: err}
	}
	return err
}

// ranSome reports whether a failed entry may have run part of its code
// (and set variables): not when it did not compile.
func ranSome(err error) bool {
	var ce *CompileError
	var se *SyntaxError
	var re *RefusedError
	return !errors.As(err, &ce) && !errors.As(err, &se) && !errors.As(err, &re)
}

// eval calls run with a context that Interrupt cancels, the transaction's
// statements being cancelled first.
func (s *Session) eval(ctx context.Context, run func(context.Context) (Result, error)) (Result, error) {
	stmtCtx, cancelStmt := context.WithCancel(ctx)
	evalCtx, cancelEval := context.WithCancel(ctx)
	defer cancelStmt()
	defer cancelEval()
	s.mu.Lock()
	s.interrupt = func() {
		cancelStmt()
		time.AfterFunc(500*time.Millisecond, cancelEval)
	}
	s.mu.Unlock()
	old := s.tx.SetContext(stmtCtx)
	defer func() {
		s.mu.Lock()
		s.interrupt = nil
		s.mu.Unlock()
		s.waitIdle()
		s.tx.SetContext(old)
	}()
	var res Result
	var evalErr error
	err := catchAll(func() { res, evalErr = run(evalCtx) })
	if err == nil {
		err = evalErr
	}
	if stmtCtx.Err() != nil && err != nil && errors.Is(err, context.Canceled) {
		err = errCancelled
	}
	return res, err
}

// errCancelled is the error of an entry interrupted while interpreting.
var errCancelled = &orm.CancelledError{ErrorInfo: orm.ErrorInfo{Msg: "statement cancelled"}}

// waitIdle waits (at most 5 s) until the connection is not busy: compiled
// code an interrupted interpreter left running may still be in a query.
func (s *Session) waitIdle() {
	conn := s.tx.Conn()
	for deadline := time.Now().Add(5 * time.Second); conn.PgConn().IsBusy() && time.Now().Before(deadline); {
		time.Sleep(5 * time.Millisecond)
	}
}

// savepoint starts the entry's savepoint.
func (s *Session) savepoint() (sp string, err error) {
	err = catch(func() { sp = s.tx.Savepoint() })
	return sp, err
}

// syncEpoch forgets savepoints and changes a commit or rollback ended.
// After a rollback, the entries of the epoch that wrote are gone (:save
// leaves them out); after a commit, they are in effect for good.
func (s *Session) syncEpoch() {
	if e := s.tx.Epoch(); e != s.epoch {
		if s.tx.Commits() == s.commits {
			s.markGone(s.epochStart)
		}
		s.epoch, s.commits = e, s.tx.Commits()
		s.epochStart = len(s.saved)
		s.undo = nil
		s.changes = newChangeLog()
	}
}

// abandon rolls back a failed entry to its savepoint, or the whole
// transaction when the entry itself committed or rolled back.
func (s *Session) abandon(sp string, changes int) {
	if s.tx.Epoch() != s.epoch {
		_ = catch(s.tx.Rollback)
		s.syncEpoch()
		return
	}
	if err := catch(func() { s.tx.RollbackTo(sp) }); err != nil {
		fmt.Fprintf(s.errw, "rollback to savepoint failed: %v\n", err)
	}
	s.changes.truncate(changes)
}

// keep records a successful entry, and releases its savepoint, or keeps
// it for :undo when the entry wrote.
func (s *Session) keep(sp, entry string, changes int) {
	wrote := s.wrote || s.changes.len() != changes
	i := s.record(entry, false, wrote)
	if s.tx.Epoch() != s.epoch {
		s.syncEpoch()
		return
	}
	if !wrote {
		_ = catch(func() { s.tx.Release(sp) })
		return
	}
	if len(s.undo) >= MaxUndo {
		_ = catch(func() { s.tx.Release(s.undo[0].savepoint) }) // releases all later ones too
		s.undo = nil
	}
	s.undo = append(s.undo, undoStep{savepoint: sp, entry: entry, saved: i, changes: changes})
}

// fail prints err and returns it; on a closed connection, ErrConnLost
// (reportLost).
func (s *Session) fail(err error) error {
	if s.lost() {
		return s.reportLost()
	}
	s.lastErr = err
	s.lastStack = s.in.LastStack()
	fmt.Fprintln(s.errw, s.FormatError(err))
	return err
}

// noteWrite records a write of the running entry.
func (s *Session) noteWrite(ev orm.WriteEvent) {
	s.wrote = true
	s.changes.add(ev)
}

// noteSearch remembers the last search the running entry made (:explain),
// whether its SELECT has run or not.
func (s *Session) noteSearch(sql string, args []any) {
	if s.inEntry {
		s.lastSearch = &loggedQuery{sql: sql, args: args}
	}
}

// printTiming prints the duration, statements and pending writes of an
// entry (:timing on).
func (s *Session) printTiming(d time.Duration, queries int) {
	fmt.Fprintf(s.errw, "(%s, %d SQL, %d changes pending)\n", d.Round(100*time.Microsecond), queries, s.changes.records())
}

// catch runs f and returns the ORM error it panics with; other panics
// propagate.
func catch(f func()) error { return orm.Try(f) }

// catchAll runs f and returns any panic as an error (an *InternalError
// with the stack unless it is an ORM error).
func catchAll(f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = recovered(r)
		}
	}()
	f()
	return nil
}

// endsWithPrint reports whether an entry's last line calls fmt.Print*,
// whose results (bytes written, error) are not worth printing.
func endsWithPrint(entry string) bool {
	lines := strings.Split(strings.TrimSpace(entry), "\n")
	last := strings.TrimSpace(lines[len(lines)-1])
	if i := strings.LastIndex(last, "; "); i >= 0 {
		last = last[i+2:]
	}
	return strings.HasPrefix(last, "fmt.Print") && strings.HasSuffix(last, ")")
}

// adoptEnv follows an assignment to the interpreted env (env = env.Sudo(),
// env = env.WithContext(...)): the helpers, completion and :diff then use
// the env the user sees. A nil env is not adopted.
func (s *Session) adoptEnv() {
	v, ok := s.in.Global("env")
	if !ok || !v.IsValid() {
		return
	}
	if v.Kind() == reflect.Interface {
		v = v.Elem()
	}
	if !v.IsValid() || !v.CanInterface() {
		return
	}
	if env, ok := v.Interface().(*orm.Env); ok && env != nil && env.Tx() == s.tx {
		s.env = env
	}
}
