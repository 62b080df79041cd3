package orm_test

import (
	"errors"
	"strings"
	"testing"

	"odsh/internal/testdb"
	"odsh/orm"
)

func computeEnv(t *testing.T) *orm.Env {
	t.Helper()
	clear(calls)
	inverseCalls = 0
	return testdb.Env(t, computeAddon)
}

func TestRecursiveTree(t *testing.T) {
	env := computeEnv(t)
	nodes := env.Model("test.node")
	var chain []orm.Recordset
	parent := int64(0)
	for _, name := range []string{"a", "b", "c", "d", "e"} {
		vals := orm.Values{"name": name}
		if parent != 0 {
			vals["parent_id"] = parent
		}
		n := nodes.Create(vals)
		chain = append(chain, n)
		parent = n.ID()
	}
	if got := chain[4].Str("path"); got != "a/b/c/d/e" {
		t.Fatalf("leaf path: got %q", got)
	}
	env.FlushAll()
	clear(calls)
	chain[0].Write(orm.Values{"name": "root"})
	if got := nodes.ToCompute("path").Len(); got != 5 {
		t.Errorf("marked after renaming the root: got %d nodes, want 5", got)
	}
	env.FlushAll()
	env.InvalidateAll()
	want := []string{"root", "root/b", "root/b/c", "root/b/c/d", "root/b/c/d/e"}
	for i, n := range chain {
		if got := n.Str("path"); got != want[i] {
			t.Errorf("level %d: got %q, want %q", i, got, want[i])
		}
	}
	if got := len(calls["path"]); got != 5 {
		t.Errorf("computations: got %d, want 5 (one per node)", got)
	}
	// moving a subtree recomputes it
	chain[3].Write(orm.Values{"parent_id": chain[0].ID()})
	if got := chain[4].Str("path"); got != "root/d/e" {
		t.Errorf("after moving d under the root: got %q", got)
	}
}

func TestMany2manyMarksOnlyImpacted(t *testing.T) {
	env := computeEnv(t)
	members := env.Model("test.member").Create(orm.Values{"name": "ann"}, orm.Values{"name": "bob"}, orm.Values{"name": "cid"})
	tag := env.Model("test.ctag").Create(orm.Values{"name": "t", "member_ids": []any{orm.Command.Link(members.At(0).ID())}})
	env.FlushAll()
	if got := tag.Str("member_names"); got != "ann" {
		t.Fatalf("member_names: got %q", got)
	}
	clear(calls)
	tag.Write(orm.Values{"member_ids": []any{orm.Command.Link(members.At(1).ID()), orm.Command.Link(members.At(2).ID())}})
	marked := env.Model("test.member").ToCompute("tag_count")
	if !marked.Equal(members.Slice(1, 3)) {
		t.Errorf("tag_count marked: got %v, want %v", marked, members.Slice(1, 3))
	}
	env.FlushAll()
	for i, want := range []int64{1, 1, 1} {
		if got := members.At(i).Int("tag_count"); got != want {
			t.Errorf("%s tag_count: got %d, want %d", members.At(i), got, want)
		}
	}
	// from the other side, and through a name on the comodel
	members.At(2).Write(orm.Values{"tag_ids": []any{orm.Command.Clear()}})
	members.At(1).Write(orm.Values{"name": "bea"})
	if got := tag.Str("member_names"); got != "ann,bea" {
		t.Errorf("member_names: got %q, want ann,bea", got)
	}
	if got := members.At(2).Int("tag_count"); got != 0 {
		t.Errorf("tag_count after clear: got %d", got)
	}
}

func TestNonStoredInvalidation(t *testing.T) {
	env := computeEnv(t)
	ms := env.Model("test.member").Create(orm.Values{"name": "ann"}, orm.Values{"name": "bob"})
	_ = ms.At(0).Str("greeting")
	clear(calls)
	ms.At(1).Write(orm.Values{"name": "bea"})
	before := env.QueryCount()
	if got := ms.At(0).Str("greeting"); got != "Hello ann" {
		t.Errorf("greeting: got %q", got)
	}
	if len(calls["greeting"]) != 0 || env.QueryCount() != before {
		t.Errorf("ann's value was invalidated by bob's change: %v computed, %d queries", calls["greeting"], env.QueryCount()-before)
	}
	if got := ms.At(1).Str("greeting"); got != "Hello bea" {
		t.Errorf("greeting after write: got %q", got)
	}
	// every env of the transaction sees the change
	other := ms.At(1).WithContext(orm.Ctx{"some": "key"})
	ms.At(1).Write(orm.Values{"name": "bo"})
	if got := other.Str("greeting"); got != "Hello bo" {
		t.Errorf("greeting in another env: got %q", got)
	}
}

