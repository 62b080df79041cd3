package orm

// Access control.
//
// Three layers, as Odoo: access rights (ir.model.access: may this user
// read/write/create/unlink records of this model at all?), record rules
// (ir.rule: which records?), and field groups (Field.Groups: which fields?).
// The superuser (sudo, or uid 1) skips all three. A registry without the
// base security models enforces nothing.
//
//	rights: some active ACL of the model grants the mode, either global
//	        (no group) or to one of the user's groups; none → AccessError
//	rules:  AND(global rules) AND OR(rules of the user's groups), for rules
//	        of the model that apply to the mode; no rule → every record
//
// Search, search_count and read_group filter by the rules silently; reading,
// writing or deleting a record the rules exclude raises AccessError.
// Decisions are cached per transaction and forgotten when a security model
// changes.

import (
	"fmt"
	"strings"

	"odsh/domain"
)

// secured reports whether checks apply to this env and model.
func (r Recordset) secured() bool {
	return !r.env.su && r.env.tx.reg.models["ir.model.access"] != nil && r.model.Name != ""
}

type secKey struct {
	uid         int64
	model, mode string
}

func (tx *Transaction) secCache() *securityCache {
	if tx.security == nil {
		tx.security = &securityCache{acl: map[secKey]bool{}, rules: map[secKey]domain.Domain{}, groups: map[int64]map[int64]bool{}}
	}
	return tx.security
}

type securityCache struct {
	acl    map[secKey]bool
	rules  map[secKey]domain.Domain
	groups map[int64]map[int64]bool // uid → group ids
}

// securityChanged forgets security decisions (and external ids) after a
// change of m.
func (tx *Transaction) securityChanged(m *Model) {
	switch m.Name {
	case "ir.model.data":
		tx.security = nil
		tx.xmlids = map[string]xmlRef{}
	case "ir.model.access", "ir.rule", "res.groups", "res.users":
		tx.security = nil
	case "res.lang":
		tx.langs = nil
	}
}

// checkAccess raises AccessError unless the user's access rights allow mode
// ("read", "write", "create", "unlink") on the model.
func (r Recordset) checkAccess(mode string) {
	if !r.secured() {
		return
	}
	key := secKey{r.env.uid, r.model.Name, mode}
	sc := r.env.tx.secCache()
	ok, known := sc.acl[key]
	if !known {
		ok = r.queryAccess(mode)
		sc.acl[key] = ok
	}
	if !ok {
		panic(&AccessError{ErrorInfo{Model: r.model.Name, Msg: fmt.Sprintf("you are not allowed to %s %q (%s) records (user %d)",
			accessVerb[mode], r.model.Description, r.model.Name, r.env.uid)}})
	}
}

var accessVerb = map[string]string{"read": "access", "write": "modify", "create": "create", "unlink": "delete"}

func (r Recordset) queryAccess(mode string) bool {
	var ok bool
	q := fmt.Sprintf(`SELECT EXISTS (SELECT 1 FROM ir_model_access a JOIN ir_model m ON m.id = a.model_id
		WHERE m.model = $1 AND a.active AND a.perm_%s
		AND (a.group_id IS NULL OR a.group_id IN (SELECT gid FROM res_groups_users_rel WHERE uid = $2)))`, mode)
	r.env.tx.query(q, []any{r.model.Name, r.env.uid}, func(rows pgxRows) error { return rows.Scan(&ok) })
	return ok
}

// ruleDomain returns the record rules' domain for mode, or nil when no rule
// restricts the user.
func (r Recordset) ruleDomain(mode string) domain.Domain {
	if !r.secured() || r.env.tx.reg.models["ir.rule"] == nil {
		return nil
	}
	key := secKey{r.env.uid, r.model.Name, mode}
	sc := r.env.tx.secCache()
	if d, ok := sc.rules[key]; ok {
		return d
	}
	d := r.computeRules(mode)
	sc.rules[key] = d
	return d
}

type ruleRow struct {
	domain string
	global bool
	name   string
}

func (r Recordset) computeRules(mode string) domain.Domain {
	var rows []ruleRow
	q := fmt.Sprintf(`SELECT COALESCE(r.domain_force, '[]'), g.global, COALESCE(r.name, '') FROM ir_rule r
		JOIN ir_model m ON m.id = r.model_id
		CROSS JOIN LATERAL (SELECT NOT EXISTS (SELECT 1 FROM rule_group_rel WHERE rule_group_id = r.id) AS global) g
		WHERE m.model = $1 AND r.active AND r.perm_%s
		AND (g.global OR EXISTS (SELECT 1 FROM rule_group_rel rg JOIN res_groups_users_rel gu ON gu.gid = rg.group_id
			WHERE rg.rule_group_id = r.id AND gu.uid = $2))
		ORDER BY r.id`, mode)
	r.env.tx.query(q, []any{r.model.Name, r.env.uid}, func(rs pgxRows) error {
		var row ruleRow
		err := rs.Scan(&row.domain, &row.global, &row.name)
		rows = append(rows, row)
		return err
	})
	if len(rows) == 0 {
		return nil
	}
	vars := r.ruleVars()
	var globals, groups []domain.Domain
	for _, row := range rows {
		d, err := domain.ParseWith(row.domain, vars)
		if err != nil {
			panic(&ValidationError{ErrorInfo{Model: "ir.rule", Value: row.domain, HasValue: true,
				Msg: fmt.Sprintf("invalid domain in record rule %q: %v", row.name, err)}})
		}
		if row.global {
			globals = append(globals, d)
		} else {
			groups = append(groups, d)
		}
	}
	if len(groups) > 0 {
		globals = append(globals, domain.OR(groups...))
	}
	return domain.AND(globals...)
}

