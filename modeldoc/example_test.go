package modeldoc_test

import (
	"fmt"
	"os"

	"odsh/modeldoc"
	"odsh/orm"
)

// library is a registry of two small addons, the second extending a model
// of the first.
func library() *orm.Registry {
	lib := &orm.Addon{Name: "library", Models: []orm.ModelDef{
		{Name: "library.author", Description: "Author", Fields: []*orm.FieldDef{
			orm.Char("name").Required(),
			orm.One2many("book_ids", "library.book", "author_id").Label("Books"),
		}},
		{Name: "library.book", Description: "Book", Fields: []*orm.FieldDef{
			orm.Char("title").Required().Index(),
			orm.Many2one("author_id", "library.author").Ondelete("cascade"),
		}},
	}}
	loans := &orm.Addon{Name: "library_loan", Depends: []string{"library"}, Models: []orm.ModelDef{
		{Inherit: []string{"library.book"}, Fields: []*orm.FieldDef{
			orm.Selection("state", orm.SelectionItem{Value: "in", Label: "On the shelf"},
				orm.SelectionItem{Value: "out", Label: "Lent"}).Default("in"),
		}},
	}}
	reg, err := orm.NewRegistryFrom([]*orm.Addon{lib, loans})
	if err != nil {
		panic(err)
	}
	return reg
}

func ExampleGraph() {
	if err := modeldoc.Graph(os.Stdout, library(), "library.book", 2, 60); err != nil {
		fmt.Println(err)
	}
	// Output:
	// ┌────────────────────┐
	// │ library.book  Book │
	// └┬───────────────────┘
	//  └─ author_id ─ many2one  ──▶ library.author  Author
	//      └─ book_ids ─ one2many  ──▶ library.book ↑
}

// The map of library.author, one step out: its books, and the book's
// author_id that points back at it (incoming, ◀──).
func ExampleGraph_incoming() {
	if err := modeldoc.Graph(os.Stdout, library(), "library.author", 1, 60); err != nil {
		fmt.Println(err)
	}
	// Output:
	// ┌────────────────────────┐
	// │ library.author  Author │
	// └┬───────────────────────┘
	//  ├─ book_ids ─ one2many  ──▶ library.book  Book
	//  └◀── many2one  ── library.book.author_id  Book
}

func ExampleText() {
	if err := modeldoc.Text(os.Stdout, library(), "library.book", 60); err != nil {
		fmt.Println(err)
	}
	// Output:
	// library.book — Book
	//   table: library_book
	//   order: id
	//
	// Addons
	//   library defines it; adds title, author_id
	//   library_loan extends it; adds state
	//
	// Fields (7)
	//   id            integer    ID               [orm]
	//     readonly
	//   display_name  char       Display Name     [orm]
	//     readonly · computed · not stored · searchable (search
	//       function)
	//     depends on context: lang
	//   create_date   datetime   Created on       [orm]
	//     readonly · not copied
	//   write_date    datetime   Last Updated on  [orm]
	//     readonly · not copied
	//   title         char       Title            [library]
	//     required · index
	//   author_id     many2one   Author           [library]
	//     relation: → library.author, ondelete cascade
	//   state         selection  State            [library_loan]
	//     default "in"
	//     selection: in "On the shelf", out "Lent"
}

func ExampleMermaid() {
	if err := modeldoc.Mermaid(os.Stdout, library(), "library.author", 1); err != nil {
		fmt.Println(err)
	}
	// Output:
	// flowchart LR
	//     m0["library.author"]
	//     m1["library.book"]
	//     m0 -->|"book_ids (one2many)"| m1
	//     m1 -.->|"author_id (many2one)"| m0
	//     style m0 stroke-width:3px
}

func ExampleText_unknown() {
	fmt.Println(modeldoc.Text(os.Stdout, library(), "library.bok", 60))
	// Output:
	// unknown model "library.bok" (did you mean "library.book"?)
}
