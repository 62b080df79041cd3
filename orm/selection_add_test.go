package orm_test

import (
	"fmt"
	"strings"
	"testing"

	"odsh/orm"
)

func TestSelectionAdd(t *testing.T) {
	env := inheritEnv(t)
	f := env.Model("test.foo").Model().Field("kind")
	if got, want := fmt.Sprint(f.Selection), "[{a A} {c C} {b B} {d D}]"; got != want {
		t.Errorf("selection: got %s, want %s", got, want)
	}
	if got, want := fmt.Sprint(f.SelectionOndelete), "map[c:set a d:cascade]"; got != want {
		t.Errorf("ondelete: got %s, want %s", got, want)
	}
	rec := env.Model("test.foo").Create(orm.Values{"kind": "d"})
	if rec.Str("kind") != "d" {
		t.Errorf("an added value is accepted: got %q", rec.Str("kind"))
	}
}

func TestSelectionAddBadPolicies(t *testing.T) {
	env := privateEnv(t, testInherit, testInheritExt)
	add := orm.SelectionItem{Value: "z", Label: "Z"}
	cases := []struct {
		name  string
		field *orm.FieldDef
		want  string
	}{
		{"set null on a required field", orm.Selection("kind").SelectionAdd(add), "a required field needs another policy"},
		{"unknown policy", orm.Selection("kind").SelectionAdd(add).SelectionOndelete(map[string]string{"z": "explode"}), "unknown policy"},
		{"set an unknown value", orm.Selection("kind").SelectionAdd(add).SelectionOndelete(map[string]string{"z": "set q"}), `"q" is not another value`},
		{"set default without default", orm.Selection("kind").Default(nil).SelectionAdd(add).SelectionOndelete(map[string]string{"z": "set default"}), "no default"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := env.Catch(func() { env.Declare(orm.ModelDef{Inherit: []string{"test.foo"}, Fields: []*orm.FieldDef{c.field}}) })
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("got %v, want an error containing %q", err, c.want)
			}
			if env.Model("test.foo").Model().Field("kind").HasSelectionValue("z") {
				t.Errorf("the value was added despite the error")
			}
		})
	}
}
