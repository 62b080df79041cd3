package base_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"odsh/internal/testdb"
	"odsh/orm"
)

// TestPartnerZipHasNoSizeLimit: Odoo 18's zip is a Char without size, so a
// long postal code is stored whole (odsh truncated it to 24 characters).
func TestPartnerZipHasNoSizeLimit(t *testing.T) {
	env := testdb.Env(t)
	zip := strings.Repeat("1234567890", 4)
	p := env.Model("res.partner").Create(orm.Values{"name": "Far Away", "zip": zip})
	env.FlushAll()
	env.InvalidateAll()
	if got := p.Str("zip"); got != zip {
		t.Errorf("zip: got %q (%d characters), want the %d written", got, len(got), len(zip))
	}
	rows := env.Cr().Query(orm.SQLf(`SELECT format_type(atttypid, atttypmod) FROM pg_attribute
		WHERE attrelid = 'res_partner'::regclass AND attname = 'zip'`))
	if typ := rows[0][0]; typ != "character varying" {
		t.Errorf("res_partner.zip column: got %s, want character varying (no size)", typ)
	}
}

// TestPartnerCategoryCopyLeavesPartners: copying a tag does not copy its
// partners (Odoo 18: partner_ids is copy=False); the original keeps them.
func TestPartnerCategoryCopyLeavesPartners(t *testing.T) {
	env := testdb.Env(t)
	tag := env.Model("res.partner.category").Create(orm.Values{"name": "Copied Tag"})
	p := env.Model("res.partner").Create(orm.Values{"name": "Tagged", "category_id": []int64{tag.ID()}})
	dup := tag.Copy(nil)
	if got := dup.Rel("partner_ids"); got.Len() != 0 {
		t.Errorf("copy's partners: got %v, want none", got)
	}
	if got := tag.Rel("partner_ids"); !got.Equal(p) {
		t.Errorf("original's partners: got %v, want %v", got, p)
	}
	if got := p.Rel("category_id"); !got.Equal(tag) {
		t.Errorf("partner's tags: got %v, want only the original %v", got, tag)
	}
}

// TestPartnerContactRequiresName: Odoo 18's check_name constraint, CHECK(
// (type='contact' AND name IS NOT NULL) or (type!='contact') ): a contact
// needs a name, an address of another type does not; the ValidationError
// names res.partner.name with the constraint's message.
func TestPartnerContactRequiresName(t *testing.T) {
	env := testdb.Env(t)
	partners := env.Model("res.partner")
	wantNameErr := func(what string, err error) {
		t.Helper()
		var ve *orm.ValidationError
		if !errors.As(err, &ve) || ve.Model != "res.partner" || ve.Field != "name" || ve.Msg != "contacts require a name" {
			t.Errorf("%s: got %v, want ValidationError res.partner.name: contacts require a name", what, err)
		}
	}
	wantNameErr("create a nameless contact", env.Catch(func() { partners.Create(orm.Values{"email": "x@example.com"}); env.FlushAll() }))
	delivery := partners.Create(orm.Values{"type": "delivery", "street": "1 Main St"})
	env.FlushAll()
	wantNameErr("make a nameless address a contact", env.Catch(func() { delivery.Write(orm.Values{"type": "contact"}); env.FlushAll() }))
	named := partners.Create(orm.Values{"name": "Named"})
	wantNameErr("clear a contact's name", env.Catch(func() { named.Write(orm.Values{"name": false}); env.FlushAll() }))
	if got := named.Str("name"); got != "Named" {
		t.Errorf("name after the refused write: got %q, want Named", got)
	}
}

