// Package conformance checks that odsh runs Go as Go does. It runs a corpus
// of small Go programs through odsh and compares what they print with what
// the real Go toolchain printed for them.
//
// # The corpus
//
// Three sets of `package main` programs:
//
//   - yaegi's own test programs: the top-level _test/*.go files of the
//     yaegi module in the module cache that carry an "// Output:" comment
//     (about 860; `go list -m -f {{.Dir}} github.com/traefik/yaegi`);
//   - Go's own test programs: the files of $GOROOT/test and of its ken,
//     chan and interface folders whose first line is exactly "// run"
//     (GoTestDirs; about 200), read from the toolchain that builds the
//     truth; most print nothing and panic when a check fails;
//   - testdata/conformance/odsh/*.go: idioms of data scripts (variadic
//     options, Stringer and error types, errors.As, generics, goroutines,
//     iterators, package-level declarations in any order, …).
//
// The "// Output:" comments are yaegi's expectations, not Go's; they are not
// used. The truth is what Go does.
//
// # The truth: testdata/conformance/gotruth.txt
//
// cmd/gotruth (make conformance-truth) builds every program alone with the
// go command, in a temporary module (module main, go 1.25, the file as
// main.go), runs the binary twice (empty directory, stdin /dev/null,
// environment ProgramEnv, 10 s timeout) and records stdout and stderr
// combined, in the order written (Go's println writes to stderr), with the
// exit status. The file is generated and never edited: a header names the
// go and yaegi versions; each record holds the SHA-256 of the source, so a
// test notices when a source changed after the truth was made; outputs are
// stored with their byte count, so they are exact, trailing newline
// included. The format is in truth.go; ParseTruth reads it.
//
// A program enters the corpus when it builds, exits 0 within the timeout,
// prints the same on both runs and does not print today's date. The others
// are kept in the file as excluded records with the reason: they do not
// build alone (imports of yaegi's own test packages, a non-main package),
// or they exit non-zero: those few (log.Fatal, os.Exit(1)) print Go-specific
// text (timestamps, paths) or nothing, and compare only as "exits non-zero";
// odsh catches os.Exit and log.Fatal by design, so they are excluded rather
// than compared on their status alone. Nondeterministic programs and those
// reading the clock would fail at random.
//
// # Running through odsh
//
// Each program runs in a fresh odsh session (repl.NewSession on a new
// transaction of a database where base is installed, rolled back after) in
// two modes:
//
//   - script: Session.RunScript(ctx, name, src), as `odsh FILE` does; an
//     error is printed as "NAME:LINE: message", as cmd/odsh prints it, and
//     the run counts as exit status 1;
//   - prompt: Session.Run on repl.NewPlainReader(src), the interactive loop
//     fed line by line (the loop joins lines into entries; a plain reader
//     prints no prompt); the session prints entries' errors and goes on.
//
// Programs may hang, crash the process or leave goroutines running, so they
// run in child processes: the test binary re-executes itself (TestMain
// calls ChildMain when $ODSH_CONFORMANCE_CHILD holds the DSN). A child runs
// many programs, one at a time, jobs on fd 3 and answers on fd 4. Its
// stdout and stderr are one capture file opened O_APPEND, which is also the
// session's Stdout and Stderr, exactly as `odsh FILE` writes to the
// process's streams: interpreted code writing to os.Stdout directly is
// captured too, and the two streams interleave as written. The parent
// truncates the capture before each program and reads it after the answer.
// A program that runs longer than 10 s, prints more than 4 MB or kills the
// child costs only itself: the child is killed and a new one started. A
// program whose goroutines outlive it gets a new child too, so that they
// cannot print into the next program's output. Two children run in
// parallel. The whole corpus takes about 45 s per mode on 2 cores.
//
// A program agrees with Go when odsh ran it to its end without an error and
// its combined output is byte for byte Go's. Nothing is normalised.
//
// # The regression gate
//
// testdata/conformance/known-differences.txt lists each program that
// currently differs, per mode, with a one-line cause ("cause not yet
// analysed" and the first differing line until someone looks).
// TestConformance, part of go test ./..., runs the whole corpus but the
// programs of Slow, which run past the timeout (-slow and make conformance
// run them; under -short a deterministic sample: every 8th program and
// every known difference; under -race it is skipped: a race report would read as a
// difference, and the corpus already runs in the plain run). It fails when a
// program that is not a known difference differs (after running it again
// alone once: a program sensitive to timing may differ once on a loaded
// machine), and logs the known differences that now agree, asking to
// remove them.
//
//	make conformance         # full run; counts, differing programs, kinds, README table
//	make conformance-update  # rewrite known-differences.txt, keeping written causes
//	make conformance-truth   # rebuild gotruth.txt with the go toolchain
//	go test ./internal/conformance -run TestConformance -args -programs closure
package conformance
