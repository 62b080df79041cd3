package repl

import (
	"strings"
	"testing"

	"odsh/repl/symbols"
)

// TestPhrasebookNames: every row names a documented Go name, so :doc can
// show it and the hints built from it name something that exists.
func TestPhrasebookNames(t *testing.T) {
	for _, p := range phrasebook {
		if p.Doc == "" {
			continue
		}
		if _, ok := symbols.Docs[p.Doc]; !ok {
			t.Errorf("%s: %s is not documented", p.Odoo, p.Doc)
		}
	}
}

// TestPythonToGo pins the translation of Python's surface syntax that the
// hints read.
func TestPythonToGo(t *testing.T) {
	tests := []struct{ in, want string }{
		{`env['res.partner']`, `env["res.partner"]`},
		{`p.write({'name': 'x', 'active': False})`, `p.write(orm.Values{"name": "x", "active": false})`},
		{`x = None`, `x = nil`},
		{`if not a and b or c`, `if ! a && b || c`},
		{`rs.search(['|', ('a', '=', 1), ('b', '=', "x")])`, `rs.search("['|', ('a', '=', 1), ('b', '=', 'x')]")`},
		{`rs.search([], limit=5, offset=2, order='name desc')`, `rs.search("[]", orm.Limit(5), orm.Offset(2), orm.Order("name desc"))`},
		{`rs.with_context(active_test=False, lang='fr_FR')`, `rs.with_context(orm.Ctx{"active_test": false, "lang": "fr_FR"})`},
		{`rs.filtered(lambda r: r.active)`, `rs.filtered(func(r orm.Recordset) bool { return r.Bool("active") })`},
		{`rs.mapped(lambda r: r.partner_id.name)`, `rs.mapped(func(r orm.Recordset) any { return r.Get("partner_id.name") })`},
		{`rs.sorted(key=lambda r: r.name, reverse=True)`, `rs.sorted(func(r orm.Recordset) any { return r.Get("name") }, true)`},
		{`fmt.Println("True {'a': 1}")`, `fmt.Println("True {'a': 1}")`},
		{`band := notes`, `band := notes`},
		{`func() {}`, `func() {}`},
	}
	for _, tc := range tests {
		if got := pythonToGo(tc.in); got != tc.want {
			t.Errorf("pythonToGo(%s):\n got %s\nwant %s", tc.in, got, tc.want)
		}
	}
}

// TestPhrasebookCoversMethods: each Recordset and Env method Odoo has is
// in the phrasebook (so :doc shows its Odoo name and the hint for its
// snake_case spelling exists); goOnly lists those that are odsh's own.
func TestPhrasebookCoversMethods(t *testing.T) {
	goOnly := map[string]bool{
		"Bool": true, "Float": true, "Int": true, "Time": true, "Call": true, "CheckDomain": true,
		"IsNew": true, "Model": true, "NameGet": true, "NewFrom": true, "ParseDomain": true,
		"Reversed": true, "SearchSQL": true, "Head": true, "String": true, "ToCompute": true,
		"Catch": true, "Declare": true, "HasModel": true, "LoadCSV": true, "Now": true, "Protecting": true,
		"QueryCount": true, "RefOK": true, "ReplaceContext": true, "RuleVars": true, "SetXMLID": true,
		"Tx": true, "UIDOrigin": true, "Commit": true, "Rollback": true, "Why": true,
	}
	for k := range symbols.Docs {
		for _, scope := range []string{"orm.Recordset.", "orm.Env."} {
			m, ok := strings.CutPrefix(k, scope)
			if ok && !goOnly[m] && len(odooNames(k)) == 0 {
				t.Errorf("%s has no Odoo name in the phrasebook (or add it to goOnly)", k)
			}
		}
	}
}