// TestPartnerCompleteNameAsOdoo: complete_name is stored and follows Odoo
// 18's _get_complete_name: "Company, Contact" with the commercial company
// (the nearest company up the parents) or the partner's own company_name,
// a nameless invoice/delivery/other address named after its type, the name
// alone otherwise; it follows renames up the chain, display_name is the
// same text, and partners are ordered by it (then newest first).
func TestPartnerCompleteNameAsOdoo(t *testing.T) {
	env := testdb.Env(t)
	partners := env.Model("res.partner")
	acme := partners.Create(orm.Values{"name": "Acme", "is_company": true})
	john := partners.Create(orm.Values{"name": "John", "parent_id": acme.ID()})
	jane := partners.Create(orm.Values{"name": "Jane", "parent_id": john.ID()})
	solo := partners.Create(orm.Values{"name": "Solo", "company_name": "YourCompany"})
	ship := partners.Create(orm.Values{"type": "delivery", "parent_id": acme.ID()})
	mom := partners.Create(orm.Values{"name": "Mom"})
	kid := partners.Create(orm.Values{"name": "Kid", "parent_id": mom.ID()})
	branch := partners.Create(orm.Values{"name": "Branch", "is_company": true, "parent_id": acme.ID()})
	want := func(when string, cases map[string]orm.Recordset) {
		t.Helper()
		env.FlushAll()
		env.InvalidateAll()
		for name, p := range cases {
			if got := p.Str("complete_name"); got != name {
				t.Errorf("%s: complete_name of %v: got %q, want %q", when, p, got, name)
			}
			if got := p.Str("display_name"); got != name {
				t.Errorf("%s: display_name of %v: got %q, want %q", when, p, got, name)
			}
		}
	}
	want("created", map[string]orm.Recordset{"Acme": acme, "Acme, John": john, "Acme, Jane": jane,
		"YourCompany, Solo": solo, "Acme, Delivery Address": ship, "Mom": mom, "Mom, Kid": kid, "Branch": branch})
	if got := jane.Rel("commercial_partner_id"); !got.Equal(acme) {
		t.Errorf("Jane's commercial partner: got %v, want %v", got, acme)
	}
	acme.Write(orm.Values{"name": "Acme Corp"})
	mom.Write(orm.Values{"is_company": true, "name": "Mom Inc"})
	want("renamed", map[string]orm.Recordset{"Acme Corp, John": john, "Acme Corp, Jane": jane,
		"Acme Corp, Delivery Address": ship, "Mom Inc, Kid": kid})
	twin := partners.Create(orm.Values{"name": "Acme Corp, John"})
	order := partners.Search(fmt.Sprintf("[('id', 'in', [%d, %d, %d, %d])]", john.ID(), twin.ID(), acme.ID(), kid.ID()))
	if wantOrder := acme.Concat(twin, john, kid); fmt.Sprint(order.IDs()) != fmt.Sprint(wantOrder.IDs()) {
		t.Errorf("order: got %v, want %v (complete_name, then id descending)", order, wantOrder)
	}
}

// TestPartnerBulkCreateAsOneByOne: partners created by one Create of
// many (their stored computed fields computed before the INSERT) get the
// values they get created one by one (computed at flush, as Odoo):
// complete_name, commercial partner (themselves, or the company up the
// parents) and commercial company name, for companies, contacts of a
// company or of a contact, nameless addresses and partners with a
// company name; and they follow a later rename of their company.
func TestPartnerBulkCreateAsOneByOne(t *testing.T) {
	env := testdb.Env(t)
	partners := env.Model("res.partner")
	acme := partners.Create(orm.Values{"name": "Acme", "is_company": true})
	john := partners.Create(orm.Values{"name": "John", "parent_id": acme.ID()})
	env.FlushAll()
	kinds := []orm.Values{
		{"name": "Co %d", "is_company": true},
		{"name": "Emp %d", "parent_id": acme.ID()},
		{"name": "Sub %d", "parent_id": john.ID()},
		{"type": "delivery", "parent_id": acme.ID()},
		{"type": "invoice", "parent_id": john.ID(), "name": "Billing %d"},
		{"name": "Solo %d", "company_name": "Own %d"},
		{"name": "Plain %d"},
		{"name": "Branch %d", "is_company": true, "parent_id": acme.ID()},
	}
	vals := make([]orm.Values, 160)
	for i := range vals {
		vals[i] = orm.Values{}
		for k, v := range kinds[i%len(kinds)] {
			if s, ok := v.(string); ok && strings.Contains(s, "%d") {
				v = fmt.Sprintf(s, i)
			}
			vals[i][k] = v
		}
	}
	bulk := partners.Create(vals...)
	var single []orm.Recordset
	for _, v := range vals {
		single = append(single, partners.Create(v))
	}
	env.FlushAll()
	env.InvalidateAll()
	// a commercial partner that is the record itself is compared as "self"
	commercial := func(p orm.Recordset) string {
		c := p.Rel("commercial_partner_id")
		if c.Equal(p) {
			return "self"
		}
		return fmt.Sprint(c.IDs())
	}
	check := func(when string) {
		t.Helper()
		for i, b := range bulk.Records() {
			s := single[i]
			for _, f := range []string{"complete_name", "commercial_company_name", "display_name"} {
				if got, want := b.Str(f), s.Str(f); got != want {
					t.Errorf("%s: %s of bulk partner %d (%v): got %q, one by one %q", when, f, i, vals[i], got, want)
				}
			}
			if got, want := commercial(b), commercial(s); got != want {
				t.Errorf("%s: commercial partner of bulk partner %d (%v): got %s, one by one %s", when, i, vals[i], got, want)
			}
		}
	}
	check("created")
	if got := bulk.At(2).Str("complete_name"); got != "Acme, Sub 2" {
		t.Errorf("a contact of a contact of Acme: got %q, want %q", got, "Acme, Sub 2")
	}
	acme.Write(orm.Values{"name": "Acme Corp"})
	env.FlushAll()
	env.InvalidateAll()
	check("renamed")
	if got := bulk.At(3).Str("complete_name"); got != "Acme Corp, Delivery Address" {
		t.Errorf("a delivery address of Acme after the rename: got %q, want %q", got, "Acme Corp, Delivery Address")
	}
}
