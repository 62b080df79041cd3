package orm_test

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"odsh/internal/testdb"
	"odsh/orm"
)

// TestNameCreateWithoutRecName: name_create on a model without a rec name
// creates nothing and returns False (0, ""), as Odoo; a declared model
// with an x_name field gets it as its rec name, as Odoo's custom models.
func TestNameCreateWithoutRecName(t *testing.T) {
	env := privateEnv(t)
	env.Declare(orm.ModelDef{Name: "x.counter", Fields: []*orm.FieldDef{orm.Integer("x_value")}},
		orm.ModelDef{Name: "x.label", Fields: []*orm.FieldDef{orm.Char("x_name"), orm.Integer("x_value")}})
	var id int64
	var name string
	if err := env.Catch(func() { id, name = env.Model("x.counter").NameCreate("seven") }); err != nil || id != 0 || name != "" {
		t.Errorf("NameCreate without rec name: got (%d, %q, %v), want (0, \"\", nil)", id, name, err)
	}
	if n := env.Model("x.counter").SearchCount("[]"); n != 0 {
		t.Errorf("NameCreate without rec name created %d records, want 0", n)
	}
	labels := env.Model("x.label")
	if got := labels.Model().RecName; got != "x_name" {
		t.Errorf("rec name of a model with x_name: got %q, want %q", got, "x_name")
	}
	id, name = labels.NameCreate("Blue")
	if id == 0 || name != "Blue" || labels.Browse(id).Str("x_name") != "Blue" {
		t.Errorf("NameCreate with x_name: got (%d, %q), want a record named Blue", id, name)
	}
}

func TestCreateIgnoresReadonlyComputedValues(t *testing.T) {
	env := testdb.Env(t, coreAddon, reviewAddon)
	a := env.Model("test.thing").Create(orm.Values{"name": "a", "total": 99, "upper": "zz"})
	if a.Int("total") != 0 || a.Str("upper") != "A" {
		t.Errorf("create with values for read-only computed fields: got total %d, upper %q; want 0, %q", a.Int("total"), a.Str("upper"), "A")
	}
}

// Odoo: "Stored computed readonly fields ignore values passed to create;
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

// Odoo: "create(vals | [vals]) returns records in order; create([]) returns
// empty"; "_origin of a real record is itself".
func TestRuleCreateOrderAndOrigin(t *testing.T) {
	env, m := rulesEnv(t)
	n := env.QueryCount()
	if got := m.Create(); got.Len() != 0 || env.QueryCount() != n {
		t.Errorf("Create(): got %v after %d queries, want empty and none", got, env.QueryCount()-n)
	}
	rs := m.Create(orm.Values{"name": "z"}, orm.Values{"name": "a"}, orm.Values{"name": "m"})
	if got := names(rs); !sameStrings(got, []string{"z", "a", "m"}) {
		t.Errorf("Create order: got %v", got)
	}
	if !rs.Origin().Equal(rs) {
		t.Errorf("Origin of real records: got %v", rs.Origin())
	}
}

// bulkStatements runs f and returns the first word of each statement it
// sent, with the table each INSERT or UPDATE names.
func bulkStatements(env *orm.Env, f func()) []string {
	var log []string
	env.Tx().OnQuery(func(sql string, _ []any) {
		w := strings.Fields(sql)
		switch w[0] {
		case "INSERT", "UPDATE":
			t := w[1]
			if w[0] == "INSERT" {
				t = w[2]
			}
			log = append(log, w[0]+" "+strings.Trim(t, `"`))
		default:
			log = append(log, w[0])
		}
	})
	defer env.Tx().OnQuery(func(string, []any) {})
	f()
	return log
}

