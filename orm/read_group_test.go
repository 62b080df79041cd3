package orm_test

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"odsh/internal/testdb"
	"odsh/orm"
)

// TestReadGroupDomains: for every groupby, each group's __domain finds
// exactly the group's records, and the groups cover every record.
func TestReadGroupDomains(t *testing.T) {
	fx := newFixture(t)
	items := fx.env.Model("test.search.item")
	total := items.SearchCount(nil)
	specs := [][]string{{"name"}, {"code"}, {"note"}, {"flag"}, {"count"}, {"amount"}, {"weight"}, {"state"},
		{"day"}, {"day:day"}, {"day:week"}, {"day:quarter"}, {"day:year"}, {"moment:day"}, {"moment:month"},
		{"moment:year"}, {"tag_id"}, {"parent_id"}, {"partner_id"}, {"state", "tag_id"}, {"tag_id", "flag", "day:year"}}
	for _, gb := range specs {
		for _, lazy := range []bool{true, false} {
			t.Run(fmt.Sprintf("%s/lazy=%v", strings.Join(gb, ","), lazy), func(t *testing.T) {
				groups := items.ReadGroup(nil, []string{"count"}, gb, orm.Lazy(lazy))
				key := "__count"
				if lazy {
					key = strings.Split(gb[0], ":")[0] + "_count"
				}
				sum := 0
				for _, g := range groups {
					n := int(g[key].(int64))
					sum += n
					found := items.Search(g["__domain"])
					if found.Len() != n {
						t.Errorf("group %v: Search(__domain %v) found %d records, count is %d", g[gb[0]], g["__domain"], found.Len(), n)
					}
				}
				if sum != total {
					t.Errorf("groups count %d records, want %d", sum, total)
				}
			})
		}
	}
}

