package repl

import (
	"fmt"
	"go/ast"
	"go/parser"
	"reflect"
	"sort"
	"strings"
	"unicode/utf8"

	"odsh/repl/symbols"
)

// Documentation of the ORM's Go API for :doc, from the table generated out
// of the doc comments (symbols.Docs). A name is looked up as typed, then
// through the type of what it starts with, then as a Recordset or Env
// method, then in orm, domain and printer; Odoo's snake_case is accepted:
//
//	:doc Search          → orm.Recordset.Search
//	:doc env.Ref         → orm.Env.Ref (env is an *orm.Env)
//	:doc search_count    → orm.Recordset.SearchCount
//	:doc orm.Limit       → orm.Limit
//	:doc p.Write         → orm.Recordset.Write (p being a recordset)
//	:doc Command.Set     → orm.Commands.Set (Command is an orm.Commands)
//
// A type is shown with its methods, a variable with its type's, each with
// the Odoo spelling the phrasebook gives it (session_phrasebook.go).
// Exported names of other packages the prompt can import (strings.ToLower)
// show their Go type.

// apiScopes are where a short name is looked for, most likely first.
var apiScopes = []string{"orm.Recordset.", "orm.Env.", "orm.Commands.", "orm.", "domain.", "printer."}

// apiDoc returns the documentation keys for name, best first.
func (s *Session) apiDoc(name string) []string {
	name = strings.TrimSuffix(name, "()")
	if name == "env" {
		name = "orm.Env"
	}
	if k, ok := odooDoc(name); ok {
		return []string{k}
	}
	name = camel(name)
	if _, ok := symbols.Docs[name]; ok {
		return []string{name}
	}
	if k, ok := s.typedDoc(name); ok {
		return []string{k}
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
	if i := strings.LastIndexByte(name, '.'); i >= 0 && !strings.Contains(name[:i], ".") {
		if _, known := symbols.Docs["orm."+name[:i]]; !known { // rs.Write, rs unknown: a recordset's
			return s.apiDoc(name[i+1:])
		}
	}
	return methodsNamed(name)
}

// odooDoc finds the key of an Odoo attribute written as in Odoo:
// env.uid, records.write, self.env.cr.
func odooDoc(name string) (string, bool) {
	i := strings.LastIndexByte(name, '.')
	if i < 0 || strings.ToLower(name[i+1:]) != name[i+1:] {
		return "", false
	}
	p, ok := attrPhrase(name[i+1:], strings.HasSuffix(name[:i], "env"))
	return p.Doc, ok
}

// typedDoc finds the key of X.Name through the type of X: a variable of the
// session (p, env), a package variable (orm.Command) or a type (Recordset,
// orm.SQL).
func (s *Session) typedDoc(name string) (string, bool) {
	i := strings.LastIndexByte(name, '.')
	if i < 0 {
		return "", false
	}
	x, member := name[:i], name[i+1:]
	for _, k := range []string{x, "orm." + x} { // orm.Command, Command; orm.SQL, SQL
		if t, ok := symbols.VarTypes[k]; ok {
			k = t
		}
		if _, ok := symbols.Docs[k+"."+member]; ok && strings.Count(k, ".") == 1 {
			return k + "." + member, true
		}
	}
	if t, ok := (staticTyper{s.in}).TypeOf(x); ok {
		return typeKey(t, member)
	}
	return "", false
}

// typeKey is the key of a method of an orm, domain or printer type.
func typeKey(t reflect.Type, member string) (string, bool) {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	pkg := strings.TrimPrefix(t.PkgPath(), "odsh/")
	k := pkg + "." + t.Name() + "." + member
	_, ok := symbols.Docs[k]
	return k, ok
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

// printAPIDoc prints the first key's declaration, its Odoo spelling and
// doc, the methods of its type, and names the other keys.
func (s *Session) printAPIDoc(keys []string) {
	decl, text, _ := strings.Cut(symbols.Docs[keys[0]], "\n\n")
	fmt.Fprintln(s.out, decl)
	if odoo := odooNames(keys[0]); len(odoo) > 0 {
		fmt.Fprintf(s.out, "  Odoo: %s\n", strings.Join(odoo, ", "))
	}
	for _, l := range strings.Split(text, "\n") {
		if rest, ok := strings.CutPrefix(l, "\t"); ok { // code and examples
			l = "    " + rest
		}
		fmt.Fprintln(s.out, strings.TrimRight("  "+l, " "))
	}
	s.printMethods(keys[0])
	if len(keys) > 1 {
		fmt.Fprintf(s.out, "see also: %s\n", strings.Join(keys[1:], ", "))
	}
}

// printMethods lists the methods of a type, or of a variable's type, one
// line each with its Odoo spelling.
func (s *Session) printMethods(key string) {
	if t, ok := symbols.VarTypes[key]; ok {
		key = t
	}
	if strings.Count(key, ".") != 1 {
		return
	}
	var methods []string
	for k := range symbols.Docs {
		if strings.HasPrefix(k, key+".") {
			methods = append(methods, k)
		}
	}
	if len(methods) == 0 {
		return
	}
	sort.Strings(methods)
	fmt.Fprintf(s.out, "methods of %s (:doc %s.NAME for one):\n", key, key[strings.IndexByte(key, '.')+1:])
	sigs, width := make([]string, len(methods)), 0
	for i, k := range methods {
		sig, _, _ := strings.Cut(symbols.Docs[k], "\n")
		sigs[i] = methodSig(sig)
		if n := utf8.RuneCountInString(sigs[i]); n <= maxAlignedSig && n > width {
			width = n
		}
	}
	for i, k := range methods {
		line := "  " + sigs[i]
		if names := odooNames(k); len(names) > 0 {
			pad := max(width-utf8.RuneCountInString(sigs[i]), 0) + 2
			line += strings.Repeat(" ", pad) + "Odoo: " + strings.Join(names, ", ")
		}
		fmt.Fprintln(s.out, line)
	}
}

// maxAlignedSig is the longest method signature the Odoo names are aligned
// after.
const maxAlignedSig = 48

// methodSig drops the receiver: "func (r Recordset) Len() int" → "Len() int".
func methodSig(sig string) string {
	if rest, ok := strings.CutPrefix(sig, "func ("); ok {
		if _, after, ok := strings.Cut(rest, ") "); ok {
			return after
		}
	}
	return sig
}

// goDoc shows the type of an exported name of a package the prompt can
// import that is not documented in symbols.Docs: strings.ToLower.
func (s *Session) goDoc(name string) bool {
	e, err := parser.ParseExpr(name)
	if err != nil {
		return false
	}
	sel, ok := e.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	id, ok := sel.X.(*ast.Ident)
	if !ok {
		return false
	}
	syms, ok := s.in.PackageSymbols(id.Name)
	if !ok {
		return false
	}
	st, ok := symbolType(syms[sel.Sel.Name])
	if !ok {
		return false
	}
	kind := "var"
	switch {
	case st.isType:
		kind = "type"
	case st.t.Kind() == reflect.Func:
		kind = "func"
	}
	fmt.Fprintf(s.out, "%s %s: %s\n  (go doc %s.%s for its documentation)\n", kind, name, st.t, id.Name, sel.Sel.Name)
	return true
}
