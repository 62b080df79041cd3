package orm_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"odsh/internal/testdb"
	"odsh/orm"
)

// Two transactions on two connections, as two people fixing data at once:
// each test ends with every committed change present and every failed one
// reported (a ConcurrencyError naming the model and records, or the
// constraint's ValidationError).

// txEnv opens a transaction of its own on a new connection to the core test
// database; it is rolled back and closed when the test ends.
func txEnv(t *testing.T) *orm.Env {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	conn, err := orm.Connect(ctx, testdb.PreparedDSN(t, coreAddon))
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	tx, err := orm.Begin(ctx, conn, testdb.Registry(t, coreAddon), orm.TxOptions{})
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	t.Cleanup(func() {
		tx.Handoff() // the cleanup may run on another goroutine
		tx.Close()
		conn.Close(context.Background())
		cancel()
	})
	return tx.Env(orm.SuperuserID, nil)
}

// committedThings commits n test.thing records named after the test and deletes
// them when it ends.
func committedThings(t *testing.T, n int) []int64 {
	t.Helper()
	var ids []int64
	run(t, txEnv(t), func(env *orm.Env) {
		for i := range n {
			ids = append(ids, env.Model("test.thing").Create(orm.Values{"name": fmt.Sprintf("%s %d", t.Name(), i)}).ID())
		}
	})
	t.Cleanup(func() {
		run(t, txEnv(t), func(env *orm.Env) { env.Model("test.thing").Browse(ids...).Exists().Unlink() })
	})
	return ids
}

// run commits fn's work with orm.Run, failing the test on an error.
func run(t *testing.T, env *orm.Env, fn func(env *orm.Env)) {
	t.Helper()
	if err := orm.Run(context.Background(), env, func(env *orm.Env) error { fn(env); return nil }); err != nil {
		t.Fatal(err)
	}
}

// committedCount reads a thing's count as committed, in a new transaction.
func committedCount(t *testing.T, id int64) int64 {
	t.Helper()
	return txEnv(t).Model("test.thing").Browse(id).Int("count")
}

// wantConflict checks that err is a ConcurrencyError about test.thing id.
func wantConflict(t *testing.T, err error, id int64) {
	t.Helper()
	var ce *orm.ConcurrencyError
	if !errors.As(err, &ce) || ce.Model != "test.thing" || len(ce.IDs) != 1 || ce.IDs[0] != id {
		t.Fatalf("got %v, want a ConcurrencyError on test.thing [%d]", err, id)
	}
}

// waitBlocked polls, on conn, until waiter's backend waits for a lock.
// Not a timing assertion: it returns as soon as the server says so.
func waitBlocked(t *testing.T, conn, waiter *pgx.Conn) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	for {
		var blocked bool
		err := conn.QueryRow(ctx, "SELECT cardinality(pg_blocking_pids($1)) > 0", waiter.PgConn().PID()).Scan(&blocked)
		if err != nil {
			t.Fatalf("waiting for the lock: %v", err)
		}
		if blocked {
			return
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// TestConcurrentIncrements: two transactions read count (0) and write
// count + 1. The second to write fails (its snapshot is stale) instead of
// overwriting the first's increment; run again (orm.Run), it lands: 2.
func TestConcurrentIncrements(t *testing.T) {
	id := committedThings(t, 1)[0]
	a, b := txEnv(t), txEnv(t)
	incr := func(env *orm.Env) {
		r := env.Model("test.thing").Browse(id)
		r.Write(orm.Values{"count": r.Int("count") + 1})
	}
	// without retry: b's failure is reported, a's increment stays
	_ = b.Model("test.thing").Browse(id).Int("count") // b's snapshot: 0
	run(t, a, incr)
	err := orm.Try(func() { incr(b); b.FlushAll() })
	wantConflict(t, err, id)
	b.Rollback()
	if got := committedCount(t, id); got != 1 {
		t.Fatalf("after one increment and one conflict: count %d, want 1", got)
	}
	// with retry: b reads, a commits meanwhile, b's write conflicts, b runs again
	attempts := 0
	err = orm.Run(context.Background(), b, func(env *orm.Env) error {
		attempts++
		r := env.Model("test.thing").Browse(id)
		n := r.Int("count")
		if attempts == 1 {
			run(t, a, incr)
		}
		r.Write(orm.Values{"count": n + 1})
		return nil
	})
	if err != nil || attempts != 2 {
		t.Fatalf("got %v after %d attempts, want success on the 2nd", err, attempts)
	}
	if got := committedCount(t, id); got != 3 {
		t.Fatalf("count %d, want 3: no increment lost", got)
	}
}

// TestConcurrentWriteUnlink: a record deleted by one transaction and
// written by another, both ways round.
func TestConcurrentWriteUnlink(t *testing.T) {
	ids := committedThings(t, 2)
	t.Run("unlink committed first", func(t *testing.T) {
		a, b := txEnv(t), txEnv(t)
		_ = b.Model("test.thing").Browse(ids[0]).Int("count")
		run(t, a, func(env *orm.Env) { env.Model("test.thing").Browse(ids[0]).Unlink() })
		err := orm.Try(func() { b.Model("test.thing").Browse(ids[0]).Write(orm.Values{"count": 5}); b.FlushAll() })
		wantConflict(t, err, ids[0])
		b.Rollback()
		if n := txEnv(t).Model("test.thing").Browse(ids[0]).Exists().Len(); n != 0 {
			t.Fatalf("the deleted record is back (%d)", n)
		}
	})
	t.Run("write committed first", func(t *testing.T) {
		a, b := txEnv(t), txEnv(t)
		_ = b.Model("test.thing").Browse(ids[1]).Int("count")
		run(t, a, func(env *orm.Env) { env.Model("test.thing").Browse(ids[1]).Write(orm.Values{"count": 9}) })
		err := orm.Try(func() { b.Model("test.thing").Browse(ids[1]).Unlink() })
		wantConflict(t, err, ids[1])
		b.Rollback()
		if got := committedCount(t, ids[1]); got != 9 {
			t.Fatalf("count %d, want 9 (the committed write)", got)
		}
	})
}

// TestConcurrentCreatesUnique: two transactions create a thing with the
// same unique code; the second waits for the first and, once it commits,
// fails with the constraint's message (as Odoo, not retried).
func TestConcurrentCreatesUnique(t *testing.T) {
	a, b := txEnv(t), txEnv(t)
	create := func(env *orm.Env) {
		env.Model("test.thing").Create(orm.Values{"name": t.Name(), "code": "CQ1"})
		env.FlushAll()
	}
	if err := orm.Try(func() { create(a) }); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	b.Tx().Handoff()
	go func() {
		err := orm.Try(func() { create(b) })
		b.Tx().Handoff() // before the result: the receiver uses the transaction next
		done <- err
	}()
	waitBlocked(t, a.Tx().Conn(), b.Tx().Conn())
	if err := orm.Try(a.Commit); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		run(t, txEnv(t), func(env *orm.Env) { env.Model("test.thing").Search("[('code', '=', 'CQ1')]").Unlink() })
	})
	var ve *orm.ValidationError
	if err := <-done; !errors.As(err, &ve) || ve.Model != "test.thing" {
		t.Fatalf("second create: got %v, want the unique constraint's ValidationError", err)
	}
	b.Rollback()
	if n := txEnv(t).Model("test.thing").SearchCount("[('code', '=', 'CQ1')]"); n != 1 {
		t.Fatalf("%d things with code CQ1, want 1 (the first create)", n)
	}
}

