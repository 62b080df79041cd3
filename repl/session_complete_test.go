package repl_test

import (
	"context"
	"reflect"
	"testing"

	"odsh/repl"
)

// TestSessionCompleteXMLIDs: Tab in env.Ref(" and ref(" offers modules,
// then the external ids of ir_model_data, those made in the transaction
// included, without sending a statement through the ORM.
func TestSessionCompleteXMLIDs(t *testing.T) {
	s, out := newSession(t)
	ctx := context.Background()
	if err := s.Eval(ctx, `env.SetXMLID("zz_test.first", env.Model("res.partner").Browse(1), false)`); err != nil {
		t.Fatalf("SetXMLID: %v\n%s", err, out)
	}
	_ = s.Eval(ctx, `env.SetXMLID("zz_test.second", env.Model("res.partner").Browse(1), false)`)
	c := s.Completer()
	cases := []struct {
		line string
		want []string
	}{
		{`env.Ref("zz_`, []string{"zz_test."}},
		{`p := ref("zz_test.`, []string{"zz_test.first", "zz_test.second"}},
		{`env.Ref("zz_test.s`, []string{"zz_test.second"}},
		{`env.Ref("zz_test.x`, nil},
		{`env.Ref("base.main_comp`, []string{"base.main_company"}},
		{`env.Model("res.partner").Search("[('country_id', '=', `, nil},
	}
	for _, tc := range cases {
		t.Run(tc.line, func(t *testing.T) {
			before := s.Env().QueryCount()
			got, _ := c.Candidates(repl.Analyze(tc.line, len(tc.line)))
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
			if n := s.Env().QueryCount() - before; n != 0 {
				t.Errorf("%d statements counted, want 0", n)
			}
		})
	}
}
