package repl

import (
	"context"
	"errors"
	"strings"
	"testing"
)

func TestEvalScript(t *testing.T) {
	tests := []struct {
		name, src, out string
		errLine        int
		errSub         string
	}{
		{
			name: "shebang and top-level statements",
			src:  "#!/usr/bin/env odsh\nimport \"fmt\"\ntotal := 0\nfor i := range 4 {\n\ttotal += i\n}\nfmt.Println(\"total\", total)\n",
			out:  "total 6\n",
		},
		{
			name: "declarations then use",
			src:  "type item struct{ n int }\nfunc (it item) double() int { return it.n * 2 }\nitems := []item{{1}, {2}}\nfor _, it := range items {\n\tfmt.Println(it.double())\n}\n",
			out:  "2\n4\n",
		},
		{
			name: "bare values are not printed",
			src:  "x := 2\nx * 3\nfmt.Println(x)",
			out:  "2\n",
		},
		{
			name:    "stops at first error with its line",
			src:     "fmt.Println(1)\nvar m map[string]int\n\nm[\"a\"] = 1\nfmt.Println(2)\n",
			out:     "1\n",
			errLine: 4, errSub: "nil map",
		},
		{
			name:    "syntax error line",
			src:     "#!/usr/bin/env odsh\nx := 1\nif x > {\n}\n",
			errLine: 3, errSub: "3:",
		},
		{
			name:    "compile error line",
			src:     "x := 1\n\ny := x + nope\n",
			errLine: 3, errSub: "undefined: nope",
		},
		{
			name:    "unknown package in a type",
			src:     "x := 1\n\nvar y nosuchpkg.T\n",
			errLine: 3, errSub: "undefined: nosuchpkg",
		},
		{
			name:    "panic in loop",
			src:     "for i := range 3 {\n\tif i == 2 {\n\t\tpanic(\"two\")\n\t}\n}\n",
			errLine: 1, errSub: "panic: two",
		},
		{
			// the statement of main that ran (mainline.go), in a switch
			// inside a loop; a call from main is reported at the call
			name:    "runtime error inside main",
			src:     "package main\n\nimport \"fmt\"\n\nfunc set(m map[string]int) {\n\tm[\"x\"] = 1\n}\n\nfunc main() {\n\tfor i := 0; i < 3; i++ {\n\t\tswitch {\n\t\tcase i == 1:\n\t\t\tfmt.Println(\"one\")\n\t\t\tvar m map[string]int\n\t\t\tset(m)\n\t\t}\n\t}\n}\n",
			out:     "one\n",
			errLine: 15, errSub: "nil map",
		},
		{
			name:    "index out of range in main",
			src:     "package main\n\nfunc main() {\n\txs := []int{1}\n\ti := 3\n\n\t_ = xs[i]\n}\n",
			errLine: 7, errSub: "index out of range",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in, out := newTestInterp(t)
			err := in.EvalScript(context.Background(), tt.src)
			var se *ScriptError
			switch {
			case tt.errSub == "" && err != nil:
				t.Fatalf("EvalScript: unexpected error %v", err)
			case tt.errSub != "" && (!errors.As(err, &se) || se.Line != tt.errLine || !strings.Contains(err.Error(), tt.errSub)):
				t.Fatalf("EvalScript: got error %v, want a ScriptError at line %d containing %q", err, tt.errLine, tt.errSub)
			}
			if out.String() != tt.out {
				t.Errorf("output: got %q, want %q", out.String(), tt.out)
			}
		})
	}
}