// TestBulkCreateComputesBeforeInsert: a Create of many records computes
// their stored computed fields before the INSERT (ids reserved from the
// sequence first), so the flush sends no UPDATE; a recursive field reading
// an existing parent's value gets the same value as created one by one.
func TestBulkCreateComputesBeforeInsert(t *testing.T) {
	env := computeEnv(t)
	nodes := env.Model("test.node")
	root := nodes.Create(orm.Values{"name": "root"})
	env.FlushAll()
	vals := make([]orm.Values, 150)
	for i := range vals {
		vals[i] = orm.Values{"name": fmt.Sprintf("n%03d", i), "parent_id": root.ID()}
	}
	var bulk orm.Recordset
	stmts := bulkStatements(env, func() {
		bulk = nodes.Create(vals...)
		env.FlushAll()
	})
	if want := []string{"SELECT", "INSERT test_node"}; !slices.Equal(stmts, want) {
		t.Errorf("create of 150 nodes and flush: statements %v, want %v", stmts, want)
	}
	env.InvalidateAll()
	for i, n := range bulk.Records() {
		if got, want := n.Str("path"), fmt.Sprintf("root/n%03d", i); got != want {
			t.Fatalf("path of node %d: got %q, want %q", i, got, want)
		}
	}
	// the new records depend on their parent as any others
	root.Write(orm.Values{"name": "top"})
	env.FlushAll()
	env.InvalidateAll()
	if got := bulk.At(149).Str("path"); got != "top/n149" {
		t.Errorf("path after renaming the parent: got %q, want top/n149", got)
	}
	// below the threshold: Odoo's INSERT, then the UPDATE at flush
	stmts = bulkStatements(env, func() {
		nodes.Create(vals[:3]...)
		env.FlushAll()
	})
	if len(stmts) == 0 || stmts[0] != "INSERT test_node" || !slices.Contains(stmts, "UPDATE test_node") {
		t.Errorf("create of 3 nodes and flush: statements %v, want INSERT test_node first and an UPDATE test_node", stmts)
	}
}

// TestBulkCreateInsertsBeforeAnyQuery: when computing a new record's field
// needs a query (tag_count reads the many2many tag_ids), the INSERT is
// sent first, so the query sees the new records; the fields computed from
// then on are written by the flush, with the same values.
func TestBulkCreateInsertsBeforeAnyQuery(t *testing.T) {
	env := computeEnv(t)
	vals := make([]orm.Values, 120)
	for i := range vals {
		vals[i] = orm.Values{"name": fmt.Sprintf("member %d", i)}
	}
	var ms orm.Recordset
	stmts := bulkStatements(env, func() {
		ms = env.Model("test.member").Create(vals...)
		env.FlushAll()
	})
	if len(stmts) < 3 || stmts[0] != "SELECT" || stmts[1] != "INSERT test_member" || stmts[len(stmts)-1] != "UPDATE test_member" {
		t.Errorf("create of 120 members and flush: statements %v, want SELECT (ids), INSERT test_member first, the UPDATE last", stmts)
	}
	env.InvalidateAll()
	rows := env.Cr().Query(orm.SQLf("SELECT count(*), count(*) FILTER (WHERE tag_count = 0 AND code = 'M') FROM test_member WHERE id = ANY(%s)", ms.IDs()))
	if rows[0][0] != int64(120) || rows[0][1] != int64(120) {
		t.Errorf("members in the table, and with tag_count 0 and code M: got %v, want 120 and 120", rows[0])
	}
}

