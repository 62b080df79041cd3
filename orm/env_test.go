package orm_test

import (
	"testing"

	"odsh/internal/testdb"
	"odsh/orm"
)

// Odoo: "with_context(**kw) merges; with_context(dict) replaces the context
// but keeps allowed_company_ids".
func TestRuleReplaceContext(t *testing.T) {
	env := testdb.Env(t)
	main := env.Ref("base.main_company").ID()
	e := env.WithContext(orm.Ctx{"lang": "fr_FR", "allowed_company_ids": []int64{main}})
	r := e.ReplaceContext(orm.Ctx{"tz": "UTC"}).Context()
	if _, ok := r["lang"]; ok || r["tz"] != "UTC" {
		t.Errorf("ReplaceContext: got %v, want only tz (and companies)", r)
	}
	if ids, _ := r["allowed_company_ids"].([]int64); len(ids) != 1 || ids[0] != main {
		t.Errorf("ReplaceContext dropped allowed_company_ids: %v", r)
	}
}

// Odoo: "env.company = first of allowed_company_ids (else user.company_id);
// env.companies = allowed ids (else user.company_ids)"; "with_company(c)
// moves c to the front of allowed_company_ids; falsy → no-op;
// with_company(A) ≡ with_context(allowed_company_ids=[A]) when no companies
// were set".
func TestRuleCompanies(t *testing.T) {
	env := testdb.Env(t)
	main := env.Ref("base.main_company")
	other := env.Model("res.company").Create(orm.Values{"name": "Other"})
	if !env.Company().Equal(main) {
		t.Errorf("default company: got %v, want the user's", env.Company())
	}
	e := env.WithContext(orm.Ctx{"allowed_company_ids": []int64{main.ID(), other.ID()}})
	if !e.Company().Equal(main) || !e.Companies().Equal(main.Concat(other)) {
		t.Errorf("allowed [main, other]: company %v companies %v", e.Company(), e.Companies())
	}
	moved := e.WithCompany(other)
	if !moved.Company().Equal(other) || !moved.Companies().Equal(other.Concat(main)) {
		t.Errorf("WithCompany(other): company %v companies %v, want other first", moved.Company(), moved.Companies())
	}
	if got := e.WithCompany(nil).Companies(); !got.Equal(main.Concat(other)) {
		t.Errorf("WithCompany(nil): got %v, want unchanged", got)
	}
	if got := e.WithCompany(env.Model("res.company")).Companies(); !got.Equal(main.Concat(other)) {
		t.Errorf("WithCompany(empty): got %v, want unchanged", got)
	}
	only := env.WithCompany(other).Context()["allowed_company_ids"]
	if ids, _ := only.([]int64); len(ids) != 1 || ids[0] != other.ID() {
		t.Errorf("WithCompany without companies: allowed_company_ids %v, want [other]", only)
	}
}

// Odoo: "env.uid_origin records the first user before with_user [17+]".
func TestRuleUIDOrigin(t *testing.T) {
	env := testdb.Env(t)
	admin := env.Ref("base.user_admin")
	if env.UIDOrigin() != env.UID() {
		t.Errorf("root env: uid_origin %d, want its uid %d", env.UIDOrigin(), env.UID())
	}
	e := env.WithUser(admin).WithContext(orm.Ctx{"x": 1}).Sudo().Sudo(false).ReplaceContext(nil).WithCompany(env.Ref("base.main_company"))
	if e.UID() != admin.ID() || e.UIDOrigin() != env.UID() {
		t.Errorf("after WithUser: uid %d uid_origin %d, want %d %d", e.UID(), e.UIDOrigin(), admin.ID(), env.UID())
	}
}

// Odoo: "unauthorized/garbage ids [in allowed_company_ids] → AccessError
// unless su".
func TestRuleCompaniesUnauthorized(t *testing.T) {
	env := testdb.Env(t)
	other := env.Model("res.company").Create(orm.Values{"name": "Elsewhere"})
	emp := newUser(t, env, "emp_companies", "base.group_user")
	bad := env.WithUser(emp).WithContext(orm.Ctx{"allowed_company_ids": []int64{other.ID()}})
	wantAccess(t, env.Catch(func() { bad.Company() }), "res.company")
	wantAccess(t, env.Catch(func() { bad.Companies() }), "res.company")
	if got := bad.Sudo().Company(); !got.Equal(other) {
		t.Errorf("sudo: company %v, want %v", got, other)
	}
	garbage := env.WithUser(emp).WithContext(orm.Ctx{"allowed_company_ids": []int64{987654}})
	wantAccess(t, env.Catch(func() { garbage.Company() }), "res.company")
}
