package repl_test

import (
	"context"
	"fmt"
	"strings"

	"odsh/repl"
)

func ExampleInterp_Eval() {
	in, err := repl.New(repl.Options{})
	if err != nil {
		panic(err)
	}
	ctx := context.Background()
	res, _ := in.Eval(ctx, "total := 0; for i := range 5 { total += i }; total")
	fmt.Println(res.Values...)
	res, _ = in.Eval(ctx, `strings.Cut("res.partner", ".")`)
	fmt.Println(res.Values...)
	_, err = in.Eval(ctx, `var m map[string]int; m["x"] = 1`)
	fmt.Println(err)
	// Output:
	// 10
	// res partner true
	// panic: assignment to entry in nil map
}

func ExampleCheck() {
	for _, src := range []string{"x := 1", "if x > 0 {", "s := `raw", "y := 2 +"} {
		status, why := repl.Check(src)
		fmt.Println(strings.TrimSpace(fmt.Sprintf("%-12q %v %s", src, status, why)))
	}
	// Output:
	// "x := 1"     ready
	// "if x > 0 {" more open brace
	// "s := `raw"  more raw string not terminated
	// "y := 2 +"   more trailing +
}

func ExampleAnalyze() {
	line := `env.Model("res.partner").Search("[('coun`
	ctx := repl.Analyze(line, len(line))
	fmt.Println(ctx.Kind == repl.DomainFieldCompletion, ctx.Receiver, ctx.Prefix)
	// Output:
	// true env.Model("res.partner") coun
}
