// Package connector is the connector addon (OCA connector's backend and
// binding models) with one concrete connector as a worked example.
//
// connector.backend is the abstract model of a backend, an external system
// to synchronise with: a name and a version whose values come from the
// model method "_select_versions", which each concrete backend (and any
// later addon) overrides. external.binding is the abstract model of a
// binding: the link between one external record and one Odoo record, with
// the backend, the id on the backend and the last synchronisation date.
//
// The worked example: connector.example.backend, a backend, and
// connector.example.partner.category, the binding of res.partner.category
// records. A binding delegates to the category it binds (_inherits through
// odoo_id), so it reads and writes the category's fields as its own, and
// creating a binding creates its category. A backend holds one binding per
// external id (an SQL constraint). ImportPartnerCategories creates or
// updates bindings from external records; running it twice on the same
// records changes nothing the second time:
//
//	backend := env.Ref("connector.example_backend")
//	res := connector.ImportPartnerCategoriesFile(backend, "testdata/connector/partner_categories.json")
//	fmt.Println(res) // created 4, updated 0, unchanged 0
//
// The same import is a method of the backend, for scripts that only know
// the orm package: backend.Call("import_partner_categories", path).
package connector
