package orm_test

import (
	"testing"

	"odsh/internal/testdb"
)

func TestCopyDuplicatesRequiredLines(t *testing.T) {
	env := testdb.Env(t, coreAddon, reviewAddon)
	a := reviewOrder(env, "a", 1, 2)
	c := a.Copy(nil)
	if c.Int("total") != 3 || c.Rel("line_ids").Len() != 2 {
		t.Errorf("copy wrong")
	}
	if a.Rel("line_ids").Len() != 2 {
		t.Errorf("orig lines %d", a.Rel("line_ids").Len())
	}
}

// Odoo: "copy default: True for scalars and many2many, False for one2many and
// computed fields (True for stored computed with readonly=False)".
func TestRuleCopyDefaults(t *testing.T) {
	_, m := rulesEnv(t)
	want := map[string]bool{
		"name": true, "n": true, "tag_ids": true, "all_line_ids": false, "stamp": false,
		"double": false, "label": true, "partner_name": false, "partner_ref": false,
		"create_date": false, "write_uid": false,
	}
	for name, copy := range want {
		if got := m.Model().Field(name).Copy; got != copy {
			t.Errorf("%s: copy %v, want %v", name, got, copy)
		}
	}
}
