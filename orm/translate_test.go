package orm_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"odsh/internal/testdb"
	"odsh/orm"
)

// i18nAddon holds the models of the translation and company-dependent
// tests.
var i18nAddon = &orm.Addon{
	Name: "test_i18n",
	Models: []orm.ModelDef{
		{
			Name: "test.i18n.item", Order: "name, id",
			Fields: []*orm.FieldDef{
				orm.Char("name").Translate(),
				orm.HTML("body").Translate(),
				orm.Char("code"),
			},
		},
		{
			Name: "test.i18n.prop", Order: "id",
			Fields: []*orm.FieldDef{
				orm.Char("name"),
				orm.Integer("level").CompanyDependent().Default(int64(7)),
				orm.Char("note").CompanyDependent(),
				orm.Boolean("flag").CompanyDependent(),
				orm.Many2one("item_id", "test.i18n.item").CompanyDependent(),
			},
		},
	},
}

// i18nEnv returns an env where fr_FR and nl_BE are active.
func i18nEnv(t *testing.T) *orm.Env {
	t.Helper()
	env := testdb.Env(t, i18nAddon)
	env.Model("res.lang").WithContext(orm.Ctx{"active_test": false}).
		Search([]any{[]any{"code", "in", []any{"fr_FR", "nl_BE"}}}).Write(orm.Values{"active": true})
	return env
}

func inLang(rs orm.Recordset, lang string) orm.Recordset {
	return rs.WithContext(orm.Ctx{"lang": lang})
}

// dbName returns the stored jsonb of an item's name, as text.
func dbName(t *testing.T, rec orm.Recordset) string {
	t.Helper()
	rec.Env().FlushAll()
	var out *string
	rec.Env().Tx().Query("SELECT name::text FROM test_i18n_item WHERE id = $1", []any{rec.ID()}, func(rows pgx.Rows) error {
		return rows.Scan(&out)
	})
	if out == nil {
		return "NULL"
	}
	return *out
}

func wantStr(t *testing.T, rec orm.Recordset, lang, want string) {
	t.Helper()
	if got := inLang(rec, lang).Str("name"); got != want {
		t.Errorf("name in %s: got %q, want %q", lang, got, want)
	}
}

func TestTranslateWriteInLanguages(t *testing.T) {
	env := i18nEnv(t)
	item := env.Model("test.i18n.item").Create(orm.Values{"name": "Chair"})
	inLang(item, "fr_FR").Write(orm.Values{"name": "Chaise"})
	inLang(item, "nl_BE").Write(orm.Values{"name": "Stoel"}) // same transaction, not flushed
	wantStr(t, item, "en_US", "Chair")
	wantStr(t, item, "fr_FR", "Chaise")
	wantStr(t, item, "nl_BE", "Stoel")
	if got, want := dbName(t, item), `{"en_US": "Chair", "fr_FR": "Chaise", "nl_BE": "Stoel"}`; got != want {
		t.Errorf("stored: got %s, want %s", got, want)
	}
	env.InvalidateAll()
	wantStr(t, item, "fr_FR", "Chaise")
	wantStr(t, item, "en_US", "Chair")

	// en_US changes en_US only; languages without a text follow it
	inLang(item, "nl_BE").UpdateFieldTranslations("name", map[string]any{"nl_BE": false})
	item.Write(orm.Values{"name": "Seat"})
	wantStr(t, item, "en_US", "Seat")
	wantStr(t, item, "fr_FR", "Chaise")
	wantStr(t, item, "nl_BE", "Seat")

	// '' is a translation; False clears every language
	inLang(item, "fr_FR").Write(orm.Values{"name": ""})
	wantStr(t, item, "fr_FR", "")
	wantStr(t, item, "en_US", "Seat")
	inLang(item, "fr_FR").Write(orm.Values{"name": false})
	if got := dbName(t, item); got != "NULL" {
		t.Errorf("after writing False: got %s, want NULL", got)
	}
	wantStr(t, item, "en_US", "")
	if v := inLang(item, "fr_FR").Get("name"); v != nil {
		t.Errorf("name in fr_FR after False: got %#v, want nil", v)
	}
}

