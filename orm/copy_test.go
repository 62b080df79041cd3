package orm_test

import (
	"testing"

	"odsh/internal/testdb"
)

func TestCopyDuplicatesRequiredLines(t *testing.T) {
	env := testdb.Env(t, reviewAddon)
	a := reviewOrder(env, "a", 1, 2)
	c := a.Copy(nil)
	if c.Int("total") != 3 || c.Rel("line_ids").Len() != 2 {
		t.Errorf("copy wrong")
	}
	if a.Rel("line_ids").Len() != 2 {
		t.Errorf("orig lines %d", a.Rel("line_ids").Len())
	}
}
