package repl

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
)

// TestNewerStdlibUpToDate fails when stdlib_newer.go is not what genstd
// writes with the Go toolchain at hand (after a Go or yaegi upgrade: run
// go generate ./repl).
func TestNewerStdlibUpToDate(t *testing.T) {
	if runtime.GOOS != "linux" || runtime.GOARCH != "amd64" {
		t.Skip("stdlib_newer.go is generated for linux/amd64")
	}
	out := filepath.Join(t.TempDir(), "stdlib_newer.go")
	if b, err := exec.Command("go", "run", "./internal/genstd", out).CombinedOutput(); err != nil {
		t.Fatalf("genstd: %v\n%s", err, b)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("stdlib_newer.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("stdlib_newer.go is stale: run go generate ./repl")
	}
}

// TestNewerStdlibFunctions calls functions Go added after yaegi's tables
// were generated, as a script would.
func TestNewerStdlibFunctions(t *testing.T) {
	in, out := newTestInterp(t)
	src := `for line := range strings.Lines("a\nb\n") {
	fmt.Printf("%q ", line)
}
for part := range strings.SplitSeq("x,y", ",") {
	fmt.Print(part, " ")
}
for f := range bytes.FieldsSeq([]byte(" p  q ")) {
	fmt.Print(string(f), " ")
}
var n int64
atomic.AddInt64(&n, 6)
fmt.Println(atomic.AndInt64(&n, 3), n)
`
	if err := in.EvalScript(context.Background(), src); err != nil {
		t.Fatal(err)
	}
	if got, want := out.String(), "\"a\\n\" \"b\\n\" x y p q 6 2\n"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}

// TestVariadicShims calls the generic shims whose type parameter is
// inferred from a variadic parameter with arguments whose types the
// syntax does not tell (results of calls, a named type). (As the value of
// a top-level declaration, such a call fails to compile: "undefined type
// for E".)
func TestVariadicShims(t *testing.T) {
	in, out := newTestInterp(t)
	src := `type Level int
func names() []string { return strings.Fields("a b") }
func level() Level { return 4 }
func main() {
	x := slices.Concat(names(), nil, names())
	fmt.Println(x, len(x))
	fmt.Println(cmp.Or(os.Getenv("ODSH_SURELY_UNSET"), strings.ToUpper("dflt")), cmp.Or(Level(0), level()))
}
`
	if err := in.EvalScript(context.Background(), src); err != nil {
		t.Fatal(err)
	}
	if got, want := out.String(), "[a b a b] 4\nDFLT 4\n"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}
