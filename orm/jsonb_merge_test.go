package orm_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"odsh/internal/testdb"
	"odsh/orm"
)

// openEnv opens a transaction of its own on a new connection to the
// i18n test database; it is rolled back and closed when the test ends.
func openEnv(t *testing.T) *orm.Env {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	conn, err := orm.Connect(ctx, testdb.PreparedDSN(t, i18nAddon))
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	tx, err := orm.Begin(ctx, conn, testdb.Registry(t, i18nAddon), orm.TxOptions{})
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	t.Cleanup(func() {
		tx.Close()
		conn.Close(context.Background())
		cancel()
	})
	return tx.Env(orm.SuperuserID, nil)
}

// committed commits fn's work in a transaction of its own.
func committed(t *testing.T, fn func(env *orm.Env)) {
	t.Helper()
	env := openEnv(t)
	if err := orm.Run(context.Background(), env, func(env *orm.Env) error { fn(env); return nil }); err != nil {
		t.Fatal(err)
	}
}

// recovered runs f and returns what it panics with (no savepoint: the
// transactions here are many, a package-level Catch would not know which).
func recovered(f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	f()
	return nil
}

// concurrently runs first and second in two open transactions, at
// REPEATABLE READ as Odoo: first flushes (locking the row), second's flush
// waits for first's commit and then fails with a ConcurrencyError (the row
// changed since its snapshot); second is run again in a new transaction, as
// orm.Run does, and commits. Both write after both have read the record.
func concurrently(t *testing.T, a, b *orm.Env, first, second func()) {
	t.Helper()
	if err := recovered(func() { first(); a.FlushAll() }); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	b.Tx().Handoff()
	go func() {
		err := orm.Try(func() { second(); b.FlushAll() })
		b.Tx().Handoff() // before the result: the receiver uses the transaction next
		done <- err
	}()
	waitBlocked(t, a.Tx().Conn(), b.Tx().Conn())
	if err := recovered(a.Tx().Commit); err != nil {
		t.Fatal(err)
	}
	var ce *orm.ConcurrencyError
	if err := <-done; !errors.As(err, &ce) {
		t.Fatalf("second flush: got %v, want a ConcurrencyError", err)
	}
	if err := recovered(func() { b.Rollback(); second(); b.Tx().Commit() }); err != nil {
		t.Fatal(err)
	}
}

// TestTranslateConcurrentLanguages: two transactions write two languages
// of one committed record; both translations survive, and the second
// transaction's cache sees the first one's after its flush.
func TestTranslateConcurrentLanguages(t *testing.T) {
	var id int64
	var inactive []int64
	committed(t, func(env *orm.Env) {
		langs := env.Model("res.lang").WithContext(orm.Ctx{"active_test": false}).
			Search([]any{[]any{"code", "in", []any{"fr_FR", "nl_BE"}}, []any{"active", "=", false}})
		inactive = langs.IDs()
		langs.Write(orm.Values{"active": true})
		id = env.Model("test.i18n.item").Create(orm.Values{"name": "Chair", "code": "concurrent"}).ID()
	})
	t.Cleanup(func() {
		committed(t, func(env *orm.Env) {
			env.Model("test.i18n.item").Browse(id).Unlink()
			env.Model("res.lang").WithContext(orm.Ctx{"active_test": false}).Browse(inactive...).Write(orm.Values{"active": false})
		})
	})
	a, b := openEnv(t), openEnv(t)
	ra, rb := a.Model("test.i18n.item").Browse(id), b.Model("test.i18n.item").Browse(id)
	wantStr(t, ra, "fr_FR", "Chair") // both caches hold {"en_US": "Chair"}
	wantStr(t, rb, "nl_BE", "Chair")
	concurrently(t, a, b,
		func() { inLang(ra, "fr_FR").Write(orm.Values{"name": "Chaise"}) },
		func() { inLang(rb, "nl_BE").Write(orm.Values{"name": "Stoel"}) })
	n, _ := countQueries(b, func() {
		wantStr(t, rb, "fr_FR", "Chaise") // returned by the UPDATE
		wantStr(t, rb, "nl_BE", "Stoel")
	})
	if n != 0 {
		t.Errorf("reading after the flush: %d queries, want 0 (the cache holds the merged row)", n)
	}
	c := openEnv(t)
	rc := c.Model("test.i18n.item").Browse(id)
	if got, want := dbName(t, rc), `{"en_US": "Chair", "fr_FR": "Chaise", "nl_BE": "Stoel"}`; got != want {
		t.Errorf("stored: got %s, want %s", got, want)
	}
}