func TestTranslateCreateInLanguage(t *testing.T) {
	env := i18nEnv(t)
	items := inLang(env.Model("test.i18n.item"), "fr_FR")
	item := items.Create(orm.Values{"name": "Table"})
	if got, want := dbName(t, item), `{"en_US": "Table", "fr_FR": "Table"}`; got != want {
		t.Errorf("create in fr_FR: got %s, want %s", got, want)
	}
	// a write in fr_FR on an empty field fills en_US too
	empty := env.Model("test.i18n.item").Create(orm.Values{"code": "E"})
	inLang(empty, "fr_FR").Write(orm.Values{"name": "Vide"})
	if got, want := dbName(t, empty), `{"en_US": "Vide", "fr_FR": "Vide"}`; got != want {
		t.Errorf("write in fr_FR on empty: got %s, want %s", got, want)
	}
	inLang(empty, "nl_BE").Write(orm.Values{"name": "Leeg"})
	if got, want := dbName(t, empty), `{"en_US": "Vide", "fr_FR": "Vide", "nl_BE": "Leeg"}`; got != want {
		t.Errorf("second write: got %s, want %s", got, want)
	}
}

func TestUpdateFieldTranslations(t *testing.T) {
	env := i18nEnv(t)
	item := env.Model("test.i18n.item").Create(orm.Values{"name": "Door"})
	item.UpdateFieldTranslations("name", map[string]any{"fr_FR": "Porte", "nl_BE": "Deur", "en_US": nil})
	got := item.GetFieldTranslations("name")
	if fmt.Sprint(got) != "map[en_US:Door fr_FR:Porte nl_BE:Deur]" {
		t.Errorf("translations: got %v", got)
	}
	item.UpdateFieldTranslations("name", map[string]any{"fr_FR": false, "en_US": "Gate"})
	if got := item.GetFieldTranslations("name"); fmt.Sprint(got) != "map[en_US:Gate nl_BE:Deur]" {
		t.Errorf("after removing fr_FR: got %v", got)
	}
	wantStr(t, item, "fr_FR", "Gate")
	env.InvalidateAll()
	if got := item.GetFieldTranslations("name"); fmt.Sprint(got) != "map[en_US:Gate nl_BE:Deur]" {
		t.Errorf("from the database: got %v", got)
	}
	err := env.Catch(func() { item.UpdateFieldTranslations("name", map[string]any{"de_DE": "Tür"}) })
	var ue *orm.UserError
	if !errors.As(err, &ue) || ue.Value != "de_DE" || ue.Field != "name" {
		t.Errorf("inactive language: got %v, want a UserError naming de_DE and name", err)
	}
	err = env.Catch(func() { item.UpdateFieldTranslations("code", map[string]any{"fr_FR": "x"}) })
	var ve *orm.ValidationError
	if !errors.As(err, &ve) || ve.Field != "code" {
		t.Errorf("untranslated field: got %v, want a ValidationError naming code", err)
	}
}

func TestTranslateBadLanguage(t *testing.T) {
	env := i18nEnv(t)
	item := env.Model("test.i18n.item").Create(orm.Values{"name": "Lamp", "code": "L"})
	for _, lang := range []string{"xx_XX", "de_DE", "_fr", "fr_FR'; DROP TABLE x; --"} {
		rec := inLang(item, lang)
		rec.Env().InvalidateAll()
		ops := map[string]func(){
			"read":   func() { rec.Get("name") },
			"write":  func() { rec.Write(orm.Values{"name": "x"}) },
			"search": func() { rec.Search([]any{[]any{"name", "=", "x"}}) },
			"order":  func() { rec.Search(nil, orm.Order("name")) },
		}
		for op, fn := range ops {
			err := env.Catch(fn)
			var ue *orm.UserError
			if !errors.As(err, &ue) || ue.Value != lang || ue.Field != "name" || ue.Model != "test.i18n.item" {
				t.Errorf("%s in %q: got %v, want a UserError naming the language and field", op, lang, err)
			}
		}
		if got := rec.Str("code"); got != "L" {
			t.Errorf("untranslated field in %q: got %q", lang, got)
		}
	}
	for _, lang := range []string{"en_US", ""} {
		if got := inLang(item, lang).Str("name"); got != "Lamp" {
			t.Errorf("name in %q: got %q, want Lamp", lang, got)
		}
	}
}

func TestTranslateQueryCount(t *testing.T) {
	env := i18nEnv(t)
	vals := make([]orm.Values, 1000)
	for i := range vals {
		vals[i] = orm.Values{"name": fmt.Sprintf("Item %04d", i)}
	}
	items := env.Model("test.i18n.item").Create(vals...)
	inLang(items, "fr_FR").Write(orm.Values{"name": "Article"})
	env.FlushAll()
	env.InvalidateAll()
	inLang(env.Model("test.i18n.item"), "fr_FR").Search([]any{[]any{"id", "=", 0}}, orm.Order("name")) // language check
	ids := items.IDs()
	en := env.Model("test.i18n.item").Browse(ids...)
	fr := inLang(en, "fr_FR")
	n, stmts := countQueries(env, func() {
		for i, rec := range en.Records() {
			if got, want := rec.Str("name"), fmt.Sprintf("Item %04d", i); got != want {
				t.Fatalf("en_US: got %q, want %q", got, want)
			}
		}
		for _, rec := range fr.Records() {
			if got := rec.Str("name"); got != "Article" {
				t.Fatalf("fr_FR: got %q, want Article", got)
			}
		}
	})
	if n != 1 || stmts[0] != "SELECT" {
		t.Errorf("reading 1000 names in two languages: %d queries %v, want 1 SELECT", n, stmts)
	}
}

