package main

import (
	"context"
	"fmt"
	"net"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"odsh/internal/testdb"
)

// TestConcurrentInstall starts three odsh processes at once on a database
// that does not exist yet: one creates and installs it, the others wait
// for it and find it installed. None may fail on a duplicate key.
func TestConcurrentInstall(t *testing.T) {
	bin := binary(t)
	dsn := testdb.MissingDSN(t, "odsh_concurrent_install")
	type result struct {
		stdout, stderr string
		code           int
	}
	results := make([]result, 3)
	var wg sync.WaitGroup
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			o, e, c := odsh(t, bin, dsn, "", "--addons", "base,connector,demo", "--demo", "none", "-c", `env.Model("ir.module.module").SearchCount("[('state', '=', 'installed')]")`)
			results[i] = result{o, e, c}
		}()
	}
	wg.Wait()
	for i, r := range results {
		if r.code != 0 || strings.TrimSpace(r.stdout) != "3" {
			t.Errorf("process %d: got exit %d, stdout %q, stderr %q; want exit 0 and 3 installed modules", i, r.code, r.stdout, r.stderr)
		}
	}
}

// TestUnreachable points --db at servers that cannot be used: each run must
// exit 2 quickly with one line on stderr saying why.
func TestUnreachable(t *testing.T) {
	bin := binary(t)
	dsn := testdb.DSN(t)
	execSQL(t, dsn, `DO $$ BEGIN
		IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'odsh_lowly') THEN CREATE ROLE odsh_lowly LOGIN; END IF;
	END $$`)
	refused := freePort(t)
	silent := silentServer(t)
	tests := []struct{ name, dsn, inStderr string }{
		{"refused", "host=127.0.0.1 port=" + refused + " dbname=x", "127.0.0.1:" + refused + " as "},
		{"refused reason", "host=127.0.0.1 port=" + refused + " dbname=x", "connection refused"},
		{"no socket", "host=/nonexistent dbname=x", "/nonexistent/.s.PGSQL.5432"},
		{"silent server", "host=127.0.0.1 port=" + silent + " dbname=x sslmode=disable", "timed out"},
		{"malformed", "postgres://%zz", "bad connection string"},
		{"unknown role", withParam(testdb.MissingDSN(t, "odsh_norole"), "user", "odsh_nosuchrole"), `role "odsh_nosuchrole" does not exist`},
		{"may not create", withParam(testdb.MissingDSN(t, "odsh_nocreate"), "user", "odsh_lowly"), "database odsh_nocreate does not exist, and role odsh_lowly may not create it"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, errOut, code := odsh(t, bin, tc.dsn, "", "-c", "1")
			if code != 2 || !strings.Contains(errOut, tc.inStderr) || strings.Count(errOut, "\n") != 1 {
				t.Errorf("got exit %d, stderr %q; want exit 2 and one line containing %q", code, errOut, tc.inStderr)
			}
		})
	}
}

// freePort returns a TCP port on 127.0.0.1 where nothing listens.
func freePort(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := fmt.Sprint(l.Addr().(*net.TCPAddr).Port)
	l.Close()
	return port
}

// silentServer accepts connections on 127.0.0.1 and never answers, until
// the test ends.
func silentServer(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var conns []net.Conn
	var mu sync.Mutex
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			conns = append(conns, c)
			mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		l.Close()
		mu.Lock()
		defer mu.Unlock()
		for _, c := range conns {
			c.Close()
		}
	})
	return fmt.Sprint(l.Addr().(*net.TCPAddr).Port)
}

// withParam sets a connection parameter of a URL or key=value DSN.
func withParam(dsn, key, value string) string {
	if u, err := url.Parse(dsn); err == nil && (u.Scheme == "postgres" || u.Scheme == "postgresql") {
		if key == "user" {
			u.User = url.User(value)
		} else {
			q := u.Query()
			q.Set(key, value)
			u.RawQuery = q.Encode()
		}
		return u.String()
	}
	return dsn + " " + key + "='" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(value) + "'"
}

// execSQL runs statements on dsn's database.
func execSQL(t *testing.T, dsn, sql string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, sql); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
}

// TestNewerSchema opens a database that a newer odsh changed: columns of
// types this binary does not map, a field of an unknown type in
// ir_model_fields, a model it does not know. Reading, copying and
// upgrading must work; nothing may crash.
func TestNewerSchema(t *testing.T) {
	bin := binary(t)
	dsn := testdb.MissingDSN(t, "odsh_newer_schema")
	if _, errOut, code := odsh(t, bin, dsn, "", "-c", "1"); code != 0 {
		t.Fatalf("installing base: got exit %d, stderr %q", code, errOut)
	}
	execSQL(t, dsn, `CREATE TYPE x_mood AS ENUM ('ok', 'sad');
		ALTER TABLE res_partner ADD COLUMN x_mood x_mood DEFAULT 'ok', ADD COLUMN x_pt point DEFAULT '(1,2)',
			ADD COLUMN x_vec tsvector, ADD COLUMN x_arr int[] DEFAULT '{1,2}', ADD COLUMN x_hologram bytea;
		INSERT INTO ir_model_fields (name, model, model_id, ttype, state, store)
			SELECT 'x_hologram', 'res.partner', model_id, 'hologram', 'manual', true FROM ir_model_fields WHERE model = 'res.partner' LIMIT 1;
		CREATE TABLE x_future (id serial PRIMARY KEY, data jsonb);
		INSERT INTO ir_model (model, name) VALUES ('x.future', 'Future')`)
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"search", []string{"-c", `search("res.partner", nil)`}},
		{"read", []string{"-c", `env.Model("res.partner").Search(nil).Read()`}},
		{"copy", []string{"-c", `env.Model("res.partner").Search(nil, orm.Limit(1)).Copy(nil)`}},
		{"sql", []string{"-c", `sql("SELECT x_mood, x_pt, x_arr FROM res_partner")`}},
		{"models", []string{"-c", `:models x`}},
		{"upgrade", []string{"--addons", "base,connector,demo", "-c", `search("res.partner", nil)`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, errOut, code := odsh(t, bin, dsn, "", tc.args...); code != 0 {
				t.Errorf("got exit %d, stderr %q; want exit 0", code, errOut)
			}
		})
	}
}
