package orm_test

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"odsh/orm"
)

// groupSummary is "value:count" per group, in order; each group's
// __domain must find exactly its records, and the groups all records.
func groupSummary(t *testing.T, rs orm.Recordset, fields, groupby []string, opts ...orm.SearchOpt) string {
	t.Helper()
	groups := rs.ReadGroup(nil, fields, groupby, append(opts, orm.Lazy(false))...)
	var out []string
	total := 0
	for _, g := range groups {
		n := int(g["__count"].(int64))
		total += n
		v := g[groupby[0]]
		if pair, ok := v.([2]any); ok {
			v = pair[1]
		}
		out = append(out, fmt.Sprintf("%v:%d", v, n))
		if found := rs.Search(g["__domain"]); found.Len() != n {
			t.Errorf("%s group %v: Search(__domain %v) found %d, count %d", rs.Env().Lang(), v, g["__domain"], found.Len(), n)
		}
	}
	if all := rs.SearchCount(nil); total != all {
		t.Errorf("groups count %d records, want %d", total, all)
	}
	return strings.Join(out, " ")
}

// TestReadGroupTranslated groups by a translated Char in two languages:
// by the text in the env's language, en_US when it has none.
func TestReadGroupTranslated(t *testing.T) {
	env := i18nEnv(t)
	items := env.Model("test.i18n.item")
	for _, fx := range []struct{ en, fr any }{
		{"Apple", "Pomme"}, {"Apple", nil}, {"Pear", "Poire"}, {"Pomme", nil}, {"Plum", ""}, {false, nil}, {"", nil},
	} {
		rec := items.Create(orm.Values{"name": fx.en, "code": "x"})
		if fx.fr != nil {
			inLang(rec, "fr_FR").Write(orm.Values{"name": fx.fr})
		}
	}
	fr := inLang(items, "fr_FR")
	cases := []struct {
		rs    orm.Recordset
		order string
		want  string
	}{
		{items, "", "Apple:2 Pear:1 Plum:1 Pomme:1 <nil>:2"},
		{fr, "", "Apple:1 Poire:1 Pomme:2 <nil>:3"},
		{fr, "name desc", "<nil>:3 Pomme:2 Poire:1 Apple:1"},
		{fr, "__count desc, name", "<nil>:3 Pomme:2 Apple:1 Poire:1"},
	}
	for _, tc := range cases {
		t.Run(tc.rs.Env().Lang()+"/"+tc.order, func(t *testing.T) {
			if got := groupSummary(t, tc.rs, nil, []string{"name"}, orm.Order(tc.order)); got != tc.want {
				t.Errorf("got %s, want %s", got, tc.want)
			}
		})
	}
	// grouped by another field, the translated texts aggregate in the env's language
	for lang, want := range map[string][]any{"en_US": {"", "Apple", "Apple", "Pear", "Plum", "Pomme", nil}, "fr_FR": {"", "Apple", "", "Pomme", "Poire", "Pomme", nil}} {
		g := inLang(items, lang).ReadGroup(nil, []string{"names:array_agg(name)", "n:count_distinct(name)"}, []string{"code"})
		if got := g[0]["names"]; fmt.Sprint(got) != fmt.Sprint(want) && !sameElems(got, want) {
			t.Errorf("%s array_agg: got %v, want %v (any order)", lang, got, want)
		}
	}
	// in lazy mode too, and the count key is the field's
	lazy := fr.ReadGroup(nil, nil, []string{"name", "code"})
	if lazy[0]["name"] != "Apple" || lazy[0]["name_count"] != int64(1) {
		t.Errorf("lazy first group: got %v", lazy[0])
	}
}

func sameElems(a any, b []any) bool {
	x, ok := a.([]any)
	if !ok || len(x) != len(b) {
		return false
	}
	seen := map[string]int{}
	for _, v := range x {
		seen[fmt.Sprint(v)]++
	}
	for _, v := range b {
		seen[fmt.Sprint(v)]--
	}
	for _, n := range seen {
		if n != 0 {
			return false
		}
	}
	return true
}

