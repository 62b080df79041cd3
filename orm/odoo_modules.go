package orm

// Which Odoo module defines a model, which extend it, and which module
// introduced each field, as an Odoo database records it: Odoo gives each
// model an external id "<module>.model_<model>" in every module that
// defines or extends it, and each field "<module>.field_<model>__<field>"
// in every module that declares or redefines it, in the order the modules
// were installed (dependencies first). So the first module of a model
// defines it, and the first module of a field introduced it. The magic
// fields (id, display_name, create and write uid and date) are left out,
// as for odsh's own addons.

import (
	"github.com/jackc/pgx/v5"
)

// odooOrigins are the modules of an Odoo database's models and fields.
type odooOrigins struct {
	layers map[string][]ModelLayer      // model → one layer per module
	addon  map[string]map[string]string // model → field → module that introduced it
}

// odooOrigin is one external id of a model (field "") or a field.
type odooOrigin struct{ module, model, field string }

var odooMagicFields = map[string]bool{"id": true, "display_name": true, "create_uid": true,
	"create_date": true, "write_uid": true, "write_date": true}

// queueOdooOrigins reads the external ids of models and fields into s.
func queueOdooOrigins(batch *pgx.Batch, s *odooSchema) {
	batch.Queue(`SELECT d.module, COALESCE(m.model, f.model, ''), COALESCE(f.name, '') FROM ir_model_data d
		LEFT JOIN ir_model m ON d.model = 'ir.model' AND m.id = d.res_id
		LEFT JOIN ir_model_fields f ON d.model = 'ir.model.fields' AND f.id = d.res_id
		WHERE d.model IN ('ir.model', 'ir.model.fields') ORDER BY d.id`).Query(func(rows pgx.Rows) error {
		var all []odooOrigin
		for rows.Next() {
			var o odooOrigin
			if err := rows.Scan(&o.module, &o.model, &o.field); err != nil {
				return err
			}
			if o.model != "" && !odooMagicFields[o.field] {
				all = append(all, o)
			}
		}
		s.origins = newOdooOrigins(all)
		return rows.Err()
	})
}

// newOdooOrigins sorts the external ids (in install order) into layers:
// the models' first, so that a module's fields land in its layer.
func newOdooOrigins(all []odooOrigin) *odooOrigins {
	o := &odooOrigins{layers: map[string][]ModelLayer{}, addon: map[string]map[string]string{}}
	for _, x := range all {
		if x.field == "" && o.layerOf(x.model, x.module) < 0 {
			o.layers[x.model] = append(o.layers[x.model], ModelLayer{Addon: x.module, Extends: len(o.layers[x.model]) > 0})
		}
	}
	for _, x := range all {
		if x.field == "" {
			continue
		}
		i := o.layerOf(x.model, x.module)
		if i < 0 {
			o.layers[x.model] = append(o.layers[x.model], ModelLayer{Addon: x.module, Extends: len(o.layers[x.model]) > 0})
			i = len(o.layers[x.model]) - 1
		}
		o.layers[x.model][i].Fields = append(o.layers[x.model][i].Fields, x.field)
		if o.addon[x.model] == nil {
			o.addon[x.model] = map[string]string{}
		}
		if o.addon[x.model][x.field] == "" {
			o.addon[x.model][x.field] = x.module
		}
	}
	return o
}

// layerOf returns the index of the module's layer of model, or -1.
func (o *odooOrigins) layerOf(model, module string) int {
	for i, l := range o.layers[model] {
		if l.Addon == module {
			return i
		}
	}
	return -1
}
