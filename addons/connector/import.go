package connector

import (
	"encoding/json"
	"fmt"
	"io"
	"os"

	"odsh/domain"
	"odsh/orm"
)

// ExternalCategory is a partner category as the example backend gives it:
// its id on the backend, name, colour and the backend id of its parent.
type ExternalCategory struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Color    int    `json:"color"`
	ParentID string `json:"parent_id"`
}

// ImportResult counts what an import did.
type ImportResult struct {
	Created, Updated, Unchanged int
}

// String returns "created 1, updated 2, unchanged 3".
func (r ImportResult) String() string {
	return fmt.Sprintf("created %d, updated %d, unchanged %d", r.Created, r.Updated, r.Unchanged)
}

// ReadCategories decodes a JSON array of external categories.
func ReadCategories(r io.Reader) ([]ExternalCategory, error) {
	var out []ExternalCategory
	if err := json.NewDecoder(r).Decode(&out); err != nil {
		return nil, fmt.Errorf("connector: reading categories: %w", err)
	}
	return out, nil
}

// ImportPartnerCategoriesFile imports the categories of a JSON file (see
// ReadCategories) for backend; a file that cannot be read panics with a
// UserError, as ORM calls do.
func ImportPartnerCategoriesFile(backend orm.Recordset, path string) ImportResult {
	f, err := os.Open(path)
	if err != nil {
		panic(&orm.UserError{ErrorInfo: orm.ErrorInfo{Model: backend.ModelName(), Msg: "import: " + err.Error(), Err: err}})
	}
	defer f.Close()
	recs, err := ReadCategories(f)
	if err != nil {
		panic(&orm.UserError{ErrorInfo: orm.ErrorInfo{Model: backend.ModelName(), Msg: err.Error(), Err: err}})
	}
	return ImportPartnerCategories(backend, recs)
}

// ImportPartnerCategories creates or updates one binding (and so one
// res.partner.category) per external record of backend, parents before
// their children. It is idempotent: a binding whose category already has
// the record's values is left alone, sync date included.
func ImportPartnerCategories(backend orm.Recordset, records []ExternalCategory) ImportResult {
	backend.EnsureOne()
	im := &importer{backend: backend, byID: map[string]ExternalCategory{}, done: map[string]int64{}}
	im.bindings = im.existing(records)
	for _, r := range records {
		im.byID[r.ID] = r
	}
	for _, r := range records {
		im.importOne(r, nil)
	}
	return im.result
}

// importMethod is the backend method "import_partner_categories"(path).
func importMethod(orm.Method) orm.Method {
	return func(rs orm.Recordset, args ...any) any {
		if len(args) != 1 {
			panic(&orm.UserError{ErrorInfo: orm.ErrorInfo{Model: rs.ModelName(), Msg: "import_partner_categories takes the path of a JSON file"}})
		}
		return ImportPartnerCategoriesFile(rs, fmt.Sprint(args[0]))
	}
}

type importer struct {
	backend  orm.Recordset
	bindings map[string]orm.Recordset // external id → binding
	byID     map[string]ExternalCategory
	done     map[string]int64 // external id → category id
	result   ImportResult
}

// existing returns the backend's bindings of these records, in one search.
func (im *importer) existing(records []ExternalCategory) map[string]orm.Recordset {
	ids := make([]any, len(records))
	for i, r := range records {
		ids[i] = r.ID
	}
	found := im.backend.Env().Model("connector.example.partner.category").WithContext(orm.Ctx{"active_test": false}).Search(domain.AND(
		domain.Cond("backend_id", domain.Eq, im.backend.ID()),
		domain.Cond("external_id", domain.In, ids),
	))
	out := map[string]orm.Recordset{}
	for _, b := range found.Records() {
		out[b.Str("external_id")] = b
	}
	return out
}

// importOne imports r after its parent and returns its category id.
func (im *importer) importOne(r ExternalCategory, stack []string) int64 {
	if id, ok := im.done[r.ID]; ok {
		return id
	}
	for _, s := range stack {
		if s == r.ID {
			panic(&orm.UserError{ErrorInfo: orm.ErrorInfo{Model: "connector.example.partner.category", Msg: "import: parent cycle through external id " + r.ID}})
		}
	}
	vals := orm.Values{"name": r.Name, "color": r.Color, "parent_id": nil}
	if p, ok := im.byID[r.ParentID]; ok && r.ParentID != "" {
		vals["parent_id"] = im.importOne(p, append(stack, r.ID))
	} else if b, ok := im.bindings[r.ParentID]; ok {
		vals["parent_id"] = b.Int("odoo_id")
	}
	im.done[r.ID] = im.write(r.ID, vals)
	return im.done[r.ID]
}

// write creates or updates the binding of external id ext.
func (im *importer) write(ext string, vals orm.Values) int64 {
	env := im.backend.Env()
	b, ok := im.bindings[ext]
	if !ok {
		vals["backend_id"], vals["external_id"], vals["sync_date"] = im.backend.ID(), ext, env.Now()
		im.result.Created++
		return env.Model("connector.example.partner.category").Create(vals).Int("odoo_id")
	}
	changed := orm.Values{}
	for k, v := range vals {
		if !sameValue(b, k, v) {
			changed[k] = v
		}
	}
	if len(changed) == 0 {
		im.result.Unchanged++
	} else {
		changed["sync_date"] = env.Now()
		b.Write(changed)
		im.result.Updated++
	}
	return b.Int("odoo_id")
}

// sameValue reports whether the binding already holds v in field k.
func sameValue(b orm.Recordset, k string, v any) bool {
	cur := b.Get(k)
	if rs, ok := cur.(orm.Recordset); ok {
		id, _ := v.(int64)
		return rs.ID() == id
	}
	switch x := v.(type) {
	case int:
		return cur == int64(x)
	case nil:
		return cur == nil
	}
	return cur == v
}