func TestReadGroupSelection(t *testing.T) {
	fx := newFixture(t)
	items := fx.env.Model("test.search.item")
	groups := items.ReadGroup(nil, []string{"count", "amount"}, []string{"state"})
	type row struct {
		state any
		n     int64
		count int64
	}
	var got []row
	for _, g := range groups {
		got = append(got, row{g["state"], g["state_count"].(int64), g["count"].(int64)})
	}
	want := []row{{"done", 1, -2}, {"draft", 2, 13}, {nil, 2, 0}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	desc := items.ReadGroup(nil, nil, []string{"state"}, orm.Order("state desc"))
	if desc[0]["state"] != nil {
		t.Errorf("state desc: first group %v, want the empty group first", desc[0]["state"])
	}
	paged := items.ReadGroup(nil, nil, []string{"state"}, orm.Limit(1), orm.Offset(1))
	if len(paged) != 1 || paged[0]["state"] != "draft" {
		t.Errorf("limit 1 offset 1: got %v, want the draft group", paged)
	}
	byCount := items.ReadGroup(nil, []string{"count"}, []string{"state"}, orm.Order("count desc"))
	if byCount[0]["state"] != "draft" {
		t.Errorf("order by sum desc: first %v, want draft", byCount[0]["state"])
	}
}

func TestReadGroupMany2one(t *testing.T) {
	fx := newFixture(t)
	items := fx.env.Model("test.search.item")
	groups := items.ReadGroup(nil, []string{"amount"}, []string{"tag_id"})
	var names []string
	for _, g := range groups {
		if v, ok := g["tag_id"].([2]any); ok {
			names = append(names, v[1].(string))
		} else {
			names = append(names, fmt.Sprint(g["tag_id"]))
		}
	}
	if got := strings.Join(names, ","); got != "Alpha,Alpha One,Old,<nil>" {
		t.Errorf("groups by tag_id: got %s, want Alpha,Alpha One,Old,<nil> (comodel order, empty last)", got)
	}
	if groups[0]["tag_id"].([2]any)[0] != fx.tags["a"].ID() {
		t.Errorf("tag_id value: got %v, want [%d Alpha]", groups[0]["tag_id"], fx.tags["a"].ID())
	}
	// the groups' names are read together (Odoo prefetches them): the
	// grouping query, then one read of the three tags, not one each
	fx.env.InvalidateAll()
	if n := statements(fx.env, func() { items.ReadGroup(nil, []string{"amount"}, []string{"tag_id"}) }); n != 2 {
		t.Errorf("read_group by tag_id with 3 tags: got %d statements, want 2", n)
	}
	desc := items.ReadGroup(nil, nil, []string{"tag_id"}, orm.Order("tag_id desc"))
	if desc[0]["tag_id"] != nil || desc[1]["tag_id"].([2]any)[1] != "Old" {
		t.Errorf("tag_id desc: got %v, %v; want the empty group, then Old", desc[0]["tag_id"], desc[1]["tag_id"])
	}
}

func TestReadGroupMany2many(t *testing.T) {
	fx := newFixture(t)
	items := fx.env.Model("test.search.item")
	groups := items.ReadGroup(nil, nil, []string{"tag_ids"})
	got := map[string]int64{}
	for _, g := range groups {
		name := "False"
		if v, ok := g["tag_ids"].([2]any); ok {
			name = v[1].(string)
		}
		got[name] = g["tag_ids_count"].(int64)
		if n := items.SearchCount(g["__domain"]); int64(n) != got[name] {
			t.Errorf("group %s: Search(__domain) found %d, count %d", name, n, got[name])
		}
	}
	want := map[string]int64{"Alpha": 1, "Beta": 1, "Alpha One": 1, "False": 3}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestReadGroupDates(t *testing.T) {
	fx := newFixture(t)
	items := fx.env.Model("test.search.item")
	cases := []struct {
		spec  string
		first string
		from  string
	}{
		{"day", "January 2023", "2023-01-01"},
		{"day:month", "January 2023", "2023-01-01"},
		{"day:day", "01 Jan 2023", "2023-01-01"},
		{"day:week", "W1 2023", "2023-01-01"}, // en_US weeks start on Sunday
		{"day:quarter", "Q1 2023", "2023-01-01"},
		{"day:year", "2023", "2023-01-01"},
		{"moment:day", "01 Jan 2023", "2023-01-01 00:00:00"},
	}
	for _, tc := range cases {
		t.Run(tc.spec, func(t *testing.T) {
			groups := items.ReadGroup(nil, nil, []string{tc.spec})
			if got := groups[0][tc.spec]; got != tc.first {
				t.Errorf("first label: got %v, want %q", got, tc.first)
			}
			rng := groups[0]["__range"].(map[string]any)[tc.spec].(map[string]any)
			if rng["from"] != tc.from {
				t.Errorf("__range from: got %v, want %s", rng["from"], tc.from)
			}
			last := groups[len(groups)-1]
			if last[tc.spec] != nil {
				t.Errorf("last group: got %v, want the empty group", last[tc.spec])
			}
		})
	}
	nov := items.ReadGroup(`[('day', '>', '2024-06-01')]`, nil, []string{"day:month"})
	if len(nov) != 1 || nov[0]["day:month"] != "November 2024" {
		t.Errorf("November group: got %v", nov)
	}
	weeks := items.ReadGroup(`[('day', '=', '2024-11-22')]`, nil, []string{"day:week"})
	if weeks[0]["day:week"] != "W47 2024" {
		t.Errorf("week label: got %v, want W47 2024", weeks[0]["day:week"])
	}
}

func TestReadGroupLazyAndAggregates(t *testing.T) {
	fx := newFixture(t)
	items := fx.env.Model("test.search.item")
	lazy := items.ReadGroup(nil, []string{"count"}, []string{"state", "tag_id"})
	ctx, _ := lazy[0]["__context"].(orm.Ctx)
	if !reflect.DeepEqual(ctx["group_by"], []string{"tag_id"}) {
		t.Errorf("lazy __context: got %v, want group_by [tag_id]", lazy[0]["__context"])
	}
	if _, ok := lazy[0]["tag_id"]; ok {
		t.Errorf("lazy group has a tag_id key: %v", lazy[0])
	}
	eager := items.ReadGroup(nil, []string{"count"}, []string{"state", "tag_id"}, orm.Lazy(false))
	if _, ok := eager[0]["__count"]; !ok || len(eager) != 4 {
		t.Errorf("non-lazy: got %d groups %v, want 4 with __count", len(eager), eager)
	}
	all := items.ReadGroup(nil, []string{"count:max", "total:sum(amount)", "n:count_distinct(state)",
		"any:bool_or(flag)", "low:min(count)", "mean:avg(count)", "__count"}, nil)
	g := all[0]
	want := map[string]any{"__count": int64(5), "count": int64(10), "total": 101.0, "n": int64(2), "any": true,
		"low": int64(-2), "mean": 11.0 / 4}
	for k, v := range want {
		if !reflect.DeepEqual(g[k], v) {
			t.Errorf("%s: got %v (%T), want %v", k, g[k], g[k], v)
		}
	}
}

func TestReadGroupBadInput(t *testing.T) {
	fx := newFixture(t)
	items := fx.env.Model("test.search.item")
	cases := []struct {
		name           string
		fields, groups []string
		order          string
		bad            string
	}{
		{"unknown groupby", nil, []string{"nmae"}, "", "nmae"},
		{"unknown field", []string{"amout"}, []string{"state"}, "", "amout"},
		{"unknown aggregate", []string{"amount:median"}, []string{"state"}, "", "amount"},
		{"granularity on char", nil, []string{"name:month"}, "", "name"},
		{"bad granularity", nil, []string{"day:decade"}, "", "day"},
		{"order not grouped", nil, []string{"state"}, "name", "name"},
		{"order direction", nil, []string{"state"}, "state sideways", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var before, after int
			err := fx.env.Catch(func() {
				before = fx.env.QueryCount()
				defer func() { after = fx.env.QueryCount() }()
				items.ReadGroup(nil, tc.fields, tc.groups, orm.Order(tc.order))
			})
			var ve *orm.ValidationError
			if !errors.As(err, &ve) || ve.Field != tc.bad {
				t.Fatalf("got %v, want a ValidationError naming %q", err, tc.bad)
			}
			if after != before {
				t.Errorf("%d statements sent before the error, want 0", after-before)
			}
		})
	}
}

// TestReadGroupMany2manyLeavesOutRuleHiddenRecords: grouping by a many2many
// for a user whom record rules hide some of the comodel's records leaves
// out the groups of the hidden records and returns the others, as Odoo 18
// (which joins the relation on the comodel's rule query); a record whose
// every line is hidden falls in the empty group, which its __domain finds.
func TestReadGroupMany2manyLeavesOutRuleHiddenRecords(t *testing.T) {
	env := testdb.Env(t)
	tags := env.Model("res.partner.category")
	open := tags.Create(orm.Values{"name": "RG Open"})
	secret := tags.Create(orm.Values{"name": "RG Secret"})
	partners := env.Model("res.partner")
	partners.Create(orm.Values{"name": "RG Both", "category_id": []int64{open.ID(), secret.ID()}})
	partners.Create(orm.Values{"name": "RG Secret Only", "category_id": []int64{secret.ID()}})
	partners.Create(orm.Values{"name": "RG None"})
	model := env.Model("ir.model").Search("[('model', '=', 'res.partner.category')]")
	env.Model("ir.rule").Create(orm.Values{"name": "no secret tags", "model_id": model.ID(),
		"domain_force": "[('name', '!=', 'RG Secret')]", "groups": []int64{env.Ref("base.group_user").ID()}})
	employee := newUser(t, env, "rg_employee", "base.group_user")

	dom := "[('name', 'like', 'RG ')]"
	mine := partners.WithUser(employee)
	var groups []orm.Values
	if err := env.Catch(func() { groups = mine.ReadGroup(dom, nil, []string{"category_id"}) }); err != nil {
		t.Fatalf("ReadGroup as the employee: %v", err)
	}
	got := map[string]int64{}
	for _, g := range groups {
		name := "False"
		if v, ok := g["category_id"].([2]any); ok {
			name = v[1].(string)
		}
		got[name] = g["category_id_count"].(int64)
		if n := mine.SearchCount(g["__domain"]); int64(n) != got[name] {
			t.Errorf("group %s: Search(__domain) found %d, count %d", name, n, got[name])
		}
	}
	want := map[string]int64{"RG Open": 1, "False": 2}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("employee's groups: got %v, want %v", got, want)
	}
	if n := mine.Search(`[('category_id', '=', False), ('name', 'like', 'RG ')]`).Len(); n != 2 {
		t.Errorf("employee's partners without a visible tag: got %d, want 2", n)
	}
	// the superuser sees every group
	all := map[string]int64{}
	for _, g := range partners.ReadGroup(dom, nil, []string{"category_id"}) {
		if v, ok := g["category_id"].([2]any); ok {
			all[v[1].(string)] = g["category_id_count"].(int64)
		}
	}
	if want := map[string]int64{"RG Open": 1, "RG Secret": 2}; !reflect.DeepEqual(all, want) {
		t.Errorf("superuser's groups: got %v, want %v", all, want)
	}
}
