package repl

import (
	"go/ast"
	"go/token"
	"strconv"
	"strings"
)

// %T of a value of a type the session declared prints, in yaegi, the
// underlying type or the type's structure (int, struct { Name string }),
// where Go prints main.Weekday. When the format is a literal and the
// syntax tells the argument's type, the verb prints the type's name as Go
// writes it instead:
//
//	fmt.Printf("%T %v\n", d, d)  ⇔  fmt.Printf("%s %v\n", "main.Weekday", d)
//
// An argument other than a name is still evaluated, for its effects. An
// argument of an
// interface type is left alone: %T prints its dynamic type. So is a
// format with argument indexes or a * width.
func (c *callPass) typeVerbs(call *ast.CallExpr, skip int) {
	if skip == 0 || skip > len(call.Args) {
		return
	}
	lit, ok := call.Args[skip-1].(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return
	}
	format, err := strconv.Unquote(lit.Value)
	if err != nil || !strings.Contains(format, "%") {
		return
	}
	var out strings.Builder
	arg := skip
	changed := false
	for i := 0; i < len(format); i++ {
		ch := format[i]
		out.WriteByte(ch)
		if ch != '%' {
			continue
		}
		j := i + 1
		for j < len(format) && strings.IndexByte("+-# 0123456789.", format[j]) >= 0 {
			j++
		}
		if j >= len(format) {
			return
		}
		switch verb := format[j]; {
		case verb == '%' && j == i+1:
			out.WriteByte('%')
		case verb == '[' || verb == '*':
			return // indexed or * arguments: left alone
		case verb == 'T' && arg < len(call.Args):
			if name := c.goTypeName(call.Args[arg]); name != "" {
				out.WriteString(format[i+1 : j])
				out.WriteByte('s')
				str := &ast.BasicLit{Kind: token.STRING, Value: strconv.Quote(name)}
				if _, isName := call.Args[arg].(*ast.Ident); isName {
					call.Args[arg] = str
				} else {
					// func(any) string { return "main.T" }(x), for x's effects
					call.Args[arg] = &ast.CallExpr{Fun: &ast.FuncLit{
						Type: &ast.FuncType{Params: &ast.FieldList{List: []*ast.Field{{Names: []*ast.Ident{ident("_")}, Type: ident("any")}}},
							Results: &ast.FieldList{List: []*ast.Field{{Type: ident("string")}}}},
						Body: &ast.BlockStmt{List: []ast.Stmt{&ast.ReturnStmt{Results: []ast.Expr{str}}}},
					}, Args: []ast.Expr{call.Args[arg]}}
				}
				changed = true
				arg++
				i = j
				continue
			}
			out.WriteString(format[i+1 : j+1])
			arg++
		default:
			out.WriteString(format[i+1 : j+1])
			arg++
		}
		i = j
	}
	if changed {
		lit.Value = strconv.Quote(out.String())
	}
}

// goTypeName returns the name Go's %T gives the static type of x when it
// mentions a type the session declared and is not an interface, else "".
func (c *callPass) goTypeName(x ast.Expr) string {
	t := c.env.typeOf(x)
	if t == nil {
		return ""
	}
	if id, ok := t.(*ast.Ident); ok {
		if spec := c.decls.Type(id.Name); spec != nil && !c.env.isLocal(id.Name) {
			if _, iface := spec.Type.(*ast.InterfaceType); iface {
				return ""
			}
		}
	}
	declared := false
	var name func(t ast.Expr) string
	name = func(t ast.Expr) string {
		switch t := t.(type) {
		case *ast.Ident:
			if predeclaredTypes[t.Name] {
				if t.Name == "byte" {
					return "uint8"
				}
				if t.Name == "rune" {
					return "int32"
				}
				if t.Name == "any" {
					return "interface {}"
				}
				return t.Name
			}
			spec := c.decls.Type(t.Name)
			if c.env.isLocal(t.Name) {
				// a type declared in a function: Go names it main.T too
				spec = c.env.localType(t.Name)
				if spec != nil {
					if _, iface := spec.Type.(*ast.InterfaceType); iface {
						return ""
					}
				}
			}
			if spec == nil || spec.Assign.IsValid() || spec.TypeParams != nil || c.typeParam(t.Name) {
				return ""
			}
			declared = true
			return "main." + t.Name
		case *ast.SelectorExpr:
			if pkg, ok := t.X.(*ast.Ident); ok {
				return pkg.Name + "." + t.Sel.Name
			}
		case *ast.IndexExpr, *ast.IndexListExpr:
			// an instance of a generic type declared at top level:
			// main.Pair[string,int]
			x, indices := instanceParts(t)
			id, ok := x.(*ast.Ident)
			if !ok || c.env.isLocal(id.Name) {
				return ""
			}
			spec := c.decls.Type(id.Name)
			if spec == nil || spec.TypeParams == nil || spec.Assign.IsValid() {
				return ""
			}
			args := make([]string, len(indices))
			for i, a := range indices {
				if args[i] = name(a); args[i] == "" {
					return ""
				}
			}
			declared = true
			return "main." + id.Name + "[" + strings.Join(args, ",") + "]"
		case *ast.StarExpr:
			if s := name(t.X); s != "" {
				return "*" + s
			}
		case *ast.ArrayType:
			e := name(t.Elt)
			if e == "" {
				return ""
			}
			if t.Len == nil {
				return "[]" + e
			}
			if n, ok := t.Len.(*ast.BasicLit); ok && n.Kind == token.INT {
				return "[" + n.Value + "]" + e
			}
		case *ast.MapType:
			k, v := name(t.Key), name(t.Value)
			if k != "" && v != "" {
				return "map[" + k + "]" + v
			}
		case *ast.FuncType:
			if t.TypeParams != nil {
				return ""
			}
			var params, results []string
			for i, p := range flatFields(t.Params) {
				s := ""
				if e, ok := p.(*ast.Ellipsis); ok {
					if i != len(flatFields(t.Params))-1 {
						return ""
					}
					if s = name(e.Elt); s != "" {
						s = "..." + s
					}
				} else {
					s = name(p)
				}
				if s == "" {
					return ""
				}
				params = append(params, s)
			}
			for _, r := range flatFields(t.Results) {
				s := name(r)
				if s == "" {
					return ""
				}
				results = append(results, s)
			}
			out := "func(" + strings.Join(params, ", ") + ")"
			switch len(results) {
			case 0:
			case 1:
				out += " " + results[0]
			default:
				out += " (" + strings.Join(results, ", ") + ")"
			}
			return out
		}
		return ""
	}
	s := name(t)
	if !declared {
		return ""
	}
	return s
}

// typeParam reports whether name is a type parameter of a function around
// the call being rewritten.
func (c *callPass) typeParam(name string) bool {
	for i := len(c.stack) - 1; i >= 0; i-- {
		if fd, ok := c.stack[i].(*ast.FuncDecl); ok && fd.Type.TypeParams != nil {
			for _, n := range fieldNames(fd.Type.TypeParams) {
				if n == name {
					return true
				}
			}
		}
	}
	return false
}
