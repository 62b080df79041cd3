package repl

// What :save writes, and what :undo says about Go variables.
//
// The session keeps every entry that ran, in order, with what became of
// it: in effect, or gone (undone by :undo, rolled back by :rollback, or
// failed while running). Rolling back the database does not roll back Go
// variables: a variable an entry that is gone set keeps its value, and so
// does a variable computed from it later. Such a name is "stale":
//
//	stale  =  names set by an entry that is gone
//	       ∪  names set by an entry that uses a stale name
//	       −  names set again, from fresh names only, by an entry in effect
//
// :save writes the entries in effect, in order, except those that use a
// stale name and wrote nothing: they only computed variables from values
// that no longer hold, and the file would not run with them (their names
// are not defined there). An entry that uses a stale name and wrote stays,
// since its writes are in effect; :save says so, for the file may then not
// run. :undo names the stale variables it leaves behind.

import (
	"go/ast"
	"go/parser"
	"go/token"
	"sort"
	"strings"
)

// savedEntry is one entry the session ran.
type savedEntry struct {
	src   string
	gone  bool // undone, rolled back, or failed while running
	wrote bool
	names *entryNames // parsed on first use
}

// entryNames are the top-level names an entry sets and uses.
type entryNames struct {
	sets, uses map[string]bool
}

// record appends an entry that ran and returns its index.
func (s *Session) record(src string, gone, wrote bool) int {
	s.saved = append(s.saved, &savedEntry{src: src, gone: gone, wrote: wrote})
	return len(s.saved) - 1
}

// namesOf parses e's names once.
func (e *savedEntry) namesOf() *entryNames {
	if e.names == nil {
		e.names = parseNames(e.src)
	}
	return e.names
}

// plan walks the entries: the ones :save writes, the stale names at the
// end, and the entries kept although they use a stale name.
func (s *Session) plan() (keep []*savedEntry, stale map[string]bool, risky []riskyEntry, dropped int) {
	stale = map[string]bool{}
	for _, e := range s.saved {
		n := e.namesOf()
		usesStale := common(n.uses, stale)
		switch {
		case e.gone, len(usesStale) > 0 && !e.wrote:
			for name := range n.sets {
				stale[name] = true
			}
			dropped++
			continue
		case len(usesStale) > 0:
			risky = append(risky, riskyEntry{e, usesStale})
			for name := range n.sets {
				stale[name] = true
			}
		default:
			for name := range n.sets {
				delete(stale, name)
			}
		}
		keep = append(keep, e)
	}
	return keep, stale, risky, dropped
}

// riskyEntry is an entry :save keeps although it uses stale names.
type riskyEntry struct {
	e     *savedEntry
	names []string
}

// common returns the keys of a that are in b, sorted.
func common(a, b map[string]bool) []string {
	var out []string
	for k := range a {
		if b[k] {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// staleNames lists the stale names that are also Go variables of the
// session, sorted.
func (s *Session) staleNames() []string {
	_, stale, _, _ := s.plan()
	var out []string
	for name := range stale {
		if v, ok := s.in.Global(name); ok && v.IsValid() {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

// markGone marks the entries from index from on that wrote as gone (a
// rollback took their writes).
func (s *Session) markGone(from int) {
	for _, e := range s.saved[min(from, len(s.saved)):] {
		if e.wrote {
			e.gone = true
		}
	}
}

// parseNames reads the names an entry sets and uses at top level. An
// entry that does not parse sets and uses nothing.
func parseNames(src string) *entryNames {
	n := &entryNames{sets: map[string]bool{}, uses: map[string]bool{}}
	for _, seg := range splitSegments(stripShebang(src)) {
		if strings.HasPrefix(seg.text, "import") || strings.HasPrefix(seg.text, "package") {
			continue
		}
		if f, err := parser.ParseFile(token.NewFileSet(), "", "package p\n"+seg.text, parser.SkipObjectResolution); err == nil && len(f.Decls) > 0 {
			for _, d := range f.Decls {
				n.decl(d)
			}
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), "", "package p\nfunc _() {\n"+seg.text+"\n}", parser.SkipObjectResolution)
		if err != nil {
			continue
		}
		for _, st := range f.Decls[0].(*ast.FuncDecl).Body.List {
			n.stmt(st)
		}
	}
	return n
}

// decl notes a top-level declaration: the names it declares, and the
// names its types, values and body use.
func (n *entryNames) decl(d ast.Decl) {
	switch d := d.(type) {
	case *ast.FuncDecl:
		if d.Recv == nil {
			n.sets[d.Name.Name] = true
		} else {
			n.use(d.Recv)
		}
		n.use(d.Type)
		if d.Body != nil {
			n.use(d.Body)
		}
		if d.Recv == nil {
			delete(n.uses, d.Name.Name) // recursion
		}
	case *ast.GenDecl:
		for _, sp := range d.Specs {
			switch sp := sp.(type) {
			case *ast.ValueSpec:
				for _, id := range sp.Names {
					n.sets[id.Name] = true
				}
				if sp.Type != nil {
					n.use(sp.Type)
				}
				for _, v := range sp.Values {
					n.use(v)
				}
			case *ast.TypeSpec:
				n.sets[sp.Name.Name] = true
				n.use(sp.Type)
			}
		}
	}
}

// stmt notes a top-level statement: what it assigns, and every name it
// mentions.
func (n *entryNames) stmt(st ast.Stmt) {
	switch st := st.(type) {
	case *ast.AssignStmt:
		for _, lhs := range st.Lhs {
			if id, ok := lhs.(*ast.Ident); ok && id.Name != "_" {
				n.sets[id.Name] = true
				if st.Tok != token.DEFINE && st.Tok != token.ASSIGN {
					n.uses[id.Name] = true // x += y uses x
				}
				continue
			}
			n.use(lhs) // p.x = 1, m[k] = v
		}
		for _, rhs := range st.Rhs {
			n.use(rhs)
		}
		return
	case *ast.IncDecStmt:
		if id, ok := st.X.(*ast.Ident); ok {
			n.sets[id.Name] = true
		}
	case *ast.DeclStmt:
		n.decl(st.Decl)
		return
	}
	n.use(st)
}

// use notes every identifier under node, except the names after a dot.
func (n *entryNames) use(node ast.Node) {
	ast.Inspect(node, func(x ast.Node) bool {
		switch x := x.(type) {
		case *ast.SelectorExpr:
			n.use(x.X)
			return false
		case *ast.Ident:
			n.uses[x.Name] = true
		}
		return true
	})
}
