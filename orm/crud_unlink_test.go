package orm_test

import (
	"errors"
	"testing"

	"odsh/internal/testdb"
	"odsh/orm"
)

// Deleting a record that others point to changes them in the database
// (ondelete set null empties their many2one, a many2many loses its links):
// the stored fields computed from those values must follow.

func TestUnlinkSetNullRecomputesDependents(t *testing.T) {
	env := testdb.Env(t, coreAddon, reviewAddon)
	p := env.Model("res.partner").Create(orm.Values{"name": "P"})
	a := env.Model("test.thing").Create(orm.Values{"name": "a", "partner_id": p.ID()})
	if !a.Bool("has_partner") {
		t.Fatal("has_partner: got false before the delete, want true")
	}
	env.FlushAll()
	p.Unlink()
	if a.Bool("has_partner") {
		t.Error("has_partner after the partner was deleted: got true, want false")
	}
	env.FlushAll()
	rows := env.Tx().QueryValues("SELECT has_partner FROM test_thing WHERE id = $1", a.ID())
	if rows[0][0] != false {
		t.Errorf("has_partner in the database: got %v, want false", rows[0][0])
	}
}

func TestUnlinkManyToManyTargetRecomputesOwners(t *testing.T) {
	env := testdb.Env(t, coreAddon, reviewAddon)
	tags := env.Model("test.tag").Create(orm.Values{"name": "x"}, orm.Values{"name": "y"})
	a := env.Model("test.thing").Create(orm.Values{"name": "a", "tag_ids": tags})
	if got := a.Int("tag_count"); got != 2 {
		t.Fatalf("tag_count: got %d, want 2", got)
	}
	env.FlushAll()
	tags.Records()[0].Unlink()
	if got := a.Int("tag_count"); got != 1 {
		t.Errorf("tag_count after a tag was deleted: got %d, want 1", got)
	}
	env.FlushAll()
	if got := dbInt(t, env, "SELECT tag_count FROM test_thing WHERE id = $1", a.ID()); got != 1 {
		t.Errorf("tag_count in the database: got %d, want 1", got)
	}
}

func TestUnlinkCascadeForgetsDeletedLines(t *testing.T) {
	env := testdb.Env(t, coreAddon, reviewAddon)
	a := reviewOrder(env, "a", 1, 2)
	n := env.Model("test.note").Create(orm.Values{"name": "n", "thing_id": a.ID()})
	lines := a.Rel("line_ids")
	_ = lines.Mapped("name")
	_ = n.Rel("thing_id")
	a.Unlink()
	if got := lines.Exists().Len(); got != 0 {
		t.Errorf("lines left after the cascade: got %d, want 0", got)
	}
	if got := n.Rel("thing_id").Len(); got != 0 {
		t.Errorf("note's order after set null: got %d records, want 0", got)
	}
	err := env.Catch(func() { lines.Records()[0].Str("name") })
	var me *orm.MissingError
	if !errors.As(err, &me) {
		t.Errorf("reading a line deleted by cascade: got %v, want a MissingError", err)
	}
}

// Odoo: "@api.ondelete guards unlink (raise to block)": an unlink override
// that raises keeps the records.
func TestRuleOndeleteGuard(t *testing.T) {
	env, _ := rulesEnv(t)
	env.Declare(orm.ModelDef{Inherit: []string{"test.tag"}, Methods: map[string]orm.MethodDecorator{
		"unlink": func(super orm.Method) orm.Method {
			return func(rs orm.Recordset, args ...any) any {
				for _, r := range rs.Records() {
					if r.Str("name") == "locked" {
						panic(&orm.UserError{ErrorInfo: orm.ErrorInfo{Model: "test.tag", Msg: "locked tags cannot be deleted"}})
					}
				}
				return super(rs, args...)
			}
		},
	}})
	tags := env.Model("test.tag").Create(orm.Values{"name": "free"}, orm.Values{"name": "locked"})
	var ue *orm.UserError
	if err := env.Catch(func() { tags.Unlink() }); !errors.As(err, &ue) {
		t.Fatalf("guarded unlink: got %v, want a UserError", err)
	}
	if tags.Exists().Len() != 2 {
		t.Fatal("a refused unlink deleted records")
	}
	tags.At(0).Unlink()
	if tags.Exists().Len() != 1 {
		t.Fatal("unguarded record not deleted")
	}
}

// Odoo: "unlink(): … deleting already-deleted ids is a no-op"; "unlink()
// returns True" (nothing to return in Go).
func TestRuleUnlinkTwice(t *testing.T) {
	_, m := rulesEnv(t)
	r := m.Create(orm.Values{"name": "x"})
	r.Unlink()
	if err := r.Env().Catch(func() { r.Unlink() }); err != nil {
		t.Fatalf("second unlink: %v", err)
	}
}