func TestDependsContext(t *testing.T) {
	env := computeEnv(t)
	m := env.Model("test.member").Create(orm.Values{"name": "ann"})
	fr := m.WithContext(orm.Ctx{"lang": "fr_FR"})
	formal := m.WithContext(orm.Ctx{"formal": true})
	for i := 0; i < 2; i++ {
		if got := m.Str("greeting"); got != "Hello ann" {
			t.Errorf("en: got %q", got)
		}
		if got := fr.Str("greeting"); got != "Bonjour ann" {
			t.Errorf("fr: got %q", got)
		}
		if got := formal.Str("greeting"); got != "Hello dear ann" {
			t.Errorf("formal: got %q", got)
		}
	}
	if got := len(calls["greeting"]); got != 3 {
		t.Errorf("computations: got %d, want 3 (one per context, then cached)", got)
	}
	m.Write(orm.Values{"name": "bob"})
	if got := fr.Str("greeting"); got != "Bonjour bob" {
		t.Errorf("fr after write: got %q", got)
	}
}

func TestInverseCalledOnce(t *testing.T) {
	env := computeEnv(t)
	m := env.Model("test.member").Create(orm.Values{"name": "ann"})
	m.Write(orm.Values{"upper": "BOB", "lower": "bob"})
	if inverseCalls != 1 {
		t.Errorf("inverse calls: got %d, want 1", inverseCalls)
	}
	if got := m.Str("name"); got != "bob!" {
		t.Errorf("name after inverse: got %q", got)
	}
	if got := m.Str("upper"); got != "BOB" {
		t.Errorf("upper keeps the value written (protected during the inverse): got %q", got)
	}
	env.InvalidateAll()
	if got := m.Str("upper"); got != "BOB!" {
		t.Errorf("upper recomputed from the new name: got %q", got)
	}
	found := env.Model("test.member").Search("[('upper', '=', 'BOB!')]")
	if !found.Equal(m) {
		t.Errorf("search through the search function: got %v", found)
	}
}

func TestComputeSudo(t *testing.T) {
	env := computeEnv(t)
	m := env.Model("test.member").Create(orm.Values{"name": "ann"}).Sudo(false)
	if m.Bool("computed_as_su") {
		t.Errorf("a non-stored field computes in the reader's mode by default")
	}
	if !m.Bool("computed_as_su_sudo") {
		t.Errorf("ComputeSudo(true) computes as superuser")
	}
}

func TestUnassignedAndPanickingComputes(t *testing.T) {
	env := computeEnv(t)
	m := env.Model("test.member").Create(orm.Values{"name": "ann"})
	err := env.Catch(func() { m.Get("empty") })
	var ve *orm.ValidationError
	if !errors.As(err, &ve) || ve.Field != "empty" || !strings.Contains(err.Error(), "test.member.empty") {
		t.Errorf("unassigned: got %v, want a ValidationError naming test.member.empty", err)
	}
	err = env.Catch(func() {
		m.Write(orm.Values{"name": "boom"})
		m.Get("boom")
	})
	var ue *orm.UserError
	if !errors.As(err, &ue) || !strings.Contains(err.Error(), "computing test.member.boom") {
		t.Errorf("panicking compute: got %v, want a UserError naming test.member.boom", err)
	}
	if got := m.Str("name"); got != "ann" {
		t.Errorf("the statement was not rolled back: name %q", got)
	}
}

func TestEditableStoredComputed(t *testing.T) {
	env := computeEnv(t)
	ms := env.Model("test.member")
	a := ms.Create(orm.Values{"name": "ann"})
	b := ms.Create(orm.Values{"name": "bob", "code": "X"})
	if a.Str("code") != "A" || b.Str("code") != "X" {
		t.Fatalf("codes: got %q %q, want A X", a.Str("code"), b.Str("code"))
	}
	b.Write(orm.Values{"code": "Y"})
	env.FlushAll()
	env.InvalidateAll()
	if got := b.Str("code"); got != "Y" {
		t.Errorf("written value: got %q", got)
	}
	b.Write(orm.Values{"name": "zed"})
	if got := b.Str("code"); got != "Z" {
		t.Errorf("after a dependency change: got %q, want Z", got)
	}
}

