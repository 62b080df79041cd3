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
// block pasted again), gives a method declared again with the same
// signature its new body (methodswap.go), and refuses other changes with
// what to do instead. Functions can be declared again: noteFuncs
// re-evaluates their callers.

// declSource is what declKeys returns for one declaration.
type declSource struct{ keys, sources, sigs []string }

// declKeys returns the types and methods decl declares, each with its
// source as printed without comments ("type P", "method P.Get") and, for
// a method, its signature (methodSignature).
func declKeys(fset *token.FileSet, decl ast.Decl, swapping bool) (keys, sources, sigs []string) {
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
			return nil, nil, nil
		}
		c := *d
		c.Doc = nil
		keys = append(keys, "method "+receiverName(d.Recv.List[0].Type)+"."+d.Name.Name)
		sources = append(sources, print(&c))
		sig := ""
		if methodVar(d) != "" && swapping {
			sig = methodSignature(d, print)
		}
		sigs = append(sigs, sig)
	case *ast.GenDecl:
		if d.Tok != token.TYPE {
			return nil, nil, nil
		}
		for _, sp := range d.Specs {
			ts := sp.(*ast.TypeSpec)
			c := *ts
			c.Doc, c.Comment = nil, nil
			keys = append(keys, "type "+ts.Name.Name)
			sources = append(sources, print(&c))
			sigs = append(sigs, "")
		}
	}
	return keys, sources, sigs
}

// redeclared refuses an entry's units when they declare a type or a
// method declared by an earlier entry differently, or twice themselves. It
// runs before the entry's rewrites (the sources are taken as typed) and
// keeps the sources for noteDeclared, once the declarations are evaluated.
func (in *Interp) redeclared(group []Unit) (*Unit, error) {
	seen := map[string]string{}
	in.declSources = map[ast.Decl]declSource{}
	in.swaps = map[ast.Decl]bool{}
	for i, u := range group {
		if u.decl == nil {
			continue
		}
		keys, sources, sigs := declKeys(u.fset, u.decl, in.entry > 0 || in.Interactive)
		if len(keys) > 0 {
			in.declSources[u.decl] = declSource{keys, sources, sigs}
		}
		for k, key := range keys {
			if prev, ok := seen[key]; ok && prev != sources[k] {
				return &group[i], &CompileError{Line: u.Line, Msg: redeclaredMsg(key, "in this entry", false)}
			}
			seen[key] = sources[k]
			prev, ok := in.declared[key]
			if !ok || prev == sources[k] {
				continue
			}
			if sigs[k] != "" && sigs[k] == in.signatures[key] {
				// a method's new body (methodswap.go)
				in.swaps[u.decl] = true
				continue
			}
			return &group[i], &CompileError{Line: u.Line, Msg: redeclaredMsg(key, "by an earlier entry", sigs[k] != "" && in.signatures[key] != "")}
		}
	}
	return nil, nil
}

func redeclaredMsg(key, where string, signature bool) string {
	if name, ok := strings.CutPrefix(key, "method "); ok {
		if signature {
			return fmt.Sprintf("method %s is already declared %s with another signature or receiver: the shell can give a method a new body, not a new signature (code compiled against the first would call it); give the new one another name", name, where)
		}
		return fmt.Sprintf("method %s is already declared %s: the shell cannot replace this method (its type is generic), the first declaration would stay in effect; give the new one another name, or write it as a function taking the value", name, where)
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
		for k, key := range ks.keys {
			in.declared[key] = ks.sources[k]
			if ks.sigs[k] != "" {
				if in.signatures == nil {
					in.signatures = map[string]string{}
				}
				if _, ok := in.signatures[key]; !ok {
					in.signatures[key] = ks.sigs[k] // the first declaration's
				}
			}
		}
	}
}
