package modeldoc_test

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"odsh/modeldoc"
	"odsh/orm"
	"odsh/printer"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// golden compares got with testdata/name (or rewrites it with -update).
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./modeldoc -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s: got\n%s\nwant\n%s", name, got, want)
	}
}

// render runs one of the functions into a string.
func render(t *testing.T, f func(w *bytes.Buffer) error) string {
	t.Helper()
	var b bytes.Buffer
	if err := f(&b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestGolden(t *testing.T) {
	reg := registry(t)
	for _, tc := range []struct {
		file string
		f    func(w *bytes.Buffer) error
	}{
		{"res.partner.txt", func(w *bytes.Buffer) error { return modeldoc.Text(w, reg, "res.partner", 100) }},
		{"res.users.txt", func(w *bytes.Buffer) error { return modeldoc.Text(w, reg, "res.users", 60) }},
		{"demo.order.txt", func(w *bytes.Buffer) error { return modeldoc.Text(w, reg, "demo.order", 80) }},
		{"demo.order.md", func(w *bytes.Buffer) error { return modeldoc.Markdown(w, reg, "demo.order") }},
		{"demo.order.graph.txt", func(w *bytes.Buffer) error { return modeldoc.Graph(w, reg, "demo.order", 2, 100) }},
		{"demo.order.narrow.graph.txt", func(w *bytes.Buffer) error { return modeldoc.Graph(w, reg, "demo.order", 2, 36) }},
		{"demo.order.mmd", func(w *bytes.Buffer) error { return modeldoc.Mermaid(w, reg, "demo.order", 2) }},
		{"demo.order.dot", func(w *bytes.Buffer) error { return modeldoc.DOT(w, reg, "demo.order", 2) }},
		{"res.partner.graph.txt", func(w *bytes.Buffer) error { return modeldoc.Graph(w, reg, "res.partner", 1, 80) }},
		{"res.partner.narrow.graph.txt", func(w *bytes.Buffer) error { return modeldoc.Graph(w, reg, "res.partner", 1, 40) }},
		{"res.partner.mmd", func(w *bytes.Buffer) error { return modeldoc.Mermaid(w, reg, "res.partner", 1) }},
		{"res.partner.dot", func(w *bytes.Buffer) error { return modeldoc.DOT(w, reg, "res.partner", 1) }},
		{"demo.order.depth1.graph.txt", func(w *bytes.Buffer) error { return modeldoc.Graph(w, reg, "demo.order", 1, 100) }},
	} {
		t.Run(tc.file, func(t *testing.T) { golden(t, tc.file, render(t, tc.f)) })
	}
}

// TestEveryModel renders the reference and the map of every model of
// base, connector and demo, in every form, and checks that each names
// what it must and fits the width it was given.
func TestEveryModel(t *testing.T) {
	reg := registry(t)
	for _, name := range reg.Models() {
		m := reg.Model(name)
		t.Run(name, func(t *testing.T) {
			for _, width := range []int{120, 40} {
				text := render(t, func(w *bytes.Buffer) error { return modeldoc.Text(w, reg, name, width) })
				checkWidth(t, "Text", text, width)
				graph := render(t, func(w *bytes.Buffer) error { return modeldoc.Graph(w, reg, name, 2, width) })
				checkWidth(t, "Graph", graph, width)
				if !strings.Contains(graph, name) {
					t.Errorf("Graph: %s missing", name)
				}
			}
			text := render(t, func(w *bytes.Buffer) error { return modeldoc.Text(w, reg, name, 200) })
			md := render(t, func(w *bytes.Buffer) error { return modeldoc.Markdown(w, reg, name) })
			graph := render(t, func(w *bytes.Buffer) error { return modeldoc.Graph(w, reg, name, 1, 200) })
			mmd := render(t, func(w *bytes.Buffer) error { return modeldoc.Mermaid(w, reg, name, 1) })
			dot := render(t, func(w *bytes.Buffer) error { return modeldoc.DOT(w, reg, name, 1) })
			if !strings.HasPrefix(text, name+" — ") || !strings.HasPrefix(md, "# `"+name+"`") {
				t.Errorf("the reference does not start with the model's name:\n%s\n%s", text, md)
			}
			if !strings.HasPrefix(mmd, "flowchart LR\n") || !strings.HasPrefix(dot, "digraph ") || !strings.HasSuffix(dot, "}\n") {
				t.Errorf("not a flowchart or a digraph:\n%s\n%s", mmd, dot)
			}
			for _, f := range m.FieldList {
				if f.InheritedFrom == nil && (!strings.Contains(text, "\n  "+f.Name+" ") || !strings.Contains(md, "| `"+f.Name+"` |")) {
					t.Errorf("field %s missing from the reference", f.Name)
				}
				if f.Type.Relational() && f.InheritedFrom == nil && f.Name != "create_uid" && f.Name != "write_uid" {
					label := f.Name + " (" + f.Type.String() + ")"
					if !strings.Contains(graph, " "+f.Name+" ") || !strings.Contains(mmd, label) || !strings.Contains(dot, label) {
						t.Errorf("relation %s missing from the map", f.Name)
					}
				}
			}
		})
	}
}

// checkWidth fails when a line of out is wider than width.
func checkWidth(t *testing.T, what, out string, width int) {
	t.Helper()
	for _, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if w := printer.DisplayWidth(l); w > width {
			t.Errorf("%s at width %d: line of %d cells: %q", what, width, w, l)
		}
	}
}

func TestUnknownModel(t *testing.T) {
	reg := registry(t)
	for _, tc := range []struct{ name, want string }{
		{"res.partnr", `unknown model "res.partnr" (did you mean "res.partner"?)`},
		{"partner", `unknown model "partner" (did you mean "res.partner"?)`},
		{"sale.order", `unknown model "sale.order"`},
	} {
		for _, f := range []func() error{
			func() error { return modeldoc.Text(&bytes.Buffer{}, reg, tc.name, 80) },
			func() error { return modeldoc.Markdown(&bytes.Buffer{}, reg, tc.name) },
			func() error { return modeldoc.Graph(&bytes.Buffer{}, reg, tc.name, 1, 80) },
			func() error { return modeldoc.Mermaid(&bytes.Buffer{}, reg, tc.name, 1) },
			func() error { return modeldoc.DOT(&bytes.Buffer{}, reg, tc.name, 1) },
		} {
			err := f()
			var ue *modeldoc.UnknownModelError
			if !errors.As(err, &ue) || err.Error() != tc.want {
				t.Errorf("%s: got %v, want %s", tc.name, err, tc.want)
			}
		}
	}
	if err := modeldoc.Graph(&bytes.Buffer{}, reg, "res.partner", 0, 80); err == nil {
		t.Error("depth 0: got no error")
	}
}

// hub is a registry where n models point at hub.target, each with a
// many2one and a many2many.
func hub(t *testing.T, n int) *orm.Registry {
	t.Helper()
	defs := []orm.ModelDef{{Name: "hub.target", Description: "Target", Fields: []*orm.FieldDef{orm.Char("name")}}}
	for i := range n {
		defs = append(defs, orm.ModelDef{Name: fmt.Sprintf("hub.m%02d", i), Fields: []*orm.FieldDef{
			orm.Many2one("target_id", "hub.target"),
			orm.Many2many("target_ids", "hub.target"),
		}})
	}
	reg, err := orm.NewRegistryFrom([]*orm.Addon{{Name: "hub", Models: defs}})
	if err != nil {
		t.Fatal(err)
	}
	return reg
}

// TestIncomingCap: a model many others point at shows 20 incoming
// fields, many2one first, and counts the others, in every form.
func TestIncomingCap(t *testing.T) {
	reg := hub(t, 15) // 30 fields point at hub.target
	graph := render(t, func(w *bytes.Buffer) error { return modeldoc.Graph(w, reg, "hub.target", 1, 80) })
	mmd := render(t, func(w *bytes.Buffer) error { return modeldoc.Mermaid(w, reg, "hub.target", 1) })
	dot := render(t, func(w *bytes.Buffer) error { return modeldoc.DOT(w, reg, "hub.target", 1) })
	const more = "… and 10 more fields of 10 models" // many2one first, then 5 of the 15 many2many
	for _, tc := range []struct{ what, out, mark string }{
		{"Graph", graph, "◀──"}, {"Mermaid", mmd, "-.->"}, {"DOT", dot, "style=dashed"},
	} {
		if n := strings.Count(tc.out, tc.mark); n != 20+strings.Count(tc.what, "DOT")+strings.Count(tc.what, "Mermaid") {
			t.Errorf("%s: %d incoming marks %q, want 20 fields (and the note's arrow in Mermaid and DOT):\n%s", tc.what, n, tc.mark, tc.out)
		}
		if !strings.Contains(tc.out, more) {
			t.Errorf("%s: %q missing:\n%s", tc.what, more, tc.out)
		}
	}
	if !strings.Contains(graph, " ├◀── many2many ── hub.m04.target_ids\n └── "+more+"\n") {
		t.Errorf("Graph: the 20th field then the count, last:\n%s", graph)
	}
	one := render(t, func(w *bytes.Buffer) error { return modeldoc.Graph(w, hub(t, 1), "hub.target", 1, 80) })
	want := `┌────────────────────┐
│ hub.target  Target │
└┬───────────────────┘
 ├◀── many2one  ── hub.m00.target_id
 └◀── many2many ── hub.m00.target_ids
`
	if one != want {
		t.Errorf("a model with only incoming fields: got\n%s\nwant\n%s", one, want)
	}
}
