package conformance

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
)

// Corpus prefixes: a program's name is its corpus and its file name,
// e.g. "yaegi/closure9.go" or "odsh/variadic_any.go".
const (
	YaegiCorpus = "yaegi"
	OdshCorpus  = "odsh"
	GoCorpus    = "go"
)

// GoTestDirs are the folders of $GOROOT/test whose "// run" programs are
// the Go corpus: the top level and the language-feature folders. The
// 600-odd fixedbugs programs are regression tests of the gc compiler and
// are left out.
var GoTestDirs = []string{".", "ken", "chan", "interface"}

// YaegiModule is the module whose _test folder is the main corpus.
const YaegiModule = "github.com/traefik/yaegi"

// ProgramEnv is the whole environment a program runs with, under Go and
// under odsh (the session's Env), so that os.Getenv and time.Local agree.
var ProgramEnv = []string{"TZ=UTC", "HOME=/nonexistent", "LANG=C"}

// A Program is one source file of a corpus.
type Program struct {
	Name string // corpus/file.go
	Path string // where the source was read
	Src  []byte
}

// WholeAtPrompt lists the programs that prompt mode types as one entry,
// each with the reason, as the issue that set the goal allows ("a program
// whose body needs func main to be one unit may be fed as one entry"):
// line by line, an entry runs before the entries typed after it exist.
var WholeAtPrompt = map[string]string{
	"yaegi/fun27.go":       "main calls print, which the program declares after main: typed line by line, main runs when typed and calls the builtin print",
	"odsh/init_order.go":   "init functions declared after main: typed line by line, main runs when typed, before they exist",
	"go/ken/shift.go":      "init declared after main: typed line by line, main runs when typed, before init exists",
	"go/ken/sliceslice.go": "init declared after main: typed line by line, main runs when typed, before init exists",
	"go/gcgort.go":         "main uses the table types, declared after it: typed line by line, main runs when typed, before types exists",
}

// Slow lists the programs known to run past the timeout under odsh, or
// close enough to it to pass it on a loaded machine, with why. go test skips them (each would cost the timeout in both modes, and
// they are known differences); make conformance and -update run them.
// A program leaves the list when it runs within the timeout.
var Slow = map[string]string{
	"go/divmod.go":       "about 4 million divisions and remainders (checkdiv3 cases): minutes interpreted",
	"go/ken/divconst.go": "1e5 random values divided by each of dozens of constants, per integer type: minutes interpreted",
	"go/ken/modconst.go": "1e5 random values reduced modulo each of dozens of constants, per integer type: minutes interpreted",
	"go/copy.go":         "copies of every length between every pair of offsets (N = 40), per element size: about 20 s interpreted",
	"go/gc2.go":          "runs runtime.GC 400 times, each over the whole shell's heap: about 4 s alone, past the timeout on a loaded machine (CI)",
	"go/gcgort.go":       "sets the GC percent to 1 and runs 64 goroutines modifying variables of every kind: past the timeout with the shell's heap",
}

// Hash returns the hex SHA-256 of the source, recorded with its truth.
func (p Program) Hash() string {
	h := sha256.Sum256(p.Src)
	return hex.EncodeToString(h[:])
}

// ModuleDir returns the directory of a module of the build list, from
// `go list -m` run in dir (any directory of the odsh module).
func ModuleDir(dir, module string) (string, error) {
	cmd := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", module)
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			return "", fmt.Errorf("go list -m %s: %v: %s", module, err, ee.Stderr)
		}
		return "", fmt.Errorf("go list -m %s: %v", module, err)
	}
	d := strings.TrimSpace(string(out))
	if d == "" {
		return "", fmt.Errorf("go list -m %s: module not in the module cache (go mod download %s)", module, module)
	}
	return d, nil
}

// ModuleVersion returns the version of a module of the build list.
func ModuleVersion(dir, module string) (string, error) {
	cmd := exec.Command("go", "list", "-m", "-f", "{{.Version}}", module)
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("go list -m %s: %v", module, err)
	}
	return strings.TrimSpace(string(out)), nil
}

// LoadCorpus reads the top-level *.go files of dir that have a line
// "// Output:" (yaegi's marker of a program with expected output; files
// without it are compile-error tests or package fragments), named
// prefix/file.go, sorted by name. With all, every *.go file is taken.
func LoadCorpus(dir, prefix string, all bool) ([]Program, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	var out []Program
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		if !all && !hasOutputLine(src) {
			continue
		}
		out = append(out, Program{Name: prefix + "/" + filepath.Base(f), Path: f, Src: src})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// LoadGoTests reads the programs of Go's own test suite ($GOROOT/test)
// that the suite runs as plain programs: files of GoTestDirs whose first
// line is exactly "// run" (no flags, arguments or extra files). They are
// named go/file.go or go/dir/file.go.
func LoadGoTests(goroot string) ([]Program, error) {
	var out []Program
	for _, d := range GoTestDirs {
		files, err := filepath.Glob(filepath.Join(goroot, "test", d, "*.go"))
		if err != nil {
			return nil, err
		}
		for _, f := range files {
			src, err := os.ReadFile(f)
			if err != nil {
				return nil, err
			}
			first, _, _ := bytes.Cut(src, []byte("\n"))
			if string(bytes.TrimRight(first, " \t\r")) != "// run" {
				continue
			}
			name := GoCorpus + "/" + filepath.Base(f)
			if d != "." {
				name = GoCorpus + "/" + d + "/" + filepath.Base(f)
			}
			out = append(out, Program{Name: name, Path: f, Src: src})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

func hasOutputLine(src []byte) bool {
	for _, line := range bytes.Split(src, []byte("\n")) {
		if bytes.Equal(bytes.TrimRight(line, " \t\r"), []byte("// Output:")) {
			return true
		}
	}
	return false
}

// PackageName returns the name in the package clause of src ("" when it
// does not parse).
func PackageName(src []byte) string {
	f, err := parser.ParseFile(token.NewFileSet(), "main.go", src, parser.PackageClauseOnly)
	if err != nil {
		return ""
	}
	return f.Name.Name
}
