package orm_test

import (
	"errors"
	"strings"
	"testing"

	"odsh/domain"
	"odsh/orm"
)

// TestSearchBadInput: bad domains and orders are refused with a
// ValidationError naming the culprit, before any statement is sent.
func TestSearchBadInput(t *testing.T) {
	fx := newFixture(t)
	cases := []struct {
		model, dom, order, field string
	}{
		{"test.search.item", `[('nmae', '=', 'x')]`, "", "nmae"},
		{"test.search.item", `[('tag_id.nmae', '=', 'x')]`, "", "nmae"},
		{"test.search.item", `[('tag_id.parent_id.nope', '=', 1)]`, "", "nope"},
		{"test.search.item", `[('name.x', '=', 'x')]`, "", "name.x"},
		{"test.search.item", `[('name', 'resembles', 'x')]`, "", ""},
		{"test.search.item", `[('name', '=')]`, "", ""},
		{"test.search.item", `[('name', '=', 'x'`, "", ""},
		{"test.search.item", `['&', ('name', '=', 'x')]`, "", ""},
		{"test.search.item", `[('count', '=', 'many')]`, "", "count"},
		{"test.search.item", `[('count', 'in', [1, 'two'])]`, "", "count"},
		{"test.search.item", `[('day', '>', 'yesterday')]`, "", "day"},
		{"test.search.item", `[('amount', 'any', [('x', '=', 1)])]`, "", "amount"},
		{"test.search.item", `[('tag_id', 'any', [('nope', '=', 1)])]`, "", "nope"},
		{"test.search.item", `[('data', 'ilike', 'x')]`, "", "data"},
		{"test.search.item", `[('count', 'child_of', 1)]`, "", "count"},
		{"test.search.noname", `[('id', 'child_of', 'root')]`, "", "id"},
		{"test.search.item", `[('tag_id', 'child_of', 'Alpha'), ('nope', '=', 1)]`, "", "nope"},
		{"test.search.item", ``, "nmae desc", "nmae"},
		{"test.search.item", ``, "name sideways", ""},
		{"test.search.item", ``, "tag_id.name", "tag_id.name"},
		{"test.search.item", ``, "name,", ""},
		{"test.search.item", ``, "display_name", "display_name"},
	}
	for _, tc := range cases {
		t.Run(tc.dom+tc.order, func(t *testing.T) {
			var before, after int
			err := fx.env.Catch(func() {
				before = fx.env.QueryCount()
				defer func() { after = fx.env.QueryCount() }()
				var opts []orm.SearchOpt
				if tc.order != "" {
					opts = append(opts, orm.Order(tc.order))
				}
				fx.env.Model(tc.model).Search(tc.dom, opts...)
			})
			var ve *orm.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("got %v, want a ValidationError", err)
			}
			if tc.field != "" && ve.Field != tc.field {
				t.Errorf("error names field %q, want %q (%v)", ve.Field, tc.field, err)
			}
			if after != before {
				t.Errorf("%d statements sent before the error, want 0", after-before)
			}
		})
	}
}

// TestSearchListNormalizesToIn: = with a list is in, != with a list not in.
func TestSearchListNormalizesToIn(t *testing.T) {
	fx := newFixture(t)
	items := fx.env.Model("test.search.item")
	eq := items.Search(domain.Cond("count", "=", []int{3, 10}))
	in := items.Search(`[('count', 'in', [3, 10])]`)
	if !eq.Equal(in) || eq.Len() != 2 {
		t.Errorf("= [3, 10]: got %v, want %v", eq, in)
	}
}

// TestSearchQueryCount: with nothing pending, Search and SearchCount send
// exactly one statement; pending writes are flushed first.
func TestSearchQueryCount(t *testing.T) {
	fx := newFixture(t)
	items := fx.env.Model("test.search.item")
	fx.env.FlushAll()
	for _, dom := range []string{`[('name', 'ilike', 'a')]`, `[('tag_id.name', '=', 'Alpha')]`,
		`[('line_ids.qty', '>', 1), ('tag_ids', '!=', False)]`, `[('tag_id', 'child_of', 1)]`} {
		n := fx.env.QueryCount()
		items.Search(dom, orm.Order("tag_id desc, name"), orm.Limit(3))
		if got := fx.env.QueryCount() - n; got != 1 {
			t.Errorf("Search(%s): %d statements, want 1", dom, got)
		}
		n = fx.env.QueryCount()
		items.SearchCount(dom)
		if got := fx.env.QueryCount() - n; got != 1 {
			t.Errorf("SearchCount(%s): %d statements, want 1", dom, got)
		}
	}
	fx.items["apple"].Write(orm.Values{"name": "Zapple"})
	if got := items.Search(`[('name', '=', 'Zapple')]`); !got.Equal(fx.items["apple"]) {
		t.Errorf("search after a pending write: got %v, want %v", got, fx.items["apple"])
	}
}

