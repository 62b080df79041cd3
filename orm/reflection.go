package orm

// Reflection: the registry as data.
//
// ir.model has a row per model and ir.model.fields a row per field, so
// that access rules, the shell and plain SQL can name models and fields.
// ReflectModels writes them from the registry with two upserts (a row
// changes only when what it says changed) and is run by Install and
// Declare. Rows of models or fields that left the registry are kept, as
// Odoo keeps them until their module is uninstalled.

import (
	"fmt"
	"strings"
)

// ReflectModels refreshes ir.model and ir.model.fields from the registry;
// it does nothing when the base addon's ir.model is not in the registry.
func ReflectModels(env *Env) {
	if !env.HasModel("ir.model") || !env.HasModel("ir.model.fields") {
		return
	}
	tx := env.tx
	tx.flushAll()
	ids := reflectModelRows(tx)
	reflectFieldRows(tx, ids)
	tx.cache.clear()
}

// reflectModelRows upserts ir_model and returns model name → id.
func reflectModelRows(tx *Transaction) map[string]int64 {
	reg := tx.reg
	var names, descs, orders, infos []string
	var transient, abstract []bool
	for _, n := range reg.names {
		m := reg.models[n]
		names, descs, orders = append(names, m.Name), append(descs, m.Description), append(orders, m.Order)
		infos = append(infos, firstNonEmpty(m.Description, m.Name))
		transient, abstract = append(transient, m.Transient), append(abstract, m.Abstract)
	}
	tx.exec(`INSERT INTO ir_model (model, name, "order", info, transient, abstract, state, create_date, write_date)
		SELECT m, d, o, i, t, a, 'base', $7, $7 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bool[], $6::bool[]) AS v(m, d, o, i, t, a)
		ON CONFLICT (model) DO UPDATE SET name = EXCLUDED.name, "order" = EXCLUDED."order", info = EXCLUDED.info,
			transient = EXCLUDED.transient, abstract = EXCLUDED.abstract, write_date = EXCLUDED.write_date
		WHERE (ir_model.name, ir_model."order", ir_model.info, ir_model.transient, ir_model.abstract)
			IS DISTINCT FROM (EXCLUDED.name, EXCLUDED."order", EXCLUDED.info, EXCLUDED.transient, EXCLUDED.abstract)`,
		names, descs, orders, infos, transient, abstract, tx.Now())
	ids := map[string]int64{}
	tx.query("SELECT model, id FROM ir_model", nil, func(rows pgxRows) error {
		var n string
		var id int64
		err := rows.Scan(&n, &id)
		ids[n] = id
		return err
	})
	reflectModelXMLIDs(tx, ids)
	return ids
}

// reflectModelXMLIDs gives each model its external id, as Odoo does:
// "<addon>.model_<model with dots as underscores>", the addon being the one
// that defines the model (so data files can say model_id:id).
func reflectModelXMLIDs(tx *Transaction, ids map[string]int64) {
	if tx.reg.models["ir.model.data"] == nil {
		return
	}
	owner := map[string]string{}
	for _, a := range tx.reg.addons {
		for _, d := range a.Models {
			if d.Name != "" && !d.extends() && owner[d.Name] == "" {
				owner[d.Name] = a.Name
			}
		}
	}
	var modules, names []string
	var resIDs []int64
	for _, n := range tx.reg.names {
		if owner[n] == "" || ids[n] == 0 {
			continue
		}
		modules = append(modules, owner[n])
		names = append(names, "model_"+strings.ReplaceAll(n, ".", "_"))
		resIDs = append(resIDs, ids[n])
	}
	tx.exec(`INSERT INTO ir_model_data (module, name, model, res_id, noupdate)
		SELECT m, n, 'ir.model', r, false FROM unnest($1::text[], $2::text[], $3::int8[]) AS v(m, n, r)
		ON CONFLICT (module, name) DO NOTHING`, modules, names, resIDs)
}

// fieldColumns are the columns of ir_model_fields written, in upsert order.
var fieldColumns = []string{"model", "name", "model_id", "field_description", "help", "ttype", "relation",
	"relation_field", "relation_table", "column1", "column2", "related", "on_delete",
	"required", "readonly", "index", "store", "copied", "translate", "company_dependent", "size"}

// reflectFieldRows upserts ir_model_fields, one row per field.
func reflectFieldRows(tx *Transaction, modelIDs map[string]int64) {
	cols := make([][]any, len(fieldColumns))
	for _, n := range tx.reg.names {
		for _, f := range tx.reg.models[n].FieldList {
			for i, v := range fieldRow(f, modelIDs[n]) {
				cols[i] = append(cols[i], v)
			}
		}
	}
	args := make([]any, 0, len(cols)+1)
	for _, c := range cols {
		args = append(args, typedArray(c))
	}
	args = append(args, tx.Now())
	tx.exec(fieldUpsertSQL(), args...)
}

// typedArray turns a column of values of one Go type into a typed slice
// that pgx encodes as a PostgreSQL array.
func typedArray(col []any) any {
	if len(col) == 0 {
		return []string{}
	}
	switch col[0].(type) {
	case bool:
		out := make([]bool, len(col))
		for i, v := range col {
			out[i] = v.(bool)
		}
		return out
	case int64:
		out := make([]int64, len(col))
		for i, v := range col {
			out[i] = v.(int64)
		}
		return out
	}
	out := make([]string, len(col))
	for i, v := range col {
		out[i] = v.(string)
	}
	return out
}

// fieldRow lists a field's reflected attributes in fieldColumns order.
func fieldRow(f *Field, modelID int64) []any {
	return []any{f.Model.Name, f.Name, modelID, f.Label, f.Help, f.Type.String(), f.Comodel,
		f.InverseName, f.Relation, f.Column1, f.Column2, f.Related, string(f.Ondelete),
		f.Required, f.Readonly, f.Index, f.Store, f.Copy, f.Translate, f.CompanyDependent, int64(f.Size)}
}

// fieldUpsertSQL builds the upsert of ir_model_fields from typed arrays;
// empty strings become NULL. A row is rewritten only when it changed.
func fieldUpsertSQL() string {
	n := len(fieldColumns)
	sel, params, names := make([]string, n), make([]string, n), make([]string, n)
	var set, old, neu []string
	for i, c := range fieldColumns {
		typ, val := "text", fmt.Sprintf("NULLIF(v.%s, '')", quote(c))
		switch {
		case c == "model_id":
			typ, val = "int8", "v."+quote(c)
		case c == "size":
			typ, val = "int4", "v."+quote(c)
		case i >= 13:
			typ, val = "bool", "v."+quote(c)
		}
		sel[i], params[i], names[i] = val, fmt.Sprintf("$%d::%s[]", i+1, typ), quote(c)
		if i >= 2 {
			set = append(set, fmt.Sprintf("%s = EXCLUDED.%s", quote(c), quote(c)))
			old = append(old, "ir_model_fields."+quote(c))
			neu = append(neu, "EXCLUDED."+quote(c))
		}
	}
	j := func(l []string) string { return strings.Join(l, ", ") }
	return fmt.Sprintf(`INSERT INTO ir_model_fields (%s, state, create_date, write_date)
		SELECT %s, 'base', $%d, $%d FROM unnest(%s) AS v(%s)
		ON CONFLICT (model, name) DO UPDATE SET %s, write_date = EXCLUDED.write_date
		WHERE (%s) IS DISTINCT FROM (%s)`,
		j(names), j(sel), n+1, n+1, j(params), j(names), j(set), j(old), j(neu))
}
