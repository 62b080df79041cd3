package orm_test

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"odsh/orm"
)

func sortStrings(s []string) { sort.Strings(s) }

// operatorCases are conditions on test.search.item with the fixture items
// they select (archived items hidden), following Odoo 18's NULL rules.
var operatorCases = []struct{ dom, want string }{
	// char
	{`[('name', '=', False)]`, "blank empty"},
	{`[('name', '!=', False)]`, "apple banana cherry"},
	{`[('name', '=', 'Apple')]`, "apple"},
	{`[('name', '!=', 'Apple')]`, "banana blank cherry empty"},
	{`[('name', '<>', 'Apple')]`, "banana blank cherry empty"},
	{`[('name', 'ilike', 'AN')]`, "banana"},
	{`[('name', 'ilike', '')]`, "apple banana blank cherry empty"},
	{`[('name', 'not ilike', '')]`, ""},
	{`[('name', 'not ilike', 'an')]`, "apple blank cherry empty"},
	{`[('name', 'like', 'A')]`, "apple"},
	{`[('name', 'not like', 'A')]`, "banana blank cherry empty"},
	{`[('name', 'like', '')]`, "apple banana blank cherry empty"},
	{`[('name', '=like', 'A%')]`, "apple"},
	{`[('name', '=ilike', 'a%')]`, "apple"},
	{`[('name', '=like', '')]`, "blank"},
	{`[('name', 'in', ['Apple', False])]`, "apple blank empty"},
	{`[('name', 'in', ['Apple', ''])]`, "apple blank empty"},
	{`[('name', 'not in', ['Apple', False])]`, "banana cherry"},
	{`[('name', 'not in', ['Apple'])]`, "banana blank cherry empty"},
	{`[('name', 'in', [])]`, ""},
	{`[('name', 'not in', [])]`, "apple banana blank cherry empty"},
	{`[('name', '=?', False)]`, "apple banana blank cherry empty"},
	{`[('name', '=?', 'Apple')]`, "apple"},
	{`[('name', '<', 'B')]`, "apple blank"},
	{`[('name', '>=', 'a')]`, "banana"},
	{`[('name', '=', ['Apple', 'Cherry'])]`, "apple cherry"},
	// text, html
	{`[('note', 'ilike', 'RED')]`, "apple"},
	{`[('note', '=', False)]`, "blank cherry empty"},
	{`[('note', '!=', 'yellow')]`, "apple blank cherry empty"},
	{`[('body', '!=', False)]`, "apple"},
	// integer
	{`[('count', '=', 0)]`, "blank empty"},
	{`[('count', '=', False)]`, "blank empty"},
	{`[('count', '!=', 0)]`, "apple banana cherry"},
	{`[('count', '!=', False)]`, "apple banana cherry"},
	{`[('count', '!=', 3)]`, "banana blank cherry empty"},
	{`[('count', '<', 1)]`, "banana blank empty"},
	{`[('count', '<=', 0)]`, "banana blank empty"},
	{`[('count', '>', 0)]`, "apple cherry"},
	{`[('count', '>=', -2)]`, "apple banana blank cherry empty"},
	{`[('count', 'in', [3, 10])]`, "apple cherry"},
	{`[('count', '=', [3, 10])]`, "apple cherry"},
	{`[('count', '!=', [3, 10])]`, "banana blank empty"},
	{`[('count', 'in', [0])]`, "blank empty"},
	{`[('count', 'not in', [0, 3])]`, "banana cherry"},
	{`[('count', 'not in', [3])]`, "banana blank cherry empty"},
	{`[('count', 'like', '1')]`, "cherry"},
	{`[('count', '=?', 0)]`, "blank empty"},
	// float
	{`[('amount', '=', 0)]`, "blank empty"},
	{`[('amount', '=', 1.5)]`, "apple"},
	{`[('amount', '>', 1)]`, "apple cherry"},
	{`[('amount', '<=', 0)]`, "banana blank empty"},
	{`[('amount', '<', 0.0)]`, "banana"},
	{`[('weight', '=', 2.25)]`, "apple"},
	{`[('weight', '=', False)]`, "banana blank cherry empty"},
	// boolean
	{`[('flag', '=', True)]`, "apple"},
	{`[('flag', '=', False)]`, "banana blank cherry empty"},
	{`[('flag', '!=', True)]`, "banana blank cherry empty"},
	{`[('flag', '!=', False)]`, "apple"},
	{`[('flag', 'in', [False])]`, "banana blank cherry empty"},
	{`[('flag', 'in', [True, False])]`, "apple banana blank cherry empty"},
	{`[('flag', 'not in', [True])]`, "banana blank cherry empty"},
	// selection
	{`[('state', '=', 'draft')]`, "apple cherry"},
	{`[('state', '!=', 'draft')]`, "banana blank empty"},
	{`[('state', '=', False)]`, "blank empty"},
	{`[('state', 'in', ['done', False])]`, "banana blank empty"},
	{`[('state', 'not in', ['done', False])]`, "apple cherry"},
	{`[('state', 'ilike', 'DRA')]`, "apple cherry"},
	// date
	{`[('day', '=', '2024-03-10')]`, "apple"},
	{`[('day', '>', '2024-01-01')]`, "apple banana"},
	{`[('day', '<', '2024-01-01')]`, "cherry"},
	{`[('day', '>=', '2024-03-10')]`, "apple banana"},
	{`[('day', '<=', '2024-03-10')]`, "apple cherry"},
	{`[('day', '=', False)]`, "blank empty"},
	{`[('day', '!=', False)]`, "apple banana cherry"},
	{`[('day', '!=', '2024-03-10')]`, "banana blank cherry empty"},
	{`[('day', 'in', ['2024-03-10', '2023-01-01'])]`, "apple cherry"},
	{`[('day', '<', False)]`, ""},
	// datetime: a date-only string is the start of its day for >= and <,
	// its end for <= and >
	{`[('moment', '<=', '2024-11-22')]`, "apple banana cherry"},
	{`[('moment', '<', '2024-11-22')]`, "apple cherry"},
	{`[('moment', '>', '2024-03-10')]`, "banana"},
	{`[('moment', '>=', '2024-03-10')]`, "apple banana"},
	{`[('moment', '=', '2024-03-10 08:30:00')]`, "apple"},
	{`[('moment', '=', False)]`, "blank empty"},
	{`[('moment', '>', '2024-11-22 23:59:58')]`, "banana"},
	// binary
	{`[('data', '!=', False)]`, "apple"},
	{`[('data', '=', False)]`, "banana blank cherry empty"},
	// id
	{`[('id', '=', False)]`, ""},
	{`[('id', '!=', False)]`, "apple banana blank cherry empty"},
	// many2one
	{`[('tag_id', '=', False)]`, "blank empty"},
	{`[('tag_id', '!=', False)]`, "apple banana cherry"},
	{`[('tag_id', '=', TAG_a)]`, "apple"},
	{`[('tag_id', 'in', [TAG_a, TAG_a1])]`, "apple banana"},
	{`[('tag_id', 'in', [TAG_a, False])]`, "apple blank empty"},
	{`[('tag_id', '!=', TAG_a)]`, "banana blank cherry empty"},
	{`[('tag_id', 'not in', [TAG_a])]`, "banana blank cherry empty"},
	{`[('tag_id', 'not in', [TAG_a, False])]`, "banana cherry"},
	{`[('tag_id', 'in', [])]`, ""},
	{`[('tag_id', 'not in', [])]`, "apple banana blank cherry empty"},
	{`[('tag_id', '=?', False)]`, "apple banana blank cherry empty"},
	{`[('tag_id', '=', 'Alpha')]`, "apple"},
	{`[('tag_id', 'ilike', 'alpha')]`, "apple banana"},
	{`[('tag_id', 'not ilike', 'alpha')]`, "blank cherry empty"},
	{`[('tag_id', '!=', 'Alpha')]`, "banana blank cherry empty"},
	{`[('tag_id', 'in', ['Alpha', 'Old'])]`, "apple cherry"},
	{`[('tag_id', 'ilike', 'old')]`, "cherry"},
	{`[('tag_id.name', '=', 'Alpha')]`, "apple"},
	{`[('tag_id.name', '!=', 'Alpha')]`, "banana cherry"},
	{`['!', ('tag_id.name', '=', 'Alpha')]`, "banana blank cherry empty"},
	{`[('tag_id.parent_id.name', '=', 'Root')]`, "apple"},
	{`[('tag_id', 'any', [('sequence', '>', 1)])]`, "apple"},
	{`[('tag_id', 'not any', [('sequence', '>', 1)])]`, "banana blank cherry empty"},
	{`[('tag_id', 'child_of', TAG_root)]`, "apple banana"},
	{`[('tag_id', 'child_of', 'Alpha')]`, "apple banana"},
	{`[('tag_id', 'child_of', [TAG_a1, TAG_old])]`, "banana cherry"},
	{`[('tag_id', 'parent_of', TAG_a1)]`, "apple banana"},
	{`[('tag_id', 'child_of', [])]`, ""},
	{`[('tag_id', 'child_of', False)]`, ""},
	{`[('tag_id.parent_id', '=', False)]`, "cherry"},
	// many2many
	{`[('tag_ids', '=', False)]`, "blank cherry empty"},
	{`[('tag_ids', '!=', False)]`, "apple banana"},
	{`[('tag_ids', 'in', [TAG_b])]`, "apple"},
	{`[('tag_ids', '=', TAG_b)]`, "apple"},
	{`[('tag_ids', 'not in', [TAG_b])]`, "banana blank cherry empty"},
	{`[('tag_ids', '!=', TAG_b)]`, "banana blank cherry empty"},
	{`[('tag_ids', 'in', [TAG_b, False])]`, "apple blank cherry empty"},
	{`[('tag_ids', 'not in', [TAG_b, False])]`, "banana"},
	{`[('tag_ids', 'in', [])]`, ""},
	{`[('tag_ids', 'not in', [])]`, "apple banana blank cherry empty"},
	{`[('tag_ids', 'ilike', 'alpha')]`, "apple banana"},
	{`[('tag_ids', 'not ilike', 'alpha')]`, "blank cherry empty"},
	{`[('tag_ids', '=', 'Beta')]`, "apple"},
	{`[('tag_ids.name', '=', 'Beta')]`, "apple"},
	{`[('tag_ids.name', '!=', 'Beta')]`, "apple banana"},
	{`[('tag_ids', 'any', [('name', '=', 'Beta')])]`, "apple"},
	{`[('tag_ids', 'not any', [('name', '=', 'Beta')])]`, "banana blank cherry empty"},
	{`[('tag_ids', 'child_of', TAG_root)]`, "apple banana"},
	{`[('tag_ids', 'parent_of', TAG_a1)]`, "apple banana"},
	// one2many (archived lines excluded, except from explicit ids: Odoo takes them as given)
	{`[('line_ids', '=', False)]`, "blank cherry empty"},
	{`[('line_ids', '!=', False)]`, "apple banana"},
	{`[('line_ids', 'in', [LINE_l1])]`, "apple"},
	{`[('line_ids', 'not in', [LINE_l1])]`, "banana blank cherry empty"},
	{`[('line_ids', 'in', [LINE_off])]`, "cherry"},
	{`[('line_ids', 'not in', [LINE_off])]`, "apple banana blank empty"},
	{`[('line_ids.qty', '>', 2)]`, "apple"},
	{`[('line_ids.qty', '=', False)]`, "banana"},
	{`[('line_ids', 'any', [('qty', '<', 2)])]`, "apple banana"},
	{`[('line_ids', 'not any', [('qty', '<', 2)])]`, "blank cherry empty"},
	{`[('line_ids', 'ilike', 'sec')]`, "apple"},
	// parent hierarchy without parent_path
	{`[('id', 'child_of', ITEM_apple)]`, "apple banana cherry"},
	{`[('id', 'child_of', ITEM_banana)]`, "banana cherry"},
	{`[('parent_id', 'child_of', ITEM_banana)]`, "banana cherry"},
	{`[('id', 'parent_of', ITEM_cherry)]`, "apple banana cherry"},
	{`[('id', 'child_of', 'banana')]`, "banana cherry"},
	{`[('child_ids', 'in', [ITEM_banana])]`, "apple"},
	{`[('child_ids', '=', False)]`, "blank cherry empty"},
	// active field named: archived records are no longer hidden
	{`[('active', '=', False)]`, "archived"},
	{`[('active', 'in', [True, False])]`, "apple archived banana blank cherry empty"},
	{`[('count', '=', 1)]`, ""},
	// boolean combinations with NULLs
	{`['!', ('name', '=', 'Apple')]`, "banana blank cherry empty"},
	{`['!', ('code', 'ilike', 'a')]`, "banana blank cherry empty"},
	{`['|', ('count', '=', 3), ('name', '=', False)]`, "apple blank empty"},
	{`['&', ('count', '>', 0), '!', ('state', '=', 'done')]`, "apple cherry"},
	{`[(1, '=', 1)]`, "apple banana blank cherry empty"},
	{`[(0, '=', 1)]`, ""},
}