// TestBulkCreateComputeErrorInsertsNothing: a compute that fails during a
// bulk create reports its error; rolled back to the savepoint, nothing of
// the create remains, and the next create works.
func TestBulkCreateComputeErrorInsertsNothing(t *testing.T) {
	env := privateEnv(t)
	env.Declare(orm.ModelDef{Name: "x.bulk", Fields: []*orm.FieldDef{
		orm.Char("x_name"),
		orm.Char("x_label").Store().Compute(func(rs orm.Recordset) {
			for _, r := range rs.Records() {
				if r.Str("x_name") == "bad" {
					panic(&orm.UserError{ErrorInfo: orm.ErrorInfo{Model: "x.bulk", Msg: "bad name"}})
				}
				r.Set("x_label", "<"+r.Str("x_name")+">")
			}
		}, "x_name"),
	}})
	vals := make([]orm.Values, 200)
	for i := range vals {
		vals[i] = orm.Values{"x_name": fmt.Sprint(i)}
	}
	vals[150] = orm.Values{"x_name": "bad"}
	bulk := env.Model("x.bulk")
	err := env.Catch(func() { bulk.Create(vals...) })
	var ue *orm.UserError
	if !errors.As(err, &ue) || !strings.HasSuffix(err.Error(), ": bad name") {
		t.Fatalf("bulk create with a failing compute: got %v, want the compute's UserError", err)
	}
	if n := bulk.SearchCount("[]"); n != 0 {
		t.Errorf("records after the failed create: %d, want 0", n)
	}
	vals[150] = orm.Values{"x_name": "150"}
	recs := bulk.Create(vals...)
	env.FlushAll()
	env.InvalidateAll()
	if got := recs.At(150).Str("x_label"); got != "<150>" || bulk.SearchCount("[]") != 200 {
		t.Errorf("after the failed create: label %q, %d records; want <150> and 200", got, bulk.SearchCount("[]"))
	}
}

// TestBulkCreateRecordReferringToAnotherNew: a bulk create where one
// record's parent is another of the same call (an id taken from the
// sequence ahead) still computes the recursive field record by record.
func TestBulkCreateRecordReferringToAnotherNew(t *testing.T) {
	env := computeEnv(t)
	nodes := env.Model("test.node")
	nodes.Create(orm.Values{"name": "before"})
	env.FlushAll()
	next := env.Cr().Query(orm.SQLf("SELECT last_value + 1 FROM test_node_id_seq"))[0][0].(int64)
	vals := make([]orm.Values, 120)
	for i := range vals {
		vals[i] = orm.Values{"name": fmt.Sprintf("n%03d", i)}
	}
	vals[0]["parent_id"] = next + 10 // the eleventh record of this create
	created := nodes.Create(vals...)
	if created.At(0).ID() != next {
		t.Fatalf("first id: got %d, want %d (the sequence moved)", created.At(0).ID(), next)
	}
	env.FlushAll()
	env.InvalidateAll()
	if got := created.At(0).Str("path"); got != "n010/n000" {
		t.Errorf("path of a record whose parent is created after it in the same call: got %q, want n010/n000", got)
	}
}

// TestBulkCreateRawQueryInCompute: a compute that runs raw SQL during a
// bulk create sees the new records (the INSERT goes first), and its SELECT
// is not reported as a write (the INSERT's rows are not counted as its).
func TestBulkCreateRawQueryInCompute(t *testing.T) {
	env := privateEnv(t)
	env.Declare(orm.ModelDef{Name: "x.counted", Fields: []*orm.FieldDef{
		orm.Char("x_name"),
		orm.Integer("x_seen").Store().Compute(func(rs orm.Recordset) {
			n := rs.Env().Cr().Query(orm.SQLf("SELECT count(*) FROM x_counted WHERE id = ANY(%s)", rs.IDs()))[0][0].(int64)
			for _, r := range rs.Records() {
				r.Set("x_seen", n)
			}
		}, "x_name"),
	}})
	var events []orm.WriteEvent
	env.Tx().OnWrite(func(ev orm.WriteEvent) { events = append(events, ev) })
	vals := make([]orm.Values, 150)
	for i := range vals {
		vals[i] = orm.Values{"x_name": fmt.Sprint(i)}
	}
	recs := env.Model("x.counted").Create(vals...)
	env.FlushAll()
	env.InvalidateAll()
	if got := recs.At(149).Int("x_seen"); got != 150 {
		t.Errorf("records the compute's raw SELECT saw: got %d, want 150", got)
	}
	for _, ev := range events {
		if ev.Op == orm.OpSQL {
			t.Errorf("the compute's raw SELECT was reported as a write: %+v", ev)
		}
	}
}
