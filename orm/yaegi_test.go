package orm_test

import (
	"reflect"
	"testing"

	"github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib"

	"odsh/orm"
)

// ormExports is a hand-written minimal export table of the orm names the
// interpreted code below uses (the shell's is generated in repl/symbols).
func ormExports(env *orm.Env) interp.Exports {
	return interp.Exports{
		"odsh/orm/orm": {
			"Declare":         reflect.ValueOf(orm.Declare),
			"Char":            reflect.ValueOf(orm.Char),
			"ModelDef":        reflect.ValueOf((*orm.ModelDef)(nil)),
			"FieldDef":        reflect.ValueOf((*orm.FieldDef)(nil)),
			"Values":          reflect.ValueOf((*orm.Values)(nil)),
			"Recordset":       reflect.ValueOf((*orm.Recordset)(nil)),
			"Method":          reflect.ValueOf((*orm.Method)(nil)),
			"MethodDecorator": reflect.ValueOf((*orm.MethodDecorator)(nil)),
			"ComputeFunc":     reflect.ValueOf((*orm.ComputeFunc)(nil)),
			"Env":             reflect.ValueOf((*orm.Env)(nil)),
		},
		"testenv/testenv": {
			"Env": reflect.ValueOf(func() *orm.Env { return env }),
		},
	}
}

const interpretedDeclare = `
package main

import (
	"strings"

	"odsh/orm"
	"testenv"
)

func Run() string {
	env := testenv.Env()
	orm.Declare(env, orm.ModelDef{
		Name: "x.script",
		Fields: []*orm.FieldDef{
			orm.Char("name"),
			orm.Char("upper").Compute(func(rs orm.Recordset) {
				for _, r := range rs.Records() {
					r.Set("upper", strings.ToUpper(r.Str("name")))
				}
			}, "name"),
		},
		Methods: map[string]orm.MethodDecorator{
			"hello": func(super orm.Method) orm.Method {
				return func(rs orm.Recordset, args ...any) any { return "hello " + rs.Str("name") }
			},
		},
	})
	orm.Declare(env, orm.ModelDef{
		Inherit: []string{"x.script"},
		Methods: map[string]orm.MethodDecorator{
			"hello": func(super orm.Method) orm.Method {
				return func(rs orm.Recordset, args ...any) any { return super(rs, args...).(string) + "!" }
			},
			"create": func(super orm.Method) orm.Method {
				return func(rs orm.Recordset, args ...any) any {
					for _, v := range args[0].([]orm.Values) {
						v["name"] = strings.TrimSpace(v["name"].(string))
					}
					return super(rs, args...)
				}
			},
		},
	})
	rec := env.Model("x.script").Create(orm.Values{"name": "  ab "})
	return rec.Str("upper") + " " + rec.Call("hello").(string)
}
`

// TestYaegiDeclare runs interpreted code through yaegi: a compute function
// and method overrides calling super, given to compiled code as closures.
func TestYaegiDeclare(t *testing.T) {
	env := privateEnv(t)
	i := interp.New(interp.Options{})
	if err := i.Use(stdlib.Symbols); err != nil {
		t.Fatal(err)
	}
	if err := i.Use(ormExports(env)); err != nil {
		t.Fatal(err)
	}
	if _, err := i.Eval(interpretedDeclare); err != nil {
		t.Fatalf("eval: %v", err)
	}
	v, err := i.Eval("main.Run()")
	if err != nil {
		t.Fatalf("run: %v", err)
	}
	if got, want := v.Interface(), "AB hello ab!"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	// compiled code calls the interpreted override too
	rec := env.Model("x.script").Create(orm.Values{"name": " cd"})
	if got := rec.Call("hello"); got != "hello cd!" {
		t.Errorf("called from compiled code: got %q", got)
	}
}
