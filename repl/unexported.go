package repl

// Unexported fields of struct types declared in interpreted code.
//
// yaegi builds interpreted struct types with reflect.StructOf, which in
// yaegi's use cannot make unexported fields: it renames a field `n` to
// `Xn` (exportName in interp/type.go). Compiled code then sees an exported
// field: encoding/json and encoding/xml write it ({"Xn":1}, where Go skips
// unexported fields) and fmt's %+v prints `Xn:`. yaegi keeps a field's tag
// on the renamed field, so a rewrite of the source can mark the field:
//
//	type P struct {            type P struct {
//		S string          ⇒        S string
//		n int `db:"n"`            n int `odsh:"unexported" json:"-" xml:"-" db:"n"`
//	}                          }
//
// markUnexportedFields is that rewrite; the print shims (printable.go)
// recognise the mark (unexportedTag) and print such a struct as Go would,
// with the field's own name and without calling its methods.
// json and xml need nothing more: the "-" makes them skip the field.

import (
	"go/ast"
	"go/token"
	"reflect"
	"strconv"
	"strings"
)

// unexportedTag is the key and value marking a field that the source
// declares unexported.
const (
	unexportedKey   = "odsh"
	unexportedValue = "unexported"
)

// markUnexportedFields tags the unexported fields of every struct type in
// node (a file, declaration, statement or expression) with
// `odsh:"unexported"`, and the named ones also with `json:"-" xml:"-"`
// (Go's encoders always skip unexported fields). The field's own tag keys
// follow, but for json and xml. A field list mixing exported and
// unexported names (`a, B int`) is split, since a tag applies to all the
// names of a field. An embedded field gets only the odsh key: Go's json
// promotes the fields of an embedded unexported struct, which a "-" would
// hide. It reports whether it changed anything; the rewrite is idempotent.
func markUnexportedFields(node ast.Node) bool {
	changed := false
	ast.Inspect(node, func(n ast.Node) bool {
		st, ok := n.(*ast.StructType)
		if !ok || st.Fields == nil {
			return true
		}
		var out []*ast.Field
		for _, f := range st.Fields.List {
			for _, g := range splitByExport(f) {
				if markField(g) {
					changed = true
				}
				if markEmbedded(g) {
					changed = true
				}
				out = append(out, g)
			}
		}
		if len(out) != len(st.Fields.List) {
			changed = true
		}
		st.Fields.List = out
		return true
	})
	return changed
}

// splitByExport returns f, or, when its names mix exported and unexported
// ones, one field per run of names of the same kind (same type and tag).
func splitByExport(f *ast.Field) []*ast.Field {
	if len(f.Names) < 2 {
		return []*ast.Field{f}
	}
	var out []*ast.Field
	start := 0
	for i := 1; i <= len(f.Names); i++ {
		if i < len(f.Names) && f.Names[i].IsExported() == f.Names[start].IsExported() {
			continue
		}
		g := *f
		g.Names = f.Names[start:i]
		if len(out) > 0 {
			g.Doc = nil
		}
		if i < len(f.Names) {
			g.Comment = nil
		}
		if f.Tag != nil {
			tag := *f.Tag
			g.Tag = &tag
		}
		out = append(out, &g)
		start = i
	}
	return out
}

// embeddedKey marks an embedded field: yaegi makes a struct's embedded
// field an ordinary one at the reflect level when the struct has other
// fields, so encoding/json nested its fields under the type's name
// ({"Base":{"Name":…},"Age":3}, where Go promotes them: {"Name":…,"Age":3}).
// The json shims (printable.go, jsonembed.go) read the mark and make the
// field embedded again.
const embeddedKey = "odshembed"

// markEmbedded tags f, when it is an embedded field, with
// `odshembed:"1"`; it reports a change.
func markEmbedded(f *ast.Field) bool {
	if len(f.Names) != 0 || embeddedName(f.Type) == "" {
		return false
	}
	user, ok := fieldTag(f)
	if !ok {
		return false
	}
	if _, marked := reflect.StructTag(user).Lookup(embeddedKey); marked {
		return false
	}
	// after the other keys: markField looks for its own first
	tag := embeddedKey + `:"1"`
	if user != "" {
		tag = user + " " + tag
	}
	setTag(f, tag)
	return true
}