func TestMonetaryRoundsToCurrency(t *testing.T) {
	env := computeEnv(t)
	eur := env.Ref("base.EUR")
	m := env.Model("test.member").Create(orm.Values{"name": "ann", "currency_id": eur.ID(), "amount": 1.005})
	if got := m.Float("amount"); got != 1.01 {
		t.Errorf("create: got %v, want 1.01", got)
	}
	m.Write(orm.Values{"amount": 2.344})
	if got := m.Float("amount"); got != 2.34 {
		t.Errorf("write: got %v, want 2.34", got)
	}
	usd := env.Ref("base.USD")
	both := m.Union(env.Model("test.member").Create(orm.Values{"name": "bob", "currency_id": usd.ID()}))
	if err := env.Catch(func() { both.Write(orm.Values{"amount": 3.0}) }); err == nil {
		t.Errorf("one amount for two currencies: got no error")
	}
}

func TestModifiedAfterRawSQL(t *testing.T) {
	env := computeEnv(t)
	m := env.Model("test.member").Create(orm.Values{"name": "ann"})
	tag := env.Model("test.ctag").Create(orm.Values{"name": "t", "member_ids": []any{orm.Command.Link(m.ID())}})
	if got := tag.Str("member_names"); got != "ann" {
		t.Fatalf("member_names: got %q", got)
	}
	env.FlushAll()
	env.Tx().Exec("UPDATE test_member SET name = $1 WHERE id = $2", "amy", m.ID())
	if got := m.Str("name"); got != "ann" {
		t.Errorf("the raw Transaction.Exec does not touch the cache: got %q", got)
	}
	m.InvalidateRecordset("name")
	m.Modified("name")
	if got := tag.Str("member_names"); got != "amy" {
		t.Errorf("after InvalidateRecordset + Modified: got %q, want amy", got)
	}
	rows := env.Tx().QueryValues("SELECT member_names FROM test_ctag WHERE id = $1", tag.ID())
	if len(rows) != 1 || rows[0][0] != "ann" {
		t.Errorf("not flushed yet, the database still has the old value: %v", rows)
	}
	tag.FlushRecordset()
	rows = env.Tx().QueryValues("SELECT member_names FROM test_ctag WHERE id = $1", tag.ID())
	if rows[0][0] != "amy" {
		t.Errorf("after FlushRecordset: %v", rows)
	}
	m.InvalidateModel()
	if got := m.Str("name"); got != "amy" {
		t.Errorf("after InvalidateModel: got %q", got)
	}
}

func TestNewRecordNeverReachesSQL(t *testing.T) {
	env := computeEnv(t)
	var sqls []string
	env.Tx().OnQuery(func(sql string, args []any) { sqls = append(sqls, sql) })
	n := env.Model("test.member").New(orm.Values{"name": "ann"})
	n.Set("name", "amy")
	if got := n.Str("upper"); got != "AMY" {
		t.Errorf("computed on a new record: got %q", got)
	}
	if got := n.Str("code"); got != "A" {
		t.Errorf("stored computed on a new record: got %q", got)
	}
	env.FlushAll()
	if len(sqls) != 0 {
		t.Errorf("a new record sent SQL: %v", sqls)
	}
	real := env.Model("test.member").Create(orm.Values{"name": "bob"})
	copyOf := env.Model("test.member").NewFrom(real, orm.Values{"code": "Q"})
	if copyOf.Str("name") != "bob" || copyOf.Str("code") != "Q" || !copyOf.Origin().Equal(real) {
		t.Errorf("new record from origin: name %q code %q origin %v", copyOf.Str("name"), copyOf.Str("code"), copyOf.Origin())
	}
}

func TestBadDependencies(t *testing.T) {
	for _, c := range []struct {
		name string
		defs []orm.ModelDef
		want string
	}{
		{"unknown path", []orm.ModelDef{{Name: "x.bad", Fields: []*orm.FieldDef{
			orm.Many2one("parent_id", "x.bad"),
			orm.Char("c").Compute(func(orm.Recordset) {}, "parent_id.nope"),
		}}}, `x.bad.c: invalid dependency "parent_id.nope": unknown field x.bad.nope`},
		{"cycle", []orm.ModelDef{{Name: "x.cycle", Fields: []*orm.FieldDef{
			orm.Char("a").Store().Compute(func(orm.Recordset) {}, "b"),
			orm.Char("b").Store().Compute(func(orm.Recordset) {}, "a"),
		}}}, "dependency cycle x.cycle.a → x.cycle.b → x.cycle.a"},
		{"self through a relation", []orm.ModelDef{{Name: "x.tree", Fields: []*orm.FieldDef{
			orm.Many2one("parent_id", "x.tree"),
			orm.Char("a").Store().Compute(func(orm.Recordset) {}, "parent_id.a"),
		}}}, "must be marked Recursive"},
	} {
		t.Run(c.name, func(t *testing.T) {
			reg := orm.NewRegistry()
			if err := reg.Define(c.defs...); err != nil {
				t.Fatal(err)
			}
			err := reg.Setup()
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got %v, want an error containing %q", err, c.want)
			}
		})
	}
}

