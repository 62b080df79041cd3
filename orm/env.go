package orm

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"sort"
	"time"

	"odsh/domain"
)

// SuperuserID is the id of the superuser (Odoo's SUPERUSER_ID, __system__).
const SuperuserID int64 = 1

// Env is an environment (Odoo's env): a transaction seen by one user with
// one context. Envs are immutable; WithContext, WithUser and Sudo return
// new ones sharing the transaction and its cache.
type Env struct {
	tx        *Transaction
	uid       int64
	ctx       Ctx
	su        bool
	uidOrigin int64 // the user the first env of the chain was made for
}

// Model returns an empty recordset of the named model (env["model"]).
//
// Example:
//
//	env.Model("res.partner").SearchCount("[]")
func (e *Env) Model(name string) Recordset {
	e.tx.checkOwner()
	m := e.tx.reg.models[name]
	if m == nil {
		panic(&ValidationError{ErrorInfo{Model: name, Msg: "unknown model" + e.suggestModel(name)}})
	}
	return Recordset{env: e, model: m}
}

func (e *Env) suggestModel(name string) string {
	best, bestD := "", 3
	for n := range e.tx.reg.models {
		if d := editDistance(name, n); d < bestD || (d == bestD && n < best) {
			best, bestD = n, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}

// HasModel reports whether the registry has the named model.
func (e *Env) HasModel(name string) bool { return e.tx.reg.models[name] != nil }

// UID returns the user id.
func (e *Env) UID() int64 { return e.uid }

// UIDOrigin returns the user of the env this one was derived from, before
// any WithUser (Odoo 17+'s env.uid_origin).
func (e *Env) UIDOrigin() int64 { return e.uidOrigin }

// Su reports whether the env is in superuser mode (access checks skipped).
func (e *Env) Su() bool { return e.su }

// Context returns a copy of the env's context.
func (e *Env) Context() Ctx { return Ctx{}.with(e.ctx) }

// Lang returns the context's language ("en_US" when unset).
func (e *Env) Lang() string {
	if l := e.ctx.Str("lang"); l != "" {
		return l
	}
	return "en_US"
}

// Tx returns the env's transaction.
func (e *Env) Tx() *Transaction { return e.tx }

// Registry returns the registry of models.
func (e *Env) Registry() *Registry { return e.tx.reg }

// WithContext returns an env whose context is this one's updated with c.
func (e *Env) WithContext(c Ctx) *Env {
	return &Env{tx: e.tx, uid: e.uid, ctx: e.ctx.with(c), su: e.su, uidOrigin: e.uidOrigin}
}

// ReplaceContext returns an env with exactly context c (Odoo's
// with_context(dict)), keeping allowed_company_ids.
func (e *Env) ReplaceContext(c Ctx) *Env {
	n := Ctx{}.with(c)
	if v, ok := e.ctx["allowed_company_ids"]; ok {
		if _, given := n["allowed_company_ids"]; !given {
			n["allowed_company_ids"] = v
		}
	}
	return &Env{tx: e.tx, uid: e.uid, ctx: n, su: e.su, uidOrigin: e.uidOrigin}
}

// WithUser returns an env for another user: an id, a res.users record or
// a login. It is not in superuser mode unless the user is the superuser.
func (e *Env) WithUser(user any) *Env {
	uid := e.resolveUser(user)
	return &Env{tx: e.tx, uid: uid, ctx: e.ctx, su: uid == SuperuserID, uidOrigin: e.uidOrigin}
}

func (e *Env) resolveUser(user any) int64 {
	switch u := user.(type) {
	case Recordset:
		return u.EnsureOne().ID()
	case string:
		users := e.Sudo().Model("res.users").WithContext(Ctx{"active_test": false}).Search(domain.Cond("login", domain.Eq, u))
		if users.Len() != 1 {
			panic(&ValidationError{ErrorInfo{Model: "res.users", Field: "login", Value: u, HasValue: true, Msg: "no such user"}})
		}
		return users.ID()
	}
	if id, ok := toInt64(user); ok {
		return id
	}
	panic(&ValidationError{ErrorInfo{Model: "res.users", Value: user, HasValue: true, Msg: "expected a user id, login or record"}})
}

// Sudo returns an env in superuser mode (access rights and rules skipped).
func (e *Env) Sudo(flag ...bool) *Env {
	return &Env{tx: e.tx, uid: e.uid, ctx: e.ctx, su: len(flag) == 0 || flag[0], uidOrigin: e.uidOrigin}
}

// User returns the env's user as a res.users record.
func (e *Env) User() Recordset { return e.Model("res.users").Browse(e.uid) }

// Company returns the current company: the first of allowed_company_ids, or
// the user's company.
func (e *Env) Company() Recordset {
	ids := e.companyIDs()
	if len(ids) > 0 {
		return e.Model("res.company").Browse(ids[0])
	}
	return e.User().Sudo().Get("company_id").(Recordset).WithEnv(e)
}

// Companies returns the allowed companies (allowed_company_ids, or the
// user's companies).
func (e *Env) Companies() Recordset {
	if ids := e.companyIDs(); len(ids) > 0 {
		return e.Model("res.company").Browse(ids...)
	}
	return e.User().Sudo().Get("company_ids").(Recordset).WithEnv(e)
}

// companyIDs returns allowed_company_ids; outside superuser mode every id
// must be one of the user's companies, else AccessError (as Odoo's
// env.company and env.companies).
func (e *Env) companyIDs() []int64 {
	ids, _ := toIDList(e.ctx["allowed_company_ids"])
	if len(ids) == 0 || e.su {
		return ids
	}
	mine := idSet(e.User().Sudo().Rel("company_ids").IDs())
	for _, id := range ids {
		if !mine[id] {
			panic(&AccessError{ErrorInfo{Model: "res.company", IDs: ids, Msg: "access to unauthorized or invalid companies"}})
		}
	}
	return ids
}

// WithCompany returns an env whose current company is c (moved to the front
// of allowed_company_ids); a zero value changes nothing.
func (e *Env) WithCompany(c any) *Env {
	var id int64
	switch x := c.(type) {
	case Recordset:
		if x.Len() == 0 {
			return e
		}
		id = x.EnsureOne().ID()
	default:
		id, _ = toInt64(c)
	}
	if id == 0 {
		return e
	}
	ids := []int64{id}
	allowed, _ := toIDList(e.ctx["allowed_company_ids"])
	for _, o := range allowed {
		if o != id {
			ids = append(ids, o)
		}
	}
	return e.WithContext(Ctx{"allowed_company_ids": ids})
}

// FlushAll sends every pending write to the database.
func (e *Env) FlushAll() { e.tx.flushAll() }

// InvalidateAll flushes, then forgets every cached value (after raw SQL
// that changed data), external ids and security decisions included.
func (e *Env) InvalidateAll() {
	e.tx.flushAll()
	e.tx.invalidateAll()
}

// invalidateAll forgets every cached value, external id and security
// decision (nothing may be pending: flush first).
func (tx *Transaction) invalidateAll() {
	tx.cache.clear()
	clear(tx.comp.variants)
	tx.xmlids = map[string]xmlRef{}
	tx.security = nil
}

// Commit flushes and commits the transaction; work goes on in a new one.
func (e *Env) Commit() { e.tx.Commit() }

// Rollback discards everything since the last commit.
func (e *Env) Rollback() { e.tx.Rollback() }

// QueryCount returns how many SQL statements the transaction has sent.
func (e *Env) QueryCount() int { return e.tx.queries }

// Catch runs f in a savepoint of env's transaction and returns the ORM
// error f raised, or nil: the one way to let part of a unit of work fail
// and go on. Pending writes are flushed first; on an error everything f
// did is rolled back to the savepoint (the cache is cleared) and the
// transaction stays usable; on success f's writes are flushed and the
// savepoint released. A *ConcurrencyError and panics that are not ORM
// errors propagate: see Transaction.Catch.
func (e *Env) Catch(f func()) error { return e.tx.Catch(f) }

// Now returns the transaction's timestamp.
func (e *Env) Now() time.Time { return e.tx.Now() }

// String describes the env: "Env(uid=1, su, ctx={...})".
func (e *Env) String() string {
	keys := make([]string, 0, len(e.ctx))
	for k := range e.ctx {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	su := ""
	if e.su {
		su = ", su"
	}
	return fmt.Sprintf("Env(uid=%d%s, ctx=%v)", e.uid, su, Values(e.ctx))
}

// MaxRetries is how many times Run tries a unit of work again after a
// serialization failure or a deadlock (Odoo retries 5 times).
const MaxRetries = 5

// Run is the boundary between Go code and the ORM: it runs fn as one unit
// of work in env's transaction and returns an error instead of panicking.
// It commits when fn returns nil; an error fn returns, or an ORM error it
// raises (the ORM's calls panic with typed errors), rolls back and is
// returned. A *ConcurrencyError (serialization failure, deadlock), raised
// by fn or by the commit, rolls back and runs fn again from the start, up
// to MaxRetries times with a growing pause: fn must not keep state outside
// the database between attempts.
//
// ctx governs the unit of work: its statements run under it (cancelling
// ctx cancels the statement running and the unit is rolled back with a
// *CancelledError), and a cancelled ctx ends the pause between attempts at
// once, returning the last ConcurrencyError joined with ctx's error.
// Panics that are not ORM errors (bugs) roll back and propagate.
//
// Run takes no savepoint: fn's work is committed or rolled back as a
// whole. To let part of it fail and go on, use Env.Catch inside fn.
func Run(ctx context.Context, env *Env, fn func(env *Env) error) error {
	tx := env.tx
	defer tx.SetContext(tx.SetContext(ctx))
	var err error
	for attempt := 0; attempt <= MaxRetries; attempt++ {
		if attempt > 0 {
			t := time.NewTimer(retryPause(attempt))
			select {
			case <-ctx.Done():
				t.Stop()
				return errors.Join(err, ctx.Err())
			case <-t.C:
			}
		}
		err = runOnce(env, fn)
		var ce *ConcurrencyError
		if !errors.As(err, &ce) {
			return err
		}
	}
	return err
}

// retryPause grows with the attempt (25 ms, 50 ms, 100 ms, ...), jittered.
func retryPause(attempt int) time.Duration {
	base := 25 * time.Millisecond << (attempt - 1)
	return base/2 + time.Duration(rand.Int64N(int64(base)))
}

func runOnce(env *Env, fn func(env *Env) error) (err error) {
	tx := env.tx
	defer func() {
		if r := recover(); r != nil {
			tx.Rollback()
			err = asError(r)
		}
	}()
	if err := fn(env); err != nil {
		tx.Rollback()
		return err
	}
	tx.Commit()
	return nil
}
