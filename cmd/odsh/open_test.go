package main

import (
	"strings"
	"testing"

	"odsh/internal/testdb"
)

// TestOtherDatabaseRefused: a database that is neither odsh's nor Odoo's
// is left alone, with one line naming the flag that would install there;
// --install installs anyway.
func TestOtherDatabaseRefused(t *testing.T) {
	bin := binary(t)
	dsn := testdb.MissingDSN(t, "odsh_other_db")
	testdb.CreateDatabase(t, "odsh_other_db", "")
	execSQL(t, dsn, `CREATE TABLE inventory (id serial PRIMARY KEY, item text); INSERT INTO inventory (item) VALUES ('lamp')`)
	before := testdb.Fingerprint(t, dsn)
	_, errOut, code := odsh(t, bin, dsn, "", "-c", "1")
	if code != 2 || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, "neither odsh's nor Odoo's") || !strings.Contains(errOut, "--install") {
		t.Fatalf("got exit %d, stderr %q; want exit 2 and one line naming --install", code, errOut)
	}
	if after := testdb.Fingerprint(t, dsn); after != before {
		t.Fatalf("the database changed")
	}
	if out, errOut, code := odsh(t, bin, dsn, "", "--install", "-c", `env.Model("res.partner").SearchCount(nil) > 0`); code != 0 || out != "true\n" {
		t.Fatalf("--install: got exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if got := queryInt(t, dsn, "SELECT count(*) FROM odsh_database"); got != 1 {
		t.Errorf("marker rows: got %d, want 1", got)
	}
}

// TestLegacyOdshDatabase: a database installed by an odsh from before the
// marker table is still odsh's, and gets the marker on its next upgrade.
func TestLegacyOdshDatabase(t *testing.T) {
	bin := binary(t)
	dsn := testdb.MissingDSN(t, "odsh_legacy_db")
	if _, errOut, code := odsh(t, bin, dsn, "", "-c", "1"); code != 0 {
		t.Fatalf("install: got exit %d, stderr %q", code, errOut)
	}
	execSQL(t, dsn, "DROP TABLE odsh_database")
	if _, errOut, code := odsh(t, bin, dsn, "", "--read-only", "-c", "1"); code != 0 || errOut != "" {
		t.Fatalf("read-only on a legacy database: got exit %d, stderr %q", code, errOut)
	}
	if got := queryInt(t, dsn, "SELECT count(*) FROM pg_class WHERE relname = 'odsh_database'"); got != 0 {
		t.Fatalf("--read-only created the marker")
	}
	if _, errOut, code := odsh(t, bin, dsn, "", "--addons", "base,connector", "-c", "1"); code != 0 {
		t.Fatalf("upgrade: got exit %d, stderr %q", code, errOut)
	}
	if got := queryInt(t, dsn, "SELECT count(*) FROM odsh_database"); got != 1 {
		t.Errorf("marker rows after upgrade: got %d, want 1", got)
	}
}

// TestReadOnlyStart: with --read-only, or on a server that refuses writes,
// odsh writes nothing at start-up; an out-of-date addon is reported.
func TestReadOnlyStart(t *testing.T) {
	bin := binary(t)
	dsn := testdb.MissingDSN(t, "odsh_ro_db")
	if _, errOut, code := odsh(t, bin, dsn, "", "-c", "1"); code != 0 {
		t.Fatalf("install: got exit %d, stderr %q", code, errOut)
	}
	execSQL(t, dsn, "ALTER DATABASE odsh_ro_db SET default_transaction_read_only = on")
	before := testdb.Fingerprint(t, dsn)
	out, errOut, code := odsh(t, bin, dsn, "", "--addons", "base,connector", "-c", `env.Model("res.partner").SearchCount(nil) > 0`)
	if code != 0 || out != "true\n" || !strings.Contains(errOut, "connector") || !strings.Contains(errOut, "not upgraded") {
		t.Fatalf("read-only server: got exit %d, stdout %q, stderr %q; want the connector addon reported", code, out, errOut)
	}
	if after := testdb.Fingerprint(t, dsn); after != before {
		t.Fatalf("the database changed")
	}
	_, errOut, code = odsh(t, bin, dsn, "", "-c", `env.Model("res.partner").Create(orm.Values{"name": "x"}); env.FlushAll()`)
	if code != 1 || !strings.Contains(errOut, "read-only") {
		t.Errorf("write on a read-only server: got exit %d, stderr %q", code, errOut)
	}

	empty := testdb.MissingDSN(t, "odsh_ro_empty")
	testdb.CreateDatabase(t, "odsh_ro_empty", "")
	_, errOut, code = odsh(t, bin, empty, "", "--read-only", "-c", "1")
	if code != 2 || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, "read-only") {
		t.Errorf("--read-only on an empty database: got exit %d, stderr %q; want exit 2, one line", code, errOut)
	}
}

// TestOdooDatabase opens the provided Odoo 18 database: searches work,
// writes and installs are refused with one line, and the database's schema
// and rows are byte for byte what they were after every session.
func TestOdooDatabase(t *testing.T) {
	bin := binary(t)
	dsn := testdb.OdooDSN(t)
	before := testdb.Fingerprint(t, dsn)
	for _, tc := range []struct {
		name     string
		args     []string
		code     int
		stdout   string
		inStderr string
	}{
		{"search", []string{"-c", `env.Model("res.partner").SearchCount("[('country_id.code', '=', 'US')]") > 0`}, 0, "true\n", ""},
		{"as demo", []string{"--user", "demo", "-c", `env.Model("crm.lead").SearchCount(nil) < env.Sudo().Model("crm.lead").SearchCount(nil)`}, 0, "true\n", ""},
		{"write refused", []string{"-c", `env.Model("res.partner").Browse(3).Write(orm.Values{"phone": "1"})`}, 1, "", "opened read-only"},
		{"commit refused", []string{"--commit", "-c", `env.Model("res.partner").Browse(3).Write(orm.Values{"phone": "1"})`}, 1, "", "opened read-only"},
		{"raw sql refused", []string{"--commit", "-c", `sql("UPDATE res_partner SET phone = 'x'")`}, 1, "", "read-only"},
		{"write without depends", []string{"--write", "--commit", "-c", `env.Model("res.partner").Browse(3).Write(orm.Values{"phone": "1"})`}, 1, "", "depends is empty"},
		{"create refused", []string{"--write", "-c", `env.Model("res.partner").Create(orm.Values{"name": "x"})`}, 1, "", "does not create"},
		{"install refused", []string{"--install", "-c", "1"}, 2, "", "never installs its addons"},
		{"unavailable", []string{"-c", `env.Model("sale.order").Search(nil, orm.Limit(1)).Get("amount_to_invoice")`}, 1, "", "computed by Odoo's Python code"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, errOut, code := odsh(t, bin, dsn, "", tc.args...)
			if code != tc.code || (tc.stdout != "" && out != tc.stdout) || !strings.Contains(errOut, tc.inStderr) ||
				(tc.code != 0 && strings.Count(strings.TrimSpace(errOut), "\n") > 0) {
				t.Errorf("got exit %d, stdout %q, stderr %q; want exit %d, stdout %q, one line containing %q",
					code, out, errOut, tc.code, tc.stdout, tc.inStderr)
			}
		})
	}
	if after := testdb.Fingerprint(t, dsn); after != before {
		t.Fatalf("the Odoo database changed")
	}
}
