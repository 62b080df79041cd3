package orm_test

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"odsh/domain"
	"odsh/orm"
)

// leafPool lists, per field path, values worth comparing with.
var leafPool = map[string][]any{
	"name":   {false, "", "Apple", "banana", "an", "A%", "Zombie"},
	"code":   {false, "", "A1", "b"},
	"note":   {false, "red", "yellow"},
	"flag":   {true, false},
	"count":  {false, 0, 1, 3, -2, 10},
	"amount": {false, 0.0, 1.5, -0.5, 100.0},
	"weight": {false, 2.25, 0},
	"state":  {false, "draft", "done"},
	"day":    {false, "2024-03-10", "2023-06-01"},
	"moment": {false, "2024-03-10", "2024-11-22 23:59:59", "2023-01-01 00:00:00"},
	// number properties of dates, as Search and ReadGroup's __domain name them
	"day.month_number":      {false, 3, 6, 1},
	"day.day_of_week":       {0, 6, 3},
	"moment.hour_number":    {false, 0, 8, 23},
	"moment.quarter_number": {1, 4},
	"data":                  {false},
	"active":                {true, false},
	"tag_id":                {false, "alpha", "Old", "TAG_a", "TAG_old"},
	"tag_id.name":           {false, "Alpha", "ph"},
	"tag_ids":               {false, "TAG_b", "TAG_a1", "beta"},
	"tag_ids.name":          {"Beta", "Old", false},
	"line_ids":              {false, "LINE_l1", "LINE_off", "sec"},
	"line_ids.qty":          {false, 0, 1, 5},
	"parent_id":             {false, "ITEM_apple", "banana"},
	"child_ids":             {false, "ITEM_banana"},
}

var scalarOps = []domain.Operator{"=", "!=", "<", "<=", ">", ">=", "in", "not in", "like", "not like",
	"ilike", "not ilike", "=like", "=ilike", "=?"}
var relationalOps = []domain.Operator{"=", "!=", "in", "not in", "ilike", "not ilike"}

// randomLeaf picks a field, an operator that applies and a value.
func randomLeaf(rng *rand.Rand, fx *fixture, paths []string) domain.Domain {
	path := paths[rng.Intn(len(paths))]
	values := leafPool[path]
	v := values[rng.Intn(len(values))]
	ops := scalarOps
	if path == "tag_id" || path == "tag_ids" || path == "line_ids" || path == "parent_id" || path == "child_ids" {
		ops = relationalOps
	}
	if path == "data" {
		ops = []domain.Operator{"=", "!="}
	}
	op := ops[rng.Intn(len(ops))]
	v = fx.resolve(v)
	if (op == "in" || op == "not in") && rng.Intn(2) == 0 {
		w := fx.resolve(values[rng.Intn(len(values))])
		if _, isName := w.(string); isName == isString(v) { // no mixed ids and names
			v = []any{v, w}
		}
	}
	if path == "tag_id" && rng.Intn(8) == 0 {
		return domain.Cond(path, "child_of", fx.tags["a"].ID())
	}
	return domain.Cond(path, op, v)
}

func isString(v any) bool { _, ok := v.(string); return ok }

// resolve turns TAG_x, LINE_x and ITEM_x into ids.
func (fx *fixture) resolve(v any) any {
	if s, ok := v.(string); ok {
		if id, ok := fx.lookupID(s); ok {
			return id
		}
	}
	return v
}

// lookupID resolves TAG_x, LINE_x and ITEM_x.
func (fx *fixture) lookupID(s string) (int64, bool) {
	kind, key, found := strings.Cut(s, "_")
	if !found {
		return 0, false
	}
	switch kind {
	case "TAG":
		return fx.tags[key].ID(), true
	case "LINE":
		return fx.lines[key].ID(), true
	case "ITEM":
		return fx.items[key].ID(), true
	}
	return 0, false
}

// randomDomain combines 1 to 3 leaves with &, | and !.
func randomDomain(rng *rand.Rand, fx *fixture, paths []string, depth int) domain.Domain {
	if depth == 0 || rng.Intn(3) == 0 {
		return randomLeaf(rng, fx, paths)
	}
	a := randomDomain(rng, fx, paths, depth-1)
	switch rng.Intn(3) {
	case 0:
		return domain.NOT(a)
	case 1:
		return domain.AND(a, randomDomain(rng, fx, paths, depth-1))
	}
	return domain.OR(a, randomDomain(rng, fx, paths, depth-1))
}

// TestSearchMatchesFilteredDomain: for random domains, Search (SQL) and
// FilteredDomain (memory) select the same records.
func TestSearchMatchesFilteredDomain(t *testing.T) {
	fx := newFixture(t)
	items := fx.env.Model("test.search.item")
	all := items.WithContext(orm.Ctx{"active_test": false}).Search(nil)
	active := all.Filtered("active").WithContext(orm.Ctx{"active_test": true})
	var paths []string
	for p := range leafPool {
		paths = append(paths, p)
	}
	sortStrings(paths)
	rng := rand.New(rand.NewSource(18))
	for i := 0; i < 400; i++ {
		d := randomDomain(rng, fx, paths, 3)
		var sql, mem orm.Recordset
		if err := items.Env().Catch(func() { sql = items.Search(d) }); err != nil {
			t.Errorf("%d %s: Search: %v", i, d, err)
			continue
		}
		base := active
		if strings.Contains(fmt.Sprint(d), "'active'") {
			base = all.WithContext(orm.Ctx{"active_test": true})
		}
		if err := base.Env().Catch(func() { mem = base.FilteredDomain(d) }); err != nil {
			t.Errorf("%d %s: FilteredDomain: %v", i, d, err)
			continue
		}
		if g, w := fx.keys(mem), fx.keys(sql); strings.Join(g, " ") != strings.Join(w, " ") {
			t.Errorf("%d %s: FilteredDomain %v, Search %v", i, d, g, w)
		}
	}
}
