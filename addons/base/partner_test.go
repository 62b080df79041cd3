package base_test

import (
	"errors"
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