// TestSearchOrder: orders, limits and offsets, with NULL placement and
// many2one by the comodel's order; Sorted gives the same orders.
func TestSearchOrder(t *testing.T) {
	fx := newFixture(t)
	items := fx.env.Model("test.search.item")
	all := items.Search(nil)
	cases := []struct{ order, want string }{
		{"", "blank apple cherry banana empty"},
		{"name", "blank apple cherry banana empty"},
		{"name desc", "empty banana cherry apple blank"},
		{"name asc nulls first", "empty blank apple cherry banana"},
		{"name desc nulls last", "banana cherry apple blank empty"},
		{"count desc, name", "empty cherry apple blank banana"},
		{"count", "banana blank apple cherry empty"},
		{"flag desc, id", "apple empty blank banana cherry"},
		{"tag_id, id", "apple banana cherry empty blank"},
		{"tag_id desc, id", "empty blank cherry banana apple"},
		{"tag_id nulls first, id", "empty blank apple banana cherry"},
		{"tag_id desc nulls last, id", "cherry banana apple empty blank"},
		{"day desc, id", "empty blank banana apple cherry"},
		{"moment, id", "cherry apple banana empty blank"},
		{"parent_id, id", "banana cherry empty blank apple"},
		{"state, amount desc", "banana cherry apple empty blank"},
	}
	for _, tc := range cases {
		t.Run(tc.order, func(t *testing.T) {
			want := tc.want
			got := items.Search(nil, orm.Order(tc.order))
			if g := strings.Join(fx.ordered(got), " "); g != want {
				t.Errorf("Search: got %s, want %s", g, want)
			}
			sorted := all.Sorted(tc.order)
			if g := strings.Join(fx.ordered(sorted), " "); g != want {
				t.Errorf("Sorted: got %s, want %s", g, want)
			}
			page := items.Search(nil, orm.Order(tc.order), orm.Offset(1), orm.Limit(2))
			if g, w := strings.Join(fx.ordered(page), " "), strings.Join(strings.Fields(want)[1:3], " "); g != w {
				t.Errorf("offset 1 limit 2: got %s, want %s", g, w)
			}
		})
	}
	if n := items.SearchCount(nil, orm.Limit(2)); n != 2 {
		t.Errorf("SearchCount limit 2: got %d", n)
	}
	less := all.Sorted(func(a, b orm.Recordset) bool { return a.Int("count") > b.Int("count") })
	if g := fx.ordered(less)[0]; g != "cherry" {
		t.Errorf("Sorted(func): first %s, want cherry", g)
	}
}

// ordered returns the fixture keys of rs in order.
func (fx *fixture) ordered(rs orm.Recordset) []string {
	byID := map[int64]string{}
	for k, r := range fx.items {
		byID[r.ID()] = k
	}
	out := []string{}
	for _, id := range rs.IDs() {
		out = append(out, byID[id])
	}
	return out
}

// "ordering by a many2one orders by the comodel's _order (res.country: by
// name)".
func TestRuleOrderByMany2oneUsesComodelOrder(t *testing.T) {
	env, m := rulesEnv(t)
	be, fr, de := env.Ref("base.be"), env.Ref("base.fr"), env.Ref("base.de")
	ps := env.Model("res.partner").Create(orm.Values{"name": "p-fr", "country_id": fr.ID()},
		orm.Values{"name": "p-be", "country_id": be.ID()}, orm.Values{"name": "p-de", "country_id": de.ID()})
	got := env.Model("res.partner").Search([]any{[]any{"id", "in", ps.IDs()}}, orm.Order("country_id"))
	if n := names(got); !sameStrings(n, []string{"p-be", "p-fr", "p-de"}) { // Belgium, France, Germany
		t.Errorf("order by country_id: got %v, want by country name", n)
	}
	_ = m
}
