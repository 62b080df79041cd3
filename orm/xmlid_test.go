package orm_test

import (
	"testing"

	"odsh/internal/testdb"
	"odsh/orm"
)

// An external id repointed through the ORM (a common data fix), created
// after a failed lookup, or changed by raw SQL followed by InvalidateAll,
// must resolve to its new record at once.
func TestRefFollowsExternalIDChanges(t *testing.T) {
	env := testdb.Env(t, coreAddon, reviewAddon)
	tags := env.Model("test.tag").Create(orm.Values{"name": "old"}, orm.Values{"name": "new"}, orm.Values{"name": "sql"})
	old, repl, viaSQL := tags.Records()[0], tags.Records()[1], tags.Records()[2]
	if _, ok := env.RefOK("review.moving"); ok {
		t.Fatal("review.moving exists before the test")
	}
	data := env.Model("ir.model.data").Create(orm.Values{"module": "review", "name": "moving", "model": "test.tag", "res_id": old.ID()})
	if got := env.Ref("review.moving"); got.ID() != old.ID() {
		t.Fatalf("Ref after create: got %v, want %v", got, old)
	}
	data.Write(orm.Values{"res_id": repl.ID()})
	if got := env.Ref("review.moving"); got.ID() != repl.ID() {
		t.Errorf("Ref after the external id was repointed: got %v, want %v", got, repl)
	}
	env.FlushAll()
	env.Tx().Exec("UPDATE ir_model_data SET res_id = $1 WHERE id = $2", viaSQL.ID(), data.ID())
	env.InvalidateAll()
	if got := env.Ref("review.moving"); got.ID() != viaSQL.ID() {
		t.Errorf("Ref after raw SQL and InvalidateAll: got %v, want %v", got, viaSQL)
	}
}
