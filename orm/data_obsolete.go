package orm

import (
	"encoding/csv"
	"path"
	"strings"
)

// securityModels are the models whose data records an upgrade deletes when
// the addon's files no longer list them, as Odoo deletes a module's
// obsolete records at update: an access line or a record rule that was
// removed or renamed must not keep granting (or restricting) access.
var securityModels = map[string]bool{"ir.model.access": true, "ir.rule": true}

// removeObsoleteSecurity deletes the access lines and record rules that an
// earlier version of addon a created from its data files (external id in
// a's module, not noupdate) and that its files no longer list.
func removeObsoleteSecurity(env *Env, a *Addon) {
	listed := map[string]bool{}
	models := map[string]bool{}
	for _, d := range a.Data {
		model := d.Model
		if model == "" {
			model = strings.TrimSuffix(path.Base(d.Path), ".csv")
		}
		if !securityModels[model] || !env.HasModel(model) {
			continue
		}
		models[model] = true
		for _, name := range dataNames(a, d) {
			listed[model+" "+name] = true
		}
	}
	tx := env.tx
	for model := range models {
		var ids []int64
		var names []string
		tx.query(`SELECT name, res_id FROM ir_model_data WHERE module = $1 AND model = $2 AND NOT COALESCE(noupdate, FALSE)
			ORDER BY id`, []any{a.Name, model}, func(rows pgxRows) error {
			var name string
			var id int64
			err := rows.Scan(&name, &id)
			if !listed[model+" "+name] {
				ids, names = append(ids, id), append(names, name)
			}
			return err
		})
		if len(ids) == 0 {
			continue
		}
		env.Sudo().Model(model).Browse(ids...).Exists().Unlink()
		tx.exec("DELETE FROM ir_model_data WHERE module = $1 AND model = $2 AND name = ANY($3)", a.Name, model, names)
	}
}

// dataNames lists the external ids (names in a's module) of a data file's
// rows.
func dataNames(a *Addon, d DataFile) []string {
	f, err := a.FS.Open(d.Path)
	if err != nil {
		return nil
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil || len(rows) < 2 {
		return nil
	}
	var out []string
	for _, row := range rows[1:] {
		id := row[0]
		if module, name, ok := strings.Cut(id, "."); ok {
			if module != a.Name {
				continue
			}
			id = name
		}
		out = append(out, id)
	}
	return out
}
