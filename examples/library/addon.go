package library

import (
	"embed"

	"odsh/orm"
)

// dataFS holds the addon's CSV data files; the ORM loads them at install
// and upgrade, in the order Addon.Data lists them.
//
//go:embed data/*.csv
var dataFS embed.FS

// Addon is the library addon: authors, books and loans, the librarian and
// member groups with their access rights and record rules, and a few
// classic books. Hand it to shell.Main (see cmd/libsh) or to
// orm.NewRegistryFrom.
var Addon = &orm.Addon{
	Name:    "library",
	Depends: []string{"base"}, // addons are named; base is always there
	Models:  []orm.ModelDef{authorModel, bookModel, loanModel},
	FS:      dataFS,
	Data: []orm.DataFile{
		// Each file is named after its model; its "id" column holds
		// external ids, prefixed by "library." when loaded.
		{Path: "data/res.groups.csv"},
		{Path: "data/ir.model.access.csv"},
		{Path: "data/ir.rule.csv"},
		// NoUpdate: created at the first install, never overwritten by
		// an upgrade (the librarians may have edited them).
		{Path: "data/library.author.csv", NoUpdate: true},
		{Path: "data/library.book.csv", NoUpdate: true},
	},
}
