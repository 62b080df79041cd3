package orm_test

import (
	"errors"
	"strings"
	"testing"

	"odsh/orm"
)

func TestCheckCompany(t *testing.T) {
	env := fieldsEnv(t)
	c1 := env.Model("res.company").Create(orm.Values{"name": "Company One"})
	c2 := env.Model("res.company").Create(orm.Values{"name": "Company Two"})
	p1 := env.Model("res.partner").Create(orm.Values{"name": "P1", "company_id": c1.ID()})
	p2 := env.Model("res.partner").Create(orm.Values{"name": "P2", "company_id": c2.ID()})
	shared := env.Model("res.partner").Create(orm.Values{"name": "Shared"})
	docs := env.Model("test.doc")

	ok := []orm.Values{
		{"name": "same", "company_id": c1.ID(), "partner_id": p1.ID()},
		{"name": "shared", "company_id": c1.ID(), "partner_id": shared.ID()},
		{"name": "no company, shared", "partner_ids": []orm.Cmd{orm.Command.Set(shared.ID())}},
		{"name": "unchecked field", "company_id": c1.ID(), "other_partner_id": p2.ID()},
	}
	for _, v := range ok {
		if err := env.Catch(func() { docs.Create(v) }); err != nil {
			t.Errorf("create %v: %v", v["name"], err)
		}
	}
	bad := []orm.Values{
		{"name": "other company", "company_id": c1.ID(), "partner_id": p2.ID()},
		{"name": "m2m other company", "company_id": c1.ID(), "partner_ids": []orm.Cmd{orm.Command.Set(p1.ID(), p2.ID())}},
		{"name": "no company", "partner_id": p1.ID()},
	}
	for _, v := range bad {
		err := env.Catch(func() { docs.Create(v) })
		var ue *orm.UserError
		if !errors.As(err, &ue) || !strings.Contains(ue.Msg, v["name"].(string)) {
			t.Errorf("create %v: got %v, want a UserError naming the record", v["name"], err)
		}
	}
	doc := docs.Create(orm.Values{"name": "D", "company_id": c1.ID(), "partner_id": p1.ID()})
	err := env.Catch(func() { doc.Write(orm.Values{"company_id": c2.ID()}) })
	var ue *orm.UserError
	if !errors.As(err, &ue) || !strings.Contains(ue.Msg, `"D"`) || !strings.Contains(ue.Msg, `"P1"`) || !strings.Contains(ue.Msg, "Company Two") {
		t.Errorf("moving D to Company Two: got %v, want a UserError naming D, its company and P1", err)
	}
	// sudo does not skip the check (Odoo's _check_company has no su test)
	err = env.Catch(func() { doc.Sudo().Write(orm.Values{"partner_id": p2.ID()}) })
	if !errors.As(err, &ue) {
		t.Errorf("sudo write of a partner of another company: got %v, want UserError", err)
	}
}

func TestCheckCompanyOnDemand(t *testing.T) {
	env := fieldsEnv(t)
	c1 := env.Model("res.company").Create(orm.Values{"name": "C1"})
	c2 := env.Model("res.company").Create(orm.Values{"name": "C2"})
	p2 := env.Model("res.partner").Create(orm.Values{"name": "P2", "company_id": c2.ID()})
	doc := env.Model("test.doc").Create(orm.Values{"name": "D", "company_id": c1.ID()})
	// written behind the check's back: only an explicit CheckCompany sees it
	env.Cr().Execute(orm.SQLf("UPDATE test_doc SET partner_id = %s WHERE id = %s", p2.ID(), doc.ID()))
	env.InvalidateAll()
	if err := env.Catch(func() { doc.CheckCompany("name") }); err != nil {
		t.Errorf("CheckCompany(name): %v, want no check", err)
	}
	err := env.Catch(func() { doc.CheckCompany() })
	var ue *orm.UserError
	if !errors.As(err, &ue) || ue.Field != "partner_id" {
		t.Errorf("CheckCompany(): got %v, want a UserError on partner_id", err)
	}
}
