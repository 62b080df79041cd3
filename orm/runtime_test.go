package orm_test

import (
	"errors"
	"strings"
	"testing"

	"odsh/internal/testdb"
	"odsh/orm"
)

// privateEnv is an env whose registry is its own: Declare changes the
// registry, which testdb.Env shares between tests.
func privateEnv(t *testing.T, addons ...*orm.Addon) *orm.Env {
	t.Helper()
	return testdb.PrivateEnv(t, addons...)
}

func TestDeclareNewModel(t *testing.T) {
	env := privateEnv(t)
	partner := env.Model("res.partner").Create(orm.Values{"name": "Acme"})
	before := env.Model("res.partner").Model()
	env.Declare(orm.ModelDef{
		Name: "x.note", Description: "Note",
		Fields: []*orm.FieldDef{orm.Char("name").Required(), orm.Many2one("partner_id", "res.partner")},
	}, orm.ModelDef{
		Inherit: []string{"res.partner"},
		Fields:  []*orm.FieldDef{orm.One2many("x_note_ids", "x.note", "partner_id"), orm.Char("x_nickname")},
	})
	if env.Model("res.partner").Model() != before {
		t.Errorf("the *Model of res.partner changed across the set-up")
	}
	n := env.Model("x.note").Create(orm.Values{"name": "hello", "partner_id": partner.ID()})
	partner.Set("x_nickname", "Ac")
	if got := partner.Rel("x_note_ids"); !got.Equal(n) {
		t.Errorf("one2many on the extended model: got %v, want %v", got, n)
	}
	if got := env.Model("res.partner").Search("[('x_nickname', '=', 'Ac')]"); !got.Equal(partner) {
		t.Errorf("search on the new column: got %v", got)
	}
	if partner.Str("name") != "Acme" {
		t.Errorf("a recordset made before the declaration: name %q", partner.Str("name"))
	}
	im := env.Model("ir.model").Search("[('model', '=', 'x.note')]")
	if im.Len() != 1 || im.Str("name") != "Note" {
		t.Errorf("ir.model row: got %v %q", im, im.Str("name"))
	}
	f := env.Model("ir.model.fields").Search("[('model', '=', 'res.partner'), ('name', '=', 'x_note_ids')]")
	if f.Str("ttype") != "one2many" || f.Str("relation") != "x.note" || f.Str("relation_field") != "partner_id" {
		t.Errorf("ir.model.fields row: %q %q %q", f.Str("ttype"), f.Str("relation"), f.Str("relation_field"))
	}
}

// TestDeclareDependantsSetUpAgain: a field added at run time to a
// delegated parent appears on the children.
func TestDeclareDependantsSetUpAgain(t *testing.T) {
	env := privateEnv(t, testInherit, testInheritExt)
	p := env.Model("test.pallet").Create(orm.Values{"name": "P"})
	env.Declare(orm.ModelDef{Inherit: []string{"test.unit"}, Fields: []*orm.FieldDef{orm.Integer("x_weight").Default(7)}})
	if got := p.Int("x_weight"); got != 0 {
		t.Errorf("a record created before: x_weight %d, want 0", got)
	}
	q := env.Model("test.pallet").Create(orm.Values{"name": "Q"})
	if got := q.Int("x_weight"); got != 7 {
		t.Errorf("x_weight through two delegations: got %d, want 7", got)
	}
}

func TestDeclareErrorsChangeNothing(t *testing.T) {
	env := privateEnv(t, testInherit, testInheritExt)
	cases := []struct {
		name string
		def  orm.ModelDef
		want string
	}{
		{"unknown parent", orm.ModelDef{Name: "x.a", Inherit: []string{"res.partnr"}}, `unknown model "res.partnr" (did you mean "res.partner"?)`},
		{"unknown extended model", orm.ModelDef{Inherit: []string{"x.nothing"}}, "cannot extend an unknown model"},
		{"field with another type", orm.ModelDef{Inherit: []string{"res.partner"}, Fields: []*orm.FieldDef{orm.Integer("name")}}, "redefined as integer, but it is a char field"},
		{"delegation without many2one", orm.ModelDef{Name: "x.b", Inherits: map[string]string{"res.partner": "partner_id"}}, `no many2one field "partner_id" to res.partner`},
		{"delegation to another model", orm.ModelDef{Name: "x.c", Inherits: map[string]string{"res.partner": "country_id"},
			Fields: []*orm.FieldDef{orm.Many2one("country_id", "res.country")}}, `no many2one field "country_id" to res.partner`},
		{"delegation to unknown model", orm.ModelDef{Name: "x.d", Inherits: map[string]string{"res.nothing": "n_id"}}, `delegates to unknown model "res.nothing"`},
		{"bad sql constraint", orm.ModelDef{Name: "x.e", Fields: []*orm.FieldDef{orm.Char("name")},
			SQLConstraints: []orm.SQLConstraint{{Name: "bad", Definition: "unique (no_such_column)"}}}, "no_such_column"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := env.Catch(func() { env.Declare(c.def) })
			var ve *orm.ValidationError
			if err == nil || (!errors.As(err, &ve) && !strings.Contains(c.name, "sql")) || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("got %v, want a ValidationError containing %q", err, c.want)
			}
			for _, m := range []string{"x.a", "x.b", "x.c", "x.d", "x.e"} {
				if env.HasModel(m) {
					t.Errorf("model %s exists after a failed declaration", m)
				}
			}
			if env.Model("res.partner").Model().Field("name").Type != orm.TypeChar {
				t.Errorf("res.partner.name changed type")
			}
			if env.Model("res.partner").SearchCount(nil) == 0 {
				t.Errorf("the transaction no longer works")
			}
		})
	}
}

