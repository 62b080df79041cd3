package orm_test

import (
	"reflect"
	"testing"

	"odsh/orm"
)

// Odoo: "group_expand fills empty groups (e.g. all selection states / stages
// with count 0)", as Odoo's test_read_group/tests/test_group_expand.py:
// the expanded values in the function's order, empty groups counting 0
// with empty aggregates, then the groups left out, the False group last.
func TestReadGroupExpand(t *testing.T) {
	env := sweepEnv(t)
	deals := env.Model("test.sweep.deal")
	deals.Create(orm.Values{"name": "1", "qty": 1, "state": "a"}, orm.Values{"name": "2", "qty": 2, "state": "c"},
		orm.Values{"name": "3", "qty": 3})
	type row struct {
		Value any
		Count int64
		Qty   any
		Found int
	}
	summary := func(groups []orm.Values, spec string) []row {
		var out []row
		for _, g := range groups {
			out = append(out, row{g[spec], g[spec+"_count"].(int64), g["qty"],
				deals.Search(g["__domain"]).Len()})
		}
		return out
	}
	got := summary(deals.ReadGroup(nil, []string{"qty"}, []string{"state"}), "state")
	want := []row{{"c", 1, int64(2), 1}, {"b", 0, int64(0), 0}, {"a", 1, int64(1), 1}, {nil, 1, int64(3), 1}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("by state: got %v, want %v", got, want)
	}
	got = summary(deals.ReadGroup(nil, []string{"qty"}, []string{"kind"}), "kind")
	want = []row{{"x", 0, int64(0), 0}, {"y", 0, int64(0), 0}, {nil, 3, int64(6), 3}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("by kind (group_expand=True): got %v, want %v", got, want)
	}
	// Eager mode with two groupbys does not expand, as Odoo.
	if groups := deals.ReadGroup(nil, []string{"qty"}, []string{"state", "kind"}, orm.Lazy(false)); len(groups) != 3 {
		t.Errorf("eager by state, kind: got %d groups, want 3", len(groups))
	}
}

// A many2one with group_expand shows every stage in the comodel's order.
func TestReadGroupExpandMany2one(t *testing.T) {
	env := sweepEnv(t)
	stages := env.Model("test.sweep.stage")
	done := stages.Create(orm.Values{"name": "Done", "sequence": 3})
	todo := stages.Create(orm.Values{"name": "Todo", "sequence": 1})
	doing := stages.Create(orm.Values{"name": "Doing", "sequence": 2})
	deals := env.Model("test.sweep.deal")
	deals.Create(orm.Values{"name": "1", "stage_id": doing.ID()}, orm.Values{"name": "2", "stage_id": doing.ID()})
	groups := deals.ReadGroup(nil, nil, []string{"stage_id"})
	var got []any
	var counts []int64
	for _, g := range groups {
		got = append(got, g["stage_id"])
		counts = append(counts, g["stage_id_count"].(int64))
	}
	want := []any{[2]any{todo.ID(), "Todo"}, [2]any{doing.ID(), "Doing"}, [2]any{done.ID(), "Done"}}
	if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(counts, []int64{0, 2, 0}) {
		t.Errorf("got %v %v, want %v [0 2 0]", got, counts, want)
	}
}
