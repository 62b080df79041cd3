package orm

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"odsh/domain"
)

// SearchOpt is an option of Search: Limit, Offset or Order (and Lazy for
// ReadGroup).
type SearchOpt func(*searchOpts)

type searchOpts struct {
	limit, offset int
	order         string
	eager         bool // ReadGroup: Lazy(false)
	unordered     bool // SearchCount, ReadGroup: no ORDER BY (nor its fields to flush)
}

// Limit returns at most n records.
func Limit(n int) SearchOpt { return func(o *searchOpts) { o.limit = n } }

// Offset skips the first n records.
func Offset(n int) SearchOpt { return func(o *searchOpts) { o.offset = n } }

// Order sorts by "field [asc|desc] [nulls first|last], ..." instead of the
// model's _order.
func Order(s string) SearchOpt { return func(o *searchOpts) { o.order = s } }

func makeOpts(opts []SearchOpt) searchOpts {
	var o searchOpts
	for _, fn := range opts {
		fn(&o)
	}
	return o
}

// ParseDomain reads a domain given as a domain.Domain, Odoo's text syntax,
// a list in Go values, or nil (every record); a malformed one panics with a
// ValidationError naming the model and the problem.
func (r Recordset) ParseDomain(dom any) domain.Domain {
	d, err := domain.Of(dom)
	if err != nil {
		panic(&ValidationError{ErrorInfo{Model: r.ModelName(), Msg: domainErrMsg(dom, err), Value: dom, Err: err}})
	}
	return d
}

// domainErrMsg describes a domain that cannot be read; for text, the text
// and the 1-based column of the problem:
//
//	invalid domain "[(name, '=', 1)]", column 3: unknown name "name" (no variables given)
func domainErrMsg(dom any, err error) string {
	var se *domain.SyntaxError
	text, ok := dom.(string)
	if !ok || !errors.As(err, &se) {
		return "invalid domain: " + strings.TrimPrefix(err.Error(), "domain: ")
	}
	if se.Pos < 0 || se.Pos > len(text) {
		return fmt.Sprintf("invalid domain %q: %s", text, se.Msg)
	}
	return fmt.Sprintf("invalid domain %q, column %d: %s", text, utf8.RuneCountInString(text[:se.Pos])+1, se.Msg)
}

// Search returns the records matching dom (see ParseDomain), in the given
// or the model's order. Archived records are left out unless the context
// has active_test false or the domain names the active field. The pending
// writes of the fields the search reads (in its domain, order and record
// rules) are flushed first; the others stay pending (flush_search.go).
//
// Without a limit or an offset, the SELECT runs when the records are first
// needed, or before the transaction's next statement that could change
// what it finds, whichever comes first: the records are those an
// immediate SELECT would give, and Head (the shell's printing) can show
// the first of a million without loading them all (search_lazy.go). Its
// ids, like any query, can then only be read from the transaction's own
// goroutine.
//
// Example:
//
//	env.Model("res.partner").Search("[('country_id.code', 'in', ['BE', 'FR'])]", orm.Order("name"), orm.Limit(5))
func (r Recordset) Search(dom any, opts ...SearchOpt) Recordset {
	r.check()
	o := makeOpts(opts)
	q := r.searchQuery(dom, o)
	r.env.tx.flushQuery(q)
	if fns := r.env.tx.onSearch; len(fns) > 0 {
		sql, args := q.selectSQL(SQL{code: qualify(q.alias, "id")}).Build()
		for _, fn := range fns {
			fn(sql, args)
		}
	}
	if o.limit == 0 && o.offset == 0 && r.env.tx.isolation != ReadCommitted {
		return r.env.tx.newLazySearch(r, q) // search_lazy.go
	}
	return r.Browse(r.env.tx.searchIDs(r.model, q)...)
}

// SearchCount returns how many records match dom (at most the Limit, when
// given).
//
// Example:
//
//	env.Model("demo.order").SearchCount("[('state', '=', 'done')]")
func (r Recordset) SearchCount(dom any, opts ...SearchOpt) int {
	r.check()
	o := makeOpts(opts)
	o.order, o.unordered = "", true
	q := r.searchQuery(dom, o)
	var s SQL
	if o.limit > 0 || o.offset > 0 {
		s = SQLf("SELECT count(*) FROM (%s) AS counted", q.selectSQL(SQLf("1")))
	} else {
		s = q.selectSQL(SQLf("count(*)"))
	}
	r.env.tx.flushQuery(q)
	var n int64
	r.env.tx.querySQL(s, func(rows pgxRows) error { return rows.Scan(&n) })
	return int(n)
}

