package repl

import (
	"bytes"
	"go/format"
	"go/parser"
	"go/token"
	"reflect"
	"strings"
	"testing"
)

func TestMarkUnexportedFields(t *testing.T) {
	const m = "`odsh:\"unexported\" json:\"-\" xml:\"-\"`"
	tests := []struct {
		name, src, want string
	}{
		{"exported only", `type P struct {
	S string
	N int
}`, `type P struct {
	S string
	N int
}`},
		{"unexported", `type P struct {
	S string
	n int
}`, `type P struct {
	S string
	n int ` + m + `
}`},
		{"user tag kept but json and xml", "type P struct {\n\tn int `db:\"n\" json:\"n,omitempty\" xml:\"n\" yaml:\"n\"`\n}",
			"type P struct {\n\tn int `odsh:\"unexported\" json:\"-\" xml:\"-\" db:\"n\" yaml:\"n\"`\n}"},
		{"mixed names split", `type P struct {
	a, B, c int
}`, `type P struct {
	a int ` + m + `
	B int
	c int ` + m + `
}`},
		{"embedded", `type P struct {
	inner
	*other
	pkg.Exp
	Exported
	G[int]
	g[int]
}`, "type P struct {\n\tinner    `odsh:\"unexported\" odshembed:\"1\"`\n\t*other   `odsh:\"unexported\" odshembed:\"1\"`\n\tpkg.Exp  `odshembed:\"1\"`\n\tExported `odshembed:\"1\"`\n\tG[int]   `odshembed:\"1\"`\n\tg[int]   `odsh:\"unexported\" odshembed:\"1\"`\n}"},
		{"blank", `type P struct {
	_ int
}`, `type P struct {
	_ int ` + m + `
}`},
		{"anonymous and nested", `func f() {
	x := struct {
		a int
		B []struct{ c string }
	}{}
	_ = x
}`, `func f() {
	x := struct {
		a int ` + m + `
		B []struct {
			c string ` + m + `
		}
	}{}
	_ = x
}`},
		{"generic", `type G[T any] struct {
	v T
}`, `type G[T any] struct {
	v T ` + m + `
}`},
		{"malformed tag kept whole", "type P struct {\n\tn int \"weird tag\"\n}",
			"type P struct {\n\tn int `odsh:\"unexported\" json:\"-\" xml:\"-\" weird tag`\n}"},
		{"backquote in tag", "type P struct {\n\tn int \"a:\\\"`\\\"\"\n}",
			"type P struct {\n\tn int \"odsh:\\\"unexported\\\" json:\\\"-\\\" xml:\\\"-\\\" a:\\\"`\\\"\"\n}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "package p\n\n" + tt.src + "\n"
			got, changed := markSource(t, src)
			if want := "package p\n\n" + tt.want + "\n"; got != want {
				t.Fatalf("got\n%s\nwant\n%s", got, want)
			}
			if changed != (tt.src != tt.want) {
				t.Errorf("changed = %v", changed)
			}
			again, changed := markSource(t, got)
			if changed || again != got {
				t.Errorf("not idempotent: changed %v\n%s", changed, again)
			}
		})
	}
}

func markSource(t *testing.T, src string) (string, bool) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	changed := markUnexportedFields(f)
	var b bytes.Buffer
	if err := format.Node(&b, fset, f); err != nil {
		t.Fatal(err)
	}
	return b.String(), changed
}

// TestMarkUnexportedFieldsTags checks the tags with reflect, as yaegi
// keeps them on its renamed fields.
func TestMarkUnexportedFieldsTags(t *testing.T) {
	got, _ := markSource(t, "package p\n\ntype P struct {\n\tn int `db:\"col\" json:\"n\"`\n}\n")
	i := strings.Index(got, "`")
	tag := reflect.StructTag(strings.Trim(got[i:strings.LastIndex(got, "`")+1], "`"))
	for key, want := range map[string]string{"odsh": "unexported", "json": "-", "xml": "-", "db": "col"} {
		if v := tag.Get(key); v != want {
			t.Errorf("%s: %q, want %q (tag %s)", key, v, want, tag)
		}
	}
	f := reflect.StructField{Name: "Xn", Tag: tag}
	if name, ok := unexportedName(f); !ok || name != "n" {
		t.Errorf("unexportedName = %q, %v", name, ok)
	}
	for _, f := range []reflect.StructField{{Name: "Xn"}, {Name: "Nn", Tag: tag}, {Name: "XN", Tag: tag}, {Name: "X", Tag: tag}} {
		if name, ok := unexportedName(f); ok {
			t.Errorf("unexportedName(%+v) = %q", f, name)
		}
	}
}

func TestDropTagKeys(t *testing.T) {
	for _, tt := range []struct{ tag, want string }{
		{``, ``},
		{`json:"a"`, ``},
		{`db:"x" json:"a,omitempty" yaml:"y"`, `db:"x" yaml:"y"`},
		{`db:"a \"q\" b"  xml:"z"`, `db:"a \"q\" b"`},
		{`not a tag`, `not a tag`},
		{`db:"unterminated`, `db:"unterminated`},
	} {
		if got := dropTagKeys(tt.tag, "json", "xml"); got != tt.want {
			t.Errorf("dropTagKeys(%q) = %q, want %q", tt.tag, got, tt.want)
		}
	}
}

func TestHasVerb(t *testing.T) {
	for format, want := range map[string]bool{
		"%v %d":      false,
		"%T":         true,
		"%[2]T":      true,
		"%-8.3p":     true,
		"100%% T":    false,
		"%%T":        false,
		"%s %*d %x":  false,
		"trailing %": false,
	} {
		if got := hasVerb(format, "pT"); got != want {
			t.Errorf("hasVerb(%q) = %v", format, got)
		}
	}
}