// TestReadGroupCompanyDependent groups by and aggregates
// company-dependent fields for two companies.
func TestReadGroupCompanyDependent(t *testing.T) {
	a, b, _, _ := companyEnvs(t)
	kept := a.Model("test.i18n.item").Create(orm.Values{"name": "Kept"})
	zed := a.Model("test.i18n.item").Create(orm.Values{"name": "Zed"})
	inLang(zed, "fr_FR").Write(orm.Values{"name": "Abricot"}) // orders first in fr_FR
	props := a.Model("test.i18n.prop")
	p1 := props.Create(orm.Values{"name": "p1", "level": 1, "note": "x", "flag": true, "item_id": zed.ID()})
	p2 := props.Create(orm.Values{"name": "p2", "level": 0, "item_id": kept.ID()})
	props.Create(orm.Values{"name": "p3"}) // default 7 everywhere, nothing else
	p1.WithEnv(b).Write(orm.Values{"level": 5, "note": "", "item_id": kept.ID()})
	p2.WithEnv(b).Write(orm.Values{"level": 5, "flag": true, "note": "y"})
	cases := []struct {
		env     *orm.Env
		lang    string
		groupby string
		order   string
		want    string
	}{
		{a, "", "level", "", "0:1 1:1 7:1"},
		{b, "", "level", "", "5:2 7:1"},
		{b, "", "level", "level desc", "7:1 5:2"},
		{a, "", "note", "", "x:1 <nil>:2"},
		{b, "", "note", "", "y:1 <nil>:2"},
		{a, "", "flag", "", "false:2 true:1"},
		{b, "", "flag", "", "false:2 true:1"},
		{a, "", "item_id", "", "Kept:1 Zed:1 <nil>:1"},
		{b, "", "item_id", "", "Kept:1 <nil>:2"},
		{a, "", "item_id", "item_id desc", "<nil>:1 Zed:1 Kept:1"},
		{a, "fr_FR", "item_id", "", "Abricot:1 Kept:1 <nil>:1"}, // the comodel's order in fr_FR
		{a, "fr_FR", "item_id", "item_id desc", "<nil>:1 Kept:1 Abricot:1"},
		{b, "fr_FR", "level", "", "5:2 7:1"},
	}
	for _, tc := range cases {
		t.Run(fmt.Sprintf("%d/%s/%s/%s", tc.env.Company().ID(), tc.lang, tc.groupby, tc.order), func(t *testing.T) {
			tc.env.InvalidateAll() // display_name is cached whatever the language
			rs := tc.env.Model("test.i18n.prop")
			if tc.lang != "" {
				rs = inLang(rs, tc.lang)
			}
			if got := groupSummary(t, rs, nil, []string{tc.groupby}, orm.Order(tc.order)); got != tc.want {
				t.Errorf("got %s, want %s", got, tc.want)
			}
		})
	}
	// aggregates: plain numeric field (sum), explicit functions, ordering by them
	for _, tc := range []struct {
		env  *orm.Env
		want map[string]any
	}{
		{a, map[string]any{"level": int64(8), "hi": int64(7), "on": true, "n": int64(1)}},
		{b, map[string]any{"level": int64(17), "hi": int64(7), "on": true, "n": int64(2)}},
	} {
		g := tc.env.Model("test.i18n.prop").ReadGroup(nil, []string{"level", "hi:max(level)", "on:bool_or(flag)", "n:count_distinct(note)"}, nil)
		got := map[string]any{}
		for k := range tc.want {
			got[k] = g[0][k]
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("company %d aggregates: got %v, want %v", tc.env.Company().ID(), got, tc.want)
		}
	}
	byName := b.Model("test.i18n.prop").ReadGroup(nil, []string{"level"}, []string{"name"}, orm.Order("level desc, name"))
	var names []string
	for _, g := range byName {
		names = append(names, fmt.Sprintf("%v=%v", g["name"], g["level"]))
	}
	if got := strings.Join(names, " "); got != "p3=7 p1=5 p2=5" {
		t.Errorf("company B, by name ordered by sum(level) desc: got %s, want p3=7 p1=5 p2=5", got)
	}
}
