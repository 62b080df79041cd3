package orm_test

import (
	"fmt"
	"strings"
	"testing"

	"odsh/internal/testdb"
	"odsh/orm"
)

// countQueries returns the statements f sends.
func countQueries(env *orm.Env, f func()) (n int, stmts []string) {
	var log []string
	env.Tx().OnQuery(func(sql string, _ []any) { log = append(log, strings.Fields(sql)[0]) })
	before := env.QueryCount()
	f()
	n = env.QueryCount() - before
	return n, log[len(log)-n:]
}

func TestQueryCountBatchCreate(t *testing.T) {
	env := testdb.Env(t)
	vals := make([]orm.Values, 1000)
	for i := range vals {
		vals[i] = orm.Values{"name": fmt.Sprintf("P%04d", i), "city": "Namur"}
	}
	var ps orm.Recordset
	// the ids reserved, then one INSERT that carries the stored computed
	// fields (complete_name, commercial_partner_id, ...): nothing left to
	// flush (Odoo: INSERT, then an UPDATE of the computed fields at flush)
	n, stmts := countQueries(env, func() {
		ps = env.Model("res.partner").Create(vals...)
		env.FlushAll()
	})
	if n != 2 || stmts[0] != "SELECT" || stmts[1] != "INSERT" {
		t.Fatalf("create of 1000 partners and flush: %d statements %v, want SELECT (ids) and INSERT", n, stmts)
	}
	// values given and defaults are in the cache: reading costs nothing
	n, _ = countQueries(env, func() {
		for _, p := range ps.Records() {
			_ = p.Str("name")
			_ = p.Bool("active")
		}
	})
	if n != 0 {
		t.Fatalf("reading created values: %d statements, want 0", n)
	}
}

func TestQueryCountBatchWrite(t *testing.T) {
	env := testdb.Env(t)
	vals := make([]orm.Values, 500)
	for i := range vals {
		vals[i] = orm.Values{"name": fmt.Sprintf("P%04d", i)}
	}
	ps := env.Model("res.partner").Create(vals...)
	n, stmts := countQueries(env, func() {
		ps.Write(orm.Values{"city": "Liège", "zip": "4000"})
		env.FlushAll()
	})
	if n != 1 || stmts[0] != "UPDATE" {
		t.Fatalf("same-value write on 500 records: %d statements %v, want 1 UPDATE", n, stmts)
	}
	// distinct values: still one statement
	n, stmts = countQueries(env, func() {
		for i, p := range ps.Records() {
			p.Set("ref", fmt.Sprintf("R%d", i))
		}
		env.FlushAll()
	})
	if n != 1 || stmts[0] != "UPDATE" {
		t.Fatalf("distinct values on 500 records: %d statements %v, want 1 UPDATE", n, stmts)
	}
	env.InvalidateAll()
	if got := ps.At(7).Str("ref"); got != "R7" {
		t.Fatalf("ref after flush: got %q", got)
	}
	if got := ps.At(7).Str("city"); got != "Liège" {
		t.Fatalf("city after flush: got %q", got)
	}
}

func TestQueryCountPrefetch(t *testing.T) {
	env := testdb.Env(t)
	countries := env.Model("res.country").Search(nil, orm.Limit(20))
	vals := make([]orm.Values, 1000)
	for i := range vals {
		vals[i] = orm.Values{"name": fmt.Sprintf("P%04d", i), "country_id": countries.At(i % 20).ID()}
	}
	ids := env.Model("res.partner").Create(vals...).IDs()
	env.InvalidateAll()
	ps := env.Model("res.partner").Browse(ids...)
	n, stmts := countQueries(env, func() {
		for _, p := range ps.Records() {
			_ = p.Str("name")
			_ = p.Str("country_id.name")
		}
	})
	if n != 2 {
		t.Fatalf("name and country_id.name over 1000 partners: %d statements %v, want 2", n, stmts)
	}
	n, _ = countQueries(env, func() {
		for _, p := range ps.Records() {
			_ = p.Str("country_id.name")
		}
	})
	if n != 0 {
		t.Fatalf("second pass: %d statements, want 0", n)
	}
}

func TestQueryCountPrefetchBatches(t *testing.T) {
	env := testdb.Env(t)
	vals := make([]orm.Values, 2500)
	for i := range vals {
		vals[i] = orm.Values{"name": fmt.Sprintf("P%04d", i)}
	}
	ids := env.Model("res.partner").Create(vals...).IDs()
	env.InvalidateAll()
	ps := env.Model("res.partner").Browse(ids...)
	n, _ := countQueries(env, func() {
		for _, p := range ps.Records() {
			_ = p.Str("name")
		}
	})
	if n != 3 {
		t.Fatalf("2500 records: %d SELECTs, want 3 (batches of %d)", n, orm.PrefetchMax)
	}
}

func TestQueryCountX2manyBatch(t *testing.T) {
	env, m := things(t)
	tag := env.Model("test.tag").Create(orm.Values{"name": "x"})
	var vals []orm.Values
	for i := 0; i < 50; i++ {
		vals = append(vals, orm.Values{"name": fmt.Sprint(i), "tag_ids": []any{orm.Command.Link(tag.ID())},
			"line_ids": []any{orm.Command.Create(orm.Values{"name": "l"})}})
	}
	n, stmts := countQueries(env, func() { m.Create(vals...) })
	// things, their lines (one INSERT for all), the links (one INSERT)
	if n != 3 {
		t.Fatalf("nested create of 50 records: %d statements %v, want 3", n, stmts)
	}
	ids := m.Search(nil).IDs()
	env.InvalidateAll()
	rs := m.Browse(ids...)
	n, stmts = countQueries(env, func() {
		for _, r := range rs.Records() {
			_ = r.Rel("tag_ids").Len()
			_ = r.Rel("line_ids").Len()
		}
	})
	if n != 2 {
		t.Fatalf("reading a many2many and a one2many on 50 records: %d statements %v, want 2", n, stmts)
	}
}