// TestCompanyDependentConcurrentCompanies: two transactions write the
// value of two companies on one committed record; both survive.
func TestCompanyDependentConcurrentCompanies(t *testing.T) {
	var id, mainID, otherID int64
	committed(t, func(env *orm.Env) {
		mainID = env.Company().ID()
		otherID = env.Model("res.company").Create(orm.Values{"name": "Concurrent Co"}).ID()
		id = env.Model("test.i18n.prop").Create(orm.Values{"name": "concurrent", "level": 1}).ID()
	})
	t.Cleanup(func() {
		committed(t, func(env *orm.Env) {
			env.Model("test.i18n.prop").Browse(id).Unlink()
			env.Model("res.company").Browse(otherID).Unlink()
		})
	})
	a, b := openEnv(t), openEnv(t)
	ra := a.Model("test.i18n.prop").Browse(id).WithCompany(mainID)
	rb := b.Model("test.i18n.prop").Browse(id).WithCompany(otherID)
	if ra.Int("level") != 1 || rb.Int("level") != 7 {
		t.Fatalf("levels before: %d, %d; want 1, 7", ra.Int("level"), rb.Int("level"))
	}
	concurrently(t, a, b,
		func() { ra.Write(orm.Values{"level": 2}) },
		func() { rb.Write(orm.Values{"level": 3, "note": "B"}) })
	if got := rb.WithCompany(mainID).Int("level"); got != 2 {
		t.Errorf("B's cache after its flush: level in A %d, want 2", got)
	}
	c := openEnv(t)
	if got, want := dbLevel(t, c.Model("test.i18n.prop").Browse(id)), fmt.Sprintf(`{"%d": 2, "%d": 3}`, mainID, otherID); got != want {
		t.Errorf("stored: got %s, want %s", got, want)
	}
}

// TestTranslateFlushSendsChanges: the flush sends the languages written,
// not the map, in one UPDATE per batch, and the cache stays the row.
func TestTranslateFlushSendsChanges(t *testing.T) {
	env := i18nEnv(t)
	items := env.Model("test.i18n.item")
	a := items.Create(orm.Values{"name": "Apple"})
	b := items.Create(orm.Values{"name": "Banana"})
	empty := items.Create(orm.Values{"code": "e"})
	ab := a.Union(b, empty)
	env.FlushAll()
	wantStr(t, a, "fr_FR", "Apple") // reads the active languages
	var args []string
	env.Tx().OnQuery(func(sql string, a []any) {
		if strings.HasPrefix(sql, "UPDATE") {
			for _, x := range a {
				if p, ok := x.(*string); ok && p != nil {
					x = *p
				}
				args = append(args, fmt.Sprint(x))
			}
		}
	})
	n, stmts := countQueries(env, func() {
		inLang(ab, "fr_FR").Write(orm.Values{"name": "Fruit"})
		inLang(ab, "nl_BE").Write(orm.Values{"name": "Vrucht"})
		env.FlushAll()
	})
	if n != 1 || stmts[0] != "UPDATE" {
		t.Errorf("two writes on cached records: %d queries %v, want 1 UPDATE", n, stmts)
	}
	if got := strings.Join(args, " "); strings.Contains(got, "Apple") || !strings.Contains(got, `"set":{"fr_FR":"Fruit","nl_BE":"Vrucht"}`) {
		t.Errorf("UPDATE arguments: got %v, want the two languages only", got)
	}
	if got, want := dbName(t, a), `{"en_US": "Apple", "fr_FR": "Fruit", "nl_BE": "Vrucht"}`; got != want {
		t.Errorf("stored: got %s, want %s", got, want)
	}
	if got, want := dbName(t, empty), `{"en_US": "Fruit", "fr_FR": "Fruit", "nl_BE": "Vrucht"}`; got != want {
		t.Errorf("stored on an empty record: got %s, want %s", got, want)
	}
	// one value per record: one UPDATE too
	n, stmts = countQueries(env, func() {
		inLang(a, "fr_FR").Write(orm.Values{"name": "Pomme"})
		inLang(b, "fr_FR").Write(orm.Values{"name": "Banane"})
		b.UpdateFieldTranslations("name", map[string]any{"nl_BE": false})
		env.FlushAll()
	})
	if n != 1 || stmts[0] != "UPDATE" {
		t.Errorf("different values: %d queries %v, want 1 UPDATE", n, stmts)
	}
	if got, want := dbName(t, b), `{"en_US": "Banana", "fr_FR": "Banane"}`; got != want {
		t.Errorf("stored: got %s, want %s", got, want)
	}
	// a change made behind the ORM's back reaches the cache with the flush
	env.Tx().Exec(`UPDATE test_i18n_item SET name = name || '{"en_US": "Pear"}' WHERE id = $1`, a.ID())
	inLang(a, "nl_BE").Write(orm.Values{"name": "Peer"})
	env.FlushAll()
	n, _ = countQueries(env, func() { wantStr(t, a, "en_US", "Pear") })
	if n != 0 {
		t.Errorf("read after the flush: %d queries, want 0", n)
	}
	// False clears every language; a write after it sends the whole map
	inLang(a, "fr_FR").Write(orm.Values{"name": false})
	inLang(a, "nl_BE").Write(orm.Values{"name": "Leeg"})
	if got, want := dbName(t, a), `{"en_US": "Leeg", "nl_BE": "Leeg"}`; got != want {
		t.Errorf("after False then nl_BE: got %s, want %s", got, want)
	}
	inLang(a, "fr_FR").Write(orm.Values{"name": false})
	if got := dbName(t, a); got != "NULL" {
		t.Errorf("after False: got %s, want NULL", got)
	}
}