// RuleVars returns the names a record rule's domain may use, as Odoo's
// ir.rule._eval_context: user (the env's user, read as superuser),
// company_ids (the allowed companies, else the user's) and company_id (the
// first of them, or false).
func (e *Env) RuleVars() domain.Vars { return Recordset{env: e}.ruleVars() }

// CheckDomain reports why dom cannot be searched on r's model: a syntax
// error, an unknown operator, an unknown field in a path, a value of the
// wrong type (see search_validate.go); nil when a search would accept it.
// It runs no query. A text domain is read without variables: parse it with
// domain.ParseWith first when it uses some.
func (r Recordset) CheckDomain(dom any) (err error) {
	r.check()
	d, err := domain.Of(dom)
	if err != nil {
		return err
	}
	defer func() {
		if p := recover(); p != nil {
			err = asError(p)
		}
	}()
	r.validateDomain(r.model, d)
	return nil
}

// ruleVars are the names a rule domain may use: user, company_id,
// company_ids.
func (r Recordset) ruleVars() domain.Vars {
	su := r.env.Sudo()
	user := su.Model("res.users").Browse(r.env.uid)
	vars := domain.Vars{"user": attrRecord{user}}
	companies := r.env.companyIDs()
	if len(companies) == 0 && su.HasModel("res.company") {
		if f := user.model.Fields["company_ids"]; f != nil {
			companies = user.Rel("company_ids").IDs()
		}
	}
	list := make([]any, len(companies))
	for i, id := range companies {
		list[i] = id
	}
	vars["company_ids"] = list
	if len(companies) > 0 {
		vars["company_id"] = companies[0]
	} else {
		vars["company_id"] = false
	}
	return vars
}

// attrRecord exposes a record's fields to rule domains (user.company_id.id).
type attrRecord struct{ rs Recordset }

var _ domain.Attrer = attrRecord{}

// Attr returns a field's value; "id" and "ids" give the ids.
func (a attrRecord) Attr(name string) (any, error) {
	switch name {
	case "id":
		if a.rs.Len() == 0 {
			return false, nil
		}
		return a.rs.ID(), nil
	case "ids":
		list := make([]any, a.rs.Len())
		for i, id := range a.rs.idList() {
			list[i] = id
		}
		return list, nil
	}
	if a.rs.model.Fields[name] == nil {
		return nil, fmt.Errorf("%s has no field %q", a.rs.model.Name, name)
	}
	var v any
	err := a.rs.env.Catch(func() { v = a.rs.Get(name) })
	if rs, ok := v.(Recordset); ok {
		return attrRecord{rs}, err
	}
	return v, err
}

// addRules restricts a query to the records the user's rules allow.
func (r Recordset) addRules(q *query, mode string) {
	d := r.ruleDomain(mode)
	if d == nil {
		return
	}
	su := r.Sudo()
	q.addWhere(su.domainSQL(q, q.alias, r.model, d))
}

// checkRules raises AccessError if a record of r is excluded by the rules
// for mode (deleted records are ignored: the caller reports them).
func (r Recordset) checkRules(mode string) {
	d := r.ruleDomain(mode)
	if d == nil || len(r.idList()) == 0 {
		return
	}
	su := r.Sudo()
	q := newQuery(r.model)
	q.addWhere(SQLf("%s = ANY(%s)", SQL{code: qualify(q.alias, "id")}, dedup(r.idList())))
	q.addWhere(SQLf("NOT COALESCE(%s, FALSE)", su.domainSQL(q, q.alias, r.model, d)))
	var bad []int64
	r.env.tx.querySQL(q.selectSQL(SQL{code: qualify(q.alias, "id")}), func(rows pgxRows) error {
		var id int64
		err := rows.Scan(&id)
		bad = append(bad, id)
		return err
	})
	if len(bad) > 0 {
		panic(&AccessError{ErrorInfo{Model: r.model.Name, IDs: bad, Msg: fmt.Sprintf(
			"the requested operation (%s) is restricted by record rules on %s(%s) (user %d)",
			mode, r.model.Name, joinIDs(bad), r.env.uid)}})
	}
}

func joinIDs(ids []int64) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = fmt.Sprint(id)
	}
	return strings.Join(parts, ", ")
}

// HasGroup reports whether the env's user belongs to the group named by
// its external id ("base.group_system"); the superuser has every group.
func (e *Env) HasGroup(xmlid string) bool {
	if e.uid == SuperuserID {
		return true
	}
	g, ok := e.RefOK(xmlid)
	if !ok {
		return false
	}
	return e.userGroups()[g.ID()]
}

func (e *Env) userGroups() map[int64]bool {
	sc := e.tx.secCache()
	if gs, ok := sc.groups[e.uid]; ok {
		return gs
	}
	gs := map[int64]bool{}
	if e.tx.reg.models["res.groups"] != nil {
		e.tx.query("SELECT gid FROM res_groups_users_rel WHERE uid = $1", []any{e.uid}, func(rows pgxRows) error {
			var id int64
			err := rows.Scan(&id)
			gs[id] = true
			return err
		})
	}
	sc.groups[e.uid] = gs
	return gs
}

// checkFieldAccess raises AccessError when a field restricted to groups is
// used by a user in none of them.
func (r Recordset) checkFieldAccess(f *Field) {
	if f.Groups == "" || r.env.su {
		return
	}
	for _, g := range strings.Split(f.Groups, ",") {
		if r.env.HasGroup(strings.TrimSpace(g)) {
			return
		}
	}
	panic(&AccessError{ErrorInfo{Model: r.model.Name, Field: f.Name,
		Msg: fmt.Sprintf("the field %q is restricted to the groups %s (user %d)", f.Name, f.Groups, r.env.uid)}})
}
