package repl

import (
	"context"
	"fmt"
	"os"
	"testing"
)

// temporary: ODSH_DEBUG=file go test -run TestZZDebug prints each unit's code
func TestZZDebug(t *testing.T) {
	file := os.Getenv("ODSH_DEBUG")
	if file == "" {
		t.Skip()
	}
	src, _ := os.ReadFile(file)
	s := string(src)
	if os.Getenv("ODSH_TOP") != "" {
		s, _ = topLevel(s)
	}
	in, out := newTestInterp(t)
	units, err := Split(s)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range units {
		code := ""
		if u.Import() == nil {
			code = u.Code(in)
		}
		fmt.Printf("---- line %d (%s)\n%s\n", u.Line, u.Kind, code)
		if u.Import() != nil {
			_, err = in.Eval(context.Background(), u.Text)
		} else {
			in.takeRefusal()
			_, err = in.yi.Eval(code)
		}
		fmt.Printf("OUT: %s", out.String())
		out.Reset()
		if err != nil {
			fmt.Println("ERR:", err)
		}
	}
}
