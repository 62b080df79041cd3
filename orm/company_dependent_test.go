package orm_test

import (
	"fmt"
	"testing"

	"github.com/jackc/pgx/v5"

	"odsh/orm"
)

// companyEnvs returns an env with two companies, the main one first, and
// the env of each.
func companyEnvs(t *testing.T) (main, other *orm.Env, mainID, otherID int64) {
	t.Helper()
	env := i18nEnv(t)
	mainID = env.Company().ID()
	otherID = env.Model("res.company").Create(orm.Values{"name": "Other Co"}).ID()
	return env.WithCompany(mainID), env.WithCompany(otherID), mainID, otherID
}

func dbLevel(t *testing.T, rec orm.Recordset) string {
	t.Helper()
	rec.Env().FlushAll()
	var out *string
	rec.Env().Tx().Query("SELECT level::text FROM test_i18n_prop WHERE id = $1", []any{rec.ID()}, func(rows pgx.Rows) error {
		return rows.Scan(&out)
	})
	if out == nil {
		return "NULL"
	}
	return *out
}

func TestCompanyDependentPerCompany(t *testing.T) {
	a, b, aID, bID := companyEnvs(t)
	p := a.Model("test.i18n.prop").Create(orm.Values{"name": "p"})
	if got := p.Int("level"); got != 7 {
		t.Errorf("level without a value: got %d, want the default 7", got)
	}
	if got := dbLevel(t, p); got != "NULL" {
		t.Errorf("stored after create: got %s, want NULL (defaults are not stored)", got)
	}
	p.Write(orm.Values{"level": 3, "note": "in A", "flag": true})
	pb := p.WithEnv(b)
	if got := pb.Int("level"); got != 7 {
		t.Errorf("level in B: got %d, want the default 7", got)
	}
	if got := pb.Get("note"); got != nil {
		t.Errorf("note in B: got %#v, want nil", got)
	}
	pb.Write(orm.Values{"level": 0, "note": "in B"})
	if got, want := dbLevel(t, p), fmt.Sprintf(`{"%d": 3, "%d": 0}`, aID, bID); got != want {
		t.Errorf("stored: got %s, want %s", got, want)
	}
	a.InvalidateAll()
	n, _ := countQueries(a, func() {
		if got := p.Int("level"); got != 3 {
			t.Errorf("level in A: got %d, want 3", got)
		}
		if got := pb.Int("level"); got != 0 {
			t.Errorf("level in B: got %d, want 0 (written, no fallback)", got)
		}
		if got := p.Str("note") + "/" + pb.Str("note"); got != "in A/in B" {
			t.Errorf("notes: got %q", got)
		}
		if !p.Bool("flag") || pb.Bool("flag") {
			t.Errorf("flag: got %v in A, %v in B; want true, false", p.Bool("flag"), pb.Bool("flag"))
		}
	})
	if n != 1 {
		t.Errorf("reading in two companies: %d queries, want 1", n)
	}
}

func TestCompanyDependentSearch(t *testing.T) {
	a, b, _, _ := companyEnvs(t)
	props := a.Model("test.i18n.prop")
	p1 := props.Create(orm.Values{"name": "p1", "level": 1, "note": "x"})
	props.Create(orm.Values{"name": "p2", "level": 0})
	props.Create(orm.Values{"name": "p3"}) // default 7 everywhere
	p1.WithEnv(b).Write(orm.Values{"level": 5, "note": ""})
	names := func(rs orm.Recordset) string {
		out := ""
		for _, r := range rs.Records() {
			out += r.Str("name") + " "
		}
		return out
	}
	cases := []struct {
		env   *orm.Env
		dom   []any
		order string
		want  string
	}{
		{a, []any{[]any{"level", "=", 7}}, "id", "p3 "},
		{b, []any{[]any{"level", "=", 7}}, "id", "p2 p3 "},
		{a, []any{[]any{"level", "=", 0}}, "id", "p2 "},
		{a, []any{[]any{"level", "=", false}}, "id", "p2 "},
		{a, []any{[]any{"level", ">", 0}}, "id", "p1 p3 "},
		{b, []any{[]any{"level", "<", 6}}, "id", "p1 "},
		{a, nil, "level desc, id", "p3 p1 p2 "},
		{b, nil, "level, id", "p1 p2 p3 "},
		{a, []any{[]any{"note", "=", false}}, "id", "p2 p3 "},
		{b, []any{[]any{"note", "=", false}}, "id", "p1 p2 p3 "},
		{a, []any{[]any{"note", "!=", false}}, "id", "p1 "},
		{a, []any{[]any{"note", "ilike", "x"}}, "id", "p1 "},
	}
	all := props.Search(nil, orm.Order("id"))
	for _, tc := range cases {
		got := names(tc.env.Model("test.i18n.prop").Search(tc.dom, orm.Order(tc.order)))
		if got != tc.want {
			t.Errorf("company %d %v order %q: got %q, want %q", tc.env.Company().ID(), tc.dom, tc.order, got, tc.want)
		}
		if tc.dom != nil {
			mem := names(all.WithEnv(tc.env).FilteredDomain(tc.dom))
			if mem != tc.want {
				t.Errorf("company %d %v FilteredDomain: got %q, want %q", tc.env.Company().ID(), tc.dom, mem, tc.want)
			}
		}
	}
}

func TestCompanyDependentMany2oneDeleted(t *testing.T) {
	a, b, _, _ := companyEnvs(t)
	item := a.Model("test.i18n.item").Create(orm.Values{"name": "Target"})
	keep := a.Model("test.i18n.item").Create(orm.Values{"name": "Kept"})
	p := a.Model("test.i18n.prop").Create(orm.Values{"name": "p", "item_id": item.ID()})
	p.WithEnv(b).Write(orm.Values{"item_id": keep})
	if got := p.Rel("item_id"); got.ID() != item.ID() {
		t.Fatalf("item in A: got %v, want %v", got, item)
	}
	item.Unlink()
	a.FlushAll()
	a.InvalidateAll()
	if got := p.Rel("item_id"); got.Len() != 0 {
		t.Errorf("item in A after its deletion: got %v, want empty", got)
	}
	if got := p.WithEnv(b).Rel("item_id"); got.ID() != keep.ID() {
		t.Errorf("item in B: got %v, want %v", got, keep)
	}
	if got := p.Read("item_id")[0]["item_id"]; got != nil {
		t.Errorf("Read of the deleted item: got %v, want nil", got)
	}
}

func TestReflectTranslateAndCompanyDependent(t *testing.T) {
	env := i18nEnv(t)
	fields := env.Model("ir.model.fields")
	name := fields.Search([]any{[]any{"model", "=", "test.i18n.item"}, []any{"name", "=", "name"}})
	level := fields.Search([]any{[]any{"model", "=", "test.i18n.prop"}, []any{"name", "=", "level"}})
	if name.Len() != 1 || !name.Bool("translate") || name.Bool("company_dependent") {
		t.Errorf("test.i18n.item.name: got %v translate=%v, want translate", name, name.Bool("translate"))
	}
	if level.Len() != 1 || !level.Bool("company_dependent") || level.Bool("translate") {
		t.Errorf("test.i18n.prop.level: got %v company_dependent=%v, want company_dependent", level, level.Bool("company_dependent"))
	}
}
