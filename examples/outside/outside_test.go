// Package outside checks that a Go module outside this repository builds
// its own shell on odsh with the documented calls only: a module of its
// own (not odsh), odsh required and replaced by this checkout, an addon
// declared in its main package, shell.Main.
package outside

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"odsh/internal/testbin"
	"odsh/internal/testdb"
)

func TestMain(m *testing.M) { testdb.Main(m) }

// notesMain is the whole program of the outside module.
const notesMain = `package main

import (
	"os"

	"odsh/orm"
	"odsh/shell"
)

// notes is the module's addon: one model, related to base's partners.
var notes = &orm.Addon{
	Name:    "notes",
	Depends: []string{"base"},
	Models: []orm.ModelDef{{
		Name:        "notes.note",
		Description: "Note",
		Order:       "name",
		Fields: []*orm.FieldDef{
			orm.Char("name").Required(),
			orm.Many2one("partner_id", "res.partner").Ondelete(orm.Cascade),
		},
	}},
}

func main() { os.Exit(shell.Main(shell.Config{Name: "notes", Addons: []*orm.Addon{notes}})) }
`

func TestOutsideModuleBuildsItsShell(t *testing.T) {
	repo, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	gomod := "module example.com/notes\n\ngo 1.26.0\n\nrequire odsh v0.0.0\n\nreplace odsh => " + repo + "\n"
	sum, err := os.ReadFile(filepath.Join(repo, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"go.mod": []byte(gomod), "go.sum": sum, "main.go": []byte(notesMain)} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	bin := filepath.Join(dir, "notes")
	build := exec.Command("go", "build", "-mod=mod", "-o", bin, ".")
	build.Dir = dir
	build.Env = append(os.Environ(), "GOFLAGS=", "GOWORK=off")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("the outside module does not build: %v\n%s", err, out)
	}

	dsn := testdb.MissingDSN(t, "outside_notes")
	run := func(args ...string) (string, string, int) {
		return testbin.Run(t, bin, "", []string{"NOTES_DB=", "ODSH_DB="}, append([]string{"--db", dsn}, args...)...)
	}
	out, errOut, code := run("--commit", "-c", `p := env.Model("res.partner").Create(orm.Values{"name": "Ann"})
env.Model("notes.note").Create(orm.Values{"name": "b note", "partner_id": p.ID()}, orm.Values{"name": "a note", "partner_id": p.ID()})
env.Model("notes.note").Search(nil).Mapped("name")`)
	if code != 0 || strings.TrimSpace(out) != `["a note", "b note"]` {
		t.Fatalf("exit %d, stdout %q, stderr %q; want the two notes in the model's order", code, out, errOut)
	}
	// committed, and the ondelete rule is in the database: deleting the
	// partner deletes its notes
	out, errOut, code = run("-c", `env.Model("res.partner").Search("[('name', '=', 'Ann')]").Unlink(); env.Model("notes.note").SearchCount(nil)`)
	if code != 0 || strings.TrimSpace(out) != "0" {
		t.Fatalf("exit %d, stdout %q, stderr %q; want 0 notes left after the cascade", code, out, errOut)
	}
	// errors are the shell's: one line naming the model and the field
	_, errOut, code = run("-c", `env.Model("notes.note").Create(orm.Values{"nmae": "x"})`)
	if code != 1 || !strings.Contains(errOut, `notes.note.nmae: unknown field "nmae"`) {
		t.Fatalf("exit %d, stderr %q; want exit 1 and the error naming notes.note.nmae", code, errOut)
	}
	// the command line is the module's
	_, errOut, code = run("-h")
	if code != 0 || !strings.Contains(errOut, "usage: notes ") {
		t.Fatalf("exit %d, stderr %q; want the usage under the name notes", code, errOut)
	}
}