func TestTranslateSearchAndOrder(t *testing.T) {
	env := i18nEnv(t)
	items := env.Model("test.i18n.item")
	a := items.Create(orm.Values{"name": "Apple", "code": "a"})
	items.Create(orm.Values{"name": "Banana", "code": "b"})
	c := items.Create(orm.Values{"name": "Cherry", "code": "c"})
	inLang(a, "fr_FR").Write(orm.Values{"name": "Pomme"})
	inLang(c, "fr_FR").Write(orm.Values{"name": "Cerise"})
	codes := func(rs orm.Recordset) string {
		var out []string
		for _, r := range rs.Records() {
			out = append(out, r.Str("code"))
		}
		return strings.Join(out, "")
	}
	fr := inLang(items, "fr_FR")
	cases := []struct {
		rs    orm.Recordset
		dom   []any
		order string
		want  string
	}{
		{items, nil, "name", "abc"},
		{fr, nil, "name", "bca"}, // Banana, Cerise, Pomme
		{fr, nil, "name desc", "acb"},
		{fr, []any{[]any{"name", "=", "Pomme"}}, "", "a"},
		{fr, []any{[]any{"name", "=", "Apple"}}, "", ""},
		{fr, []any{[]any{"name", "=", "Banana"}}, "", "b"}, // en_US fallback
		{fr, []any{[]any{"name", "ilike", "e"}}, "code", "ac"},
		{items, []any{[]any{"name", "ilike", "e"}}, "code", "ac"},
		{fr, []any{[]any{"name", "not ilike", "an"}}, "code", "ac"},
		{fr, []any{[]any{"name", "in", []any{"Pomme", "Cherry"}}}, "code", "a"},
		{fr, []any{[]any{"name", ">", "C"}}, "code", "ac"},
	}
	for _, tc := range cases {
		got := codes(tc.rs.Search(tc.dom, orm.Order(tc.order)))
		if got != tc.want {
			t.Errorf("%s %v order %q: got %q, want %q", tc.rs.Env().Lang(), tc.dom, tc.order, got, tc.want)
		}
	}
}

// TestTranslateSearchMatchesFilteredDomain checks that Search and
// FilteredDomain select the same records on translated values, in two
// languages.
func TestTranslateSearchMatchesFilteredDomain(t *testing.T) {
	env := i18nEnv(t)
	items := env.Model("test.i18n.item")
	fixtures := []struct{ en, fr any }{
		{"Apple", "Pomme"}, {"Apple", nil}, {"Pear", "Poire"}, {"", "Vide"}, {"Plum", ""},
		{false, nil}, {"apple pie", "tarte"}, {"Pomme", "Apple"},
	}
	for i, fx := range fixtures {
		rec := items.Create(orm.Values{"name": fx.en, "code": fmt.Sprint(i)})
		if fx.fr != nil {
			inLang(rec, "fr_FR").Write(orm.Values{"name": fx.fr})
		}
	}
	all := items.Search(nil, orm.Order("id"))
	ops := []string{"=", "!=", "like", "ilike", "not like", "not ilike", "=like", "=ilike", "in", "not in", "<", ">", "<=", ">="}
	values := []any{"Apple", "Pomme", "apple", "", false, "P%", "e", []any{"Apple", false}, []any{"Poire", "Plum"}}
	for _, lang := range []string{"en_US", "fr_FR"} {
		for _, op := range ops {
			for _, v := range values {
				_, isList := v.([]any)
				if isList != (op == "in" || op == "not in") {
					continue
				}
				dom := []any{[]any{"name", op, v}}
				var sql, mem orm.Recordset
				if err := env.Catch(func() { sql = inLang(items, lang).Search(dom, orm.Order("id")) }); err != nil {
					t.Errorf("%s %v: Search: %v", lang, dom, err)
					continue
				}
				mem = inLang(all, lang).FilteredDomain(dom).Sorted("id")
				if fmt.Sprint(sql.IDs()) != fmt.Sprint(mem.IDs()) {
					t.Errorf("%s %v: Search %v, FilteredDomain %v", lang, dom, sql.IDs(), mem.IDs())
				}
			}
		}
	}
}

