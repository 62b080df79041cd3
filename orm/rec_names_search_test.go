package orm_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"odsh/addons/base"
	"odsh/orm"
)

// Odoo: "name_search searches _rec_names_search fields (OR, AND for
// negative ops) or _rec_name"; many2one/x2many names reuse it.
func TestRecNamesSearch(t *testing.T) {
	env := sweepEnv(t)
	contacts := env.Model("test.sweep.contact")
	ann := contacts.Create(orm.Values{"name": "Ann", "email": "ann@acme.test", "ref": "C1"})
	bob := contacts.Create(orm.Values{"name": "Bob", "email": "bob@other.test", "ref": "ACME-2"})
	cid := contacts.Create(orm.Values{"name": "Cid"})
	ids := func(pairs [][2]any) []int64 {
		var out []int64
		for _, p := range pairs {
			out = append(out, p[0].(int64))
		}
		return out
	}
	for _, tc := range []struct {
		name, op string
		want     []int64
	}{
		{"acme", "ilike", []int64{ann.ID(), bob.ID()}},
		{"C1", "=", []int64{ann.ID()}},
		{"acme", "not ilike", []int64{cid.ID()}},
		{"Bob", "!=", []int64{ann.ID(), cid.ID()}},
		{"", "ilike", []int64{ann.ID(), bob.ID(), cid.ID()}},
	} {
		t.Run(tc.op+" "+tc.name, func(t *testing.T) {
			if got := ids(contacts.NameSearch(tc.name, nil, tc.op, 0)); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
	deals := env.Model("test.sweep.deal")
	d1 := deals.Create(orm.Values{"name": "d1", "contact_id": ann.ID(), "contact_ids": []int64{ann.ID(), cid.ID()}})
	d2 := deals.Create(orm.Values{"name": "d2", "contact_id": bob.ID(), "contact_ids": []int64{bob.ID()}})
	d3 := deals.Create(orm.Values{"name": "d3"})
	for _, tc := range []struct {
		dom  string
		want []int64
	}{
		{"[('contact_id', 'ilike', 'acme')]", []int64{d1.ID(), d2.ID()}},
		{"[('contact_id', '=', 'C1')]", []int64{d1.ID()}},
		{"[('contact_id', 'not ilike', 'other.test')]", []int64{d1.ID(), d3.ID()}},
		{"[('contact_ids', 'ilike', 'ACME-2')]", []int64{d2.ID()}},
		{"[('contact_ids', 'not ilike', 'acme')]", []int64{d3.ID()}},
		{"[('contact_id', '!=', 'C1')]", []int64{d2.ID(), d3.ID()}},
		{"[('contact_id', 'in', ['C1', 'bob@other.test'])]", []int64{d1.ID(), d2.ID()}},
		{"[('contact_id', 'not in', ['ACME-2', 'Cid'])]", []int64{d1.ID(), d3.ID()}},
		{"[('contact_ids', '=', 'ann@acme.test')]", []int64{d1.ID()}},
		{"[('contact_ids', '!=', 'ACME-2')]", []int64{d1.ID(), d3.ID()}},
		{"[('contact_ids', 'not in', ['C1'])]", []int64{d2.ID(), d3.ID()}},
		{"[('contact_ids.email', 'ilike', 'acme')]", []int64{d1.ID()}},
	} {
		// Search, and FilteredDomain in memory, match every name field.
		t.Run(tc.dom, func(t *testing.T) {
			if got := deals.Search(tc.dom).IDs(); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Search: got %v, want %v", got, tc.want)
			}
			if got := deals.Search(nil).FilteredDomain(tc.dom).IDs(); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("FilteredDomain: got %v, want %v", got, tc.want)
			}
		})
	}
}

// res.partner searches its name, email, ref and vat, as Odoo's
// _rec_names_search (complete_name, email, ref, vat, company_registry).
func TestPartnerNameSearchFields(t *testing.T) {
	env := sweepEnv(t)
	partners := env.Model("res.partner")
	p := partners.Create(orm.Values{"name": "Zed Works", "email": "zz@zed-sweep.test", "ref": "ZREF-77", "vat": "BE0477472701"})
	for _, name := range []string{"Zed Works", "zed-sweep.test", "ZREF-77", "BE0477472701"} {
		if got := partners.NameSearch(name, nil, "ilike", 0); len(got) != 1 || got[0][0] != p.ID() {
			t.Errorf("name_search %q: got %v, want [%d]", name, got, p.ID())
		}
	}
}

// A _rec_names_search naming an unknown field is a setup error.
func TestRecNamesSearchUnknownField(t *testing.T) {
	bad := &orm.Addon{Name: "test_bad_names", Models: []orm.ModelDef{{
		Name: "test.bad.names", RecNamesSearch: []string{"name", "nope"},
		Fields: []*orm.FieldDef{orm.Char("name")},
	}}}
	_, err := orm.NewRegistryFrom([]*orm.Addon{base.Addon, bad})
	if err == nil || !strings.Contains(err.Error(), `unknown field "nope"`) {
		t.Fatalf("got %v, want an error naming the unknown field", err)
	}
}

// TestSearchDisplayNameEveryModel: display_name is searchable on every
// model with a rec name (Odoo 18's _search_display_name through the
// rec-name fields); a model without one is refused with a ValidationError
// (Odoo matches everything). FilteredDomain compares the display name
// itself, as Odoo's filtered_domain does.
func TestSearchDisplayNameEveryModel(t *testing.T) {
	env := sweepEnv(t)
	contacts := env.Model("test.sweep.contact")
	ann := contacts.Create(orm.Values{"name": "Ann", "email": "ann@alpha.test"})
	bob := contacts.Create(orm.Values{"name": "Alphonse", "ref": "B"})
	cid := contacts.Create(orm.Values{"name": "Cid"})
	all := ann.Union(bob, cid)
	for _, tc := range []struct {
		dom  string
		want []int64
	}{
		{"[('display_name', 'ilike', 'alph')]", []int64{ann.ID(), bob.ID()}},
		{"[('display_name', 'not ilike', 'alph')]", []int64{cid.ID()}},
		{"[('display_name', '=', 'B')]", []int64{bob.ID()}},
	} {
		got := contacts.Search(tc.dom).Intersect(all).Sorted("id").IDs()
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("search %s: got %v, want %v", tc.dom, got, tc.want)
		}
	}
	partners := env.Model("res.partner")
	acme := partners.Create(orm.Values{"name": "Alpha Corp", "is_company": true})
	if got := partners.Search("[('display_name', 'ilike', 'alpha corp')]").IDs(); !reflect.DeepEqual(got, []int64{acme.ID()}) {
		t.Errorf("res.partner display_name ilike: got %v, want [%d]", got, acme.ID())
	}
	senv := searchEnv(t)
	err := senv.Catch(func() { senv.Model("test.search.noname").Search("[('display_name', 'ilike', 'x')]") })
	var ve *orm.ValidationError
	if !errors.As(err, &ve) || ve.Field != "display_name" {
		t.Errorf("display_name on a model without rec name: got %v, want a ValidationError on display_name", err)
	}
}
