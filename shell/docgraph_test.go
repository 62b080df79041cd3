package shell

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"odsh/addons/connector"
	"odsh/addons/demo"
	"odsh/internal/testdb"
	"odsh/modeldoc"
	"odsh/orm"
	"odsh/printer"
)

// TestDocGraphCommands runs odsh doc and odsh graph on the addons' models
// (no database): what each writes on stdout, its exit status, and the one
// line on stderr when it fails.
func TestDocGraphCommands(t *testing.T) {
	t.Setenv("ODSH_DB", "")
	a := testApp(t)
	addons, err := a.resolveAddons(a.defaults, true)
	if err != nil {
		t.Fatal(err)
	}
	reg, err := orm.NewRegistryFrom(addons)
	if err != nil {
		t.Fatal(err)
	}
	width := printer.TerminalWidth(os.Stdout.Fd())
	want := func(f func(w *bytes.Buffer) error) string {
		var b bytes.Buffer
		if err := f(&b); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	for _, tc := range []struct {
		name     string
		run      func([]string, *bytes.Buffer, *bytes.Buffer) int
		args     string
		code     int
		stdout   string
		inStderr string
	}{
		{"doc", doc, "demo.order", 0, want(func(w *bytes.Buffer) error { return modeldoc.Text(w, reg, "demo.order", width) }), ""},
		{"doc markdown", doc, "res.partner --markdown", 0, want(func(w *bytes.Buffer) error { return modeldoc.Markdown(w, reg, "res.partner") }), ""},
		{"doc flag first", doc, "--markdown demo.order.line", 0, want(func(w *bytes.Buffer) error { return modeldoc.Markdown(w, reg, "demo.order.line") }), ""},
		{"doc base only", doc, "--addons base demo.order", 2, "", `unknown model "demo.order"`},
		{"doc unknown", doc, "res.partnr", 2, "", `odsh: unknown model "res.partnr" (did you mean "res.partner"?)` + "\n"},
		{"doc no model", doc, "", 2, "", "usage: odsh doc MODEL"},
		{"doc two models", doc, "res.partner demo.order", 2, "", "usage: odsh doc MODEL"},
		{"graph", graph, "demo.order", 0, want(func(w *bytes.Buffer) error { return modeldoc.Graph(w, reg, "demo.order", 1, width) }), ""},
		{"graph depth", graph, "demo.order 2", 0, want(func(w *bytes.Buffer) error { return modeldoc.Graph(w, reg, "demo.order", 2, width) }), ""},
		{"graph mermaid", graph, "demo.order 2 --mermaid", 0, want(func(w *bytes.Buffer) error { return modeldoc.Mermaid(w, reg, "demo.order", 2) }), ""},
		{"graph dot", graph, "--dot res.partner", 0, want(func(w *bytes.Buffer) error { return modeldoc.DOT(w, reg, "res.partner", 1) }), ""},
		{"graph both", graph, "--dot --mermaid res.partner", 2, "", "exclusive"},
		{"graph bad depth", graph, "res.partner 0", 2, "", `depth "0": want a number, 1 or more`},
		{"graph unknown", graph, "partner", 2, "", `odsh: unknown model "partner" (did you mean "res.partner"?)` + "\n"},
		{"graph markdown", graph, "--markdown res.partner", 2, "", "flag provided but not defined: -markdown"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := tc.run(strings.Fields(tc.args), &stdout, &stderr)
			if code != tc.code || stdout.String() != tc.stdout || !strings.Contains(stderr.String(), tc.inStderr) {
				t.Errorf("got exit %d, stdout\n%s\nstderr %q; want exit %d, stdout\n%s\nstderr with %q",
					code, stdout.String(), stderr.String(), tc.code, tc.stdout, tc.inStderr)
			}
		})
	}
}

func doc(args []string, stdout, stderr *bytes.Buffer) int {
	return odshApp.runDocCommand(args, stdout, stderr)
}

func graph(args []string, stdout, stderr *bytes.Buffer) int {
	return odshApp.runGraphCommand(args, stdout, stderr)
}

// odshApp is odsh's app (cmd/odsh's Config), for the table tests.
var odshApp = func() *app {
	a, err := newApp(Config{Name: "odsh", Addons: []*orm.Addon{connector.Addon, demo.Addon}})
	if err != nil {
		panic(err)
	}
	return a
}()

// TestDocGraphOdoo documents the provided Odoo 18 database's res.partner
// (--db names it): its registry is read from the reflection tables.
func TestDocGraphOdoo(t *testing.T) {
	dsn := testdb.OdooDSN(t)
	for _, tc := range []struct {
		run    func([]string, *bytes.Buffer, *bytes.Buffer) int
		args   []string
		inText []string
	}{
		{doc, []string{"res.partner", "--db", dsn}, []string{"res.partner — Contact", "\n  commercial_partner_id ", "relation: → res.partner"}},
		{doc, []string{"--markdown", "--db", dsn, "sale.order"}, []string{"# `sale.order`", "| `amount_to_invoice` |", "computed by Odoo's Python code"}},
		{graph, []string{"res.partner", "--mermaid", "--db", dsn}, []string{"flowchart LR", `"country_id (many2one)"`}},
		{graph, []string{"sale.order", "--db", dsn}, []string{"order_line ", "──▶ sale.order.line"}},
	} {
		var stdout, stderr bytes.Buffer
		if code := tc.run(tc.args, &stdout, &stderr); code != 0 {
			t.Fatalf("%v: exit %d: %s", tc.args, code, stderr.String())
		}
		for _, s := range tc.inText {
			if !strings.Contains(stdout.String(), s) {
				t.Errorf("%v: %q missing from\n%s", tc.args[:1], s, stdout.String())
			}
		}
	}
}
