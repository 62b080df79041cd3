package repl

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/printer"
	"go/token"
	"strings"
)

// Types and methods declared again.
//
// yaegi keeps the first declaration of a type or of a method and ignores a
// later one without a word (it appends the method to the type's list and
// finds the first): a method fixed and entered again went on running the
// old body, a type given a field kept the old fields. Go refuses both in
// one file ("P redeclared in this block", "method P.Get already
// declared"). The shell accepts a declaration entered again unchanged (a
// block pasted again), and refuses a changed one with what to do instead.
// Functions can be declared again: noteFuncs re-evaluates their callers.

// declKeys returns the types and methods decl declares, each with its
// source as printed without comments ("type P", "method P.Get").
func declKeys(fset *token.FileSet, decl ast.Decl) (keys, sources []string) {
	print := func(n ast.Node) string {
		var buf bytes.Buffer
		if err := (&printer.Config{Mode: printer.UseSpaces, Tabwidth: 8}).Fprint(&buf, fset, n); err != nil {
			return fmt.Sprint(n)
		}
		return buf.String()
	}
	switch d := decl.(type) {
	case *ast.FuncDecl:
		if d.Recv == nil || len(d.Recv.List) != 1 {
			return nil, nil
		}
		c := *d
		c.Doc = nil
		keys = append(keys, "method "+receiverName(d.Recv.List[0].Type)+"."+d.Name.Name)
		sources = append(sources, print(&c))
	case *ast.GenDecl:
		if d.Tok != token.TYPE {
			return nil, nil
		}
		for _, sp := range d.Specs {
			ts := sp.(*ast.TypeSpec)
			c := *ts
			c.Doc, c.Comment = nil, nil
			keys = append(keys, "type "+ts.Name.Name)
			sources = append(sources, print(&c))
		}
	}
	return keys, sources
}

// redeclared refuses an entry's units when they declare a type or a
// method declared by an earlier entry differently, or twice themselves. It
// runs before the entry's rewrites (the sources are taken as typed) and
// keeps the sources for noteDeclared, once the declarations are evaluated.
func (in *Interp) redeclared(group []Unit) (*Unit, error) {
	seen := map[string]string{}
	in.declSources = map[ast.Decl][2][]string{}
	for i, u := range group {
		if u.decl == nil {
			continue
		}
		keys, sources := declKeys(u.fset, u.decl)
		if len(keys) > 0 {
			in.declSources[u.decl] = [2][]string{keys, sources}
		}
		for k, key := range keys {
			if prev, ok := seen[key]; ok && prev != sources[k] {
				return &group[i], &CompileError{Line: u.Line, Msg: redeclaredMsg(key, "in this entry")}
			}
			seen[key] = sources[k]
			if prev, ok := in.declared[key]; ok && prev != sources[k] {
				return &group[i], &CompileError{Line: u.Line, Msg: redeclaredMsg(key, "by an earlier entry")}
			}
		}
	}
	return nil, nil
}

func redeclaredMsg(key, where string) string {
	if name, ok := strings.CutPrefix(key, "method "); ok {
		return fmt.Sprintf("method %s is already declared %s: the shell cannot replace a method, the first declaration would stay in effect; give the new one another name, or write it as a function taking the value", name, where)
	}
	name, _ := strings.CutPrefix(key, "type ")
	return fmt.Sprintf("type %s is already declared %s, differently: the shell cannot change a type, values and functions made with it would keep the old one; declare the new one under another name", name, where)
}

// noteDeclared records the types and methods of a group evaluated.
func (in *Interp) noteDeclared(group []Unit) {
	if in.declared == nil {
		in.declared = map[string]string{}
	}
	for _, u := range group {
		if u.decl == nil {
			continue
		}
		ks, ok := in.declSources[u.decl]
		if !ok {
			continue
		}
		delete(in.declSources, u.decl)
		for k, key := range ks[0] {
			in.declared[key] = ks[1][k]
		}
	}
}