// SearchSQL returns the SELECT that Search would run (for :explain),
// after flushing what it reads, as Search does.
func (r Recordset) SearchSQL(dom any, opts ...SearchOpt) SQL {
	r.check()
	q := r.searchQuery(dom, makeOpts(opts))
	r.env.tx.flushQuery(q)
	return q.selectSQL(SQL{code: qualify(q.alias, "id")})
}

// searchQuery builds the query of a search; run it after flushQuery.
func (r Recordset) searchQuery(dom any, o searchOpts) *query {
	if !r.model.HasTable() {
		panic(userErr(r.model.Name, "cannot search an abstract model (no table)"))
	}
	d := r.ParseDomain(dom)
	r.validateDomain(r.model, d)
	if _, err := r.model.parseOrderSpec(o.order); o.order != "" && err != nil {
		panic(r.orderErr(o.order, err))
	}
	r.checkAccess("read")
	q := newQuery(r.model)
	q.env = r.env
	r.addActiveFilter(q, d)
	q.addWhere(r.domainSQL(q, q.alias, r.model, d))
	r.addRules(q, "read")
	if !o.unordered {
		if err := q.setOrder(o.order); err != nil {
			panic(r.orderErr(o.order, err))
		}
	}
	q.limit, q.offset = o.limit, o.offset
	return q
}

// orderErr is the ValidationError of a bad order, naming the field when
// the order names an unknown one.
func (r Recordset) orderErr(order string, err error) *ValidationError {
	e := &ValidationError{ErrorInfo{Model: r.model.Name, Msg: "invalid order: " + err.Error(), Value: order, HasValue: true}}
	var of *orderFieldError
	if errors.As(err, &of) {
		e.Field = of.field
	}
	return e
}

// addDomain adds a domain (as ParseDomain reads it) to a query.
func (r Recordset) addDomain(q *query, dom any) {
	q.addWhere(r.domainSQL(q, q.alias, r.model, r.ParseDomain(dom)))
}

// addActiveFilter hides archived records unless active_test is false or
// the domain mentions the active field.
func (r Recordset) addActiveFilter(q *query, d domain.Domain) {
	name := r.model.ActiveName
	if name == "" || !r.env.ctx.Bool("active_test", true) {
		return
	}
	if d != nil && mentions(d, name) {
		return
	}
	if f := r.model.Fields[name]; f.column == "" { // inherited through _inherits
		q.addWhere(r.domainSQL(q, q.alias, r.model, domain.Cond(name, domain.Eq, true)))
		return
	}
	q.use(r.model.Fields[name])
	q.addWhere(SQLf("%s = TRUE", SQL{code: qualify(q.alias, r.model.Fields[name].column)}))
}

// mentions reports whether a top-level condition of d names field.
func mentions(d domain.Domain, field string) bool {
	found := false
	_, _ = domain.Transform(d, func(c domain.Condition) (domain.Domain, error) {
		if c.Path == field {
			found = true
		}
		return c, nil
	})
	return found
}

// domainSQL translates a domain on model m (rows aliased alias) to SQL.
func (r Recordset) domainSQL(q *query, alias string, m *Model, d domain.Domain) SQL {
	switch x := d.(type) {
	case domain.Bool:
		if x {
			return SQLf("TRUE")
		}
		return SQLf("FALSE")
	case domain.And:
		return r.joinSQL(q, alias, m, []domain.Domain(x), " AND ", "TRUE")
	case domain.Or:
		return r.joinSQL(q, alias, m, []domain.Domain(x), " OR ", "FALSE")
	case domain.Not:
		// NOT over a NULL-yielding condition must still select the rest
		return SQLf("NOT COALESCE(%s, FALSE)", r.domainSQL(q, alias, m, x.Domain))
	case domain.Condition:
		q.use(m.Fields[splitPath(x.Path)[0]])
		return r.leafSQL(q, alias, m, x)
	}
	panic(fmt.Errorf("orm: unknown domain node %T", d))
}

func (r Recordset) joinSQL(q *query, alias string, m *Model, parts []domain.Domain, sep, unit string) SQL {
	if len(parts) == 0 {
		return SQL{code: unit}
	}
	out := make([]SQL, len(parts))
	for i, p := range parts {
		out[i] = r.domainSQL(q, alias, m, p)
	}
	return SQLf("(%s)", JoinSQL(sep, out...))
}
