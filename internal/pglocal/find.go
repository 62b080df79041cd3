package pglocal

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// Binaries locates the PostgreSQL server programs a private cluster needs.
type Binaries struct {
	// Initdb is the path of the initdb program.
	Initdb string
	// Postgres is the path of the postgres server program.
	Postgres string
}

// NotFoundError is returned by Find when no directory holds both initdb and
// postgres. Its message says what to install, or to pass --db DSN instead.
type NotFoundError struct {
	// Searched lists the places looked at, in order.
	Searched []string
}

// Error implements error.
func (e *NotFoundError) Error() string {
	return "pglocal: PostgreSQL server binaries (initdb, postgres) not found; " +
		"install them (Debian/Ubuntu: apt-get install postgresql, Fedora: dnf install postgresql-server, " +
		"macOS: brew install postgresql@16) or pass --db DSN to use a running server" +
		" (searched: " + strings.Join(e.Searched, ", ") + ")"
}

// searchGlobs are the usual installation directories, each expanded and
// tried newest version first.
var searchGlobs = []string{
	"/usr/lib/postgresql/*/bin",                          // Debian, Ubuntu
	"/usr/pgsql-*/bin",                                   // PGDG RPMs
	"/opt/homebrew/opt/postgresql@*/bin",                 // Homebrew, Apple silicon
	"/opt/homebrew/opt/postgresql/bin",                   //
	"/usr/local/opt/postgresql@*/bin",                    // Homebrew, Intel
	"/usr/local/opt/postgresql/bin",                      //
	"/Applications/Postgres.app/Contents/Versions/*/bin", // Postgres.app
}

// finder holds where Find looks, so that tests can point it elsewhere.
type finder struct {
	path     string   // a $PATH-style list searched for initdb and postgres
	pgConfig bool     // whether to ask pg_config --bindir (found on path)
	globs    []string // directory patterns, tried in order
}

// Find locates initdb and postgres: on $PATH, then in `pg_config --bindir`,
// then in the newest of the usual installation directories
// (/usr/lib/postgresql/*/bin, Homebrew, Postgres.app). When none has them it
// returns a *NotFoundError.
func Find() (Binaries, error) {
	return finder{path: os.Getenv("PATH"), pgConfig: true, globs: searchGlobs}.find()
}

func (f finder) find() (Binaries, error) {
	var searched []string
	if b, ok := f.onPath(); ok {
		return b, nil
	}
	searched = append(searched, "$PATH")
	if dir := f.pgConfigBindir(); dir != "" {
		if b, ok := inDir(dir); ok {
			return b, nil
		}
		searched = append(searched, dir)
	}
	for _, pattern := range f.globs {
		searched = append(searched, pattern)
		for _, dir := range newestFirst(pattern) {
			if b, ok := inDir(dir); ok {
				return b, nil
			}
		}
	}
	return Binaries{}, &NotFoundError{Searched: searched}
}

// onPath finds initdb on f.path and postgres beside it or on f.path.
func (f finder) onPath() (Binaries, bool) {
	initdb := lookPath("initdb", f.path)
	if initdb == "" {
		return Binaries{}, false
	}
	if b, ok := inDir(filepath.Dir(initdb)); ok {
		return b, true
	}
	if pg := lookPath("postgres", f.path); pg != "" {
		return Binaries{Initdb: initdb, Postgres: pg}, true
	}
	return Binaries{}, false
}

func (f finder) pgConfigBindir() string {
	if !f.pgConfig {
		return ""
	}
	cfg := lookPath("pg_config", f.path)
	if cfg == "" {
		return ""
	}
	out, err := exec.Command(cfg, "--bindir").Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

// lookPath searches a $PATH-style list for an executable file.
func lookPath(name, path string) string {
	for _, dir := range filepath.SplitList(path) {
		if dir == "" {
			continue
		}
		if p := filepath.Join(dir, name); isExecutable(p) {
			return p
		}
	}
	return ""
}

// inDir reports the binaries in dir when it has both.
func inDir(dir string) (Binaries, bool) {
	b := Binaries{Initdb: filepath.Join(dir, "initdb"), Postgres: filepath.Join(dir, "postgres")}
	return b, isExecutable(b.Initdb) && isExecutable(b.Postgres)
}

func isExecutable(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.Mode().IsRegular() && fi.Mode().Perm()&0o111 != 0
}

var digits = regexp.MustCompile(`\d+(\.\d+)*`)

// newestFirst expands pattern and sorts the matches by the version number
// in their path, highest first (16 before 15 before 9.6); a match without a
// number (Postgres.app's "latest") comes first.
func newestFirst(pattern string) []string {
	dirs, _ := filepath.Glob(pattern)
	sortNewestFirst(dirs)
	return dirs
}

func sortNewestFirst(dirs []string) {
	sort.SliceStable(dirs, func(i, j int) bool {
		return compareVersions(versionOf(dirs[i]), versionOf(dirs[j])) > 0
	})
}

// versionOf returns the last version-like number in p as its parts, or nil.
func versionOf(p string) []int {
	all := digits.FindAllString(p, -1)
	if len(all) == 0 {
		return nil
	}
	var v []int
	for _, part := range strings.Split(all[len(all)-1], ".") {
		n, _ := strconv.Atoi(part)
		v = append(v, n)
	}
	return v
}

// compareVersions orders versions; nil (no number) is greater than any.
func compareVersions(a, b []int) int {
	switch {
	case a == nil && b == nil:
		return 0
	case a == nil:
		return 1
	case b == nil:
		return -1
	}
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			return a[i] - b[i]
		}
	}
	return len(a) - len(b)
}

// IsNotFound reports whether err says the server binaries are missing.
func IsNotFound(err error) bool {
	var nf *NotFoundError
	return errors.As(err, &nf)
}

var _ error = (*NotFoundError)(nil)

// String describes the binaries for messages.
func (b Binaries) String() string {
	return fmt.Sprintf("initdb=%s postgres=%s", b.Initdb, b.Postgres)
}