// TestDeclarePartnerFieldOnUsers: a field declared at run time on
// res.partner is a field of res.users too.
func TestDeclarePartnerFieldOnUsers(t *testing.T) {
	env := privateEnv(t)
	user := env.User()
	env.Declare(orm.ModelDef{Inherit: []string{"res.partner"}, Fields: []*orm.FieldDef{orm.Char("x_pager")}})
	user.Write(orm.Values{"x_pager": "123"})
	if got := user.Str("partner_id.x_pager"); got != "123" {
		t.Errorf("x_pager through the user: got %q", got)
	}
}

// TestDeclareComputesAddedStoredColumn: a stored computed field added to a
// table that has rows is computed on those rows (as Odoo's update does),
// not left NULL.
func TestDeclareComputesAddedStoredColumn(t *testing.T) {
	env := privateEnv(t, testInherit, testInheritExt)
	p := env.Model("res.partner").Create(orm.Values{"name": "Acme"})
	env.FlushAll()
	env.Declare(orm.ModelDef{Inherit: []string{"res.partner"}, Fields: []*orm.FieldDef{
		orm.Char("x_shout").Store().Compute(func(rs orm.Recordset) {
			for _, r := range rs.Records() {
				r.Set("x_shout", strings.ToUpper(r.Str("name")))
			}
		}, "name")}})
	env.FlushAll()
	rows := env.Cr().Query(orm.SQLf("SELECT x_shout FROM res_partner WHERE id = %s", p.ID()))
	if got := rows[0][0]; got != "ACME" {
		t.Errorf("x_shout of a partner created before the field: got %v in the database, want ACME", got)
	}
}

// TestDeclareSkipsConstraintViolatedByRows: a SQL constraint the rows
// already there violate is not added (as Odoo, which logs it) and the
// schema says so, instead of making the database impossible to open; it
// is added once the rows are fixed.
func TestDeclareSkipsConstraintViolatedByRows(t *testing.T) {
	env := privateEnv(t, testInherit, testInheritExt)
	p := env.Model("res.partner").Create(orm.Values{"name": "Negative", "color": -1})
	env.FlushAll()
	positive := orm.SQLConstraint{Name: "x_color_positive", Definition: "CHECK (color >= 0)", Message: "the color is a positive index"}
	if err := env.Catch(func() {
		env.Declare(orm.ModelDef{Inherit: []string{"res.partner"}, SQLConstraints: []orm.SQLConstraint{positive}})
	}); err != nil {
		t.Fatalf("Declare with a constraint the rows violate: %v", err)
	}
	ran := strings.Join(env.Tx().InitSchema(), "\n")
	if !strings.Contains(ran, "-- not added: res_partner_x_color_positive") {
		t.Errorf("InitSchema: got %q, want a note that res_partner_x_color_positive is not added", ran)
	}
	p.Write(orm.Values{"color": 2})
	env.FlushAll()
	if ran := strings.Join(env.Tx().InitSchema(), "\n"); !strings.Contains(ran, `ADD CONSTRAINT "res_partner_x_color_positive"`) {
		t.Errorf("InitSchema once the rows are fixed: got %q, want the constraint added", ran)
	}
	err := env.Catch(func() { env.Model("res.partner").Create(orm.Values{"name": "Neg", "color": -3}) })
	var ve *orm.ValidationError
	if !errors.As(err, &ve) || ve.Msg != positive.Message {
		t.Errorf("create violating the added constraint: got %v, want %q", err, positive.Message)
	}
}