// TestTranslateRollbackToSavepoint: a change rolled back with its
// savepoint is not sent; the next write starts from the database.
func TestTranslateRollbackToSavepoint(t *testing.T) {
	env := i18nEnv(t)
	item := env.Model("test.i18n.item").Create(orm.Values{"name": "Cup"})
	env.FlushAll()
	sp := env.Tx().Savepoint()
	inLang(item, "fr_FR").Write(orm.Values{"name": "Tasse"})
	env.FlushAll()
	env.Tx().RollbackTo(sp)
	inLang(item, "nl_BE").Write(orm.Values{"name": "Kop"})
	if got, want := dbName(t, item), `{"en_US": "Cup", "nl_BE": "Kop"}`; got != want {
		t.Errorf("stored: got %s, want %s", got, want)
	}
}

// TestCompanyDependentFlushRefreshesCache: after a flush the cached map
// is the row's, other companies' values written elsewhere included; a
// many2one map that changed is read again (its targets checked).
func TestCompanyDependentFlushRefreshesCache(t *testing.T) {
	a, b, _, otherID := companyEnvs(t)
	item := a.Model("test.i18n.item").Create(orm.Values{"name": "Target"})
	p := a.Model("test.i18n.prop").Create(orm.Values{"name": "p", "level": 1, "item_id": item.ID()})
	a.FlushAll()
	p.WithEnv(b).Int("level") // cached: no value in B
	a.Tx().Exec(fmt.Sprintf(`UPDATE test_i18n_prop SET level = level || '{"%d": 9}', item_id = item_id || '{"%d": %d}' WHERE id = $1`,
		otherID, otherID, item.ID()), p.ID())
	n, stmts := countQueries(a, func() {
		p.Write(orm.Values{"level": 2, "item_id": false})
		a.FlushAll()
	})
	if n != 1 || stmts[0] != "UPDATE" {
		t.Errorf("write: %d queries %v, want 1 UPDATE", n, stmts)
	}
	n, _ = countQueries(a, func() {
		if got := p.WithEnv(b).Int("level"); got != 9 {
			t.Errorf("level in B: got %d, want 9 (written elsewhere)", got)
		}
	})
	if n != 0 {
		t.Errorf("reading level: %d queries, want 0", n)
	}
	if got := p.WithEnv(b).Rel("item_id"); got.ID() != item.ID() || p.Rel("item_id").Len() != 0 {
		t.Errorf("item in B: got %v, want %v; in A: got %v, want empty", got, item, p.Rel("item_id"))
	}
}
