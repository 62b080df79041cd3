package orm_test

// ODOO-RULES.md §14 (access rights and record rules), §16 (prefetch and
// access errors).

import (
	"errors"
	"testing"

	"odsh/orm"
)

// rulesSecurity gives group_user full rights on rules.tag, and returns an
// employee and a user of no group.
func rulesSecurity(t *testing.T, env *orm.Env) (employee, portal orm.Recordset) {
	t.Helper()
	model := env.Model("ir.model").Search("[('model', '=', 'rules.tag')]")
	env.Model("ir.model.access").Create(orm.Values{"name": "tag user", "model_id": model.ID(),
		"group_id": env.Ref("base.group_user").ID(), "perm_read": true, "perm_write": true, "perm_create": true, "perm_unlink": true})
	return newUser(t, env, "rules_emp", "base.group_user"), newUser(t, env, "rules_nogroup")
}

func addRule(env *orm.Env, name, dom string, groups ...string) {
	model := env.Model("ir.model").Search("[('model', '=', 'rules.tag')]")
	vals := orm.Values{"name": name, "model_id": model.ID(), "domain_force": dom}
	var ids []int64
	for _, g := range groups {
		ids = append(ids, env.Ref(g).ID())
	}
	if ids != nil {
		vals["groups"] = ids
	}
	env.Model("ir.rule").Create(vals)
}

// §14 "global rules (no group) are AND-ed; group rules of the user's groups
// are OR-ed together, then AND-ed with globals; rules of other groups are
// ignored; empty/False domain = TRUE"; "caller context has no effect";
// "search/search_count silently filter by rules; read/write/unlink of a
// forbidden record raise AccessError (also when mixed with deleted ids)".
func TestRuleRecordRulesCombine(t *testing.T) {
	env, _ := rulesEnv(t)
	employee, _ := rulesSecurity(t, env)
	tags := env.Model("rules.tag").Create(orm.Values{"name": "a"}, orm.Values{"name": "b"},
		orm.Values{"name": "c"}, orm.Values{"name": "d"})
	addRule(env, "only a", "[('name', '=', 'a')]", "base.group_user")
	addRule(env, "only b", "[('name', '=', 'b')]", "base.group_user")
	addRule(env, "only c for admins", "[('name', '=', 'c')]", "base.group_system")
	addRule(env, "everything", "")
	addRule(env, "not b", "[('name', '!=', 'b')]")
	mine := env.WithUser(employee).Model("rules.tag")
	if got := names(mine.Search(nil)); !sameStrings(got, []string{"a"}) {
		t.Errorf("(a OR b) AND TRUE AND not b: got %v, want [a]", got)
	}
	if n := mine.WithContext(orm.Ctx{"active_test": false, "uid": 1, "user": 1}).SearchCount(nil); n != 1 {
		t.Errorf("the caller's context changed the rules: %d records", n)
	}
	env.InvalidateAll()
	b := tags.At(1).WithUser(employee)
	wantAccess(t, env.Catch(func() { b.Str("name") }), "rules.tag")
	wantAccess(t, env.Catch(func() { b.Write(orm.Values{"name": "b2"}) }), "rules.tag")
	gone := env.Model("rules.tag").Create(orm.Values{"name": "a"})
	gone.Unlink()
	wantAccess(t, env.Catch(func() { b.Concat(gone.WithUser(employee)).Unlink() }), "rules.tag")
	if tags.At(1).Exists().Len() != 1 {
		t.Fatal("a forbidden unlink deleted the record")
	}
	if got := tags.At(0).WithUser(employee).Str("name"); got != "a" {
		t.Errorf("allowed record: %q", got)
	}
}

// §14 "Model ACLs are additive; no matching ACL → AccessError; superuser
// bypasses".
func TestRuleAccessRightsAdditive(t *testing.T) {
	env, _ := rulesEnv(t)
	employee, nogroup := rulesSecurity(t, env)
	tag := env.Model("rules.tag").Create(orm.Values{"name": "t"})
	wantAccess(t, env.Catch(func() { env.WithUser(nogroup).Model("rules.tag").Search(nil) }), "rules.tag")
	wantAccess(t, env.Catch(func() { env.WithUser(nogroup).Model("rules.tag").Create(orm.Values{"name": "x"}) }), "rules.tag")
	model := env.Model("ir.model").Search("[('model', '=', 'rules.tag')]")
	env.Model("ir.model.access").Create(orm.Values{"name": "tag everyone", "model_id": model.ID(), "perm_read": true})
	if got := tag.WithUser(nogroup).Str("name"); got != "t" {
		t.Errorf("global read ACL: %q", got)
	}
	wantAccess(t, env.Catch(func() { tag.WithUser(nogroup).Write(orm.Values{"name": "x"}) }), "rules.tag")
	tag.WithUser(employee).Write(orm.Values{"name": "by employee"})
	if got := tag.WithUser(nogroup).Sudo().Str("name"); got != "by employee" {
		t.Errorf("sudo read: %q", got)
	}
}

// §16 "If prefetching a batch raises AccessError, the ORM retries only the
// requested record; deleted records in a prefetch set don't break reads of
// others (MissingError only for the deleted one)".
func TestRulePrefetchWithHiddenAndDeleted(t *testing.T) {
	env, _ := rulesEnv(t)
	employee, _ := rulesSecurity(t, env)
	tags := env.Model("rules.tag").Create(orm.Values{"name": "ok"}, orm.Values{"name": "hidden"}, orm.Values{"name": "gone"})
	addRule(env, "not hidden", "[('name', '!=', 'hidden')]")
	tags.At(2).Unlink()
	env.InvalidateAll()
	recs := env.WithUser(employee).Model("rules.tag").Browse(tags.IDs()...).Records()
	// read the hidden one first: its batch holds the others
	wantAccess(t, env.Catch(func() { recs[1].Str("name") }), "rules.tag")
	if got := recs[0].Str("name"); got != "ok" {
		t.Errorf("visible record of the same batch: %q", got)
	}
	if err := env.Catch(func() { recs[2].Str("name") }); err == nil || !isMissing(err) {
		t.Errorf("deleted record: got %v, want MissingError", err)
	}
}

func isMissing(err error) bool {
	var me *orm.MissingError
	return errors.As(err, &me)
}
