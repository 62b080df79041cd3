package orm_test

import (
	"errors"
	"fmt"
	"reflect"
	"testing"

	"odsh/internal/testdb"
	"odsh/orm"
)

func TestRead(t *testing.T) {
	fx := newFixture(t)
	apple, empty := fx.items["apple"], fx.items["empty"]
	gone := fx.env.Model("test.search.item").Create(orm.Values{"name": "gone"})
	gone.Unlink()
	recs := apple.Concat(empty, gone)
	got := recs.Read("name", "count", "tag_id", "tag_ids", "line_ids", "day")
	if len(got) != 2 {
		t.Fatalf("got %d rows, want 2 (deleted record skipped)", len(got))
	}
	a, e := got[0], got[1]
	if a["id"] != apple.ID() || a["name"] != "Apple" || a["count"] != int64(3) {
		t.Errorf("apple: got %v", a)
	}
	if !reflect.DeepEqual(a["tag_id"], [2]any{fx.tags["a"].ID(), "Alpha"}) {
		t.Errorf("many2one: got %v, want [id Alpha]", a["tag_id"])
	}
	if !reflect.DeepEqual(a["tag_ids"], []int64{fx.tags["a"].ID(), fx.tags["b"].ID()}) {
		t.Errorf("many2many: got %v", a["tag_ids"])
	}
	if !reflect.DeepEqual(a["line_ids"], []int64{fx.lines["l1"].ID(), fx.lines["l2"].ID()}) {
		t.Errorf("one2many: got %v", a["line_ids"])
	}
	if e["name"] != nil || e["tag_id"] != nil || e["count"] != int64(0) || !reflect.DeepEqual(e["tag_ids"], []int64{}) || e["day"] != nil {
		t.Errorf("empty record: got %v", e)
	}
	cherry := fx.items["cherry"].Read("tag_ids", "line_ids")[0]
	if len(cherry["tag_ids"].([]int64)) != 0 || len(cherry["line_ids"].([]int64)) != 0 {
		t.Errorf("archived lines are read: %v", cherry)
	}
	err := apple.Env().Catch(func() { apple.Read("nmae") })
	var ve *orm.ValidationError
	if !errors.As(err, &ve) || ve.Field != "nmae" {
		t.Errorf("unknown field: got %v", err)
	}
}

func TestSearchFetchAndRead(t *testing.T) {
	fx := newFixture(t)
	items := fx.env.Model("test.search.item")
	fx.env.InvalidateAll()
	n := fx.env.QueryCount()
	found := items.SearchFetch(`[('count', '>', 0)]`, []string{"name", "count"}, orm.Order("count desc"))
	if got := fx.env.QueryCount() - n; got != 1 {
		t.Errorf("SearchFetch: %d statements, want 1", got)
	}
	n = fx.env.QueryCount()
	if found.At(0).Str("name") != "Cherry" || found.At(1).Int("count") != 3 {
		t.Errorf("SearchFetch: got %v", found)
	}
	if got := fx.env.QueryCount() - n; got != 0 {
		t.Errorf("reading fetched fields: %d statements, want 0", got)
	}
	rows := items.SearchRead(`[('name', 'ilike', 'an')]`, []string{"name"})
	if len(rows) != 1 || rows[0]["name"] != "banana" {
		t.Errorf("SearchRead: got %v", rows)
	}
	fx.env.InvalidateAll()
	all := items.Search(nil)
	all.Len() // runs the search (search_lazy.go)
	n = fx.env.QueryCount()
	all.Fetch("name", "tag_ids")
	if got := fx.env.QueryCount() - n; got != 2 {
		t.Errorf("Fetch(name, tag_ids): %d statements, want 2", got)
	}
	n = fx.env.QueryCount()
	all.Mapped("name")
	all.Mapped("tag_ids")
	if got := fx.env.QueryCount() - n; got != 0 {
		t.Errorf("after Fetch: %d statements, want 0", got)
	}
}

