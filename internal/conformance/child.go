package conformance

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"odsh/addons/base"
	"odsh/orm"
	"odsh/repl"
)

// The child process. The parent starts it with $ODSH_CONFORMANCE_CHILD set
// to the DSN of a database where base is installed, stdin /dev/null, stdout
// and stderr both on one capture file (opened O_APPEND, so the two streams
// interleave as written), jobs on fd 3 and results on fd 4. For each job
// (one JSON line) it runs the program in a fresh session on a new
// transaction, rolled back after, and answers one JSON line. The parent
// truncates the capture file before each job and reads it after the
// answer: that is the program's output.
const (
	childEnvVar = "ODSH_CONFORMANCE_CHILD"
	jobsFD      = 3
	resultsFD   = 4
)

// Modes: how a program is fed to odsh.
const (
	// Script runs the file with Session.RunScript, as `odsh FILE` does.
	Script = "script"
	// Prompt feeds the file line by line to Session.Run on a plain reader,
	// as the interactive loop reads a terminal.
	Prompt = "prompt"
)

// Modes lists the modes in report order.
var Modes = []string{Script, Prompt}

type job struct {
	Name string `json:"name"`
	Mode string `json:"mode"`
	Src  string `json:"src"`
	// Whole: in prompt mode, the program is typed as one entry
	// (WholeAtPrompt).
	Whole bool `json:"whole,omitempty"`
}

type result struct {
	Status int    `json:"status"`           // what odsh would exit with: 0, or 1 after an error
	Leaked bool   `json:"leaked,omitempty"` // goroutines of the program still run
	Fatal  string `json:"fatal,omitempty"`  // the child could not run the program (no session…)
}

// IsChild reports whether this process was started as a conformance child.
func IsChild() bool { return os.Getenv(childEnvVar) != "" }

// ChildMain runs the child's loop and returns its exit status. Call it
// from TestMain when IsChild.
func ChildMain() int {
	c := &child{dsn: os.Getenv(childEnvVar)}
	if err := c.start(); err != nil {
		fmt.Fprintf(os.Stderr, "conformance child: %v\n", err)
		return 3
	}
	jobs := bufio.NewReader(os.NewFile(jobsFD, "jobs"))
	results := os.NewFile(resultsFD, "results")
	for {
		line, err := jobs.ReadBytes('\n')
		if len(line) == 0 && err != nil {
			return 0 // the parent closed the pipe
		}
		var j job
		if err := json.Unmarshal(line, &j); err != nil {
			fmt.Fprintf(os.Stderr, "conformance child: bad job: %v\n", err)
			return 3
		}
		r := c.run(j)
		data, _ := json.Marshal(r)
		if _, err := results.Write(append(data, '\n')); err != nil {
			return 3
		}
	}
}

type child struct {
	dsn  string
	reg  *orm.Registry
	conn *pgx.Conn
}

func (c *child) start() error {
	addons, err := orm.OrderAddons([]*orm.Addon{base.Addon}, base.Addon.Name)
	if err != nil {
		return err
	}
	if c.reg, err = orm.NewRegistryFrom(addons); err != nil {
		return err
	}
	return c.connect()
}

func (c *child) connect() error {
	if c.conn != nil {
		c.conn.Close(context.Background())
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	conn, err := orm.Connect(ctx, c.dsn)
	if err != nil {
		return err
	}
	c.conn = conn
	return nil
}

// run runs one program in a fresh session and transaction, rolled back
// after; a transaction that cannot be closed closes the connection, and the
// next program reconnects.
func (c *child) run(j job) (r result) {
	ctx := context.Background()
	if c.conn.IsClosed() {
		if err := c.connect(); err != nil {
			return result{Fatal: "connect: " + err.Error()}
		}
	}
	before := runtime.NumGoroutine()
	tx, err := orm.Begin(ctx, c.conn, c.reg, orm.TxOptions{})
	if err != nil {
		return result{Fatal: "begin: " + err.Error()}
	}
	defer func() {
		if err := tx.Close(); err != nil {
			c.conn.Close(ctx)
		}
		r.Leaked = !settles(before)
	}()
	s, err := repl.NewSession(repl.SessionOptions{Tx: tx, DB: "conformance", Stdout: os.Stdout, Stderr: os.Stderr, Env: ProgramEnv})
	if err != nil {
		return result{Fatal: "session: " + err.Error()}
	}
	switch j.Mode {
	case Script:
		// As cmd/odsh's runScript: the error as "NAME:LINE: message", exit 1.
		if err := s.RunScript(ctx, j.Name, j.Src); err != nil {
			fmt.Fprintf(os.Stderr, "%s:%s\n", j.Name, strings.TrimPrefix(s.FormatError(err), "line "))
			r.Status = 1
		}
	case Prompt:
		// As cmd/odsh's interact: errors of entries are printed by the
		// session and do not end the loop.
		src := j.Src
		if j.Whole {
			// the file as one entry, as Run evaluates an entry (the
			// session prints its errors); then Run meets the end of
			// the input
			_ = s.Eval(ctx, src)
			src = ""
		}
		if err := s.Run(ctx, repl.NewPlainReader(strings.NewReader(src))); err != nil {
			fmt.Fprintf(os.Stderr, "odsh: %v\n", err)
			r.Status = 1
		}
	default:
		return result{Fatal: "unknown mode " + j.Mode}
	}
	return r
}

// settles waits up to 200 ms for the number of goroutines to fall back to
// n, and reports whether it did.
func settles(n int) bool {
	for deadline := time.Now().Add(200 * time.Millisecond); ; time.Sleep(5 * time.Millisecond) {
		if runtime.NumGoroutine() <= n {
			return true
		}
		if time.Now().After(deadline) {
			return false
		}
	}
}
