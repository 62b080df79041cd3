// Package library is the example application of odsh: an addon with
// authors, books and loans, and its own shell, libsh (cmd/libsh), built
// from package shell in ten lines. Copy it to start an application.
//
//	go run ./examples/library/cmd/libsh                  # the shell, on ~/.local/share/libsh
//	go run ./examples/library/cmd/libsh -c ':fields library.book'
//
// What it shows, file by file:
//
//   - addon.go: the addon (orm.Addon): its name, dependencies by name
//     (base), its models and its data files, embedded.
//   - models.go: the models (orm.ModelDef) and their fields, built with
//     orm.Char, orm.Many2one, …: a stored computed field on each of
//     library.author (book_count) and library.book (available), the
//     ondelete rules of many2ones ("cascade": deleting an author deletes
//     their books; "restrict": a book that was lent cannot be deleted), a
//     unique SQL constraint and a Go constraint on library.loan.
//   - logic.go: the compute functions and the constraint.
//   - data/: CSV files in Odoo's import format: the groups (member,
//     librarian), the access rights per group (ir.model.access.csv), the
//     record rules (ir.rule.csv: a member sees only their own loans, a
//     librarian every loan), and the catalogue.
//   - demo.go: LoadDemo, the demo data shell.Main loads at the first
//     install (users alice, bob, chloe and librarian, and their loans).
//   - cmd/libsh/main.go: the shell: shell.Main with the addon.
//   - libsh_test.go: builds libsh and runs scripts through it.
//
// At the prompt (libsh> ), try:
//
//	env.Model("library.author").Search(nil)       // book_count is a column
//	:user alice                                   // members see their own loans
//	env.Model("library.loan").Search(nil)
//	:doc library.book
package library