func TestNameSearch(t *testing.T) {
	fx := newFixture(t)
	items := fx.env.Model("test.search.item")
	got := items.NameSearch("an", nil, "", 0)
	if len(got) != 1 || got[0][0] != fx.items["banana"].ID() || got[0][1] != "banana" {
		t.Errorf("ilike an: got %v", got)
	}
	all := items.NameSearch("", `[('count', '>', 0)]`, "ilike", 1)
	if len(all) != 1 || all[0][1] != "Apple" {
		t.Errorf("empty name, domain, limit 1: got %v, want [Apple] (model order)", all)
	}
	if eq := items.NameSearch("Apple", nil, "=", 10); len(eq) != 1 {
		t.Errorf("= Apple: got %v", eq)
	}
	if zombie := items.NameSearch("Zombie", nil, "ilike", 0); len(zombie) != 0 {
		t.Errorf("archived record found: %v", zombie)
	}
}

func TestMappedFilteredGrouped(t *testing.T) {
	fx := newFixture(t)
	items := fx.env.Model("test.search.item").Search(nil, orm.Order("id"))
	if m := items.Mapped(""); !m.(orm.Recordset).Equal(items) {
		t.Errorf(`Mapped(""): got %v`, m)
	}
	tags := items.Mapped("tag_ids").(orm.Recordset)
	if tags.Len() != 3 { // a, b, a1: archived tags are not read
		t.Errorf("Mapped(tag_ids): got %v", tags)
	}
	names := items.Mapped("tag_id.name").([]any)
	if !reflect.DeepEqual(names, []any{"Alpha", "Alpha One", "Old"}) {
		t.Errorf("Mapped(tag_id.name): got %v", names)
	}
	parents := items.Mapped(func(r orm.Recordset) any { return r.Get("parent_id") }).(orm.Recordset)
	if !parents.Equal(fx.items["apple"].Concat(fx.items["banana"])) {
		t.Errorf("Mapped(func → records): got %v", parents)
	}
	counts := items.Mapped(func(r orm.Recordset) int64 { return r.Int("count") })
	if !reflect.DeepEqual(counts, []any{int64(0), int64(0), int64(3), int64(-2), int64(10)}) {
		t.Errorf("Mapped(func → int): got %v", counts)
	}
	if f := items.Filtered("tag_id"); !f.Equal(fx.items["apple"].Concat(fx.items["banana"], fx.items["cherry"])) {
		t.Errorf("Filtered(tag_id): got %v", f)
	}
	if f := items.Filtered("line_ids.qty"); !f.Equal(fx.items["apple"]) {
		t.Errorf("Filtered(line_ids.qty): got %v", f)
	}
	if f := items.Filtered(func(r orm.Recordset) bool { return r.Int("count") < 0 }); !f.Equal(fx.items["banana"]) {
		t.Errorf("Filtered(func): got %v", f)
	}
	groups := items.Grouped("state")
	if !reflect.DeepEqual(groups.Keys(), []any{nil, "draft", "done"}) {
		t.Errorf("Grouped keys: got %v", groups.Keys())
	}
	if g := groups.Get("draft"); !g.Equal(fx.items["apple"].Concat(fx.items["cherry"])) {
		t.Errorf("group draft: got %v", g)
	}
	byTag := items.Grouped("tag_id")
	if g := byTag.Get(fx.items["apple"].Rel("tag_id")); !g.Equal(fx.items["apple"]) {
		t.Errorf("group by a record: got %v", g)
	}
}

func TestArchive(t *testing.T) {
	fx := newFixture(t)
	items := fx.env.Model("test.search.item")
	apple, zombie := fx.items["apple"], fx.items["archived"]
	apple.ActionArchive()
	if items.Search(`[('name', '=', 'Apple')]`).Len() != 0 {
		t.Error("archived record still found")
	}
	if items.WithContext(orm.Ctx{"active_test": false}).Search(`[('name', '=', 'Apple')]`).Len() != 1 {
		t.Error("archived record not found with active_test false")
	}
	if items.SearchCount(`[('active', '=', False)]`) != 2 {
		t.Error("domain on active does not see archived records")
	}
	if apple.Str("name") != "Apple" {
		t.Error("archived record not readable")
	}
	apple.Concat(zombie).ToggleActive()
	if !apple.Bool("active") || !zombie.Bool("active") {
		t.Errorf("ToggleActive: apple %v zombie %v, want true true", apple.Bool("active"), zombie.Bool("active"))
	}
	zombie.ToggleActive()
	if zombie.Bool("active") {
		t.Error("ToggleActive did not archive")
	}
	zombie.ActionUnarchive()
	if !zombie.Bool("active") {
		t.Error("ActionUnarchive did not unarchive")
	}
	err := fx.env.Catch(func() { fx.env.Model("test.search.noname").Create(orm.Values{}).ActionArchive() })
	var ue *orm.UserError
	if !errors.As(err, &ue) {
		t.Errorf("archiving a model without active: got %v, want a UserError", err)
	}
}