// env.Cr() is safer than Odoo's cursor: pending ORM writes go first (a
// raw UPDATE is never overwritten by a later flush), and Execute forgets
// the cache so the ORM reads what the statement changed.
func TestCursorFlushesAndInvalidates(t *testing.T) {
	env := computeEnv(t)
	m := env.Model("test.member").Create(orm.Values{"name": "ann"})
	env.FlushAll()
	m.Set("name", "pending")
	if n := env.Cr().Execute(orm.SQLf("UPDATE test_member SET name = %s WHERE id = %s", "raw", m.ID())); n != 1 {
		t.Fatalf("rows affected: %d", n)
	}
	if got := m.Str("name"); got != "raw" {
		t.Fatalf("after Execute the ORM reads %q, want the raw value", got)
	}
	env.FlushAll()
	rows := env.Tx().QueryValues("SELECT name FROM test_member WHERE id = $1", m.ID())
	if rows[0][0] != "raw" {
		t.Fatalf("a pending write overwrote the raw UPDATE: %v", rows)
	}
	m.Set("name", "orm")
	if rows := env.Cr().Query(orm.SQLf("SELECT name FROM test_member WHERE id = %s", m.ID())); rows[0][0] != "orm" {
		t.Fatalf("Query did not see the pending ORM write: %v", rows)
	}
}

func dbInt(t *testing.T, env *orm.Env, q string, args ...any) int64 {
	t.Helper()
	rows := env.Tx().QueryValues(q, args...)
	if len(rows) == 0 || rows[0][0] == nil {
		return -1
	}
	switch v := rows[0][0].(type) {
	case int32:
		return int64(v)
	case int64:
		return v
	}
	t.Fatalf("dbInt: %T", rows[0][0])
	return 0
}

func TestLinkMovesLineAndRecomputesBothOrders(t *testing.T) {
	env := testdb.Env(t, coreAddon, reviewAddon)
	a := reviewOrder(env, "a", 1, 2)
	b := reviewOrder(env, "b", 5)
	la := a.Rel("line_ids")
	if a.Int("total") != 3 || b.Int("total") != 5 {
		t.Fatalf("totals %d %d", a.Int("total"), b.Int("total"))
	}
	b.Write(orm.Values{"line_ids": []any{orm.Command.Link(la.IDs()[0])}})
	if got := a.Rel("line_ids").Len(); got != 1 {
		t.Errorf("a lines after link to b: %d", got)
	}
	if a.Int("total") != 2 || b.Int("total") != 6 {
		t.Errorf("totals after link: %d %d", a.Int("total"), b.Int("total"))
	}
	env.FlushAll()
	if got := dbInt(t, env, "SELECT total FROM test_thing WHERE id=$1", a.ID()); got != 2 {
		t.Errorf("db total a %d", got)
	}
}

// Odoo: "Same-value batch write = 1 UPDATE; recomputations happen at flush
// time".
func TestRuleRecomputeAtFlush(t *testing.T) {
	env, m := rulesEnv(t)
	rs := m.Create(orm.Values{"name": "a", "n": 1}, orm.Values{"name": "b", "n": 2})
	env.FlushAll()
	clear(ruleCalls)
	rs.Write(orm.Values{"n": 5})
	if ruleCalls["double"] != 0 {
		t.Errorf("double computed at write time (%d calls), want at flush", ruleCalls["double"])
	}
	n, stmts := countQueries(env, func() { env.FlushAll() })
	if n != 1 || stmts[0] != "UPDATE" || ruleCalls["double"] != 1 {
		t.Errorf("flush: %d statements %v, %d computations; want 1 UPDATE (n and double together), 1 computation", n, stmts, ruleCalls["double"])
	}
}

// Odoo: "A computed field without any @api.depends is still computed on first
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

// Odoo: "related: non-stored, not copied, readonly by default (with
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

// Odoo: "Stored computed fields never end up stale after unlink cascades";
// Odoo: dependencies through one2many: create/unlink of lines recompute.
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