func TestTranslateCopyKeepsTranslations(t *testing.T) {
	env := i18nEnv(t)
	item := env.Model("test.i18n.item").Create(orm.Values{"name": "Bread"})
	inLang(item, "fr_FR").Write(orm.Values{"name": "Pain"})
	dup := inLang(item, "fr_FR").Copy(nil)
	wantStr(t, dup, "en_US", "Bread")
	wantStr(t, dup, "fr_FR", "Pain")
}

func TestTranslateBaseModels(t *testing.T) {
	env := i18nEnv(t)
	be := env.Ref("base.be")
	if got := be.Str("name"); got != "Belgium" {
		t.Fatalf("country loaded from CSV: got %q, want Belgium", got)
	}
	inLang(be, "fr_FR").Write(orm.Values{"name": "Belgique"})
	found := inLang(env.Model("res.country"), "fr_FR").Search([]any{[]any{"name", "=", "Belgique"}})
	if found.ID() != be.ID() {
		t.Errorf("search country in fr_FR: got %v", found)
	}
	wantStr(t, be, "en_US", "Belgium")
	tag := env.Model("res.partner.category").Create(orm.Values{"name": "Vendor"})
	inLang(tag, "fr_FR").Write(orm.Values{"name": "Fournisseur"})
	if got := inLang(tag, "fr_FR").DisplayName(); got != "Fournisseur" {
		t.Errorf("tag display name in fr_FR: got %q", got)
	}
}

func TestTranslateSchemaConvertsColumn(t *testing.T) {
	env := i18nEnv(t)
	item := env.Model("test.i18n.item").Create(orm.Values{"name": "Old", "code": "o"})
	empty := env.Model("test.i18n.item").Create(orm.Values{"code": "e"})
	env.FlushAll()
	env.Tx().Exec("SET CONSTRAINTS ALL IMMEDIATE")
	env.Tx().Exec(`ALTER TABLE test_i18n_item ALTER COLUMN name TYPE varchar USING name->>'en_US'`)
	ran := env.Tx().InitSchema("test.i18n.item")
	if len(ran) != 1 || !strings.Contains(ran[0], "TYPE jsonb USING") {
		t.Fatalf("InitSchema ran %q, want one ALTER COLUMN … TYPE jsonb", ran)
	}
	if got, want := dbName(t, item), `{"en_US": "Old"}`; got != want {
		t.Errorf("converted value: got %s, want %s", got, want)
	}
	if got := dbName(t, empty); got != "NULL" {
		t.Errorf("converted NULL: got %s, want NULL", got)
	}
	if ran := env.Tx().InitSchema("test.i18n.item"); len(ran) != 0 {
		t.Errorf("second InitSchema ran %q, want nothing", ran)
	}
}

// TestTranslateWriteQueryCount: a write in a language on records whose
// translations are not cached loads them with one SELECT; the flush sends
// one UPDATE.
func TestTranslateWriteQueryCount(t *testing.T) {
	env := i18nEnv(t)
	vals := make([]orm.Values, 300)
	for i := range vals {
		vals[i] = orm.Values{"name": fmt.Sprintf("N%03d", i)}
	}
	items := env.Model("test.i18n.item").Create(vals...)
	env.FlushAll()
	env.InvalidateAll()
	fr := inLang(env.Model("test.i18n.item").Browse(items.IDs()...), "fr_FR")
	fr.Search([]any{[]any{"id", "=", 0}}, orm.Order("name")).Len() // language check
	n, stmts := countQueries(env, func() {
		fr.Write(orm.Values{"name": "Même"})
		env.FlushAll()
	})
	if n != 2 || stmts[0] != "SELECT" || stmts[1] != "UPDATE" {
		t.Errorf("write in fr_FR on 300 records: %d queries %v, want SELECT, UPDATE", n, stmts)
	}
	wantStr(t, items.Browse(items.IDs()[7]), "en_US", "N007")
}

// display_name follows the context's language within one transaction
// (Odoo's depends_context('lang') on _compute_display_name).
func TestDisplayNamePerLanguage(t *testing.T) {
	env := testdb.Env(t)
	env.Ref("base.lang_fr").Write(orm.Values{"active": true})
	be := env.Ref("base.be")
	be.WithContext(orm.Ctx{"lang": "fr_FR"}).Set("name", "Belgique")
	if got := be.DisplayName(); got != "Belgium" {
		t.Fatalf("en_US display name: got %q", got)
	}
	if got := be.WithContext(orm.Ctx{"lang": "fr_FR"}).DisplayName(); got != "Belgique" {
		t.Fatalf("fr_FR display name after reading en_US: got %q", got)
	}
	if got := be.DisplayName(); got != "Belgium" {
		t.Fatalf("en_US display name again: got %q", got)
	}
}
