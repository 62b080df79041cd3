package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"odsh/addons/connector"
	"odsh/addons/demo"
	"odsh/internal/testbin"
	"odsh/internal/testdb"
	"odsh/orm"
)

func TestMain(m *testing.M) { testdb.Main(m) }

// binary builds odsh into the test's temporary directory.
func binary(t *testing.T) string { return testbin.Build(t, ".", "odsh") }

// odsh runs the binary on a prepared database.
func odsh(t *testing.T, bin, dsn, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	return testbin.Run(t, bin, stdin, []string{"ODSH_DB="}, append([]string{"--db", dsn, "--addons", "base"}, args...)...)
}

func TestCommandLine(t *testing.T) {
	bin := binary(t)
	dsn := testdb.PreparedDSN(t)
	tests := []struct {
		name, stdin      string
		args             []string
		code             int
		stdout, inStderr string
	}{
		{name: "value", args: []string{"-c", "env.UID()"}, stdout: "1\n"},
		{name: "repr", args: []string{"-c", `fmt.Println(ref("base.main_company"))`}, stdout: "res.company(1,)\n"},
		{name: "error", args: []string{"-c", `env.Model("res.partnr")`}, code: 1, inStderr: "ValidationError: res.partnr: unknown model"},
		{name: "stdin script", stdin: "#!/usr/bin/env odsh\nfmt.Println(1 + 1)\n", stdout: "2\n"},
		{name: "script error line", stdin: "x := 1\n_ = x\nenv.Model(\"nope\")\n", code: 1, inStderr: "<stdin>:3: ValidationError: nope: unknown model"},
		{name: "declaration waiting for nothing", args: []string{"-c", "func f(a Undeclared) {}"}, code: 1, inStderr: "odsh: func f was never run: undefined: Undeclared"},
		{name: "unknown package in a type", args: []string{"-c", "var x nosuchpkg.T; x"}, code: 1, inStderr: "undefined: nosuchpkg"},
		{name: "rolled back", args: []string{"-c", `env.Model("res.partner").Create(orm.Values{"name": "cli"})`}, inStderr: "rolled back (run with --commit"},
		{name: "read-only", args: []string{"--read-only", "-c", `env.Model("res.partner").Create(orm.Values{"name": "ro"})`}, code: 1, inStderr: "read-only"},
		{name: "bad flag", args: []string{"--nope"}, code: 2},
		{name: "bad demo", args: []string{"--demo", "huge"}, code: 2},
		{name: "unknown addon", args: []string{"--addons", "nosuch"}, code: 2},
		{name: "unknown user", args: []string{"--user", "nosuch", "-c", "env.UID()"}, code: 2, inStderr: "--user nosuch: no such user"},
		{name: "user", args: []string{"--user", "admin", "-c", "env.UID()"}, stdout: "2\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, errOut, code := odsh(t, bin, dsn, tc.stdin, tc.args...)
			if code != tc.code || (tc.stdout != "" && out != tc.stdout) || !strings.Contains(errOut, tc.inStderr) {
				t.Errorf("got exit %d, stdout %q, stderr %q; want exit %d, stdout %q, stderr containing %q",
					code, out, errOut, tc.code, tc.stdout, tc.inStderr)
			}
		})
	}
	t.Run("unreachable", func(t *testing.T) {
		if _, _, code := odsh(t, bin, "host=/nonexistent dbname=x", "", "-c", "1"); code != 2 {
			t.Errorf("got exit %d, want 2", code)
		}
	})
}

// scriptExpect says what each script of scripts/ prints on the demo
// database; every script must be listed (a new one fails until it is).
var scriptExpect = map[string]string{
	"merge_duplicate_partners.odsh":  "dup@example.com: kept",
	"archive_inactive_partners.odsh": "partners archived",
	"orders_per_country.odsh":        "country  orders          total",
	"connector_import.odsh":          "import: created 4, updated 0, unchanged 0",
}

// TestScripts runs every script of scripts/, as a file argument from the
// repository root, on a database with every addon and demo data, after a
// setup that gives the duplicate-merging script something to merge.
func TestScripts(t *testing.T) {
	bin := binary(t)
	dsn := testdb.PreparedDSN(t, connector.Addon, demo.Addon)
	demoLoaded(t, dsn)
	setup := `a := env.Model("res.partner").Create(orm.Values{"name": "Dup A", "email": "dup@example.com"})
env.Model("res.partner").Create(orm.Values{"name": "Dup B", "email": "DUP@example.com ", "parent_id": a.ID()})
env.Model("res.partner").Create(orm.Values{"name": "Dup C", "email": "dup@example.com"})
`
	files, err := filepath.Glob(filepath.Join("..", "..", "scripts", "*"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no scripts: %v", err)
	}
	root, _ := filepath.Abs(filepath.Join("..", ".."))
	for _, file := range files {
		name := filepath.Base(file)
		t.Run(name, func(t *testing.T) {
			want, ok := scriptExpect[name]
			if !ok {
				t.Fatalf("scripts/%s has no expected output in scriptExpect", name)
			}
			setupFile := filepath.Join(t.TempDir(), "setup.odsh")
			if err := os.WriteFile(setupFile, []byte(setup), 0o644); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(bin, "--db", dsn, "--addons", "base,connector,demo", setupFile, filepath.Join("scripts", name))
			cmd.Dir = root
			cmd.Env = append(os.Environ(), "ODSH_DB=")
			var o, e bytes.Buffer
			cmd.Stdout, cmd.Stderr = &o, &e
			err := cmd.Run()
			if err != nil || !strings.Contains(o.String(), want) {
				t.Errorf("got %v, stdout %q, stderr %q; want exit 0 and %q", err, o.String(), e.String(), want)
			}
			if !strings.Contains(e.String(), "rolled back") {
				t.Errorf("a script run without --commit must say it rolled back; stderr %q", e.String())
			}
		})
	}
}

// demoLoaded loads small demo data into the prepared database once.
func demoLoaded(t *testing.T, dsn string) {
	t.Helper()
	ctx := context.Background()
	conn, err := orm.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	tx, err := orm.Begin(ctx, conn, testdb.Registry(t, connector.Addon, demo.Addon), orm.TxOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Close()
	err = orm.Run(ctx, tx.Env(orm.SuperuserID, nil), func(env *orm.Env) error {
		if env.Model("demo.order").SearchCount(nil) > 0 {
			return nil
		}
		return demo.Load(env, "small")
	})
	if err != nil {
		t.Fatalf("loading demo data: %v", err)
	}
}

func TestScriptStdin(t *testing.T) {
	bin := binary(t)
	dsn := testdb.PreparedDSN(t)
	t.Run("file args", func(t *testing.T) {
		out, errOut, code := odsh(t, bin, dsn, "", filepath.Join("..", "..", "scripts", "archive_inactive_partners.odsh"))
		if code != 0 || !strings.Contains(out, "partners archived") {
			t.Errorf("got exit %d, stdout %q, stderr %q", code, out, errOut)
		}
	})
}
