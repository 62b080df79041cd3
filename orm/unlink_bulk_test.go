package orm_test

import (
	"errors"
	"fmt"
	"testing"

	"odsh/internal/testdb"
	"odsh/orm"
)

// planCacheMode reads the transaction's plan_cache_mode.
func planCacheMode(t *testing.T, env *orm.Env) string {
	t.Helper()
	return fmt.Sprint(env.Tx().QueryValues("SHOW plan_cache_mode")[0][0])
}

func bulkPartners(env *orm.Env, n int) orm.Recordset {
	vals := make([]orm.Values, n)
	for i := range vals {
		vals[i] = orm.Values{"name": fmt.Sprintf("Bulk %04d", i)}
	}
	return env.Model("res.partner").Create(vals...)
}

// A large Unlink runs its DELETE with generic plans for the foreign-key
// triggers; the ondelete rules hold and the setting is put back.
func TestUnlinkBulkKeepsOndelete(t *testing.T) {
	env := testdb.Env(t)
	before := planCacheMode(t, env)
	ps := bulkPartners(env, 300)
	child := env.Model("res.partner").Create(orm.Values{"name": "Child", "parent_id": ps.IDs()[7]})
	ps.Unlink()
	if got := ps.Exists().Len(); got != 0 {
		t.Errorf("records left after unlink: got %d, want 0", got)
	}
	if got := child.Get("parent_id").(orm.Recordset).Len(); got != 0 {
		t.Errorf("child's parent after its deletion (set null): got %d records, want 0", got)
	}
	if got := planCacheMode(t, env); got != before {
		t.Errorf("plan_cache_mode after unlink: got %q, want %q", got, before)
	}
}

func TestUnlinkBulkRestrict(t *testing.T) {
	env := testdb.Env(t)
	before := planCacheMode(t, env)
	ps := bulkPartners(env, 300).Union(env.Ref("base.main_partner"))
	err := env.Catch(func() { ps.Unlink() })
	var ue *orm.UserError
	if !errors.As(err, &ue) {
		t.Fatalf("unlink of a company's partner among 301: got %v, want a UserError", err)
	}
	if got := ps.Exists().Len(); got != 301 {
		t.Errorf("records after the refused unlink: got %d, want 301", got)
	}
	if got := planCacheMode(t, env); got != before {
		t.Errorf("plan_cache_mode after a refused unlink: got %q, want %q", got, before)
	}
}