// markField tags f if its names are unexported; it reports a change.
func markField(f *ast.Field) bool {
	var embedded bool
	switch {
	case len(f.Names) == 0:
		name := embeddedName(f.Type)
		if name == "" || token.IsExported(name) {
			return false
		}
		embedded = true
	case f.Names[0].IsExported():
		return false
	}
	user, ok := fieldTag(f)
	if !ok {
		return false
	}
	if isMarked(reflect.StructTag(user), embedded) {
		return false
	}
	tag := unexportedKey + `:"` + unexportedValue + `"`
	drop := []string{unexportedKey}
	if !embedded {
		tag += ` json:"-" xml:"-"`
		drop = append(drop, "json", "xml")
	}
	if rest := dropTagKeys(user, drop...); rest != "" {
		tag += " " + rest
	}
	setTag(f, tag)
	return true
}

// fieldTag returns f's tag unquoted ("" without one), ok false when it
// cannot be read.
func fieldTag(f *ast.Field) (string, bool) {
	if f.Tag == nil {
		return "", true
	}
	s, err := strconv.Unquote(f.Tag.Value)
	return s, err == nil
}

// setTag sets f's tag to tag, written as a raw string literal unless tag
// holds a backquote.
func setTag(f *ast.Field, tag string) {
	lit := "`" + tag + "`"
	if strings.ContainsRune(tag, '`') {
		lit = strconv.Quote(tag)
	}
	pos := f.Type.End()
	if f.Tag != nil {
		pos = f.Tag.Pos()
	}
	f.Tag = &ast.BasicLit{ValuePos: pos, Kind: token.STRING, Value: lit}
}

// isMarked reports whether tag starts with the marks markField adds.
func isMarked(tag reflect.StructTag, embedded bool) bool {
	if !strings.HasPrefix(string(tag), unexportedKey+`:"`+unexportedValue+`"`) {
		return false
	}
	return embedded || tag.Get("json") == "-" && tag.Get("xml") == "-"
}

// embeddedName is the field name of an embedded type: T, *T, pkg.T, T[X].
func embeddedName(x ast.Expr) string {
	for {
		switch t := x.(type) {
		case *ast.StarExpr:
			x = t.X
		case *ast.ParenExpr:
			x = t.X
		case *ast.IndexExpr:
			x = t.X
		case *ast.IndexListExpr:
			x = t.X
		case *ast.SelectorExpr:
			return t.Sel.Name
		case *ast.Ident:
			return t.Name
		default:
			return ""
		}
	}
}

// dropTagKeys returns tag without the pairs of keys; a tag not in the
// conventional `key:"value" …` form is returned as is (the marks come
// first, so reflect's Lookup, which stops at the first malformed pair,
// still finds them).
func dropTagKeys(tag string, keys ...string) string {
	var kept []string
	rest := strings.TrimLeft(tag, " ")
	for rest != "" {
		// the syntax StructTag.Lookup accepts: key is non-space,
		// non-quote, non-colon, non-control characters; then :"…"
		i := 0
		for i < len(rest) && rest[i] > ' ' && rest[i] != ':' && rest[i] != '"' && rest[i] != 0x7f {
			i++
		}
		if i == 0 || i+1 >= len(rest) || rest[i] != ':' || rest[i+1] != '"' {
			return tag
		}
		j := i + 2
		for j < len(rest) && rest[j] != '"' {
			if rest[j] == '\\' {
				j++
			}
			j++
		}
		if j >= len(rest) {
			return tag
		}
		pair, key := rest[:j+1], rest[:i]
		drop := false
		for _, k := range keys {
			drop = drop || k == key
		}
		if !drop {
			kept = append(kept, pair)
		}
		rest = strings.TrimLeft(rest[j+1:], " ")
	}
	return strings.Join(kept, " ")
}

// unexportedName returns the declared name of a struct field that
// markUnexportedFields marked, as yaegi renamed it ("Xn" ⇒ "n").
func unexportedName(f reflect.StructField) (string, bool) {
	if f.Tag.Get(unexportedKey) != unexportedValue || len(f.Name) < 2 || f.Name[0] != 'X' {
		return "", false
	}
	name := f.Name[1:]
	if token.IsExported(name) {
		return "", false
	}
	return name, true
}
