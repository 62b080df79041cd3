package orm

import (
	"fmt"
	"strings"
)

// A Search without a limit or an offset does not run its SELECT at once:
// it returns a recordset holding the query, which runs when the ids are
// first needed. That is what lets the shell print a search of a million
// records at once — a count and the first page (Head) — without loading a
// million ids the printing does not need.
//
// The result is the one an immediate SELECT would give. The transaction is
// REPEATABLE READ, so only its own statements can change what the query
// finds; before any of them (an INSERT, UPDATE or DELETE, a flush, a raw
// statement, a COMMIT or a ROLLBACK) the searches still waiting run first
// (Transaction.settle). A search that cannot run any more (the
// transaction failed, then was rolled back under it) panics with an error
// saying so when its records are used; it never gives other records.

// lazySearch is a search whose SELECT has not run yet.
type lazySearch struct {
	tx    *Transaction
	q     *query
	model *Model
	sp    int     // the savepoint count when the search was made
	ids   []int64 // the result, once done
	done  bool
	err   error // why it can no longer run
	count int   // the number of matching records, once counted (-1 before)
}

// newLazySearch returns the records of q, to be selected when first needed.
func (tx *Transaction) newLazySearch(r Recordset, q *query) Recordset {
	tx.sendPending() // the held-back INSERT of a bulk create is in what the search sees
	l := &lazySearch{tx: tx, q: q, model: r.model, sp: tx.spSeq, count: -1}
	if len(tx.lazies) >= tx.lazyCompact {
		tx.compactLazies()
	}
	tx.lazies = append(tx.lazies, l)
	return Recordset{env: r.env, model: r.model, lazy: l, prefetch: &prefetchSet{search: l}}
}

// compactLazies drops the searches that have run from the waiting list,
// so that a loop of searches that are used at once (no statement settles
// them) does not keep them all; the next compaction is at twice the size
// left, so that the work stays linear.
func (tx *Transaction) compactLazies() {
	keep := tx.lazies[:0]
	for _, l := range tx.lazies {
		if !l.done && l.err == nil {
			keep = append(keep, l)
		}
	}
	clear(tx.lazies[len(keep):])
	tx.lazies = keep
	tx.lazyCompact = 2*len(keep) + 32
}

// idList returns the ids of the records, running a waiting search first.
func (r Recordset) idList() []int64 {
	if r.lazy != nil {
		return r.lazy.result()
	}
	return r.ids
}

// result returns the ids of the search, running it when it has not run.
func (l *lazySearch) result() []int64 {
	if !l.done {
		if l.err != nil {
			panic(l.err)
		}
		l.run()
		// the search just made, as in a loop of searches used at once:
		// off the list, which then costs the statements nothing
		if lz := l.tx.lazies; len(lz) > 0 && lz[len(lz)-1] == l {
			lz[len(lz)-1] = nil
			l.tx.lazies = lz[:len(lz)-1]
		}
	}
	return l.ids
}

func (l *lazySearch) run() {
	ids := l.tx.searchIDs(l.model, l.q)
	l.ids, l.done, l.count = ids, true, len(ids)
}

// searchIDs runs the SELECT of the ids a search query finds, and records
// that they exist.
func (tx *Transaction) searchIDs(m *Model, q *query) []int64 {
	var ids []int64
	tx.querySQL(q.selectSQL(SQL{code: qualify(q.alias, "id")}), scanIDs(&ids))
	known := tx.cache.existing(m)
	for _, id := range ids {
		known.add(id)
	}
	return ids
}

// total counts the matching records without selecting them.
func (l *lazySearch) total() int {
	if l.count < 0 {
		c := *l.q
		c.order = SQL{}
		var n int64
		l.tx.querySQL(c.selectSQL(SQLf("count(*)")), func(rows pgxRows) error { return rows.Scan(&n) })
		l.count = int(n)
	}
	return l.count
}

// page selects the ids of the first n records, in the search's order.
func (l *lazySearch) page(n int) []int64 {
	p := *l.q
	p.limit = n
	return l.tx.searchIDs(l.model, &p)
}

