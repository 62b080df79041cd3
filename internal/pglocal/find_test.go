package pglocal

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestFindMissing(t *testing.T) {
	empty := t.TempDir()
	f := finder{path: empty, globs: []string{filepath.Join(empty, "*", "bin")}}
	_, err := f.find()
	var nf *NotFoundError
	if !errors.As(err, &nf) || !IsNotFound(err) {
		t.Fatalf("got %v, want a *NotFoundError", err)
	}
	for _, want := range []string{"pglocal: ", "apt-get install postgresql", "--db DSN"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message %q: want it to contain %q", err, want)
		}
	}
}

func TestFindNewest(t *testing.T) {
	root := t.TempDir()
	for _, v := range []string{"9.6", "15", "16", "13"} {
		fakeBinaries(t, filepath.Join(root, v, "bin"))
	}
	b, err := finder{globs: []string{filepath.Join(root, "*", "bin")}}.find()
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(root, "16", "bin", "initdb"); b.Initdb != want {
		t.Errorf("got %s, want %s", b.Initdb, want)
	}
}

func TestFindPathFirst(t *testing.T) {
	onPath, inGlob := t.TempDir(), t.TempDir()
	fakeBinaries(t, onPath)
	fakeBinaries(t, filepath.Join(inGlob, "17", "bin"))
	b, err := finder{path: onPath, globs: []string{filepath.Join(inGlob, "*", "bin")}}.find()
	if err != nil {
		t.Fatal(err)
	}
	if b.Postgres != filepath.Join(onPath, "postgres") {
		t.Errorf("got %s, want the one on $PATH", b.Postgres)
	}
}

// TestFindHere checks the machine's own installation is found.
func TestFindHere(t *testing.T) {
	if _, err := Find(); err != nil {
		t.Fatal(err)
	}
}

func TestNewestFirst(t *testing.T) {
	dirs := []string{"/x/9.6/bin", "/x/16/bin", "/x/latest/bin", "/x/15/bin", "/x/10/bin"}
	want := []string{"/x/latest/bin", "/x/16/bin", "/x/15/bin", "/x/10/bin", "/x/9.6/bin"}
	got := append([]string(nil), dirs...)
	sortNewestFirst(got)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func fakeBinaries(t *testing.T, dir string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"initdb", "postgres"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("#!/bin/sh\n"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
}
