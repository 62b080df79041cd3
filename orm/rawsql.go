package orm

// Raw SQL.
//
// A statement a program sends itself — Cursor.Execute and Cursor.Query,
// Transaction.Exec, ExecSQL, Query, QueryValues and QuerySQL — is raw SQL.
// The ORM cannot itemise what it changes, but it must know that it changed
// something: otherwise the transaction looks clean and a shell leaves
// without asking whether to commit. The statements the ORM builds itself go
// through the unexported exec and query and are reported by the write they
// belong to (audit.go).
//
//	a raw statement wrote  ⇔  its command tag is not a read's (UPDATE 3, INSERT 0 1, CREATE TABLE, …)
//	                          or, for a statement that may hide a write (SELECT f(), WITH … UPDATE …, DO, CALL),
//	                          the transaction's count of rows inserted, updated and deleted moved while it ran
//
// A raw statement that wrote marks the transaction dirty and is reported to
// the OnWrite listeners as an OpSQL event with its command tag. Statements
// that would end or nest the transaction behind the ORM's back (BEGIN,
// COMMIT, ROLLBACK, SAVEPOINT, …) are refused: use Env.Commit, Env.Rollback
// or Catch. Writes sent through the connection itself (Transaction.Conn)
// are not seen.

import (
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// Exec runs a raw statement and returns the rows it affected; an error
// panics as an ORM error. It flushes nothing by itself: call FlushAll
// before and InvalidateAll after writing (Cursor.Execute does both). A
// statement that writes marks the transaction dirty and is reported to the
// OnWrite listeners (OpSQL).
func (tx *Transaction) Exec(sql string, args ...any) int64 {
	var tag pgconn.CommandTag
	tx.raw(sql, args, func() pgconn.CommandTag { tag = tx.execTag(sql, args...); return tag })
	return tag.RowsAffected()
}

// ExecSQL runs a raw statement composed with SQLf (see Exec).
func (tx *Transaction) ExecSQL(s SQL) int64 {
	q, args := s.Build()
	return tx.Exec(q, args...)
}

// Query runs a raw query and calls scan for each row; an error panics as
// an ORM error. A query that writes (INSERT … RETURNING, a data-modifying
// WITH, a function that writes) is reported as Exec's statements are.
func (tx *Transaction) Query(sql string, args []any, scan func(rows pgx.Rows) error) {
	tx.raw(sql, args, func() pgconn.CommandTag { return tx.query(sql, args, scan) })
}

// QuerySQL runs a raw query composed with SQLf (see Query).
func (tx *Transaction) QuerySQL(s SQL, scan func(rows pgx.Rows) error) {
	q, args := s.Build()
	tx.Query(q, args, scan)
}

// QueryValues runs a raw query (see Query) and returns its rows as lists
// of values.
func (tx *Transaction) QueryValues(sql string, args ...any) [][]any {
	var out [][]any
	tx.Query(sql, args, func(rows pgx.Rows) error {
		v, err := rows.Values()
		out = append(out, v)
		return err
	})
	return out
}

// raw runs a raw statement with run and reports whether it wrote.
func (tx *Transaction) raw(sql string, args []any, run func() pgconn.CommandTag) (wrote bool) {
	word := firstSQLWord(sql)
	if txControl[word] && !(word == "PREPARE" && !strings.Contains(strings.ToUpper(sql), "TRANSACTION")) {
		panic(&UserError{ErrorInfo{Msg: "raw SQL " + word + " would end or nest the transaction behind the ORM's back: " +
			"use env.Commit(), env.Rollback() or env.Catch (a savepoint) instead", Value: oneLine(sql), HasValue: true}})
	}
	if len(tx.lazies) > 0 {
		tx.settle() // a raw statement, even a SELECT, may write
	}
	before, counted := int64(0), mayHideWrite[word]
	if counted {
		before, counted = tx.rowChanges()
	}
	tag := run()
	var rows int64
	switch {
	case !readTags[firstSQLWord(tag.String())]:
		wrote, rows = true, tag.RowsAffected()
	case counted:
		if after, ok := tx.rowChanges(); ok && after != before {
			wrote, rows = true, after-before
		}
	}
	if wrote {
		tx.wrote = true
		if len(tx.audit.listeners) > 0 {
			tx.emit(WriteEvent{Op: OpSQL, SQL: oneLine(sql), Args: args, Tag: tag.String(), Rows: rows})
		}
	}
	return wrote
}

// rowChanges counts the rows this transaction inserted, updated and
// deleted so far (PostgreSQL's per-transaction statistics). The query is
// not counted nor logged: it is the ORM's bookkeeping, not the program's.
func (tx *Transaction) rowChanges() (n int64, ok bool) {
	tx.sendPending() // a bulk create's held-back INSERT is not the next statement's write
	const q = `SELECT coalesce(sum(pg_stat_get_xact_tuples_inserted(oid) + pg_stat_get_xact_tuples_updated(oid)
		+ pg_stat_get_xact_tuples_deleted(oid)), 0)::int8 FROM pg_class WHERE relkind IN ('r', 'p', 'm', 't')`
	err := tx.conn.QueryRow(tx.ctx, q).Scan(&n)
	return n, err == nil
}

// firstSQLWord returns the first keyword of a statement or command tag, in
// upper case, after any parentheses and comments.
func firstSQLWord(sql string) string {
	s := strings.TrimSpace(sql)
	for {
		switch {
		case strings.HasPrefix(s, "("):
			s = strings.TrimSpace(s[1:])
			continue
		case strings.HasPrefix(s, "--"):
			if i := strings.IndexByte(s, '\n'); i >= 0 {
				s = strings.TrimSpace(s[i+1:])
				continue
			}
			return ""
		case strings.HasPrefix(s, "/*"):
			if i := strings.Index(s, "*/"); i >= 0 {
				s = strings.TrimSpace(s[i+2:])
				continue
			}
			return ""
		}
		break
	}
	end := strings.IndexFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '_')
	})
	if end >= 0 {
		s = s[:end]
	}
	return strings.ToUpper(s)
}

// txControl are the statements that would end or nest the transaction.
var txControl = map[string]bool{"BEGIN": true, "START": true, "COMMIT": true, "END": true, "ROLLBACK": true,
	"ABORT": true, "SAVEPOINT": true, "RELEASE": true, "PREPARE": true}

// readTags are the command tags of statements that write no row
// themselves; a SELECT may still have written through a function or a
// data-modifying WITH (mayHideWrite).
var readTags = map[string]bool{"SELECT": true, "SHOW": true, "EXPLAIN": true, "SET": true, "RESET": true,
	"FETCH": true, "MOVE": true, "DECLARE": true, "CLOSE": true, "LISTEN": true, "UNLISTEN": true, "NOTIFY": true,
	"PREPARE": true, "DEALLOCATE": true, "DISCARD": true, "LOCK": true, "DO": true, "CALL": true, "": true}

// mayHideWrite are the first words of statements whose tag does not tell
// whether they wrote.
var mayHideWrite = map[string]bool{"SELECT": true, "WITH": true, "VALUES": true, "TABLE": true, "DO": true,
	"CALL": true, "EXPLAIN": true, "FETCH": true, "EXECUTE": true}
