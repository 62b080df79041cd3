package orm_test

import (
	"errors"
	"testing"

	"odsh/orm"
)

// Odoo: "@api.constrains: called after create/write when any listed field is
// in the written values; not called if none of its fields are touched";
// "Constraints on stored computed fields run after the recomputation
// triggered by a dependency write".
func TestRuleConstraints(t *testing.T) {
	env, m := rulesEnv(t)
	r := m.Create(orm.Values{"name": "x", "n": 1})
	if ruleCalls["check n"] != 1 {
		t.Errorf("create with n: %d checks, want 1", ruleCalls["check n"])
	}
	r.Write(orm.Values{"name": "y"})
	if ruleCalls["check n"] != 1 {
		t.Errorf("write without n: constraint on n ran")
	}
	err := env.Catch(func() { r.Write(orm.Values{"n": -1}) })
	var ve *orm.ValidationError
	if !errors.As(err, &ve) || ve.Field != "n" {
		t.Fatalf("negative n: got %v, want the constraint's ValidationError", err)
	}
	if got := r.Int("n"); got != 1 {
		t.Errorf("n after the refused write: got %d", got)
	}
	err = env.Catch(func() {
		r.Write(orm.Values{"n": 600})
		env.FlushAll()
	})
	if !errors.As(err, &ve) || ve.Field != "double" {
		t.Fatalf("double = 1200 after recomputation: got %v, want the constraint on double", err)
	}
	if got := r.Int("double"); got != 2 {
		t.Errorf("double after the refused write: got %d, want 2", got)
	}
	err = env.Catch(func() { m.Create(orm.Values{"name": "z", "n": -5}) })
	if !errors.As(err, &ve) {
		t.Fatalf("create with a negative n: got %v", err)
	}
}
