package repl

import (
	"fmt"
	"sort"
	"strings"

	"odsh/repl/symbols"
)

// Documentation of the ORM's Go API for :doc, from the table generated out
// of the doc comments (symbols.Docs). A name is looked up as typed, then as
// a Recordset or Env method, then in orm, domain and printer; Odoo's
// snake_case is accepted:
//
//	:doc Search          → orm.Recordset.Search
//	:doc env.Ref         → orm.Env.Ref
//	:doc search_count    → orm.Recordset.SearchCount
//	:doc orm.Limit       → orm.Limit
//	:doc p.Write         → orm.Recordset.Write (p being any variable)

// apiScopes are where a short name is looked for, most likely first.
var apiScopes = []string{"orm.Recordset.", "orm.Env.", "orm.", "domain.", "printer."}

// apiDoc returns the documentation keys for name, best first.
func apiDoc(name string) []string {
	name = strings.TrimSuffix(name, "()")
	if strings.HasPrefix(name, "env.") || name == "env" {
		name = "Env" + strings.TrimPrefix(name, "env")
	}
	name = camel(name)
	if _, ok := symbols.Docs[name]; ok {
		return []string{name}
	}
	var out []string
	for _, scope := range apiScopes {
		if _, ok := symbols.Docs[scope+name]; ok {
			out = append(out, scope+name)
		}
	}
	if len(out) > 0 {
		return out
	}
	if i := strings.LastIndexByte(name, '.'); i >= 0 { // p.Write: a variable's method
		return apiDoc(name[i+1:])
	}
	return methodsNamed(name)
}

// methodsNamed returns the keys of every method called name, sorted.
func methodsNamed(name string) []string {
	var out []string
	for k := range symbols.Docs {
		if strings.Count(k, ".") == 2 && strings.HasSuffix(k, "."+name) {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// camel turns Odoo's snake_case into the Go name: search_count →
// SearchCount. Names without an underscore are left alone but for the
// first letter of the last element (search → Search).
func camel(name string) string {
	i := strings.LastIndexByte(name, '.') + 1
	last := name[i:]
	if last == "" || strings.ToUpper(last[:1]) == last[:1] && !strings.Contains(last, "_") {
		return name
	}
	var b strings.Builder
	for _, part := range strings.Split(last, "_") {
		if part != "" {
			b.WriteString(strings.ToUpper(part[:1]) + part[1:])
		}
	}
	return name[:i] + b.String()
}

// printAPIDoc prints the first key's declaration and doc, and names the
// others.
func (s *Session) printAPIDoc(keys []string) {
	decl, text, _ := strings.Cut(symbols.Docs[keys[0]], "\n\n")
	fmt.Fprintln(s.out, decl)
	for _, l := range strings.Split(text, "\n") {
		fmt.Fprintln(s.out, strings.TrimRight("  "+l, " "))
	}
	if len(keys) > 1 {
		fmt.Fprintf(s.out, "see also: %s\n", strings.Join(keys[1:], ", "))
	}
}
