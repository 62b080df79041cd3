package repl_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"odsh/internal/testdb"
	"odsh/orm"
)

// TestSessionConflict: another transaction commits a change to a partner
// the session then writes. The entry fails with a ConcurrencyError naming
// the partner, the session shows the uncommitted work that is lost (its
// :diff), rolls back, and goes on in a new transaction that sees the
// other's change.
func TestSessionConflict(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	other, err := pgx.Connect(ctx, testdb.PreparedDSN(t))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close(ctx)
	var id int64
	if err := other.QueryRow(ctx, "INSERT INTO res_partner (name, color, active) VALUES ('Conflict Target', 0, true) RETURNING id").Scan(&id); err != nil {
		t.Fatal(err)
	}
	defer other.Exec(context.Background(), "DELETE FROM res_partner WHERE id = $1", id)

	s, out := newSession(t)
	eval := func(entry string) error {
		out.Reset()
		return s.Eval(ctx, entry)
	}
	for _, entry := range []string{
		`lost := env.Model("res.partner").Create(orm.Values{"name": "Lost Work"})`,
		fmt.Sprintf(`p := env.Model("res.partner").Browse(%d)`, id),
		`p.Int("color")`,
	} {
		if err := eval(entry); err != nil {
			t.Fatalf("%s: %v", entry, err)
		}
	}
	if _, err := other.Exec(ctx, "UPDATE res_partner SET color = 7 WHERE id = $1", id); err != nil {
		t.Fatal(err)
	}
	err = eval(`p.Write(orm.Values{"color": 1})`)
	var ce *orm.ConcurrencyError
	if !errors.As(err, &ce) {
		t.Fatalf("got %v, want a ConcurrencyError", err)
	}
	for _, want := range []string{
		"ConcurrencyError: res.partner: another transaction changed the same rows",
		fmt.Sprintf("[ids %d]", id),
		"its uncommitted work is lost:",
		"created res.partner(",
		"rolled back; the session goes on in a new transaction",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output %q lacks %q", out.String(), want)
		}
	}
	if s.Dirty() {
		t.Error("the session is still dirty after the conflict")
	}
	if err := eval(`p.Int("color")`); err != nil || strings.TrimSpace(out.String()) != "7" {
		t.Errorf("after the conflict: got %q (%v), want 7 (the other's committed change)", out.String(), err)
	}
	if err := eval(`env.Model("res.partner").SearchCount("[('name', '=', 'Lost Work')]")`); err != nil || strings.TrimSpace(out.String()) != "0" {
		t.Errorf("the lost work: got %q (%v), want 0 records", out.String(), err)
	}
}
