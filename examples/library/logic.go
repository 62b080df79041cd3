package library

import (
	"fmt"

	"odsh/orm"
)

// computeBookCount counts each author's books. A compute function gets
// every record to compute at once and Sets the field on each.
func computeBookCount(authors orm.Recordset) {
	for _, a := range authors.Records() {
		a.Set("book_count", a.Rel("book_ids").Len())
	}
}

// computeAvailable: a book is available when none of its loans is still
// out (has no return date).
func computeAvailable(books orm.Recordset) {
	for _, b := range books.Records() {
		out := b.Rel("loan_ids").Filtered(func(l orm.Recordset) bool { return l.Get("return_date") == nil })
		b.Set("available", out.Len() == 0)
	}
}

// checkReturnDate refuses a loan returned before it was made. A
// constraint panics with a *orm.ValidationError, which rolls back the
// statement (at the prompt: the entry) that broke it.
func checkReturnDate(loans orm.Recordset) {
	for _, l := range loans.Records() {
		ret := l.Time("return_date")
		if !ret.IsZero() && ret.Before(l.Time("loan_date")) {
			panic(&orm.ValidationError{ErrorInfo: orm.ErrorInfo{
				Model: "library.loan", Field: "return_date", IDs: l.IDs(),
				Msg: fmt.Sprintf("a book cannot be returned (%s) before it was lent (%s)",
					ret.Format(orm.DateLayout), l.Time("loan_date").Format(orm.DateLayout)),
			}})
		}
	}
}
