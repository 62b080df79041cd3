package orm_test

import (
	"fmt"
	"strings"
	"testing"

	"odsh/internal/testdb"
	"odsh/orm"
)

// lazyTags creates n tags "lazy 0" … and returns the model.
func lazyTags(t *testing.T, env *orm.Env, n int) orm.Recordset {
	t.Helper()
	tags := env.Model("test.tag")
	for i := range n {
		tags.Create(orm.Values{"name": fmt.Sprintf("lazy %d", i)})
	}
	env.FlushAll()
	return tags
}

const lazyDomain = `[('name', '=like', 'lazy %')]`

// A search without a limit runs its SELECT when its records are first
// needed, once; Head counts and selects a page without running it.
func TestLazySearchRunsWhenNeeded(t *testing.T) {
	env := testdb.Env(t, coreAddon, reviewAddon)
	tags := lazyTags(t, env, 5)
	var found orm.Recordset
	if n := statements(env, func() { found = tags.Search(lazyDomain, orm.Order("name desc")) }); n != 0 {
		t.Errorf("Search: %d statements, want 0", n)
	}
	var head orm.Recordset
	var total int
	if n := statements(env, func() { head, total = found.Head(2) }); n != 2 {
		t.Errorf("Head(2) of a search that has not run: %d statements, want 2 (the count, the page)", n)
	}
	if total != 5 || head.Len() != 2 || head.At(0).Str("name") != "lazy 4" || head.At(1).Str("name") != "lazy 3" {
		t.Errorf("Head(2): got %v (%d in all), want lazy 4, lazy 3 (5 in all)", head.Mapped("name"), total)
	}
	if n := statements(env, func() { found.Len() }); n != 1 {
		t.Errorf("Len after Head: %d statements, want 1 (Head left the search waiting)", n)
	}
	if n := statements(env, func() { found.Len(); found.Records(); found.Head(2) }); n != 0 {
		t.Errorf("using the records again: %d statements, want 0", n)
	}
	if got := found.At(0).Str("name"); got != "lazy 4" {
		t.Errorf("first record: got %q, want lazy 4", got)
	}
	if n := statements(env, func() { tags.Search(lazyDomain, orm.Limit(3)) }); n != 1 {
		t.Errorf("Search with a limit: %d statements, want 1 (it runs at once)", n)
	}
	plain := tags.Browse(found.IDs()[1:]...)
	if h, total := plain.Head(2); total != 4 || !h.Equal(plain.Slice(0, 2)) {
		t.Errorf("Head(2) of browsed records: got %v, %d; want the first two, 4", h, total)
	}
	if h, total := found.Head(-1); total != 5 || !h.Equal(found) {
		t.Errorf("Head(-1): got %v, %d; want all 5", h, total)
	}
}

// Whatever the transaction does after a search, the search finds what it
// would have found at once: the statements that could change it run it
// first.
func TestLazySearchSeesItsOwnTime(t *testing.T) {
	env := testdb.Env(t, coreAddon, reviewAddon)
	tags := lazyTags(t, env, 3)
	ids := tags.Search(lazyDomain, orm.Order("id")).IDs()
	cases := []struct {
		name   string
		change func()
	}{
		{"create", func() { tags.Create(orm.Values{"name": "lazy 9"}); env.FlushAll() }},
		{"bulk create", func() {
			tags.Create(orm.Values{"name": "lazy 10"}, orm.Values{"name": "lazy 11"})
			env.FlushAll()
		}},
		{"write", func() { tags.Browse(ids[0]).Write(orm.Values{"name": "renamed"}); env.FlushAll() }},
		{"unlink", func() { tags.Browse(ids[1]).Unlink() }},
		{"raw update", func() { env.Tx().Exec("UPDATE test_tag SET name = 'raw' WHERE id = $1", ids[2]) }},
		{"raw select that deletes", func() {
			env.Tx().QueryValues("WITH d AS (DELETE FROM test_tag WHERE name = 'lazy 9' RETURNING id) SELECT id FROM d")
		}},
	}
	for _, tc := range cases {
		before := tags.Search(lazyDomain, orm.Limit(1000)).IDs() // at once
		found := tags.Search(lazyDomain)
		tc.change()
		env.InvalidateAll()
		if got := found.IDs(); !sameIDs(got, before) {
			t.Errorf("%s after the search: found %v, want %v (what it found when made)", tc.name, got, before)
		}
	}
	// a pending write in the cache is not in the search, as at once
	found := tags.Search(`[('name', '=', 'pending')]`)
	tags.Search(lazyDomain, orm.Limit(1)).Write(orm.Values{"name": "pending"})
	if found.Len() != 0 {
		t.Errorf("a write made after the search and not flushed: found %v, want none", found)
	}
	// a ROLLBACK: the search ran before it
	found = tags.Search(lazyDomain)
	want := tags.Search(lazyDomain, orm.Limit(1000)).Len()
	env.Rollback()
	if found.Len() != want || want == 0 {
		t.Errorf("search made before a rollback: %d records, want %d", found.Len(), want)
	}
}

// A savepoint rolled back (Catch) keeps a search made before it waiting,
// runs one made inside it before the rollback, and marks failed one that
// can no longer run (the failure aborted the transaction).
func TestLazySearchAndSavepoints(t *testing.T) {
	env := testdb.Env(t, coreAddon, reviewAddon)
	tags := lazyTags(t, env, 2)
	boom := &orm.UserError{ErrorInfo: orm.ErrorInfo{Msg: "boom"}}

	before := tags.Search(lazyDomain)
	_ = env.Catch(func() { panic(boom) })
	if n := statements(env, func() { before.Len() }); n != 1 || before.Len() != 2 {
		t.Errorf("search made before a rolled-back savepoint: %d statements, %d records; want 1 (it was still waiting), 2", n, before.Len())
	}

	var inside orm.Recordset
	_ = env.Catch(func() {
		tags.Create(orm.Values{"name": "lazy inside"})
		env.FlushAll()
		inside = tags.Search(lazyDomain)
		panic(boom)
	})
	if got := inside.Len(); got != 3 {
		t.Errorf("search made inside a rolled-back savepoint: %d records, want 3 (what it found then)", got)
	}

	var lost orm.Recordset
	err := env.Catch(func() {
		lost = tags.Search(lazyDomain)
		tags.Search([][]any{{"name", "=like", `%\`}}, orm.Limit(1)) // fails in PostgreSQL: the transaction is aborted
	})
	if err == nil {
		t.Fatal("a LIKE pattern ending with the escape character: got no error")
	}
	err = recoverORM(func() { lost.Len() })
	if err == nil || !strings.Contains(err.Error(), "search again") || !strings.Contains(err.Error(), "test.tag") {
		t.Errorf("search that could not run before the rollback: got %v, want an error naming test.tag and saying to search again", err)
	}

	bad := tags.Search([][]any{{"name", "=like", `%\`}})
	if err := env.Catch(func() { bad.Len() }); err == nil || !strings.Contains(err.Error(), "escape") {
		t.Errorf("a failing search run when used: got %v, want PostgreSQL's error", err)
	}
	if got := tags.Search(lazyDomain).Len(); got != 2 {
		t.Errorf("after the failures: %d records, want 2 (the transaction is usable)", got)
	}
}
