package orm

// Why a user may or may not read or write a record.
//
// Env.Why replays the two checks of security.go for one record and says
// which lines decide: the access rights (the ir.model.access lines that
// grant the mode to the user's groups, or none), then the record rules of
// the mode (each global rule, each rule of the user's groups, with whether
// the record matches it). The record is allowed when some access line
// grants the mode and
//
//	every global rule matches  AND  (no group rule applies, OR one matches)
//
// It reads the same tables in Odoo's databases and odsh's own.

import (
	"fmt"
	"strings"

	"odsh/domain"
)

// Why explains, in lines of text, whether the env's user may read and
// write record id of model, and which access line or rule decides.
func (e *Env) Why(model string, id int64) string {
	rs := e.Model(model).Browse(id)
	var b strings.Builder
	fmt.Fprintf(&b, "%s(%d) for user %d%s\n", model, id, e.uid, e.userLabel())
	if e.su {
		b.WriteString("  the superuser: access rights and record rules do not apply\n")
		return b.String()
	}
	if rs.Sudo().WithContext(Ctx{"active_test": false}).Exists().Len() == 0 {
		fmt.Fprintf(&b, "  no such record\n")
	}
	for _, mode := range []string{"read", "write"} {
		rs.explainMode(&b, mode)
	}
	return b.String()
}

// userLabel is " (login)" for the env's user.
func (e *Env) userLabel() string {
	var login string
	if e.tx.reg.models["res.users"] != nil {
		e.tx.Query("SELECT login FROM res_users WHERE id = $1", []any{e.uid}, func(rows pgxRows) error { return rows.Scan(&login) })
	}
	if login == "" {
		return ""
	}
	return " (" + login + ")"
}

// explainMode writes the verdict for one mode and its reasons.
func (r Recordset) explainMode(b *strings.Builder, mode string) {
	acl := r.accessLines(mode)
	rules, allowed := r.explainRules(mode)
	verdict := "allowed"
	switch {
	case len(acl) == 0:
		verdict = "denied by the access rights"
	case !allowed:
		verdict = "denied by the record rules"
	}
	fmt.Fprintf(b, "%s: %s\n", mode, verdict)
	if len(acl) == 0 {
		fmt.Fprintf(b, "  access: no active ir.model.access line of %s grants %s to the user's groups\n", r.model.Name, mode)
	}
	for _, l := range acl {
		fmt.Fprintf(b, "  access: %s\n", l)
	}
	for _, l := range rules {
		fmt.Fprintf(b, "  %s\n", l)
	}
}

// accessLines describes the active access lines granting mode to the user.
func (r Recordset) accessLines(mode string) []string {
	var out []string
	q := fmt.Sprintf(`SELECT COALESCE(a.name, ''), COALESCE((SELECT d.module || '.' || d.name FROM ir_model_data d
			WHERE d.model = 'res.groups' AND d.res_id = a.group_id ORDER BY d.id LIMIT 1), a.group_id::text, '')
		FROM ir_model_access a JOIN ir_model m ON m.id = a.model_id
		WHERE m.model = $1 AND a.active AND a.perm_%s
		AND (a.group_id IS NULL OR a.group_id IN (SELECT gid FROM res_groups_users_rel WHERE uid = $2)) ORDER BY a.id`, mode)
	r.env.tx.Query(q, []any{r.model.Name, r.env.uid}, func(rows pgxRows) error {
		var name, group string
		if err := rows.Scan(&name, &group); err != nil {
			return err
		}
		if group == "" {
			group = "every user"
		}
		out = append(out, fmt.Sprintf("%q grants %s (%s)", name, mode, group))
		return nil
	})
	return out
}

type whyRule struct {
	name, text, group string
	global            bool
}

// explainRules evaluates each rule of the mode that applies to the user
// on the record: lines saying which match, and the verdict.
func (r Recordset) explainRules(mode string) ([]string, bool) {
	var rules []whyRule
	q := fmt.Sprintf(`SELECT COALESCE(r.name, ''), COALESCE(r.domain_force, '[]'), g.global,
			COALESCE((SELECT string_agg(COALESCE(d.module || '.' || d.name, rg.group_id::text), ', ') FROM rule_group_rel rg
				LEFT JOIN ir_model_data d ON d.model = 'res.groups' AND d.res_id = rg.group_id
				WHERE rg.rule_group_id = r.id AND rg.group_id IN (SELECT gid FROM res_groups_users_rel WHERE uid = $2)), '')
		FROM ir_rule r JOIN ir_model m ON m.id = r.model_id
		CROSS JOIN LATERAL (SELECT NOT EXISTS (SELECT 1 FROM rule_group_rel WHERE rule_group_id = r.id) AS global) g
		WHERE m.model = $1 AND r.active AND r.perm_%s
		AND (g.global OR EXISTS (SELECT 1 FROM rule_group_rel rg JOIN res_groups_users_rel gu ON gu.gid = rg.group_id
			WHERE rg.rule_group_id = r.id AND gu.uid = $2))
		ORDER BY r.id`, mode)
	r.env.tx.Query(q, []any{r.model.Name, r.env.uid}, func(rows pgxRows) error {
		var w whyRule
		err := rows.Scan(&w.name, &w.text, &w.global, &w.group)
		rules = append(rules, w)
		return err
	})
	if len(rules) == 0 {
		return []string{"rules: no record rule of " + r.model.Name + " applies to " + mode}, true
	}
	vars := r.ruleVars()
	globalsOK, anyGroup, groupOK := true, false, false
	var out []string
	for _, w := range rules {
		match, why := r.ruleMatches(w.text, vars)
		kind := "global rule"
		if !w.global {
			kind = "rule of " + w.group
			anyGroup = true
			groupOK = groupOK || match
		} else {
			globalsOK = globalsOK && match
		}
		verdict := "matches"
		if !match {
			verdict = "does not match"
		}
		if why != "" {
			verdict = why
		}
		out = append(out, fmt.Sprintf("rule: %s %q %s: %s", kind, w.name, oneLine(w.text), verdict))
	}
	return out, globalsOK && (!anyGroup || groupOK)
}

// ruleMatches evaluates one rule's domain on the record (as superuser).
func (r Recordset) ruleMatches(text string, vars domain.Vars) (match bool, why string) {
	d, err := domain.ParseWith(text, vars)
	if err != nil {
		return false, "cannot be evaluated: " + err.Error()
	}
	err = r.env.tx.Catch(func() {
		su := r.Sudo().WithContext(Ctx{"active_test": false})
		match = su.SearchCount(domain.AND(domain.Cond("id", domain.Eq, r.ID()), d)) > 0
	})
	if err != nil {
		return false, "cannot be evaluated: " + err.Error()
	}
	return match, ""
}
