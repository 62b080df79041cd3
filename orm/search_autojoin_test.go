package orm_test

import (
	"strings"
	"testing"

	"odsh/orm"
)

// auto_join searches through a JOIN (many2one) or EXISTS (one2many): the
// same records as the subquery when no rule interferes, and the comodel's
// record rules do not apply, as Odoo.
func TestAutoJoin(t *testing.T) {
	env := fieldsEnv(t)
	hidden := env.Model("res.partner").Create(orm.Values{"name": "Hidden"})
	doc := env.Model("test.doc").Create(orm.Values{"name": "D", "partner_id": hidden.ID(), "owner_id": hidden.ID(),
		"line_ids": []orm.Cmd{orm.Command.Create(orm.Values{"name": "secret line"})}})
	env.Model("test.doc").Create(orm.Values{"name": "E"})
	docs := env.Model("test.doc")
	var sqls []string
	capture := false
	env.Tx().OnQuery(func(sql string, _ []any) {
		if capture {
			sqls = append(sqls, sql)
		}
	})
	for _, pair := range [][2]string{
		{"partner_id.name", "owner_id.name"},
		{"line_ids.name", "joined_line_ids.name"},
	} {
		for _, op := range []string{"=", "!="} {
			value := map[string]string{"partner_id.name": "Hidden", "line_ids.name": "secret line"}[pair[0]]
			plain := docs.Search([][]any{{pair[0], op, value}})
			sqls, capture = nil, true
			joined := docs.Search([][]any{{pair[1], op, value}})
			joined.Len() // runs the search (search_lazy.go)
			capture = false
			if !plain.Equal(joined) {
				t.Errorf("%s %s: subquery %s, auto_join %s", pair[1], op, plain, joined)
			}
			if s := strings.Join(sqls, "\n"); !strings.Contains(s, "LEFT JOIN") && !strings.Contains(s, "EXISTS") {
				t.Errorf("%s %s: no JOIN or EXISTS in %s", pair[1], op, s)
			}
		}
	}

	// an employee who may read documents but not the Hidden partner or lines
	for _, model := range []string{"test.doc", "test.doc.line"} {
		m := env.Model("ir.model").Search([][]any{{"model", "=", model}})
		env.Model("ir.model.access").Create(orm.Values{"name": model, "model_id": m.ID(),
			"group_id": env.Ref("base.group_user").ID(), "perm_read": true})
	}
	for model, dom := range map[string]string{"res.partner": "[('name', '!=', 'Hidden')]", "test.doc.line": "[('name', '!=', 'secret line')]"} {
		m := env.Model("ir.model").Search([][]any{{"model", "=", model}})
		env.Model("ir.rule").Create(orm.Values{"name": "hide", "model_id": m.ID(), "domain_force": dom})
	}
	employee := newUser(t, env, "autojoin_emp", "base.group_user")
	mine := env.WithUser(employee).Model("test.doc")
	cases := []struct {
		path, value string
		want        orm.Recordset
	}{
		{"partner_id.name", "Hidden", docs.Browse()},
		{"owner_id.name", "Hidden", doc},
		{"line_ids.name", "secret line", docs.Browse()},
		{"joined_line_ids.name", "secret line", doc},
	}
	for _, c := range cases {
		if got := mine.Search([][]any{{c.path, "=", c.value}}); !got.Equal(c.want.WithUser(employee)) {
			t.Errorf("as employee, %s = %q: got %s, want %s", c.path, c.value, got, c.want)
		}
	}
}
