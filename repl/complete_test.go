package repl

import (
	"reflect"
	"strings"
	"testing"
)

func TestAnalyze(t *testing.T) {
	tests := []struct {
		name, line string
		want       Context
	}{
		{"empty", "", Context{Kind: IdentCompletion}},
		{"identifier", "fm", Context{Kind: IdentCompletion, Prefix: "fm"}},
		{"identifier after operator", "x := pa", Context{Kind: IdentCompletion, Prefix: "pa"}},
		{"keyword prefix", "for", Context{Kind: IdentCompletion, Prefix: "for"}},
		{"after space", "x := ", Context{Kind: IdentCompletion}},
		{"member", "fmt.Pri", Context{Kind: MemberCompletion, Receiver: "fmt", Prefix: "Pri"}},
		{"member empty prefix", "rs.", Context{Kind: MemberCompletion, Receiver: "rs"}},
		{"member of call chain", `x := env.Model("res.partner").Search("[]").Ma`, Context{Kind: MemberCompletion, Receiver: `env.Model("res.partner").Search("[]")`, Prefix: "Ma"}},
		{"member of index", "rs.Records()[0].Na", Context{Kind: MemberCompletion, Receiver: "rs.Records()[0]", Prefix: "Na"}},
		{"member with paren string", `f(")").x`, Context{Kind: MemberCompletion, Receiver: `f(")")`, Prefix: "x"}},
		{"model", `env.Model("res.pa`, Context{Kind: ModelCompletion, Prefix: "res.pa"}},
		{"model empty", `p := env.Model("`, Context{Kind: ModelCompletion}},
		{"model raw string", "env.Model(`res", Context{Kind: ModelCompletion, Prefix: "res"}},
		{"search helper model", `search("res.`, Context{Kind: ModelCompletion, Prefix: "res."}},
		{"browse helper model", `browse("res.partner`, Context{Kind: ModelCompletion, Prefix: "res.partner"}},
		{"closed model string", `env.Model("res.partner")`, Context{Kind: IdentCompletion}},
		{"field", `p.Get("na`, Context{Kind: FieldCompletion, Receiver: "p", Prefix: "na"}},
		{"field path", `p.Get("partner_id.coun`, Context{Kind: FieldCompletion, Receiver: "p", Prefix: "partner_id.coun"}},
		{"mapped", `env.Model("res.partner").Mapped("coun`, Context{Kind: FieldCompletion, Receiver: `env.Model("res.partner")`, Prefix: "coun"}},
		{"read second field", `p.Read("name", "em`, Context{Kind: FieldCompletion, Receiver: "p", Prefix: "em"}},
		{"set", `p.Set("ci`, Context{Kind: FieldCompletion, Receiver: "p", Prefix: "ci"}},
		{"sorted second key", `rs.Sorted("name desc, da`, Context{Kind: FieldCompletion, Receiver: "rs", Prefix: "da"}},
		{"sorted after direction", `rs.Sorted("name de`, Context{}},
		{"set value is not a field", `p.Set("name", "Jo`, Context{}},
		{"domain", `rs.Search("[('na`, Context{Kind: DomainFieldCompletion, Receiver: "rs", Prefix: "na"}},
		{"domain second term", `rs.Search("[('a', '=', 1), ('country_id.co`, Context{Kind: DomainFieldCompletion, Receiver: "rs", Prefix: "country_id.co"}},
		{"domain operator position", `rs.Search("[('name', 'il`, Context{}},
		{"domain value position", `rs.Search("[('name', 'ilike', 'a`, Context{}},
		{"domain after or", `rs.Search("['|', ('a', '=', 1), ('b`, Context{Kind: DomainFieldCompletion, Receiver: "rs", Prefix: "b"}},
		{"domain double quotes in raw", "rs.SearchCount(`[(\"na", Context{Kind: DomainFieldCompletion, Receiver: "rs", Prefix: "na"}},
		{"domain of helper", `search("res.partner", "[('na`, Context{Kind: DomainFieldCompletion, Model: "res.partner", Prefix: "na"}},
		{"domain of model call", `env.Model("res.partner").Search("[('na`, Context{Kind: DomainFieldCompletion, Receiver: `env.Model("res.partner")`, Prefix: "na"}},
		{"ref", `env.Ref("base.ma`, Context{Kind: XMLIDCompletion, Prefix: "base.ma"}},
		{"ref empty", `p := env.Ref("`, Context{Kind: XMLIDCompletion}},
		{"ref helper", `show(ref("demo`, Context{Kind: XMLIDCompletion, Prefix: "demo"}},
		{"ref closed", `env.Ref("base.main_company")`, Context{Kind: IdentCompletion}},
		{"domain value after comma", `env.Model("res.partner").Search("[('country_id', '=', `, Context{}},
		{"domain tuple value", `rs.Search("[('id', 'in', ('a`, Context{}},
		{"domain any subdomain", `rs.Search("[('line_ids', 'any', [('q`, Context{Kind: DomainFieldCompletion, Receiver: "rs", Prefix: "q"}},
		{"domain list term", `rs.Search("[['na`, Context{Kind: DomainFieldCompletion, Receiver: "rs", Prefix: "na"}},
		{"domain value ref text", `env.Model("res.partner").Search("[('country_id', '=', ref('base.`, Context{}},
		{"plain string", `fmt.Println("hel`, Context{}},
		{"comment", "x := 1 // na", Context{}},
		{"number", "x := 12", Context{}},
		{"meta", ":he", Context{Kind: MetaCompletion, Prefix: "he"}},
		{"meta bare", ":", Context{Kind: MetaCompletion}},
		{"meta model argument", ":fields res.pa", Context{Kind: ModelCompletion, Prefix: "res.pa"}},
		{"meta doc argument", ":doc  demo.", Context{Kind: ModelCompletion, Prefix: "demo."}},
		{"meta graph argument", ":graph res.pa", Context{Kind: ModelCompletion, Prefix: "res.pa"}},
		{"meta second argument", ":fields res.partner na", Context{}},
		{"meta other argument", ":sql o", Context{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Analyze(tt.line, len(tt.line)); got != tt.want {
				t.Errorf("Analyze(%q) = %+v, want %+v", tt.line, got, tt.want)
			}
		})
	}
}

