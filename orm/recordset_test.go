package orm_test

import (
	"errors"
	"reflect"
	"testing"

	"odsh/internal/testdb"
	"odsh/orm"
)

// TestExistsNonPositiveIDs: Exists drops id 0 and negative ids that are
// not new records of the transaction (Odoo's exists() keeps only ids found
// in the table, and new records); it keeps new records.
func TestExistsNonPositiveIDs(t *testing.T) {
	env := testdb.Env(t)
	partners := env.Model("res.partner")
	p := partners.Create(orm.Values{"name": "Real"})
	n := partners.New(orm.Values{"name": "New"})
	for _, tc := range []struct {
		name string
		ids  []int64
		want []int64
	}{
		{"zero", []int64{0}, nil},
		{"zero and real", []int64{0, p.ID()}, []int64{p.ID()}},
		{"negative not new", []int64{-1000}, nil},
		{"new", []int64{n.IDs()[0]}, []int64{n.IDs()[0]}},
		{"new and real", []int64{n.IDs()[0], p.ID()}, []int64{n.IDs()[0], p.ID()}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := partners.Browse(tc.ids...).Exists().IDs(); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Browse(%v).Exists(): got %v, want %v", tc.ids, got, tc.want)
			}
		})
	}
}

// TestRecordsetAlgebraAsOdoo: a - b keeps the duplicates of a not in b;
// == compares the sets of ids; | and & drop duplicates.
func TestRecordsetAlgebraAsOdoo(t *testing.T) {
	env := testdb.Env(t)
	ps := env.Model("res.partner").Create(orm.Values{"name": "A"}, orm.Values{"name": "B"}, orm.Values{"name": "C"})
	a, b, c := ps.At(0), ps.At(1), ps.At(2)
	dup := a.Concat(b, a, c, b)
	if got, want := dup.Subtract(c).IDs(), []int64{a.ID(), b.ID(), a.ID(), b.ID()}; !reflect.DeepEqual(got, want) {
		t.Errorf("(a+b+a+c+b) - c: got %v, want %v", got, want)
	}
	ab, ba := a.Union(b), b.Union(a)
	for _, tc := range []struct {
		name string
		x, y orm.Recordset
		want bool
	}{
		{"a|b == b|a", ab, ba, true},
		{"a+a == a", a.Concat(a), a, true},
		{"a+b+a == b|a", a.Concat(b, a), ba, true},
		{"a == b", a, b, false},
		{"a|b == a", ab, a, false},
		{"empty == empty", ps.Browse(), a.Subtract(a), true},
	} {
		if got := tc.x.Equal(tc.y); got != tc.want {
			t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
		}
	}
	if got, want := dup.Intersect(b.Union(a)).IDs(), []int64{a.ID(), b.ID()}; !reflect.DeepEqual(got, want) {
		t.Errorf("(a+b+a+c+b) & (b|a): got %v, want %v", got, want)
	}
}

// Odoo: "attribute assignment on a multi-record set writes all"; "write on
// many records applies the same value; duplicates in the recordset are
// fine".
func TestRuleMultiAssignment(t *testing.T) {
	env, m := rulesEnv(t)
	rs := m.Create(orm.Values{"name": "a"}, orm.Values{"name": "b"})
	dup := rs.Concat(rs)
	dup.Set("n", 3)
	env.InvalidateAll()
	if got := rs.Mapped("n").([]any); len(got) != 2 || got[0] != int64(3) || got[1] != int64(3) {
		t.Errorf("n on both: got %v", got)
	}
	if got := dup.Len(); got != 4 {
		t.Errorf("concat keeps duplicates: %d", got)
	}
}

// Odoo: "+ concat (keeps duplicates/order), | union, & intersection, -
// difference (dedup, left order), subset tests, in membership; mixing models
// → TypeError".
func TestRuleSetOperatorsMixedModels(t *testing.T) {
	env, m := rulesEnv(t)
	r := m.Create(orm.Values{"name": "a"})
	tag := env.Model("test.tag").Create(orm.Values{"name": "t"})
	for name, f := range map[string]func(){
		"concat":    func() { r.Concat(tag) },
		"union":     func() { r.Union(tag) },
		"intersect": func() { r.Intersect(tag) },
		"subtract":  func() { r.Subtract(tag) },
		"contains":  func() { r.Contains(tag) },
		"subset":    func() { r.IsSubset(tag) },
	} {
		if err := env.Catch(f); err == nil {
			t.Errorf("%s of two models: no error", name)
		}
	}
	ab := m.Create(orm.Values{"name": "b"}).Concat(r)
	if got := ab.Subtract(m.Browse()).Concat(ab); got.Len() != 4 {
		t.Errorf("concat: got %v", got)
	}
	if got := ab.Concat(ab).Subtract(m.Browse()); !got.Equal(ab) {
		t.Errorf("difference deduplicates, left order: got %v, want %v", got, ab)
	}
}

// Odoo: "exists() filters out deleted ids (new records count as existing)".
func TestRuleExistsKeepsNewRecords(t *testing.T) {
	_, m := rulesEnv(t)
	gone := m.Create(orm.Values{"name": "gone"})
	kept := m.Create(orm.Values{"name": "kept"})
	gone.Unlink()
	nw := m.New(orm.Values{"name": "new"})
	got := nw.Concat(gone, kept).Exists()
	if !got.Equal(nw.Concat(kept)) {
		t.Errorf("Exists: got %v, want the new record and the kept one", got)
	}
	if got := nw.Exists(); !got.Equal(nw) {
		t.Errorf("Exists of a new record alone: got %v", got)
	}
}

// Odoo: "ensure_one() raises ValueError on 0 or >1 records" with Odoo's
// message "Expected singleton: model(ids)".
func TestRuleEnsureOneMessage(t *testing.T) {
	_, m := rulesEnv(t)
	two := m.Create(orm.Values{"name": "a"}, orm.Values{"name": "b"})
	for _, rs := range []orm.Recordset{m.Browse(), two} {
		err := rs.Env().Catch(func() { rs.EnsureOne() })
		var ve *orm.ValidationError
		if !errors.As(err, &ve) || !contains(err.Error(), "expected singleton: "+rs.String()) {
			t.Errorf("EnsureOne on %v: got %v", rs, err)
		}
	}
}
