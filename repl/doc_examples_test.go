package repl_test

import (
	"bytes"
	"context"
	"sort"
	"strings"
	"testing"
	"time"

	"odsh/addons/demo"
	"odsh/internal/testdb"
	"odsh/repl"
	"odsh/repl/symbols"
)

// TestDocExamples runs every example :doc shows (an "Example:" paragraph
// of a doc comment of orm, domain or printer, followed by an indented
// block, one prompt entry a line) through a session on a database with
// the demo addon and its small data set, and fails on the first entry of
// an example that fails. Each example gets a session of its own on the
// same transaction.
func TestDocExamples(t *testing.T) {
	env := testdb.PrivateEnv(t, demo.Addon) // a registry of its own: an example declares a model
	if err := demo.Load(env, demo.SizeSmall); err != nil {
		t.Fatal(err)
	}
	keys := exampleKeys()
	if len(keys) < 20 {
		t.Fatalf("%d documented names have examples, want at least 20", len(keys))
	}
	for _, key := range keys {
		t.Run(key, func(t *testing.T) {
			var out bytes.Buffer
			s, err := repl.NewSession(repl.SessionOptions{Tx: env.Tx(), DB: "test", Stdout: &out, Stderr: &out, Width: 100, Env: []string{}})
			if err != nil {
				t.Fatal(err)
			}
			for _, entry := range docExample(symbols.Docs[key]) {
				out.Reset()
				ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
				err := s.Eval(ctx, entry)
				cancel()
				if err != nil {
					t.Fatalf("%s\n%s", entry, out.String())
				}
			}
		})
	}
}

// exampleKeys are the documented names that have an example, sorted.
func exampleKeys() []string {
	var out []string
	for k, d := range symbols.Docs {
		if len(docExample(d)) > 0 {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// docExample returns the lines of the indented block after "Example:".
func docExample(doc string) []string {
	_, rest, ok := strings.Cut(doc, "\nExample:\n")
	if !ok {
		return nil
	}
	var out []string
	for _, l := range strings.Split(strings.TrimLeft(rest, "\n"), "\n") {
		if !strings.HasPrefix(l, "\t") {
			break
		}
		out = append(out, strings.TrimPrefix(l, "\t"))
	}
	return out
}

// TestDocShowsExamples: :doc prints an example as written, so what the
// test above runs is what the user reads.
func TestDocShowsExamples(t *testing.T) {
	s, out := newSession(t)
	for _, name := range []string{"Search", "Command", "orm.SQLf"} {
		out.Reset()
		if err := s.Eval(context.Background(), ":doc "+name); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out.String(), "  Example:\n") {
			t.Errorf(":doc %s shows no example:\n%s", name, out)
		}
	}
}
