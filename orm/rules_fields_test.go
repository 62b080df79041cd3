package orm_test

// ODOO-RULES.md §2 (field types and attributes), pinned against the
// database.

import (
	"strings"
	"testing"
	"time"

	"odsh/orm"
)

// sqlRows runs a raw query that flushes nothing (Transaction.QueryValues),
// to see what the database holds while ORM writes are still pending.
func sqlRows(env *orm.Env, format string, args ...any) [][]any {
	code, params := orm.SQLf(format, args...).Build()
	return env.Tx().QueryValues(code, params...)
}

// §2 "Column types: Boolean→bool, Integer→int4, Float→numeric if digits
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

// §2 "required=True → NOT NULL column"; "index=True creates an index".
func TestRuleRequiredAndIndex(t *testing.T) {
	env, _ := rulesEnv(t)
	rows := sqlRows(env, `SELECT is_nullable FROM information_schema.columns WHERE table_name = 'rules_tag' AND column_name = 'name'`)
	if len(rows) != 1 || rows[0][0] != "NO" {
		t.Errorf("required rules.tag.name: is_nullable %v, want NO", rows)
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

// §2 "readonly is a UI/onchange concept; the ORM still lets write() set
// readonly non-computed fields".
func TestRuleReadonlyIsWritable(t *testing.T) {
	env, m := rulesEnv(t)
	r := m.Create(orm.Values{"name": "x", "ro": "given"})
	r.Write(orm.Values{"ro": "changed"})
	env.InvalidateAll()
	if got := r.Str("ro"); got != "changed" {
		t.Fatalf("readonly field: got %q, want changed", got)
	}
}

// §2 "Char: ” is stored as ”, False/None as NULL; reading NULL gives
// False"; "trim is applied only by the web client, never by the ORM".
func TestRuleCharEmptyAndTrim(t *testing.T) {
	env, m := rulesEnv(t)
	empty := m.Create(orm.Values{"name": ""})
	null := m.Create(orm.Values{"name": nil})
	spaced := m.Create(orm.Values{"name": "  padded  "})
	env.FlushAll()
	rows := sqlRows(env, `SELECT id, name IS NULL, coalesce(name, '<null>') FROM rules_rec WHERE id = ANY(%s) ORDER BY id`,
		[]int64{empty.ID(), null.ID(), spaced.ID()})
	if len(rows) != 3 || rows[0][1] != false || rows[0][2] != "" || rows[1][1] != true || rows[2][2] != "  padded  " {
		t.Fatalf("stored: got %v, want '' / NULL / '  padded  '", rows)
	}
	env.InvalidateAll()
	if got := null.Get("name"); got != nil {
		t.Errorf("NULL char reads %#v, want nil (False)", got)
	}
	if got := empty.Get("name"); got != "" {
		t.Errorf("'' char reads %#v, want ''", got)
	}
}

// §2 "Integer: writing False/None stores 0; never-set stays NULL; both read
// as 0" (also "Seen on a running Odoo 18": writing False to an Integer
// stores 0).
func TestRuleIntegerFalseStoresZero(t *testing.T) {
	env, m := rulesEnv(t)
	never := m.Create(orm.Values{"name": "never"})
	cleared := m.Create(orm.Values{"name": "cleared", "n": 5})
	cleared.Write(orm.Values{"n": nil})
	created := m.Create(orm.Values{"name": "created", "n": nil})
	env.FlushAll()
	rows := sqlRows(env, `SELECT id, n FROM rules_rec WHERE id = ANY(%s) ORDER BY id`,
		[]int64{never.ID(), cleared.ID(), created.ID()})
	if len(rows) != 3 || rows[0][1] != nil || rows[1][1] != int32(0) || rows[2][1] != int32(0) {
		t.Fatalf("stored n: got %v, want NULL, 0, 0", rows)
	}
	env.InvalidateAll()
	for _, r := range []orm.Recordset{never, cleared, created} {
		if got := r.Get("n"); got != int64(0) {
			t.Errorf("%s: n reads %#v, want 0", r.Str("name"), got)
		}
	}
}

// §2 "Float: value rounded HALF-UP to digits[1] when digits are set
// (2.49609375→2.5 with 2 digits); unset reads 0.0".
func TestRuleFloatDigits(t *testing.T) {
	env, m := rulesEnv(t)
	r := m.Create(orm.Values{"name": "x", "f": 2.49609375, "ratio": 2.49609375})
	other := m.Create(orm.Values{"name": "y"})
	env.InvalidateAll()
	if got := r.Float("f"); got != 2.5 {
		t.Errorf("f with 2 digits: got %v, want 2.5", got)
	}
	if got := r.Float("ratio"); got != 2.49609375 {
		t.Errorf("ratio without digits: got %v, want unrounded", got)
	}
	r.Write(orm.Values{"f": -1.005})
	if got := r.Float("f"); got != -1.01 {
		t.Errorf("f = -1.005: got %v, want -1.01 (half away from zero)", got)
	}
	if got := other.Get("f"); got != 0.0 {
		t.Errorf("unset float: got %#v, want 0.0", got)
	}
}

// §2 "Date accepts date, 'YYYY-MM-DD', 'YYYY-MM-DD HH:MM:SS' (time
// dropped), falsy; Datetime accepts datetime, date (→ midnight), both string
// formats".
func TestRuleDateInputs(t *testing.T) {
	env, m := rulesEnv(t)
	want := time.Date(2024, 5, 17, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		field string
		in    any
		want  time.Time
	}{
		{"d", "2024-05-17", want},
		{"d", "2024-05-17 13:45:00", want},
		{"d", time.Date(2024, 5, 17, 13, 45, 0, 0, time.UTC), want},
		{"dt", "2024-05-17", want},
		{"dt", "2024-05-17 13:45:00", want.Add(13*time.Hour + 45*time.Minute)},
		{"dt", want.Add(time.Hour), want.Add(time.Hour)},
	}
	for _, c := range cases {
		r := m.Create(orm.Values{"name": "x", c.field: c.in})
		env.InvalidateAll()
		if got := r.Time(c.field); !got.Equal(c.want) {
			t.Errorf("%s = %v: got %v, want %v", c.field, c.in, got, c.want)
		}
	}
	r := m.Create(orm.Values{"name": "x", "d": "2024-05-17", "dt": "2024-05-17 10:00:00"})
	r.Write(orm.Values{"d": nil, "dt": false})
	if r.Get("d") != nil || r.Get("dt") != nil {
		t.Errorf("falsy date/datetime: got %v %v, want nil", r.Get("d"), r.Get("dt"))
	}
}

// §2 "Many2one default ondelete: 'set null'; required → 'restrict';
// required + 'set null' → ValueError".
func TestRuleMany2oneOndeleteDefaults(t *testing.T) {
	reg := orm.NewRegistry()
	err := reg.Define(orm.ModelDef{Name: "x.parent", Fields: []*orm.FieldDef{orm.Char("name")}},
		orm.ModelDef{Name: "x.child", Fields: []*orm.FieldDef{
			orm.Many2one("plain_id", "x.parent"),
			orm.Many2one("req_id", "x.parent").Required(),
		}})
	if err != nil {
		t.Fatal(err)
	}
	if err := reg.Setup(); err != nil {
		t.Fatal(err)
	}
	m := reg.Model("x.child")
	if got := m.Field("plain_id").Ondelete; got != "set null" {
		t.Errorf("plain many2one: ondelete %q, want set null", got)
	}
	if got := m.Field("req_id").Ondelete; got != "restrict" {
		t.Errorf("required many2one: ondelete %q, want restrict", got)
	}
	bad := orm.NewRegistry()
	if err := bad.Define(orm.ModelDef{Name: "x.parent", Fields: []*orm.FieldDef{orm.Char("name")}},
		orm.ModelDef{Name: "x.child", Fields: []*orm.FieldDef{
			orm.Many2one("req_id", "x.parent").Required().Ondelete("set null"),
		}}); err != nil {
		t.Fatal(err)
	}
	if err := bad.Setup(); err == nil {
		t.Error("required many2one with ondelete set null: no setup error")
	}
}

// §2 "Many2many: relation table <tableA>_<tableB>_rel (tables sorted),
// columns <table>_id, both NOT NULL with FK ON DELETE CASCADE".
func TestRuleMany2manyRelationTable(t *testing.T) {
	env, m := rulesEnv(t)
	f := m.Model().Field("tag_ids")
	if f.Relation != "rules_rec_rules_tag_rel" || f.Column1 != "rules_rec_id" || f.Column2 != "rules_tag_id" {
		t.Errorf("relation: got %s(%s, %s)", f.Relation, f.Column1, f.Column2)
	}
	rows := sqlRows(env, `SELECT k.column_name, rc.delete_rule, c.is_nullable
		FROM information_schema.referential_constraints rc
		JOIN information_schema.key_column_usage k ON k.constraint_name = rc.constraint_name
		JOIN information_schema.columns c ON c.table_name = k.table_name AND c.column_name = k.column_name
		WHERE k.table_name = 'rules_rec_rules_tag_rel' ORDER BY 1`)
	if len(rows) != 2 || rows[0][1] != "CASCADE" || rows[1][1] != "CASCADE" || rows[0][2] != "NO" || rows[1][2] != "NO" {
		t.Errorf("relation table columns: got %v, want two NOT NULL columns with ON DELETE CASCADE", rows)
	}
}

// §2 "copy default: True for scalars and many2many, False for one2many and
// computed fields (True for stored computed with readonly=False)".
func TestRuleCopyDefaults(t *testing.T) {
	_, m := rulesEnv(t)
	want := map[string]bool{
		"name": true, "n": true, "tag_ids": true, "all_line_ids": false, "stamp": false,
		"double": false, "label": true, "partner_name": false, "partner_ref": false,
		"create_date": false, "write_uid": false,
	}
	for name, copy := range want {
		if got := m.Model().Field(name).Copy; got != copy {
			t.Errorf("%s: copy %v, want %v", name, got, copy)
		}
	}
}
