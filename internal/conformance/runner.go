package conformance

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"sync"
	"syscall"
	"time"
)

// maxOutput is the most output a program may print under odsh before it
// is stopped (Go's outputs are all far smaller).
const maxOutput = 4 << 20

// Outcome is what odsh did with one program in one mode.
type Outcome struct {
	Name, Mode string
	Status     int    // 0, or 1 when odsh reported an error
	Output     []byte // stdout and stderr combined
	Problem    string // "timeout", "crash: …", "output too large", "child: …"; "" when it ran to its end
	Duration   time.Duration
}

// Agrees reports whether the outcome is Go's: same bytes, no error.
func (o Outcome) Agrees(t Truth) bool {
	return o.Problem == "" && o.Status == t.Status && string(o.Output) == string(t.Output)
}

// Runner runs programs through odsh in child processes: Exe (the test
// binary) started with IsChild true. Each worker keeps one child and
// restarts it after a timeout, a crash, or a program whose goroutines
// outlive it.
type Runner struct {
	Exe     string   // the child executable
	Args    []string // its arguments
	DSN     string   // database with base installed
	Workers int
	Timeout time.Duration // per program and mode (GoTimeout when zero)
	Dir     string        // working directory of the children
	// Log, when set, receives each outcome as it is known.
	Log func(Outcome)

	mu       sync.Mutex
	restarts int
}

// Restarts returns how many children were started beyond the first of each
// worker.
func (r *Runner) Restarts() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.restarts
}

// Run runs each program in each mode and returns the outcomes, programs in
// order, modes in the order given for each program.
func (r *Runner) Run(ctx context.Context, progs []Program, modes []string) []Outcome {
	type task struct {
		i int
		j job
	}
	var tasks []task
	for _, p := range progs {
		for _, m := range modes {
			_, whole := WholeAtPrompt[p.Name]
			tasks = append(tasks, task{len(tasks), job{Name: p.Name, Mode: m, Src: string(p.Src), Whole: whole && m == Prompt}})
		}
	}
	out := make([]Outcome, len(tasks))
	next := make(chan task)
	var wg sync.WaitGroup
	for w := range max(r.Workers, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var c *childProc
			defer func() {
				if c != nil {
					c.close()
				}
			}()
			for t := range next {
				if c == nil {
					var err error
					if c, err = r.startChild(w); err != nil {
						out[t.i] = Outcome{Name: t.j.Name, Mode: t.j.Mode, Problem: "child: " + err.Error()}
						continue
					}
				}
				o, keep := r.runJob(c, t.j)
				out[t.i] = o
				if !keep {
					c.close()
					c = nil
					r.mu.Lock()
					r.restarts++
					r.mu.Unlock()
				}
				if r.Log != nil {
					r.Log(o)
				}
			}
		}()
	}
	for _, t := range tasks {
		select {
		case next <- t:
		case <-ctx.Done():
		}
	}
	close(next)
	wg.Wait()
	return out
}

// childProc is one running child.
type childProc struct {
	cmd     *exec.Cmd
	jobs    io.WriteCloser
	results chan result // closed when the child's results pipe ends
	capture *os.File    // the child's stdout and stderr
	path    string
	done    chan struct{} // closed when the process has been waited for
	waitErr error
}

