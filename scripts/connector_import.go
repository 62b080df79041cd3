//go:build ignore

// connector_import imports the partner categories of the example backend
// from testdata/connector/partner_categories.json (run from the repository
// root) and prints what it did. Running it twice changes nothing the second
// time. Commit with: odsh --addons base,connector --commit scripts/connector_import.go
backend := env.Ref("connector.example_backend")
res := backend.Call("import_partner_categories", "testdata/connector/partner_categories.json")
fmt.Println("import:", res)
bindings := env.Model("connector.example.partner.category").Search("[('backend_id', '=', " + fmt.Sprint(backend.ID()) + ")]")
fmt.Println("bindings:", bindings.Len())