// TestConcurrentDeadlock: a locks X then Y, b locks Y then X. PostgreSQL
// aborts one of them (ConcurrencyError, a deadlock); the other goes on and
// commits; only its writes are in the database.
func TestConcurrentDeadlock(t *testing.T) {
	ids := committedThings(t, 2)
	x, y := ids[0], ids[1]
	a, b := txEnv(t), txEnv(t)
	for _, env := range []*orm.Env{a, b} {
		env.Tx().Exec("SET LOCAL deadlock_timeout = '20ms'")
	}
	write := func(env *orm.Env, id int64, n int64) {
		env.Model("test.thing").Browse(id).Write(orm.Values{"count": n})
		env.FlushAll()
	}
	if err := orm.Try(func() { write(a, x, 1) }); err != nil {
		t.Fatal(err)
	}
	if err := orm.Try(func() { write(b, y, 2) }); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	a.Tx().Handoff()
	go func() {
		err := orm.Try(func() { write(a, y, 1) }) // waits for b
		a.Tx().Handoff()                          // before the result: the receiver uses the transaction next
		done <- err
	}()
	waitBlocked(t, b.Tx().Conn(), a.Tx().Conn())
	errB := orm.Try(func() { write(b, x, 2) }) // waits for a: a deadlock
	errA := <-done
	var ce *orm.ConcurrencyError
	winner, want := a, int64(1)
	switch {
	case errors.As(errA, &ce) && errB == nil:
		winner, want = b, int64(2)
	case errors.As(errB, &ce) && errA == nil:
	default:
		t.Fatalf("got a: %v, b: %v; want one ConcurrencyError and one success", errA, errB)
	}
	if ce.Model != "test.thing" {
		t.Errorf("the deadlock names %q, want test.thing", ce.Model)
	}
	if err := orm.Try(winner.Commit); err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		if got := committedCount(t, id); got != want {
			t.Errorf("thing %d: count %d, want %d (the winner's)", id, got, want)
		}
	}
}

// TestOtherGoroutineRefused: a transaction belongs to the goroutine that
// began it; another goroutine's call is refused before it touches the
// cache or the connection, until the owner hands the transaction off.
func TestOtherGoroutineRefused(t *testing.T) {
	env := txEnv(t)
	p := env.Model("res.partner").Search("[]", orm.Limit(1))
	inGoroutine := func(f func()) error {
		done := make(chan error, 1)
		go func() { done <- orm.Try(f) }()
		return <-done
	}
	for name, f := range map[string]func(){
		"Model":  func() { env.Model("res.partner") },
		"Get":    func() { p.Get("name") },
		"Write":  func() { p.Write(orm.Values{"name": "x"}) },
		"Search": func() { p.Search("[]") },
	} {
		var ue *orm.UserError
		if err := inGoroutine(f); !errors.As(err, &ue) || !strings.Contains(err.Error(), "belongs to another goroutine") {
			t.Errorf("%s from another goroutine: got %v, want it refused", name, err)
		}
	}
	env.Tx().Handoff()
	if err := inGoroutine(func() { p.Get("name"); env.Tx().Handoff() }); err != nil {
		t.Fatalf("after Handoff: %v", err)
	}
	if err := orm.Try(func() { p.Get("name") }); err != nil {
		t.Fatalf("back in the first goroutine after a second Handoff: %v", err)
	}
}
