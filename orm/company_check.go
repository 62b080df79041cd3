package orm

// Company consistency (Odoo's _check_company).
//
// A many2one or many2many marked CheckCompany may only link records
// "shared" with the record's company: for a record whose company is C (its
// company_id; itself for a res.company; its company_ids when it has no
// company_id), each linked record must have a company_id that is empty or
// in C. A record without company may thus link only shared records. A
// comodel without company_id is not checked (res.company: the linked
// company must be one of C, when C is not empty).
//
// Models with CheckCompanyAuto run the check after every Create (all
// fields) and Write (the fields written; all of them when company_id or
// company_ids is written), as Odoo's create/write. As in Odoo the check
// reads as superuser and runs in sudo mode too: sudo bypasses access
// rights, not data consistency. Recordset.CheckCompany runs it on demand.

import (
	"fmt"
	"strings"
)

// CheckCompany raises a UserError when a record of r links, through one of
// the named CheckCompany fields (every one when none is named, or when
// company_id or company_ids is named), a record of another company.
func (r Recordset) CheckCompany(fields ...string) {
	r.check()
	for _, n := range fields {
		r.model.mustField(n)
	}
	r.checkCompany(fields)
}

// checkCompanyAuto runs the check after a create (touched nil) or a write
// on a model with CheckCompanyAuto.
func (r Recordset) checkCompanyAuto(touched []*Field) {
	if !r.model.CheckCompanyAuto || len(r.idList()) == 0 {
		return
	}
	var names []string
	for _, f := range touched {
		names = append(names, f.Name)
	}
	r.checkCompany(names)
}

// companyCheckedFields are the CheckCompany relational fields among names.
func (m *Model) companyCheckedFields(names []string) []*Field {
	all := len(names) == 0
	for _, n := range names {
		all = all || n == "company_id" || n == "company_ids"
	}
	var out []*Field
	for _, f := range m.FieldList {
		if !f.CheckCompany || (f.Type != TypeMany2one && f.Type != TypeMany2many) {
			continue
		}
		if all || containsString(names, f.Name) {
			out = append(out, f)
		}
	}
	return out
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// companyInconsistency is one record linking records of another company.
type companyInconsistency struct {
	rec       Recordset
	field     *Field
	companies Recordset
	linked    Recordset
}

func (r Recordset) checkCompany(names []string) {
	fields := r.model.companyCheckedFields(names)
	if len(fields) == 0 {
		return
	}
	var bad []companyInconsistency
	for _, rec := range r.Sudo().WithContext(Ctx{"active_test": false}).Records() {
		companies, ok := rec.ownCompanies()
		if !ok {
			continue
		}
		for _, f := range fields {
			linked := rec.Get(f.Name).(Recordset)
			if linked.Len() > 0 && !linked.sharedWith(companies) {
				bad = append(bad, companyInconsistency{rec, f, companies, linked})
			}
		}
	}
	if len(bad) > 0 {
		panic(companyErr(r.model.Name, bad))
	}
}

// ownCompanies are the companies a record belongs to; false when the model
// has no notion of company.
func (r Recordset) ownCompanies() (Recordset, bool) {
	switch {
	case r.model.Name == "res.company":
		return r, true
	case r.model.Fields["company_id"] != nil:
		return r.Rel("company_id"), true
	case r.model.Fields["company_ids"] != nil:
		return r.Rel("company_ids"), true
	}
	return Recordset{}, false
}

// sharedWith reports whether every record of r is shared with companies:
// no company_id or one of them (Odoo's _check_company_domain).
func (r Recordset) sharedWith(companies Recordset) bool {
	allowed := idSet(companies.idList())
	if r.model.Name == "res.company" {
		if len(allowed) == 0 {
			return true
		}
		for _, id := range r.idList() {
			if !allowed[id] {
				return false
			}
		}
		return true
	}
	if r.model.Fields["company_id"] == nil {
		return true
	}
	for _, rec := range r.Records() {
		if c := rec.Rel("company_id"); c.Len() > 0 && !allowed[c.ID()] {
			return false
		}
	}
	return true
}

// companyErr is Odoo's "company inconsistencies" UserError, naming at most
// five records.
func companyErr(model string, bad []companyInconsistency) *UserError {
	var lines []string
	var ids []int64
	for i, b := range bad {
		ids = append(ids, b.rec.ID())
		if i >= 5 {
			continue
		}
		var values []string
		for _, l := range b.linked.Records() {
			values = append(values, fmt.Sprintf("%q", l.DisplayName()))
		}
		lines = append(lines, fmt.Sprintf("%q belongs to company %q while %q (%s: %s) belongs to another company",
			b.rec.DisplayName(), displayNames(b.companies), b.field.Label, b.field.Name, strings.Join(values, ", ")))
	}
	return &UserError{ErrorInfo{Model: model, Field: bad[0].field.Name, IDs: ids,
		Msg: "incompatible companies: " + strings.Join(lines, "; ") + "; no company crossover is allowed"}}
}

func displayNames(rs Recordset) string {
	var names []string
	for _, r := range rs.Records() {
		names = append(names, r.DisplayName())
	}
	return strings.Join(names, ", ")
}
