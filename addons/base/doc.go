// Package base is the base addon of odsh: the models every database has,
// such as res.company, res.partner, res.users, res.country, res.currency,
// res.lang and ir.model.data. Its reference data (currencies, countries,
// languages, partner tags) lives as CSV files under data/, in Odoo's import
// format; see data/README.md.
package base
