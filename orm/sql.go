package orm

import (
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
)

type pgxRows = pgx.Rows

// quote quotes an SQL identifier ("res_partner"). Identifiers come from the
// registry, never from values.
func quote(ident string) string {
	return `"` + strings.ReplaceAll(ident, `"`, `""`) + `"`
}

// qualify returns alias."column".
func qualify(alias, column string) string { return quote(alias) + "." + quote(column) }

// SQL is a piece of SQL code with its parameters, like Odoo's SQL wrapper:
// build it with SQLf, where each %s takes a value (bound as a parameter),
// an Ident (quoted) or another SQL (inlined); join pieces with JoinSQL.
// A value is never spliced into the code: the parameters are numbered
// $1, $2, … when the statement is built (Build, String). Run it with
// env.Cr().Execute or env.Cr().Query.
type SQL struct {
	code string
	args []any
}

// Ident is an SQL identifier to quote when composed into SQL.
type Ident string

// SQLf builds SQL from a format where each %s takes one argument: a SQL
// (inlined with its parameters), an Ident (quoted), or any other value
// (bound as a parameter). Literal % is written %%.
//
// Example:
//
//	q := orm.SQLf("SELECT count(*) FROM %s WHERE name ILIKE %s", orm.Ident("res_partner"), "%a%")
//	env.Cr().Query(q)
func SQLf(format string, args ...any) SQL {
	var b strings.Builder
	var params []any
	i := 0
	for j := 0; j < len(format); j++ {
		c := format[j]
		if c != '%' || j+1 >= len(format) {
			b.WriteByte(c)
			continue
		}
		j++
		switch format[j] {
		case '%':
			b.WriteByte('%')
		case 's':
			if i >= len(args) {
				panic("orm: SQLf: missing argument")
			}
			switch a := args[i].(type) {
			case SQL:
				b.WriteString(a.code)
				params = append(params, a.args...)
			case Ident:
				b.WriteString(quote(string(a)))
			default:
				b.WriteString("$?")
				params = append(params, a)
			}
			i++
		default:
			panic(fmt.Sprintf("orm: SQLf: unsupported verb %%%c", format[j]))
		}
	}
	if i != len(args) {
		panic("orm: SQLf: too many arguments")
	}
	return SQL{code: b.String(), args: params}
}

// JoinSQL joins pieces with a separator, keeping their parameters:
// JoinSQL(" AND ", a, b) is a's code, " AND ", b's code.
func JoinSQL(sep string, parts ...SQL) SQL {
	var b strings.Builder
	var params []any
	for i, p := range parts {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(p.code)
		params = append(params, p.args...)
	}
	return SQL{code: b.String(), args: params}
}

// IsEmpty reports whether the SQL has no code.
func (s SQL) IsEmpty() bool { return s.code == "" }

// Build numbers the parameters and returns the statement and its arguments.
func (s SQL) Build() (string, []any) {
	var b strings.Builder
	n := 0
	code := s.code
	for {
		i := strings.Index(code, "$?")
		if i < 0 {
			b.WriteString(code)
			break
		}
		n++
		b.WriteString(code[:i])
		fmt.Fprintf(&b, "$%d", n)
		code = code[i+2:]
	}
	return b.String(), s.args
}

// String returns the code with numbered parameters (for logs and :explain).
func (s SQL) String() string { q, _ := s.Build(); return q }

// Args returns the parameters.
func (s SQL) Args() []any { return s.args }

// querySQL runs a composed query the ORM built (see query).
func (tx *Transaction) querySQL(s SQL, scan func(rows pgx.Rows) error) {
	q, args := s.Build()
	tx.query(q, args, scan)
}
