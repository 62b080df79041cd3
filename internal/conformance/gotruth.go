package conformance

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"
)

// GoTimeout is how long a program may run, under Go and under odsh.
const GoTimeout = 10 * time.Second

// GoResult is the outcome of building and running one program with the
// real toolchain.
type GoResult struct {
	Excluded string // why the program is not in the corpus; "" if it is
	Status   int
	Output   []byte
}

// GoRunner builds and runs programs with the go command.
type GoRunner struct {
	Go      string        // the go command ("go" when empty)
	Timeout time.Duration // per run (GoTimeout when zero)
	Workers int           // programs in parallel (1 when zero)
	// Log, when set, receives one line per program done.
	Log func(format string, args ...any)
}

// Truths builds and runs every program and returns their truths, in the
// order of progs.
func (g *GoRunner) Truths(ctx context.Context, progs []Program) []Truth {
	out := make([]Truth, len(progs))
	next := make(chan int)
	var wg sync.WaitGroup
	workers := max(g.Workers, 1)
	var mu sync.Mutex
	done := 0
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				p := progs[i]
				r := g.Run(ctx, p)
				out[i] = Truth{Name: p.Name, Hash: p.Hash(), Excluded: r.Excluded, Status: r.Status, Output: r.Output}
				if g.Log != nil {
					mu.Lock()
					done++
					what := fmt.Sprintf("exit %d, %d bytes", r.Status, len(r.Output))
					if r.Excluded != "" {
						what = "excluded: " + r.Excluded
					}
					g.Log("[%d/%d] %s: %s", done, len(progs), p.Name, what)
					mu.Unlock()
				}
			}
		}()
	}
	for i := range progs {
		select {
		case next <- i:
		case <-ctx.Done():
		}
	}
	close(next)
	wg.Wait()
	return out
}

// Run builds p alone in a temporary module (module main, go 1.25, the file
// as main.go) and runs the binary twice in an empty directory, stdin
// /dev/null, environment ProgramEnv. A program is excluded when it is not
// package main, does not build, times out, exits non-zero, prints
// differently on the two runs, or prints today's date (it reads the clock).
func (g *GoRunner) Run(ctx context.Context, p Program) GoResult {
	if name := PackageName(p.Src); name != "main" {
		return GoResult{Excluded: fmt.Sprintf("not a program: package %q", name)}
	}
	dir, err := os.MkdirTemp("", "gotruth-")
	if err != nil {
		return GoResult{Excluded: "generator: " + err.Error()}
	}
	defer os.RemoveAll(dir)
	src, run := filepath.Join(dir, "src"), filepath.Join(dir, "run")
	for _, d := range []string{src, run} {
		if err := os.Mkdir(d, 0o755); err != nil {
			return GoResult{Excluded: "generator: " + err.Error()}
		}
	}
	if err := os.WriteFile(filepath.Join(src, "go.mod"), []byte("module main\n\ngo 1.25\n"), 0o644); err != nil {
		return GoResult{Excluded: "generator: " + err.Error()}
	}
	if err := os.WriteFile(filepath.Join(src, "main.go"), p.Src, 0o644); err != nil {
		return GoResult{Excluded: "generator: " + err.Error()}
	}
	bin := filepath.Join(dir, "prog")
	build := exec.CommandContext(ctx, g.goCmd(), "build", "-o", bin, ".")
	build.Dir = src
	if out, err := build.CombinedOutput(); err != nil {
		return GoResult{Excluded: "does not build with go: " + firstLine(string(out), err.Error())}
	}
	day := today()
	first, status, err := g.runOnce(ctx, bin, run)
	if err != nil {
		return GoResult{Excluded: err.Error(), Output: first}
	}
	if status != 0 {
		// Not compared: these few programs (os.Exit, log.Fatal) print times
		// or nothing, and odsh turns os.Exit and log.Fatal into errors by
		// design; the reason holds no output, so that it is deterministic.
		return GoResult{Excluded: fmt.Sprintf("exits with status %d under go", status), Status: status}
	}
	second, status2, err := g.runOnce(ctx, bin, run)
	switch {
	case err != nil:
		return GoResult{Excluded: "second run: " + err.Error()}
	case status2 != 0 || !bytes.Equal(first, second):
		return GoResult{Excluded: "nondeterministic: two runs under go print differently"}
	}
	for _, d := range append(day, today()...) {
		if bytes.Contains(first, []byte(d)) {
			return GoResult{Excluded: "reads the clock: prints today's date " + d}
		}
	}
	return GoResult{Status: 0, Output: first}
}

func (g *GoRunner) goCmd() string {
	if g.Go != "" {
		return g.Go
	}
	return "go"
}

// runOnce runs bin in dir and returns its combined output and exit status;
// an error means it timed out or could not start.
func (g *GoRunner) runOnce(ctx context.Context, bin, dir string) ([]byte, int, error) {
	timeout := g.Timeout
	if timeout == 0 {
		timeout = GoTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	cmd := exec.Command(bin)
	cmd.Dir = dir
	cmd.Env = ProgramEnv
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out // one writer: exec gives both the same pipe, so the order is kept
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		return nil, 0, fmt.Errorf("does not start: %v", err)
	}
	stop := context.AfterFunc(ctx, func() { _ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) })
	err := cmd.Wait()
	stop()
	if ctx.Err() != nil {
		return out.Bytes(), 0, fmt.Errorf("times out under go (more than %s)", timeout)
	}
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return out.Bytes(), ee.ExitCode(), nil
	}
	if err != nil {
		return out.Bytes(), 0, fmt.Errorf("does not run: %v", err)
	}
	return out.Bytes(), 0, nil
}

// today returns the current date in the layouts Go's time and log
// packages print.
func today() []string {
	now := time.Now()
	var out []string
	for _, t := range []time.Time{now.UTC(), now} {
		out = append(out, t.Format("2006-01-02"), t.Format("2006/01/02"))
	}
	return out
}

// firstLine returns the first non-empty line of s that is not a "# pkg"
// heading of the go command, or def.
func firstLine(s, def string) string {
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "# ") {
			return l
		}
	}
	return def
}
