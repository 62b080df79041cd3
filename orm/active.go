package orm

import "fmt"

// Archiving.
//
// A model with an active field (Model.ActiveName: "active", else
// "x_active") hides its archived records (active false) from Search,
// SearchCount, NameSearch and ReadGroup unless the context has
// active_test false or the domain names the active field (see
// addActiveFilter). Browsing an archived record, or reaching it through a
// many2one, still reads it.

// activeField returns the model's active field or panics with a UserError.
func (r Recordset) activeField() string {
	r.check()
	if r.model.ActiveName == "" {
		panic(&UserError{ErrorInfo{Model: r.model.Name,
			Msg: fmt.Sprintf("%s has no active field: its records cannot be archived", r.model.Name)}})
	}
	return r.model.ActiveName
}

// ToggleActive archives the active records of r and unarchives the others
// (Odoo's toggle_active).
func (r Recordset) ToggleActive() {
	name := r.activeField()
	active := r.Filtered(name)
	active.Write(Values{name: false})
	r.Subtract(active).Write(Values{name: true})
}

// ActionArchive archives the records of r that are active.
func (r Recordset) ActionArchive() {
	name := r.activeField()
	r.Filtered(name).Write(Values{name: false})
}

// ActionUnarchive unarchives the records of r that are archived.
func (r Recordset) ActionUnarchive() {
	name := r.activeField()
	r.Filtered(func(rec Recordset) bool { return !rec.Bool(name) }).Write(Values{name: true})
}
