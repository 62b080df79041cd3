package library

import "odsh/orm"

// authorModel is library.author. Deleting an author deletes their books
// (book.author_id is ondelete "cascade").
var authorModel = orm.ModelDef{
	Name: "library.author", Description: "Author", Order: "name, id",
	Fields: []*orm.FieldDef{
		orm.Char("name").Required().Index(),
		orm.Integer("birth_year").Label("Year of Birth"),
		orm.One2many("book_ids", "library.book", "author_id").Label("Books"),
		// A stored computed field: a column kept up to date by the ORM
		// whenever a book is added, removed or moved to another author
		// (the dependency "book_ids"), so that it can be searched and
		// sorted on in SQL.
		orm.Integer("book_count").Label("Number of Books").Store().Compute(computeBookCount, "book_ids"),
	},
}

// bookModel is library.book. A book with loans cannot be deleted
// (loan.book_id is ondelete "restrict"): archive it instead (active).
var bookModel = orm.ModelDef{
	Name: "library.book", Description: "Book", Order: "name, id",
	Fields: []*orm.FieldDef{
		orm.Char("name").Label("Title").Required().Index(),
		orm.Char("isbn").Label("ISBN").Size(17),
		orm.Many2one("author_id", "library.author").Label("Author").Required().Ondelete(orm.Cascade).Index(),
		orm.Integer("year").Label("Year Published"),
		orm.Boolean("active").Default(true),
		orm.One2many("loan_ids", "library.loan", "book_id").Label("Loans"),
		// available is stored too; it depends on a field of the loans, so
		// it is recomputed when a loan is created, returned or deleted.
		orm.Boolean("available").Store().Compute(computeAvailable, "loan_ids", "loan_ids.return_date"),
	},
	SQLConstraints: []orm.SQLConstraint{{
		Name: "isbn_unique", Definition: "unique (isbn)", Message: "another book has this ISBN",
	}},
}

// loanModel is library.loan: a member borrows a book on loan_date and
// brings it back on return_date (empty while the book is out).
var loanModel = orm.ModelDef{
	Name: "library.loan", Description: "Loan", Order: "loan_date desc, id desc",
	Fields: []*orm.FieldDef{
		orm.Many2one("book_id", "library.book").Label("Book").Required().Ondelete(orm.Restrict).Index(),
		// Members are partners; a member who logs in is the user whose
		// partner this is (see the record rules in data/ir.rule.csv).
		orm.Many2one("member_id", "res.partner").Label("Member").Required().Index(),
		orm.Date("loan_date").Required().Default(func(env *orm.Env) any { return env.Now() }),
		orm.Date("return_date"),
	},
	// Constraints run when one of their fields is written, at the flush.
	Constraints: []orm.Constraint{{Fields: []string{"loan_date", "return_date"}, Check: checkReturnDate}},
}
