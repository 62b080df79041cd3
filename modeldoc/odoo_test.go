package modeldoc_test

import (
	"bytes"
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"odsh/internal/testdb"
	"odsh/modeldoc"
	"odsh/orm"
)

func TestMain(m *testing.M) { testdb.Main(m) }

// odooRegistry is the registry of the provided Odoo 18 database.
func odooRegistry(t *testing.T) *orm.Registry {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	conn, err := orm.Connect(ctx, testdb.OdooDSN(t))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	reg, err := orm.LoadOdooRegistry(ctx, conn)
	if err != nil {
		t.Fatal(err)
	}
	return reg
}

// TestEveryOdooModel renders every model of the Odoo database in every
// form: no error, no line wider than asked, and the module of each layer.
func TestEveryOdooModel(t *testing.T) {
	reg := odooRegistry(t)
	for _, name := range reg.Models() {
		var text, md, graph, mmd, dot bytes.Buffer
		for _, err := range []error{
			modeldoc.Text(&text, reg, name, 100),
			modeldoc.Markdown(&md, reg, name),
			modeldoc.Graph(&graph, reg, name, 2, 100),
			modeldoc.Mermaid(&mmd, reg, name, 2),
			modeldoc.DOT(&dot, reg, name, 2),
		} {
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
		}
		checkWidth(t, name, text.String(), 100)
		checkWidth(t, name, graph.String(), 100)
		if m := reg.Model(name); len(m.Layers) > 0 && !strings.Contains(text.String(), "\n  "+m.Layers[0].Addon+" defines it") {
			t.Errorf("%s: the defining module %s missing", name, m.Layers[0].Addon)
		}
	}
}

// TestOdooPartner: res.partner of the Odoo database, as odsh doc shows it.
func TestOdooPartner(t *testing.T) {
	reg := odooRegistry(t)
	var text, md bytes.Buffer
	if err := modeldoc.Text(&text, reg, "res.partner", 120); err != nil {
		t.Fatal(err)
	}
	if err := modeldoc.Markdown(&md, reg, "res.partner"); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"res.partner — Contact\n",
		"\n  base defines it; adds ",
		"\n  sale extends it; adds sale_order_count, sale_order_ids",
		"\n  sale_order_ids ",
		"relation: → sale.order, inverse partner_id",
		"  [sale]\n",
	} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("text: %q missing", want)
		}
	}
	if !strings.Contains(md.String(), "| `sale_order_ids` | one2many | Sales Order |  | **relation:** → sale.order, inverse partner_id | sale |") {
		t.Errorf("markdown: the row of sale_order_ids missing:\n%s", md.String())
	}
}

// TestOdooPartnerGraph: Odoo's res.partner has hundreds of fields
// pointing at it; its map shows 20 and counts the others.
func TestOdooPartnerGraph(t *testing.T) {
	reg := odooRegistry(t)
	var graph bytes.Buffer
	if err := modeldoc.Graph(&graph, reg, "res.partner", 1, 100); err != nil {
		t.Fatal(err)
	}
	out := graph.String()
	if n := strings.Count(out, "├◀── "); n != 20 {
		t.Errorf("%d incoming fields shown, want 20:\n%s", n, out)
	}
	if !regexp.MustCompile(`\n └── … and \d+ more fields of \d+ models\n$`).MatchString(out) {
		t.Errorf("no count of the incoming fields left out at the end:\n%s", out)
	}
	t.Log("\n" + out)
}