func TestParentStore(t *testing.T) {
	fx := newFixture(t)
	tags := fx.env.Model("test.search.tag")
	root, a, a1, b := fx.tags["root"], fx.tags["a"], fx.tags["a1"], fx.tags["b"]
	path := func(ids ...int64) string {
		s := ""
		for _, id := range ids {
			s += fmt.Sprint(id) + "/"
		}
		return s
	}
	if got, want := a1.Str("parent_path"), path(root.ID(), a.ID(), a1.ID()); got != want {
		t.Fatalf("parent_path: got %q, want %q", got, want)
	}
	a.Write(orm.Values{"parent_id": b.ID()})
	fx.env.InvalidateAll()
	if got, want := a1.Str("parent_path"), path(root.ID(), b.ID(), a.ID(), a1.ID()); got != want {
		t.Errorf("after move: got %q, want %q", got, want)
	}
	if got := tags.Search([]any{[]any{"id", "child_of", b.ID()}}); got.Len() != 3 {
		t.Errorf("child_of b after move: got %v, want b, a, a1", got)
	}
	a.Write(orm.Values{"parent_id": nil})
	if got, want := a1.Str("parent_path"), path(a.ID(), a1.ID()); got != want {
		t.Errorf("after detaching: got %q, want %q", got, want)
	}
	err := a.Env().Catch(func() { a.Write(orm.Values{"parent_id": a1.ID()}) })
	var ue *orm.UserError
	if !errors.As(err, &ue) {
		t.Errorf("moving under a descendant: got %v, want a UserError", err)
	}
	err = a.Env().Catch(func() { a.Write(orm.Values{"parent_id": a.ID()}) })
	if !errors.As(err, &ue) {
		t.Errorf("moving under itself: got %v, want a UserError", err)
	}
	tags.ParentStoreCompute()
	if got, want := a1.Str("parent_path"), path(a.ID(), a1.ID()); got != want {
		t.Errorf("after ParentStoreCompute: got %q, want %q", got, want)
	}
	cat := fx.env.Model("res.partner.category")
	top := cat.Create(orm.Values{"name": "Top"})
	leaf := cat.Create(orm.Values{"name": "Leaf", "parent_id": top.ID()})
	if got := cat.Search([]any{[]any{"id", "parent_of", leaf.ID()}}); got.Len() != 2 {
		t.Errorf("res.partner.category parent_of: got %v", got)
	}
}

// "res.partner.category's display name is `Root / Child / Leaf`";
// "parent_path is root_id/…/own_id/".
func TestRuleCategoryDisplayName(t *testing.T) {
	env := testdb.Env(t)
	cat := env.Model("res.partner.category")
	root := cat.Create(orm.Values{"name": "Root"})
	child := cat.Create(orm.Values{"name": "Child", "parent_id": root.ID()})
	leaf := cat.Create(orm.Values{"name": "Leaf", "parent_id": child.ID()})
	if got := leaf.DisplayName(); got != "Root / Child / Leaf" {
		t.Errorf("display name: got %q", got)
	}
	want := itoa(root.ID()) + "/" + itoa(child.ID()) + "/" + itoa(leaf.ID()) + "/"
	if got := leaf.Str("parent_path"); got != want {
		t.Errorf("parent_path: got %q, want %q", got, want)
	}
	child.Write(orm.Values{"name": "Kid"})
	if got := leaf.DisplayName(); got != "Root / Kid / Leaf" {
		t.Errorf("after renaming the parent: got %q", got)
	}
}
