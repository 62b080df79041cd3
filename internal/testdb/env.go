package testdb

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"odsh/addons/base"
	"odsh/orm"
)

// A prepared database: a registry and a database with its addons
// installed, built once per test binary for each set of addons.
type prepared struct {
	reg  *orm.Registry
	dsn  string
	idle []*pgx.Conn
}

var (
	prepMu sync.Mutex
	preps  = map[string]*prepared{}
)

// Env returns a superuser env on a database where base and the given addons
// (with their dependencies) are installed, in a transaction rolled back when
// the test ends, as Odoo's TransactionCase. Tests using it must not run in
// parallel with each other on the same addons.
func Env(t testing.TB, addons ...*orm.Addon) *orm.Env {
	t.Helper()
	p := prepare(t, addons)
	conn := p.conn(t)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	tx, err := orm.Begin(ctx, conn, p.reg, orm.TxOptions{})
	if err != nil {
		cancel()
		t.Fatalf("testdb: begin: %v", err)
	}
	t.Cleanup(func() {
		defer cancel()
		if err := tx.Close(); err != nil || conn.IsClosed() {
			conn.Close(context.Background())
			return
		}
		prepMu.Lock()
		p.idle = append(p.idle, conn)
		prepMu.Unlock()
	})
	tx.SetShared(true) // subtests (t.Run) use it from goroutines of their own, one at a time
	return tx.Env(orm.SuperuserID, nil)
}

// PrivateEnv is Env with a registry of its own, built for this test from
// the same addons: a test that declares models at run time (Env.Declare)
// changes the registry, which Env shares between the tests of a binary.
// The transaction is rolled back and the connection closed when the test
// ends.
func PrivateEnv(t testing.TB, addons ...*orm.Addon) *orm.Env {
	t.Helper()
	p := prepare(t, addons)
	ordered := orderedAddons(t, addons)
	reg, err := orm.NewRegistryFrom(ordered)
	if err != nil {
		t.Fatalf("testdb: registry: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	conn, err := orm.Connect(ctx, p.dsn)
	if err != nil {
		cancel()
		t.Fatalf("testdb: connect: %v", err)
	}
	tx, err := orm.Begin(ctx, conn, reg, orm.TxOptions{})
	if err != nil {
		conn.Close(context.Background())
		cancel()
		t.Fatalf("testdb: begin: %v", err)
	}
	t.Cleanup(func() {
		tx.Close()
		conn.Close(context.Background())
		cancel()
	})
	tx.SetShared(true) // subtests (t.Run) use it from goroutines of their own, one at a time
	return tx.Env(orm.SuperuserID, nil)
}

// Registry returns the registry Env uses for these addons.
func Registry(t testing.TB, addons ...*orm.Addon) *orm.Registry {
	t.Helper()
	return prepare(t, addons).reg
}

// PreparedDSN returns the DSN of the database Env uses for these addons.
func PreparedDSN(t testing.TB, addons ...*orm.Addon) string {
	t.Helper()
	return prepare(t, addons).dsn
}

func (p *prepared) conn(t testing.TB) *pgx.Conn {
	prepMu.Lock()
	if n := len(p.idle); n > 0 {
		c := p.idle[n-1]
		p.idle = p.idle[:n-1]
		prepMu.Unlock()
		return c
	}
	prepMu.Unlock()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	c, err := orm.Connect(ctx, p.dsn)
	if err != nil {
		t.Fatalf("testdb: connect: %v", err)
	}
	return c
}

// prepare builds (once) the registry and database of an addon set.
func prepare(t testing.TB, addons []*orm.Addon) *prepared {
	t.Helper()
	ordered := orderedAddons(t, addons)
	key := addonKey(ordered)
	prepMu.Lock()
	p := preps[key]
	prepMu.Unlock()
	if p != nil {
		return p
	}
	reg, err := orm.NewRegistryFrom(ordered)
	if err != nil {
		t.Fatalf("testdb: registry: %v", err)
	}
	name := fmt.Sprintf("odsh_test_%d_%s", os.Getpid(), key)
	dsn := CreateDatabase(t, name, "")
	if err := Install(dsn, reg); err != nil {
		t.Fatalf("testdb: install %s: %v", strings.Join(addonNames(ordered), ","), err)
	}
	p = &prepared{reg: reg, dsn: dsn}
	prepMu.Lock()
	preps[key] = p
	prepMu.Unlock()
	return p
}

// orderedAddons returns base and addons with their dependencies, in
// installation order.
func orderedAddons(t testing.TB, addons []*orm.Addon) []*orm.Addon {
	t.Helper()
	all := append([]*orm.Addon{base.Addon}, addons...)
	ordered, err := orm.OrderAddons(all, addonNames(all)...)
	if err != nil {
		t.Fatal(err)
	}
	return ordered
}

func addonKey(addons []*orm.Addon) string {
	names := addonNames(addons)
	sort.Strings(names)
	h := sha256.Sum256([]byte(strings.Join(names, ",")))
	return hex.EncodeToString(h[:])[:10]
}

// Install creates the schema of reg's addons on dsn's database and loads
// their data, in one committed transaction (a failure leaves nothing).
func Install(dsn string, reg *orm.Registry) error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	conn, err := orm.Connect(ctx, dsn)
	if err != nil {
		return err
	}
	defer conn.Close(context.Background())
	tx, err := orm.Begin(ctx, conn, reg, orm.TxOptions{})
	if err != nil {
		return err
	}
	defer tx.Close()
	return orm.Run(ctx, tx.Env(orm.SuperuserID, nil), func(env *orm.Env) error {
		orm.Install(env, nil)
		return nil
	})
}

func addonNames(addons []*orm.Addon) []string {
	names := make([]string, len(addons))
	for i, a := range addons {
		names[i] = a.Name
	}
	return names
}
