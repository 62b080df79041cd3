package library

import (
	"fmt"
	"time"

	"odsh/orm"
)

// LoadDemo loads demo data of a size, "small" or "large", into env: a
// librarian (login "librarian"), members (logins "alice", "bob", "chloe",
// and more for "large") and their loans. The shell runs it once, in the
// install's transaction, when the addon is first installed (unless --demo
// none); an error rolls the install back.
func LoadDemo(env *orm.Env, size string) error {
	extra, ok := map[string]int{"small": 0, "large": 200}[size]
	if !ok {
		return fmt.Errorf("library: no demo data of size %q (small, large)", size)
	}
	newUser(env, "librarian", "Lena Librarian", "library.group_librarian")
	members := map[string]orm.Recordset{}
	for _, login := range []string{"alice", "bob", "chloe"} {
		members[login] = newUser(env, login, demoNames[login], "library.group_member").Rel("partner_id")
	}
	for _, l := range demoLoans {
		lend(env, l.book, members[l.member], l.lent, l.returned)
	}
	loadMore(env, extra)
	env.FlushAll()
	return nil
}

var demoNames = map[string]string{"alice": "Alice Martin", "bob": "Bob Dubois", "chloe": "Chloé Rossi"}

// demoLoans are the small data's loans; "" is a book still out.
var demoLoans = []struct{ member, book, lent, returned string }{
	{"alice", "library.book_pride", "2025-01-06", "2025-01-20"},
	{"alice", "library.book_war_peace", "2025-02-01", ""},
	{"bob", "library.book_emma", "2025-01-10", "2025-01-31"},
	{"bob", "library.book_dalloway", "2025-02-10", ""},
	{"chloe", "library.book_ficciones", "2025-02-15", ""},
}

// newUser creates a user of the main company in group (an external id).
func newUser(env *orm.Env, login, name, group string) orm.Recordset {
	company := env.Ref("base.main_company").ID()
	return env.Model("res.users").Create(orm.Values{
		"login": login, "name": name, "company_id": company, "company_ids": []int64{company},
		"groups_id": []int64{env.Ref("base.group_user").ID(), env.Ref(group).ID()},
	})
}

// lend records a loan of the book (an external id) to member.
func lend(env *orm.Env, book string, member orm.Recordset, lent, returned string) {
	vals := orm.Values{"book_id": env.Ref(book).ID(), "member_id": member.ID(), "loan_date": lent}
	if returned != "" {
		vals["return_date"] = returned
	}
	env.Model("library.loan").Create(vals)
}

// loadMore adds n members, each with a returned loan of every book
// (large data), in one Create per model.
func loadMore(env *orm.Env, n int) {
	if n == 0 {
		return
	}
	partners := make([]orm.Values, n)
	for i := range partners {
		partners[i] = orm.Values{"name": fmt.Sprintf("Member %03d", i+1)}
	}
	members := env.Model("res.partner").Create(partners...)
	books := env.Model("library.book").Search(nil)
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	var loans []orm.Values
	for i, m := range members.IDs() {
		for j, b := range books.IDs() {
			lent := start.AddDate(0, 0, (i*7+j*3)%300)
			loans = append(loans, orm.Values{"book_id": b, "member_id": m,
				"loan_date": lent.Format(orm.DateLayout), "return_date": lent.AddDate(0, 0, 14).Format(orm.DateLayout)})
		}
	}
	env.Model("library.loan").Create(loans...)
}
