package orm

import "github.com/jackc/pgx/v5/pgconn"

// Invalidation and raw SQL.
//
// The cache is authoritative for what the ORM wrote; the database for the
// rest. Raw SQL bypasses both directions: it flushes nothing by itself and
// the cache does not see what it changes. So, around raw SQL: flush what it
// reads (FlushModel, FlushRecordset, Env.FlushAll), and after it writes,
// invalidate what it changed (InvalidateModel, InvalidateRecordset,
// Env.InvalidateAll) and tell the ORM which fields changed (Modified) so
// that computed fields depending on them are recomputed.

// InvalidateModel flushes, then forgets the cached values of the named
// fields (all the model's fields when none) on every record of the model.
func (r Recordset) InvalidateModel(fields ...string) {
	r.check()
	r.FlushModel(fields...)
	for _, f := range r.namedFields(fields) {
		r.env.tx.invalidateField(f, nil)
	}
}

// InvalidateRecordset flushes these records, then forgets the cached values
// of the named fields (all fields when none) on them.
func (r Recordset) InvalidateRecordset(fields ...string) {
	r.check()
	r.FlushRecordset(fields...)
	ids := dedup(r.idList())
	if len(ids) == 0 {
		return
	}
	for _, f := range r.namedFields(fields) {
		r.env.tx.invalidateField(f, ids)
	}
}

func (r Recordset) namedFields(names []string) []*Field {
	if len(names) == 0 {
		return r.model.FieldList
	}
	out := make([]*Field, len(names))
	for i, n := range names {
		out[i] = r.model.mustField(n)
	}
	return out
}

// Cursor runs raw SQL in the env's transaction (Odoo's env.cr), more
// safely than Odoo: Query and Execute first send the ORM's pending writes,
// so raw SQL sees them and a pending write can never overwrite a raw
// UPDATE later; Execute then forgets the cache, so the ORM reads what the
// statement changed. Stored computed fields that depend on raw changes are
// not recomputed: call Modified on the records concerned. Transaction.Exec
// and Transaction.QueryValues are the raw, non-flushing form.
type Cursor struct{ tx *Transaction }

// Cr returns the cursor of the env's transaction.
func (e *Env) Cr() *Cursor { return &Cursor{tx: e.tx} }

// String describes the cursor (it has no state of its own to show).
func (c *Cursor) String() string {
	if c == nil || c.tx == nil {
		return "<nil>"
	}
	return "orm.Cursor(env's transaction)"
}

// Execute flushes, runs a statement built with SQLf, forgets the cache and
// returns the rows affected. A statement that writes marks the transaction
// dirty and is reported to OnWrite listeners (see Transaction.Exec).
//
// Example:
//
//	env.Cr().Execute(orm.SQLf("UPDATE res_partner SET city = %s WHERE id = %s", "Gent", env.Ref("base.main_partner").ID()))
func (c *Cursor) Execute(s SQL) int64 {
	c.tx.flushAll()
	n := c.tx.ExecSQL(s)
	c.tx.invalidateAll()
	return n
}

// Query flushes, then runs a query built with SQLf and returns its rows.
// A query that wrote (INSERT … RETURNING, a function that writes) also
// forgets the cache, as Execute does.
//
// Example:
//
//	env.Cr().Query(orm.SQLf("SELECT id, name FROM res_partner WHERE id = %s", env.Ref("base.main_partner").ID()))
func (c *Cursor) Query(s SQL) [][]any {
	c.tx.flushAll()
	var out [][]any
	q, args := s.Build()
	wrote := c.tx.raw(q, args, func() pgconn.CommandTag {
		return c.tx.query(q, args, func(rows pgxRows) error {
			v, err := rows.Values()
			out = append(out, v)
			return err
		})
	})
	if wrote {
		c.tx.invalidateAll()
	}
	return out
}
