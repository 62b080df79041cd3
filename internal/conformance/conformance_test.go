package conformance

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"odsh/internal/testdb"
)

var (
	update = flag.Bool("update", false, "rewrite "+KnownPath+" from a full run, keeping the causes written for programs still differing")
	report = flag.Bool("report", false, "print the report (counts, differing programs, kinds, markdown table) on stdout")
	run    = flag.String("programs", "", "run only the programs whose name contains this")
	slow   = flag.Bool("slow", false, "run the programs of Slow too (make conformance does; -update always does)")
)

// root is the module root, seen from this package's directory.
const root = "../.."

// sampleEvery: under -short, every sampleEvery-th program runs, plus every
// known difference.
const sampleEvery = 8

// TestConformance runs the corpus through odsh in both modes, each program
// in a fresh session in a child process, and compares with Go's output
// recorded in the truth file. A program that differs and is not a known
// difference fails the test; a known difference that now agrees is logged.
func TestConformance(t *testing.T) {
	if raceEnabled && !*update && !*report {
		t.Skip("not under -race: the corpus runs in the plain go test run (a race report in a child's output would read as a difference)")
	}
	truths := loadTruth(t)
	known := loadKnown(t)
	progs := checkedPrograms(t, truths)

	selected := progs
	partial := *run != "" || testing.Short()
	switch {
	case *run != "":
		selected = Filter(progs, *run)
	case testing.Short():
		selected = nil
		for i, p := range progs {
			if i%sampleEvery == 0 || known[Key{Script, p.Name}] != "" || known[Key{Prompt, p.Name}] != "" {
				selected = append(selected, p)
			}
		}
	}
	if *update && partial {
		t.Fatal("-update needs a full run: drop -short and -programs")
	}
	skipped := map[string]bool{}
	if !*slow && !*update && *run == "" {
		// known to run past the timeout: each would cost it in both modes
		var kept []Program
		for _, p := range selected {
			if Slow[p.Name] != "" {
				skipped[p.Name] = true
				continue
			}
			kept = append(kept, p)
		}
		selected = kept
		t.Logf("%d programs of Slow not run (-slow runs them)", len(skipped))
	}

	r := &Runner{Exe: os.Args[0], DSN: testdb.PreparedDSN(t), Workers: 2, Dir: t.TempDir()}
	sum := &Summary{Programs: len(selected), Wall: map[string]time.Duration{}, Known: known, Truths: truths, programs: selected}
	for _, m := range Modes {
		start := time.Now()
		sum.Outcomes = append(sum.Outcomes, r.Run(context.Background(), selected, []string{m})...)
		sum.Wall[m] = time.Since(start)
	}
	retried := retry(t, r, sum, known)
	t.Logf("%d programs; agree with Go: script %d (%s), prompt %d (%s); %d child restarts; %d differences not known retried",
		len(selected), sum.Agree(Script), sum.Wall[Script].Round(time.Second), sum.Agree(Prompt), sum.Wall[Prompt].Round(time.Second), r.Restarts(), retried)

	if *update {
		sum.Known = known.Updated(sum.Outcomes, truths)
		var buf bytes.Buffer
		if err := sum.Known.Write(&buf); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(root, KnownPath), buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s: %d known differences", KnownPath, len(sum.Known))
	}
	if *report {
		sum.Write(os.Stdout)
	}
	if *update {
		return
	}
	check(t, sum, known, partial, skipped)
}

// retry runs again, one at a time, the programs that differ and are not
// known differences, and keeps the second outcome: a program sensitive to
// timing (a ticker's precision, a sleep) may differ once on a loaded
// machine; a real regression differs twice. It returns how many it retried.
func retry(t *testing.T, r *Runner, sum *Summary, known Known) int {
	t.Helper()
	n := 0
	one := &Runner{Exe: r.Exe, DSN: r.DSN, Workers: 1, Dir: r.Dir, Timeout: r.Timeout}
	for i, o := range sum.Outcomes {
		tr, _ := sum.Truths.Lookup(o.Name)
		if _, ok := known[Key{o.Mode, o.Name}]; ok || o.Agrees(tr) {
			continue
		}
		p := Program{Name: o.Name}
		for _, q := range sum.programs {
			if q.Name == o.Name {
				p = q
			}
		}
		again := one.Run(context.Background(), []Program{p}, []string{o.Mode})[0]
		if again.Agrees(tr) {
			t.Logf("%s (%s mode) differed, then agreed when run again alone: timing-sensitive?\n%s", o.Name, o.Mode, Diff(tr, o))
		}
		sum.Outcomes[i] = again
		n++
	}
	return n
}