func (r *Runner) startChild(worker int) (*childProc, error) {
	capture, err := os.CreateTemp("", fmt.Sprintf("conformance-%d-*.out", worker))
	if err != nil {
		return nil, err
	}
	// O_APPEND: after a truncation the child writes at the new end, and
	// its two streams (one open file description) stay in order.
	if err := capture.Close(); err != nil {
		return nil, err
	}
	path := capture.Name()
	if capture, err = os.OpenFile(path, os.O_RDWR|os.O_APPEND, 0o600); err != nil {
		return nil, err
	}
	jobsR, jobsW, err := os.Pipe()
	if err != nil {
		capture.Close()
		return nil, err
	}
	resR, resW, err := os.Pipe()
	if err != nil {
		capture.Close()
		jobsR.Close()
		jobsW.Close()
		return nil, err
	}
	cmd := exec.Command(r.Exe, r.Args...)
	cmd.Dir = r.Dir
	cmd.Env = append([]string{childEnvVar + "=" + r.DSN}, ProgramEnv...)
	cmd.Stdout, cmd.Stderr = capture, capture
	cmd.ExtraFiles = []*os.File{jobsR, resW} // fds 3 and 4
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	err = cmd.Start()
	jobsR.Close()
	resW.Close()
	if err != nil {
		capture.Close()
		jobsW.Close()
		resR.Close()
		return nil, err
	}
	c := &childProc{cmd: cmd, jobs: jobsW, results: make(chan result), capture: capture, path: path, done: make(chan struct{})}
	go func() {
		defer close(c.results)
		defer resR.Close()
		sc := bufio.NewScanner(resR)
		for sc.Scan() {
			var res result
			if err := json.Unmarshal(sc.Bytes(), &res); err != nil {
				res = result{Fatal: "bad result: " + err.Error()}
			}
			c.results <- res
		}
	}()
	go func() {
		c.waitErr = cmd.Wait()
		close(c.done)
	}()
	return c, nil
}

// runJob runs one job on c; keep is false when the child must be replaced.
func (r *Runner) runJob(c *childProc, j job) (o Outcome, keep bool) {
	o = Outcome{Name: j.Name, Mode: j.Mode}
	start := time.Now()
	defer func() { o.Duration = time.Since(start) }()
	if err := c.capture.Truncate(0); err != nil {
		o.Problem = "child: " + err.Error()
		return o, false
	}
	data, _ := json.Marshal(j)
	if _, err := c.jobs.Write(append(data, '\n')); err != nil {
		o.Problem, o.Output = c.died(), c.output()
		return o, false
	}
	timeout := r.Timeout
	if timeout == 0 {
		timeout = GoTimeout
	}
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case res, ok := <-c.results:
			if !ok {
				o.Problem, o.Output = c.died(), c.output()
				return o, false
			}
			o.Output = c.output()
			o.Status = res.Status
			if res.Fatal != "" {
				o.Problem = "child: " + res.Fatal
				return o, false
			}
			return o, !res.Leaked
		case <-timer.C:
			c.kill()
			o.Problem, o.Output = fmt.Sprintf("timeout (more than %s)", timeout), c.output()
			return o, false
		case <-tick.C:
			if fi, err := c.capture.Stat(); err == nil && fi.Size() > maxOutput {
				c.kill()
				o.Problem, o.Output = fmt.Sprintf("output too large (more than %d bytes)", maxOutput), c.output()
				return o, false
			}
		}
	}
}

// output returns what the child printed since the last truncation.
func (c *childProc) output() []byte {
	data, err := os.ReadFile(c.path)
	if err != nil {
		return []byte("(capture unreadable: " + err.Error() + ")")
	}
	if len(data) > maxOutput {
		data = data[:maxOutput]
	}
	return data
}

// died waits for the exited child and describes its end.
func (c *childProc) died() string {
	select {
	case <-c.done:
	case <-time.After(5 * time.Second):
		c.kill()
		<-c.done
	}
	var ee *exec.ExitError
	if errors.As(c.waitErr, &ee) {
		return "crash: child " + ee.ProcessState.String()
	}
	if c.waitErr != nil {
		return "crash: " + c.waitErr.Error()
	}
	return "crash: child exited"
}

// kill stops the child's process group and waits for it.
func (c *childProc) kill() {
	_ = syscall.Kill(-c.cmd.Process.Pid, syscall.SIGKILL)
	<-c.done
}

// close ends the child (closing its jobs pipe makes it exit) and removes
// the capture file.
func (c *childProc) close() {
	c.jobs.Close()
	select {
	case <-c.done:
	case <-time.After(5 * time.Second):
		c.kill()
	}
	for range c.results {
	}
	c.capture.Close()
	os.Remove(c.path)
}
