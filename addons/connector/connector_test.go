package connector_test

import (
	"errors"
	"strings"
	"testing"

	"odsh/addons/connector"
	"odsh/internal/testdb"
	"odsh/orm"
)

func TestMain(m *testing.M) { testdb.Main(m) }

const fixture = "../../testdata/connector/partner_categories.json"

// moreVersions is a later addon adding a version to the example backend.
var moreVersions = &orm.Addon{
	Name: "connector_more_versions", Depends: []string{"connector"},
	Models: []orm.ModelDef{{
		Inherit: []string{"connector.example.backend"},
		Methods: map[string]orm.MethodDecorator{
			"_select_versions": connector.SelectVersions(orm.SelectionItem{Value: "2.0", Label: "Example 2.0"}),
		},
	}},
}

func TestModels(t *testing.T) {
	env := testdb.Env(t, connector.Addon)
	for _, name := range []string{"connector.backend", "external.binding"} {
		if m := env.Model(name).Model(); !m.Abstract || m.HasTable() {
			t.Errorf("%s: want an abstract model without a table", name)
		}
	}
	b := env.Model("connector.example.partner.category").Model()
	if b.Inherits["res.partner.category"] != "odoo_id" || b.Field("backend_id").Comodel != "connector.example.backend" {
		t.Errorf("binding: inherits %v, backend comodel %q", b.Inherits, b.Field("backend_id").Comodel)
	}
	for _, f := range []string{"name", "color", "parent_id", "external_id", "sync_date"} {
		if b.Field(f) == nil {
			t.Errorf("binding has no field %q", f)
		}
	}
	backend := env.Ref("connector.example_backend")
	if got := backend.Str("version"); got != "1.0" {
		t.Errorf("backend version: got %q", got)
	}
	f := backend.Model().Field("version")
	if got := f.SelectionLabel(env, "1.0"); got != "Example 1.0" {
		t.Errorf("version label: got %q", got)
	}
}

func TestSelectVersionsOverriddenByLaterAddon(t *testing.T) {
	env := testdb.Env(t, connector.Addon, moreVersions)
	f := env.Model("connector.example.backend").Model().Field("version")
	items := f.SelectionFunc(env)
	if len(items) != 2 || items[0].Value != "1.0" || items[1].Value != "2.0" {
		t.Errorf("versions: got %v, want 1.0 then 2.0", items)
	}
}

func TestImportIsIdempotent(t *testing.T) {
	env := testdb.Env(t, connector.Addon)
	backend := env.Ref("connector.example_backend")
	res := connector.ImportPartnerCategoriesFile(backend, fixture)
	if res != (connector.ImportResult{Created: 4}) {
		t.Fatalf("first run: got %v, want 4 created", res)
	}
	bindings := env.Model("connector.example.partner.category")
	b := bindings.Search("[('external_id', '=', '12')]")
	if b.Str("name") != "Wholesale" || b.Str("parent_id.name") != "Shop Customers" || b.Int("color") != 3 {
		t.Errorf("binding 12: name %q parent %q color %d", b.Str("name"), b.Str("parent_id.name"), b.Int("color"))
	}
	if got := b.Rel("odoo_id").Str("display_name"); got != "Shop Customers / Wholesale" {
		t.Errorf("the bound category: display name %q", got)
	}
	env.FlushAll()
	before := env.QueryCount()
	res = backend.Call("import_partner_categories", fixture).(connector.ImportResult)
	if res != (connector.ImportResult{Unchanged: 4}) {
		t.Errorf("second run: got %v, want 4 unchanged", res)
	}
	env.FlushAll()
	if n := env.QueryCount() - before; n > 6 {
		t.Errorf("second run sent %d statements; it should only read", n)
	}
	res = connector.ImportPartnerCategoriesFile(backend, "../../testdata/connector/partner_categories_v2.json")
	if res != (connector.ImportResult{Created: 1, Updated: 1, Unchanged: 3}) {
		t.Errorf("changed records: got %v", res)
	}
	if got := bindings.SearchCount(nil); got != 5 {
		t.Errorf("bindings: got %d, want 5", got)
	}
}

func TestBindingUniquePerBackend(t *testing.T) {
	env := testdb.Env(t, connector.Addon)
	backend := env.Ref("connector.example_backend")
	bindings := env.Model("connector.example.partner.category")
	bindings.Create(orm.Values{"name": "A", "backend_id": backend.ID(), "external_id": "7"})
	err := env.Catch(func() {
		bindings.Create(orm.Values{"name": "B", "backend_id": backend.ID(), "external_id": "7"})
		env.FlushAll()
	})
	var ve *orm.ValidationError
	if !errors.As(err, &ve) || !strings.Contains(err.Error(), "Partner Tag with same ID on the backend already exists.") {
		t.Fatalf("got %v, want the constraint's message", err)
	}
	if got := bindings.SearchCount(nil); got != 1 {
		t.Errorf("bindings after the failed create: got %d, want 1", got)
	}
}

func TestImportBadFile(t *testing.T) {
	env := testdb.Env(t, connector.Addon)
	backend := env.Ref("connector.example_backend")
	err := env.Catch(func() { connector.ImportPartnerCategoriesFile(backend, "no/such/file.json") })
	var ue *orm.UserError
	if !errors.As(err, &ue) {
		t.Errorf("got %v, want a UserError", err)
	}
}