func TestAnalyzeCursorInMiddle(t *testing.T) {
	line := `p.Get("na") + 1`
	want := Context{Kind: FieldCompletion, Receiver: "p", Prefix: "na"}
	if got := Analyze(line, len(`p.Get("na`)); got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

// fakeCatalog is a tiny database: partners with a country, countries with a
// currency.
type fakeCatalog struct{}

var fakeFields = map[string][]string{
	"res.partner":  {"name", "email", "country_id", "company_id", "city"},
	"res.country":  {"name", "code", "currency_id"},
	"res.currency": {"name", "symbol"},
	"res.company":  {"name", "country_id"},
}

var fakeRelations = map[[2]string]string{
	{"res.partner", "country_id"}:  "res.country",
	{"res.partner", "company_id"}:  "res.company",
	{"res.country", "currency_id"}: "res.currency",
	{"res.company", "country_id"}:  "res.country",
}

func (fakeCatalog) Models() []string {
	return []string{"res.partner", "res.country", "res.currency", "res.company"}
}
func (fakeCatalog) Fields(m string) []string { return fakeFields[m] }
func (fakeCatalog) Relation(m, f string) (string, bool) {
	c, ok := fakeRelations[[2]string{m, f}]
	return c, ok
}

var fakeXMLIDs = []string{"base.be", "base.main_company", "base.main_partner", "demo.partner_1", "demo.partner_2", "demo.partner_3"}

func (fakeCatalog) XMLIDs(prefix string, limit int) []string {
	var out []string
	for _, id := range fakeXMLIDs {
		module, _, _ := strings.Cut(id, ".")
		if !strings.Contains(prefix, ".") {
			id = module + "."
		}
		if strings.HasPrefix(id, prefix) && len(out) < limit && (len(out) == 0 || out[len(out)-1] != id) {
			out = append(out, id)
		}
	}
	return out
}

// fakeScope knows two recordset variables.
type fakeScope struct{}

func (fakeScope) ModelOf(expr string) (string, bool) {
	m, ok := map[string]string{"p": "res.partner", "c": "res.country"}[expr]
	return m, ok
}
func (fakeScope) Names() []string { return []string{"p", "c", "env", "fmt", "partners"} }
func (fakeScope) Members(expr string) []string {
	if expr == "p" {
		return []string{"Get", "Search", "SearchCount", "Set"}
	}
	return nil
}

func TestCompleterDo(t *testing.T) {
	c := &Completer{Catalog: fakeCatalog{}, Scope: fakeScope{}, Meta: []string{"help", "history", "quit"}}
	tests := []struct {
		name, line string
		want       []string
		wantLen    int
	}{
		{"models", `env.Model("res.c`, []string{"ompany", "ountry", "urrency"}, 5},
		{"field", `p.Get("c`, []string{"ity", "ompany_id", "ountry_id"}, 1},
		{"field path", `p.Get("country_id.c`, []string{"ode", "urrency_id"}, 1},
		{"deep path", `p.Get("company_id.country_id.currency_id.s`, []string{"ymbol"}, 1},
		{"bad path", `p.Get("name.x`, nil, 1},
		{"unknown receiver", `q.Get("na`, nil, 2},
		{"literal receiver", `env.Model("res.country").Mapped("co`, []string{"de"}, 2},
		{"domain", `c.Search("[('cur`, []string{"rency_id"}, 3},
		{"domain of helper", `search("res.partner", "[('em`, []string{"ail"}, 2},
		{"identifier", "pa", []string{"rtners"}, 2},
		{"member", "p.Se", []string{"arch", "archCount", "t"}, 2},
		{"meta", ":h", []string{"elp", "istory"}, 1},
		{"ref modules", `env.Ref("`, []string{"base.", "demo."}, 0},
		{"ref module prefix", `ref("de`, []string{"mo."}, 2},
		{"ref ids", `env.Ref("base.main_`, []string{"company", "partner"}, 10},
		{"ref unknown", `env.Ref("nope.x`, nil, 6},
		{"domain value", `env.Model("res.partner").Search("[('country_id', '=', `, nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			line := []rune(tt.line)
			got, n := c.Do(line, len(line))
			var gotS []string
			for _, r := range got {
				gotS = append(gotS, string(r))
			}
			if !reflect.DeepEqual(gotS, tt.want) || n != tt.wantLen {
				t.Errorf("Do(%q) = %q, %d; want %q, %d", tt.line, gotS, n, tt.want, tt.wantLen)
			}
		})
	}
}

func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{`rs.Search("[('na`, `p.Get("a.b`, ":x", "a.b.c(", "`", `"\"`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		Analyze(s, len(s))
		(&Completer{Catalog: fakeCatalog{}, Scope: fakeScope{}}).Do([]rune(s), len([]rune(s)))
	})
}
