package connector_test

import (
	"bytes"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib"

	"odsh/addons/connector"
	"odsh/internal/testdb"
	"odsh/orm"
)

// TestScript runs scripts/connector_import.go twice through yaegi, with env
// bound as the shell binds it (the shell's own test replays it later).
func TestScript(t *testing.T) {
	env := testdb.Env(t, connector.Addon)
	src, err := os.ReadFile("../../scripts/connector_import.go")
	if err != nil {
		t.Fatal(err)
	}
	body := strings.Replace(string(src), "//go:build ignore", "", 1)
	t.Chdir("../..")
	var out bytes.Buffer
	for run := 0; run < 2; run++ {
		i := interp.New(interp.Options{Stdout: &out})
		if err := i.Use(stdlib.Symbols); err != nil {
			t.Fatal(err)
		}
		if err := i.Use(interp.Exports{"testenv/testenv": {"Env": reflect.ValueOf(func() *orm.Env { return env })}}); err != nil {
			t.Fatal(err)
		}
		if _, err := i.Eval(`import "fmt"; import "testenv"; var env = testenv.Env()`); err != nil {
			t.Fatal(err)
		}
		if _, err := i.Eval(body); err != nil {
			t.Fatalf("run %d: %v", run+1, err)
		}
	}
	want := "import: created 4, updated 0, unchanged 0\nbindings: 4\nimport: created 0, updated 0, unchanged 4\nbindings: 4\n"
	if out.String() != want {
		t.Errorf("output:\n%s\nwant:\n%s", out.String(), want)
	}
}
