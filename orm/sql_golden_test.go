package orm_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"odsh/internal/testdb"
	"odsh/orm"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestSQLGolden pins the SQL the ORM sends for common operations (the
// statements, not their arguments, which hold ids): a change in the
// generated SQL shows up as a diff of testdata/sql.golden, rewritten with
// go test ./orm -run TestSQLGolden -update.
func TestSQLGolden(t *testing.T) {
	env := testdb.Env(t)
	partners := env.Model("res.partner")
	be := env.Ref("base.be")
	var b strings.Builder
	step := func(name string, f func()) {
		var stmts []string
		env.Tx().OnQuery(func(sql string, args []any) {
			stmts = append(stmts, fmt.Sprintf("%s  -- %d args", strings.Join(strings.Fields(sql), " "), len(args)))
		})
		before := len(stmts)
		f()
		fmt.Fprintf(&b, "== %s\n", name)
		for _, s := range stmts[before:] {
			fmt.Fprintln(&b, s)
		}
		env.Tx().OnQuery(func(string, []any) {}) // later steps log to their own slice
		stmts = stmts[:0]
	}
	var ps orm.Recordset
	step("create two partners", func() {
		ps = partners.Create(orm.Values{"name": "A", "country_id": be.ID()}, orm.Values{"name": "B", "email": "b@x.be"})
	})
	step("write the same value on both, flush", func() {
		ps.Write(orm.Values{"city": "Gent"})
		env.FlushAll()
	})
	step("write different values, flush", func() {
		ps.At(0).Set("zip", "9000")
		ps.At(1).Set("zip", "9050")
		env.FlushAll()
	})
	step("read after invalidation", func() {
		env.InvalidateAll()
		_ = ps.At(0).Str("name")
		_ = ps.At(0).Str("country_id.code")
	})
	for _, c := range []struct{ name, dom, order string }{
		{"ilike with order and limit", "[('name', 'ilike', 'a')]", "name desc"},
		{"dotted path", "[('country_id.code', '=', 'BE')]", ""},
		{"negated dotted path", "['!', ('country_id.code', '=', 'BE')]", ""},
		{"in with False", "[('city', 'in', ['Gent', False])]", ""},
		{"x2many not in", "[('category_id', 'not in', [1, 2])]", ""},
		{"order by many2one", "[]", "country_id, name"},
		{"child_of on a parent_store model", "[('category_id', 'child_of', 1)]", ""},
	} {
		step("search: "+c.name, func() {
			var opts []orm.SearchOpt
			if c.order != "" {
				opts = append(opts, orm.Order(c.order))
			}
			partners.Search(c.dom, append(opts, orm.Limit(10))...)
		})
	}
	step("read_group by country with count", func() {
		partners.ReadGroup("[]", []string{"country_id"}, []string{"country_id"})
	})
	step("unlink", func() { ps.Unlink() })

	file := filepath.Join("testdata", "sql.golden")
	if *update {
		if err := os.WriteFile(file, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got := b.String(); got != string(want) {
		t.Errorf("SQL differs from %s (go test ./orm -run TestSQLGolden -update rewrites it):\n%s", file, firstDiff(string(want), got))
	}
}

func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return fmt.Sprintf("line %d:\n  want: %s\n  got:  %s", i+1, a, b)
		}
	}
	return ""
}