// substitute replaces TAG_x, LINE_x and ITEM_x by the fixture's ids.
func (fx *fixture) substitute(dom string) string {
	var pairs []string
	for k, r := range fx.tags {
		pairs = append(pairs, "TAG_"+k, fmt.Sprint(r.ID()))
	}
	for k, r := range fx.lines {
		pairs = append(pairs, "LINE_"+k, fmt.Sprint(r.ID()))
	}
	for k, r := range fx.items {
		pairs = append(pairs, "ITEM_"+k, fmt.Sprint(r.ID()))
	}
	// longest keys first, so TAG_a1 is not read as TAG_a followed by 1
	sortByLength(pairs)
	return strings.NewReplacer(pairs...).Replace(dom)
}

func sortByLength(pairs []string) {
	type kv struct{ k, v string }
	var kvs []kv
	for i := 0; i < len(pairs); i += 2 {
		kvs = append(kvs, kv{pairs[i], pairs[i+1]})
	}
	sort.Slice(kvs, func(i, j int) bool { return len(kvs[i].k) > len(kvs[j].k) })
	for i, p := range kvs {
		pairs[2*i], pairs[2*i+1] = p.k, p.v
	}
}

func TestSearchOperators(t *testing.T) {
	fx := newFixture(t)
	items := fx.env.Model("test.search.item")
	all := items.WithContext(orm.Ctx{"active_test": false}).Search(nil)
	for _, tc := range operatorCases {
		t.Run(tc.dom, func(t *testing.T) {
			dom := fx.substitute(tc.dom)
			var got orm.Recordset
			if err := items.Env().Catch(func() { got = items.Search(dom) }); err != nil {
				t.Fatalf("Search: %v", err)
			}
			if g := strings.Join(fx.keys(got), " "); g != tc.want {
				t.Errorf("Search: got %q, want %q", g, tc.want)
			}
			visible := all.WithContext(orm.Ctx{"active_test": true})
			if !strings.Contains(tc.dom, "'active'") {
				visible = visible.Filtered("active")
			}
			var mem orm.Recordset
			if err := visible.Env().Catch(func() { mem = visible.FilteredDomain(dom) }); err != nil {
				t.Fatalf("FilteredDomain: %v", err)
			}
			if g := strings.Join(fx.keys(mem), " "); g != tc.want {
				t.Errorf("FilteredDomain: got %q, want %q", g, tc.want)
			}
		})
	}
}