// Head returns the first n records (all of them when n < 0) and how many
// there are in all. On the result of a Search that has not run yet, it
// runs a count and a SELECT of the first n ids instead of loading every
// id, and the search stays waiting: this is how the shell prints a search
// of a million records at once. Otherwise it is Slice(0, n) and Len.
//
// Example:
//
//	first, total := env.Model("res.partner").Search(nil).Head(20)
func (r Recordset) Head(n int) (Recordset, int) {
	r.check()
	if l := r.lazy; l != nil && !l.done && l.err == nil && n >= 0 {
		total := l.total()
		if n > total {
			n = total
		}
		var ids []int64
		if n > 0 {
			ids = l.page(n)
		}
		return Recordset{env: r.env, model: r.model, ids: ids, prefetch: fixedPrefetch(ids)}, total
	}
	total := r.Len()
	if n < 0 || n > total {
		n = total
	}
	return r.Slice(0, n), total
}

// changesData reports whether a statement may change what a waiting search
// finds: anything but a SELECT, the commands that read or mark, and the
// transaction's own control.
func changesData(sql string) bool {
	switch firstSQLWord(sql) {
	case "SELECT", "SAVEPOINT", "RELEASE", "SHOW", "SET", "RESET", "VALUES", "TABLE", "FETCH":
		return false
	case "BEGIN", "COMMIT", "ROLLBACK": // Commit, Rollback and RollbackTo settle the searches themselves
		return false
	}
	return true
}

// settle runs the waiting searches, before a statement that may change
// what they find. A search that fails stays waiting (the rollback that
// follows the failure decides what becomes of it).
func (tx *Transaction) settle() {
	for len(tx.lazies) > 0 {
		if l := tx.lazies[0]; !l.done && l.err == nil {
			l.run()
		}
		tx.lazies = tx.lazies[1:]
	}
	tx.lazies = nil
}

// settleBefore runs, before a COMMIT or a ROLLBACK (sp 0) or a rollback to
// savepoint sp, the waiting searches made since: after it they would find
// other records. Searches made before the savepoint stay waiting: nothing
// changed since them, and the rollback keeps that state. When the
// transaction can no longer run a query (a failed statement aborted it, or
// the statement was cancelled), or the search itself fails, the search is
// marked failed: using its records then panics, saying so. Before a COMMIT
// (protect), each search runs in a savepoint of its own, so that a search
// that fails does not make PostgreSQL roll the whole transaction back.
func (tx *Transaction) settleBefore(sp int, protect bool) {
	waiting := tx.lazies
	tx.lazies = nil // the statements below must not settle them again
	var keep []*lazySearch
	for _, l := range waiting {
		switch {
		case l.done || l.err != nil:
		case l.sp < sp:
			keep = append(keep, l)
		case tx.conn.PgConn().TxStatus() == 'T' && tx.ctxErr() == nil && tx.runQuietly(l, protect):
		default:
			what := "rolled back"
			if sp == 0 {
				what = "ended"
			}
			l.err = &UserError{ErrorInfo{Model: l.model.Name, Msg: fmt.Sprintf(
				"this search had not run when its transaction was %s, and could not run then; search again", what)}}
		}
	}
	tx.lazies = keep
}

// runQuietly runs a waiting search, in a savepoint when protect is set,
// reporting whether it could.
func (tx *Transaction) runQuietly(l *lazySearch, protect bool) (ok bool) {
	if protect {
		tx.exec("SAVEPOINT odsh_search")
	}
	defer func() {
		if recover() != nil {
			ok = false
			if protect {
				func() {
					defer func() { _ = recover() }()
					tx.exec("ROLLBACK TO SAVEPOINT odsh_search")
				}()
			}
		}
	}()
	l.run()
	if protect {
		tx.exec("RELEASE SAVEPOINT odsh_search")
	}
	return true
}

// savepointSeq is the number in a savepoint's name (Savepoint), 0 when the
// name is not one of ours.
func savepointSeq(name string) int {
	var n int
	if _, err := fmt.Sscanf(strings.TrimPrefix(name, "odsh_sp_"), "%d", &n); err != nil {
		return 0
	}
	return n
}