// check fails on regressions and logs known differences that agree now.
func check(t *testing.T, sum *Summary, known Known, partial bool, skipped map[string]bool) {
	ran := map[Key]bool{}
	for _, o := range sum.Outcomes {
		key := Key{o.Mode, o.Name}
		ran[key] = true
		tr, _ := sum.Truths.Lookup(o.Name)
		_, isKnown := known[key]
		switch agrees := o.Agrees(tr); {
		case !agrees && !isKnown:
			t.Errorf("%s (%s mode) differs from Go, and is not in %s:\n%s", o.Name, o.Mode, KnownPath, Diff(tr, o))
		case agrees && isKnown:
			t.Logf("%s (%s mode) now agrees with Go: remove it from %s (make conformance-update)", o.Name, o.Mode, KnownPath)
		}
	}
	if partial {
		return
	}
	for key, cause := range known {
		if skipped[key.Name] {
			continue
		}
		if Slow[key.Name] != "" && !strings.Contains(cause, "timeout") {
			t.Errorf("%s is in Slow but its known difference in %s is not a timeout (%s): remove it from Slow", key.Name, KnownPath, cause)
		}
		if _, ok := sum.Truths.Lookup(key.Name); !ok || !ran[key] {
			t.Errorf("%s lists %s (%s mode), which is not a corpus program: remove it (make conformance-update)", KnownPath, key.Name, key.Mode)
		}
	}
}

func loadTruth(t *testing.T) *TruthFile {
	t.Helper()
	tf, err := ReadTruth(filepath.Join(root, TruthPath))
	if err != nil {
		t.Fatalf("%v (make conformance-truth writes it)", err)
	}
	return tf
}

func loadKnown(t *testing.T) Known {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(root, KnownPath))
	if os.IsNotExist(err) {
		return Known{}
	}
	if err != nil {
		t.Fatal(err)
	}
	k, err := ParseKnown(data)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// checkedPrograms returns the corpus programs of the truth file, after
// checking that the sources are those the truth was made from.
func checkedPrograms(t *testing.T, truths *TruthFile) []Program {
	t.Helper()
	all, _, err := LoadAll(root)
	if err != nil {
		t.Fatal(err)
	}
	var progs []Program
	var stale []string
	seen := map[string]bool{}
	for _, p := range all {
		seen[p.Name] = true
		tr, ok := truths.Lookup(p.Name)
		switch {
		case !ok:
			stale = append(stale, p.Name+": no truth")
		case tr.Hash != p.Hash():
			stale = append(stale, p.Name+": source changed")
		case tr.Excluded == "":
			progs = append(progs, p)
		}
	}
	for _, tr := range truths.Truths {
		if !seen[tr.Name] {
			stale = append(stale, tr.Name+": no such source")
		}
	}
	if len(stale) > 0 {
		t.Fatalf("%s is stale (make conformance-truth): %v", TruthPath, stale)
	}
	return progs
}

// TestTruthFileRoundTrip: the truth file parses and writes back byte for
// byte (it is generated, never edited by hand).
func TestTruthFileRoundTrip(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(root, TruthPath))
	if err != nil {
		t.Fatal(err)
	}
	tf, err := ParseTruth(data)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := tf.Write(&buf); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), data) {
		t.Errorf("%s does not round-trip: was it edited by hand?", TruthPath)
	}
	for _, tr := range tf.Programs() {
		if tr.Status != 0 {
			t.Errorf("%s: a corpus program with exit status %d", tr.Name, tr.Status)
		}
	}
}

// TestKnownFileRoundTrip: the known-differences file is in its canonical
// form (sorted, one line each), so that -update rewrites only what changed.
func TestKnownFileRoundTrip(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(root, KnownPath))
	if err != nil {
		t.Fatal(err)
	}
	k, err := ParseKnown(data)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := k.Write(&buf); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), data) {
		t.Errorf("%s is not in canonical form (sorted by name, then mode; header as written by make conformance-update)", KnownPath)
	}
}

func TestTruthFormat(t *testing.T) {
	tf := &TruthFile{Header: []string{"h", ""}, Truths: []Truth{
		{Name: "x/b.go", Hash: "bb", Output: []byte("=== program y\nno final newline")},
		{Name: "x/a.go", Hash: "aa", Excluded: "does not build"},
		{Name: "x/c.go", Hash: "cc", Output: nil},
	}}
	var buf bytes.Buffer
	if err := tf.Write(&buf); err != nil {
		t.Fatal(err)
	}
	got, err := ParseTruth(buf.Bytes())
	if err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	want := fmt.Sprintf("%+v", []Truth{tf.Truths[1], tf.Truths[0], tf.Truths[2]})
	if fmt.Sprintf("%+v", got.Truths) != want {
		t.Errorf("got %+v\nwant %s", got.Truths, want)
	}
}
