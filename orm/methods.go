package orm

import (
	"fmt"

	"odsh/domain"
)

// The method table.
//
// Every model has a table of named methods. The ORM's own operations are
// methods too ("create", "write", "unlink", "copy", "default_get",
// "name_create", "compute_display_name", "search_display_name"), so an addon can override them
// like its own: a MethodDecorator receives the next implementation (super)
// and returns the new one. Chains are built once, when the registry is set
// up; a call is one function call.

// baseMethods are the ORM's implementations, innermost in every chain.
var baseMethods = map[string]Method{
	"create": func(rs Recordset, args ...any) any {
		return rs.createDelegating(argValuesList(args))
	},
	"write": func(rs Recordset, args ...any) any {
		rs.write(argValues(args))
		return true
	},
	"unlink": func(rs Recordset, args ...any) any {
		rs.unlink()
		return true
	},
	"copy": func(rs Recordset, args ...any) any {
		return rs.copy(argValues(args))
	},
	"compute_display_name": func(rs Recordset, args ...any) any {
		computeDisplayName(rs)
		return nil
	},
	"search_display_name": func(rs Recordset, args ...any) any {
		op, _ := args[0].(string)
		return rs.searchDisplayName(domain.Operator(op), args[1])
	},
	"default_get": func(rs Recordset, args ...any) any {
		names := make([]string, 0, len(args))
		for _, a := range args {
			names = append(names, fmt.Sprint(a))
		}
		return rs.defaultGet(names)
	},
}

func argValues(args []any) Values {
	if len(args) == 0 || args[0] == nil {
		return nil
	}
	v, err := toValues(args[0])
	if err != nil {
		panic(&ValidationError{ErrorInfo{Msg: err.Error()}})
	}
	return v
}

func argValuesList(args []any) []Values {
	if len(args) == 1 {
		if l, ok := args[0].([]Values); ok {
			return l
		}
	}
	out := make([]Values, len(args))
	for i, a := range args {
		out[i] = argValues([]any{a})
	}
	return out
}

// buildMethods chains the base methods and every decorator of a model.
func buildMethods(res *resolution) map[string]Method {
	out := make(map[string]Method, len(baseMethods)+len(res.methods))
	for name, m := range baseMethods {
		out[name] = m
	}
	for _, name := range res.methSeq {
		for _, dec := range res.methods[name] {
			out[name] = dec(out[name])
		}
	}
	return out
}

// Call calls a model method by name with rs as its recordset.
func (r Recordset) Call(name string, args ...any) any {
	r.check()
	m := r.model.methods[name]
	if m == nil {
		panic(&UserError{ErrorInfo{Model: r.model.Name, Msg: fmt.Sprintf("no method %q", name)}})
	}
	return m(r, args...)
}

// HasMethod reports whether the model has a method of that name.
func (m *Model) HasMethod(name string) bool { return m.methods[name] != nil }

// MethodNames returns the model's method names.
func (m *Model) MethodNames() []string { return sortedKeys(m.methods) }
