package orm_test

import (
	"errors"
	"testing"

	"odsh/orm"
)

func TestReferenceGetAndRead(t *testing.T) {
	env := fieldsEnv(t)
	p := env.Model("res.partner").Create(orm.Values{"name": "Acme"})
	doc := env.Model("test.doc").Create(orm.Values{"name": "D", "ref": p})
	got := doc.Rel("ref")
	if got.ModelName() != "res.partner" || got.ID() != p.ID() {
		t.Fatalf("ref: got %s, want %s", got, p)
	}
	if v := doc.Read("ref")[0]["ref"]; v != "res.partner,"+itoa(p.ID()) {
		t.Errorf("read ref: got %v, want res.partner,%d", v, p.ID())
	}
	if s := doc.Str("ref"); s != "Acme" {
		t.Errorf("Str(ref): got %q, want the display name", s)
	}
	be := env.Model("res.country").Search("[('code', '=', 'BE')]")
	doc.Set("ref", "res.country,"+itoa(be.ID()))
	if got := doc.Rel("ref"); got.ModelName() != "res.country" || got.ID() != be.ID() {
		t.Errorf("ref after string write: got %s, want %s", got, be)
	}
	doc.Set("ref", false)
	if got := doc.Rel("ref"); !got.IsEmpty() {
		t.Errorf("unset ref: got %s, want empty", got)
	}
	if v := doc.Read("ref")[0]["ref"]; v != nil {
		t.Errorf("read unset ref: got %v, want nil", v)
	}
}

func TestReferenceRefusesOtherModels(t *testing.T) {
	env := fieldsEnv(t)
	doc := env.Model("test.doc").Create(orm.Values{"name": "D"})
	user := env.Model("res.users").Browse(orm.SuperuserID)
	for _, v := range []any{user, "res.users,1", "nonsense", "res.partner,x", 42} {
		err := env.Catch(func() { doc.Set("ref", v) })
		var ve *orm.ValidationError
		if !errors.As(err, &ve) || ve.Field != "ref" || !ve.HasValue {
			t.Errorf("ref = %v: got %v, want a ValidationError naming test.doc.ref and the value", v, err)
		}
	}
}

func TestReferenceToDeletedRecordReadsEmpty(t *testing.T) {
	env := fieldsEnv(t)
	p := env.Model("res.partner").Create(orm.Values{"name": "Gone"})
	doc := env.Model("test.doc").Create(orm.Values{"name": "D", "ref": p})
	p.Unlink()
	env.InvalidateAll()
	if got := doc.Rel("ref"); !got.IsEmpty() || got.ModelName() != "res.partner" {
		t.Errorf("ref to a deleted partner: got %s, want an empty res.partner", got)
	}
	if v := doc.Read("ref")[0]["ref"]; v != nil {
		t.Errorf("read ref to a deleted partner: got %v, want nil", v)
	}
}

func TestReferenceSearch(t *testing.T) {
	env := fieldsEnv(t)
	a := env.Model("res.partner").Create(orm.Values{"name": "A"})
	b := env.Model("res.partner").Create(orm.Values{"name": "B"})
	da := env.Model("test.doc").Create(orm.Values{"name": "DA", "ref": a})
	db := env.Model("test.doc").Create(orm.Values{"name": "DB", "ref": b})
	dn := env.Model("test.doc").Create(orm.Values{"name": "DN"})
	docs := env.Model("test.doc")
	cases := []struct {
		name string
		dom  any
		want orm.Recordset
	}{
		{"eq record", [][]any{{"ref", "=", a}}, da},
		{"eq string", [][]any{{"ref", "=", "res.partner," + itoa(b.ID())}}, db},
		{"ne", [][]any{{"ref", "!=", "res.partner," + itoa(a.ID())}}, db.Union(dn)},
		{"in", [][]any{{"ref", "in", []any{a, "res.partner," + itoa(b.ID())}}}, da.Union(db)},
		{"like", [][]any{{"ref", "like", "res.partner,"}}, da.Union(db)},
		{"false", [][]any{{"ref", "=", false}}, dn},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := docs.Search(c.dom)
			if !got.Equal(c.want) {
				t.Errorf("search %v: got %s, want %s", c.dom, got, c.want)
			}
		})
	}
}

func TestMany2oneReference(t *testing.T) {
	env := fieldsEnv(t)
	p := env.Model("res.partner").Create(orm.Values{"name": "Target"})
	doc := env.Model("test.doc").Create(orm.Values{"name": "D", "res_model": "res.partner", "res_id": p.ID()})
	if got := doc.Rel("res_id"); got.ModelName() != "res.partner" || got.ID() != p.ID() {
		t.Fatalf("res_id: got %s, want %s", got, p)
	}
	if v := doc.Read("res_id")[0]["res_id"]; v != p.ID() {
		t.Errorf("read res_id: got %v (%T), want %d", v, v, p.ID())
	}
	doc.Set("res_id", p) // a record gives its id
	if got := env.Model("test.doc").Search([][]any{{"res_id", "=", p.ID()}}); !got.Equal(doc) {
		t.Errorf("search res_id = %d: got %s, want %s", p.ID(), got, doc)
	}
	doc.Write(orm.Values{"res_model": false})
	if v := doc.Get("res_id"); v != nil {
		t.Errorf("res_id without a model: got %v, want nil", v)
	}
}

func TestReferenceCopy(t *testing.T) {
	env := fieldsEnv(t)
	p := env.Model("res.partner").Create(orm.Values{"name": "P"})
	doc := env.Model("test.doc").Create(orm.Values{"name": "D", "ref": p, "res_model": "res.partner", "res_id": p.ID()})
	cp := doc.Copy(nil)
	if !cp.Rel("ref").Equal(p) || !cp.Rel("res_id").Equal(p) {
		t.Errorf("copy: ref %s res_id %s, want %s twice", cp.Rel("ref"), cp.Rel("res_id"), p)
	}
}
