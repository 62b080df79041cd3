// Command gotruth writes the conformance program's truth file: what the
// real Go toolchain prints for every program of the corpus (yaegi's _test
// programs, the "// run" programs of $GOROOT/test and
// testdata/conformance/odsh). Run it from the module root:
//
//	go run ./internal/conformance/cmd/gotruth   # make conformance-truth
//
// See package odsh/internal/conformance.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"odsh/internal/conformance"
)

func main() {
	out := flag.String("o", conformance.TruthPath, "the truth file to write")
	jobs := flag.Int("j", 2, "programs built and run in parallel")
	only := flag.String("run", "", "only programs whose name contains this (for a look; the file then holds only them)")
	verbose := flag.Bool("v", false, "log each program")
	reuse := flag.Bool("reuse", false, "keep the records of the existing file whose source is unchanged (same go and yaegi versions only)")
	flag.Parse()
	if err := run(*out, *jobs, *only, *verbose, *reuse); err != nil {
		fmt.Fprintf(os.Stderr, "gotruth: %v\n", err)
		os.Exit(1)
	}
}

func run(out string, jobs int, only string, verbose, reuse bool) error {
	progs, yaegiVersion, err := conformance.LoadAll(".")
	if err != nil {
		return err
	}
	if only != "" {
		progs = conformance.Filter(progs, only)
	}
	g := &conformance.GoRunner{Workers: jobs}
	if verbose {
		g.Log = func(format string, args ...any) { fmt.Fprintf(os.Stderr, format+"\n", args...) }
	}
	var old *conformance.TruthFile
	if reuse {
		data, err := os.ReadFile(out)
		if err != nil {
			return err
		}
		if old, err = conformance.ParseTruth(data); err != nil {
			return err
		}
	}
	tf, err := conformance.MakeTruth(context.Background(), g, progs, yaegiVersion, old)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return err
	}
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	if err := tf.Write(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	n := len(tf.Programs())
	fmt.Fprintf(os.Stderr, "gotruth: %s: %d programs, %d excluded\n", out, n, len(tf.Truths)-n)
	return nil
}
