package orm_test

import (
	"strings"
	"testing"

	"odsh/orm"
)

// sqlRows runs a raw query that flushes nothing (Transaction.QueryValues),
// to see what the database holds while ORM writes are still pending.
func sqlRows(env *orm.Env, format string, args ...any) [][]any {
	code, params := orm.SQLf(format, args...).Build()
	return env.Tx().QueryValues(code, params...)
}

// Odoo: "Column types: Boolean→bool, Integer→int4, Float→numeric if digits
// given else float8, Monetary→numeric, Char→varchar (varchar(n) with size),
// Text/Html→text, Date→date, Datetime→timestamp, Selection→varchar,
// Many2one→int4 + FK"; "Binary(attachment=False)→bytea" (the default,
// attachment=True, has no column: attachment_test.go).
func TestRuleColumnTypes(t *testing.T) {
	env, _ := rulesEnv(t)
	rows := sqlRows(env, `SELECT column_name, udt_name, coalesce(character_maximum_length, 0)
		FROM information_schema.columns WHERE table_name = 'rules_rec'`)
	got := map[string]string{}
	for _, r := range rows {
		typ := r[1].(string)
		if n, _ := r[2].(int32); n > 0 {
			typ += "(" + itoa(int64(n)) + ")"
		}
		got[r[0].(string)] = typ
	}
	want := map[string]string{
		"active": "bool", "n": "int4", "f": "numeric", "ratio": "float8", "amount": "numeric",
		"name": "varchar", "code": "varchar(3)", "note": "text", "body": "text", "d": "date",
		"dt": "timestamp", "state": "varchar", "partner_id": "int4", "blob": "bytea",
		"double": "int4", "label": "varchar", "partner_ref": "varchar",
		"create_uid": "int4", "create_date": "timestamp", "write_uid": "int4", "write_date": "timestamp",
	}
	for col, typ := range want {
		if got[col] != typ {
			t.Errorf("column %s: got %q, want %q", col, got[col], typ)
		}
	}
	for _, none := range []string{"partner_name", "partner_city", "stamp", "line_ids", "tag_ids"} {
		if _, ok := got[none]; ok {
			t.Errorf("%s has a column, want none (non-stored or x2many)", none)
		}
	}
	// many2one columns carry a foreign key: set null by default
	fk := sqlRows(env, `SELECT rc.delete_rule FROM information_schema.referential_constraints rc
		JOIN information_schema.key_column_usage k ON k.constraint_name = rc.constraint_name
		WHERE k.table_name = 'rules_rec' AND k.column_name = 'partner_id'`)
	if len(fk) != 1 || fk[0][0] != "SET NULL" {
		t.Errorf("partner_id foreign key: got %v, want ON DELETE SET NULL", fk)
	}
}

// Odoo: "required=True → NOT NULL column"; "index=True creates an index".
func TestRuleRequiredAndIndex(t *testing.T) {
	env, _ := rulesEnv(t)
	rows := sqlRows(env, `SELECT is_nullable FROM information_schema.columns WHERE table_name = 'test_tag' AND column_name = 'name'`)
	if len(rows) != 1 || rows[0][0] != "NO" {
		t.Errorf("required test.tag.name: is_nullable %v, want NO", rows)
	}
	idx := sqlRows(env, `SELECT indexdef FROM pg_indexes WHERE tablename = 'rules_rec'`)
	found := false
	for _, r := range idx {
		if strings.Contains(r[0].(string), "(n)") {
			found = true
		}
	}
	if !found {
		t.Errorf("no index on rules_rec.n: %v", idx)
	}
}

// Odoo: "Many2many: relation table <tableA>_<tableB>_rel (tables sorted),
// columns <table>_id, both NOT NULL with FK ON DELETE CASCADE".
func TestRuleMany2manyRelationTable(t *testing.T) {
	env, m := rulesEnv(t)
	f := m.Model().Field("tag_ids")
	if f.Relation != "rules_rec_test_tag_rel" || f.Column1 != "rules_rec_id" || f.Column2 != "test_tag_id" {
		t.Errorf("relation: got %s(%s, %s)", f.Relation, f.Column1, f.Column2)
	}
	rows := sqlRows(env, `SELECT k.column_name, rc.delete_rule, c.is_nullable
		FROM information_schema.referential_constraints rc
		JOIN information_schema.key_column_usage k ON k.constraint_name = rc.constraint_name
		JOIN information_schema.columns c ON c.table_name = k.table_name AND c.column_name = k.column_name
		WHERE k.table_name = 'rules_rec_test_tag_rel' ORDER BY 1`)
	if len(rows) != 2 || rows[0][1] != "CASCADE" || rows[1][1] != "CASCADE" || rows[0][2] != "NO" || rows[1][2] != "NO" {
		t.Errorf("relation table columns: got %v, want two NOT NULL columns with ON DELETE CASCADE", rows)
	}
}
