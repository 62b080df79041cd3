package orm_test

// ODOO-RULES.md §3 (computed, related and inverse fields), §18
// (constraints).

import (
	"errors"
	"testing"

	"odsh/orm"
)

// §3 "A computed field without any @api.depends is still computed on first
// access and then cached until invalidation".
func TestRuleComputeWithoutDepends(t *testing.T) {
	env, m := rulesEnv(t)
	r := m.Create(orm.Values{"name": "x"})
	first := r.Int("stamp")
	if r.Int("stamp") != first || ruleCalls["stamp"] != 1 {
		t.Fatalf("second read: got %d after %d computations, want %d and 1", r.Int("stamp"), ruleCalls["stamp"], first)
	}
	r.Write(orm.Values{"name": "y"})
	if r.Int("stamp") != first {
		t.Errorf("a write recomputed a field without dependencies")
	}
	env.InvalidateAll()
	if r.Int("stamp") == first {
		t.Errorf("not recomputed after invalidation")
	}
}

// §3 "related: non-stored, not copied, readonly by default (with
// readonly=False writes go to the target; on several records each target is
// written)"; "Stored related fields are recomputed when any link in the
// path or the target changes".
func TestRuleRelated(t *testing.T) {
	env, m := rulesEnv(t)
	p1 := env.Model("res.partner").Create(orm.Values{"name": "P1", "ref": "R1"})
	p2 := env.Model("res.partner").Create(orm.Values{"name": "P2", "ref": "R2"})
	rs := m.Create(orm.Values{"name": "a", "partner_id": p1.ID()}, orm.Values{"name": "b", "partner_id": p2.ID()})
	a := rs.At(0)
	f := m.Model().Field("partner_name")
	if f.Store || !f.Readonly || f.Copy {
		t.Errorf("related defaults: store %v readonly %v copy %v, want false true false", f.Store, f.Readonly, f.Copy)
	}
	if got := a.Str("partner_name"); got != "P1" {
		t.Errorf("partner_name: got %q", got)
	}
	rs.Write(orm.Values{"partner_city": "Gent"})
	if p1.Str("city") != "Gent" || p2.Str("city") != "Gent" {
		t.Errorf("writing an editable related on two records: cities %q %q", p1.Str("city"), p2.Str("city"))
	}
	// the stored related follows the target and the link
	if got := a.Str("partner_ref"); got != "R1" {
		t.Fatalf("partner_ref: got %q", got)
	}
	p1.Write(orm.Values{"ref": "R1b"})
	env.FlushAll()
	if got := m.Search("[('partner_ref', '=', 'R1b')]"); !got.Equal(a) {
		t.Errorf("after changing the target: search got %v, want %v", got, a)
	}
	a.Write(orm.Values{"partner_id": p2.ID()})
	if got := a.Str("partner_ref"); got != "R2" {
		t.Errorf("after changing the link: got %q, want R2", got)
	}
	a.Write(orm.Values{"partner_id": nil})
	if got := a.Get("partner_ref"); got != nil {
		t.Errorf("after emptying the link: got %#v, want nil", got)
	}
}

// §8 "Stored computed readonly fields ignore values passed to create;
// editable ones keep them" (Odoo protects only editable computed fields
// from the recomputation that follows the INSERT).
func TestRuleCreateReadonlyComputedIgnored(t *testing.T) {
	env, m := rulesEnv(t)
	r := m.Create(orm.Values{"name": "x", "n": 4, "double": 99, "label": "kept"})
	env.FlushAll()
	env.InvalidateAll()
	if got := r.Int("double"); got != 8 {
		t.Errorf("readonly stored computed given in create: got %d, want 8 (computed)", got)
	}
	if got := r.Str("label"); got != "kept" {
		t.Errorf("editable stored computed given in create: got %q, want kept", got)
	}
}

// §3 "Stored computed fields never end up stale after unlink cascades";
// §3 dependencies through one2many: create/unlink of lines recompute.
func TestRuleComputeAfterUnlink(t *testing.T) {
	env, m := rulesEnv(t)
	r := m.Create(orm.Values{"name": "x", "line_ids": []any{
		orm.Command.Create(orm.Values{"name": "l1"}), orm.Command.Create(orm.Values{"name": "l2"})}})
	if got := r.Int("line_count"); got != 2 {
		t.Fatalf("line_count: got %d", got)
	}
	r.Rel("line_ids").At(0).Unlink()
	env.FlushAll()
	env.InvalidateAll()
	if got := r.Int("line_count"); got != 1 {
		t.Errorf("after unlinking a line: got %d, want 1", got)
	}
	env.Model("rules.line").Create(orm.Values{"name": "l3", "rec_id": r.ID()})
	if got := r.Int("line_count"); got != 2 {
		t.Errorf("after creating a line: got %d, want 2", got)
	}
	lines := r.Rel("line_ids")
	r.Unlink() // lines are detached (set null), no stale recomputation of r
	env.FlushAll()
	if lines.Exists().Len() != 2 || lines.At(0).Rel("rec_id").Len() != 0 {
		t.Errorf("set-null lines after unlinking their record: %v", lines.Exists())
	}
}

// §18 "@api.constrains: called after create/write when any listed field is
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

// §18 "@api.ondelete guards unlink (raise to block)": an unlink override
// that raises keeps the records.
func TestRuleOndeleteGuard(t *testing.T) {
	env, _ := rulesEnv(t)
	env.Declare(orm.ModelDef{Inherit: []string{"rules.tag"}, Methods: map[string]orm.MethodDecorator{
		"unlink": func(super orm.Method) orm.Method {
			return func(rs orm.Recordset, args ...any) any {
				for _, r := range rs.Records() {
					if r.Str("name") == "locked" {
						panic(&orm.UserError{ErrorInfo: orm.ErrorInfo{Model: "rules.tag", Msg: "locked tags cannot be deleted"}})
					}
				}
				return super(rs, args...)
			}
		},
	}})
	tags := env.Model("rules.tag").Create(orm.Values{"name": "free"}, orm.Values{"name": "locked"})
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
