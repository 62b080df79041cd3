package shell

// Scripts and conflicts with other transactions.
//
// A script runs in one REPEATABLE READ transaction (as Odoo's requests).
// When another transaction changed, and committed, rows the script then
// writes, PostgreSQL refuses the write (a serialization failure, or a
// deadlock): the script's transaction can only be rolled back. Without
// --retry the run ends with exit 1, nothing committed, and one line that
// says so and how to re-run. With --retry N the whole script runs again,
// up to N more times, in a fresh transaction and a fresh session (its
// variables gone), as orm.Run does for Go code. The output of an attempt
// is held back until the attempt ends: the output of an attempt that
// conflicted is discarded, and a line on stderr says so.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"odsh/orm"
	"odsh/repl"
)

// source is one script to run: a file, standard input, or -c's code.
type source struct {
	name, text string
	code       bool // -c: print the value of its last expression
}

// scriptSources reads the scripts the command line names, once, so that a
// retry runs the same text.
func scriptSources(f *flags) ([]source, error) {
	switch {
	case f.code != "":
		return []source{{name: "-c", text: f.code, code: true}}, nil
	case len(f.files) > 0:
		var out []source
		for _, name := range f.files {
			b, err := os.ReadFile(name)
			if err != nil {
				return nil, err
			}
			out = append(out, source{name: name, text: string(b)})
		}
		return out, nil
	}
	b, err := io.ReadAll(os.Stdin)
	return []source{{name: "<stdin>", text: string(b)}}, err
}

// runScripts runs the scripts in s, then ends the run (finish); on a
// conflict it runs them again in a new session, f.retry times at most.
func (a *app) runScripts(ctx context.Context, f *flags, s *repl.Session, so repl.SessionOptions) int {
	srcs, err := scriptSources(f)
	if err != nil {
		a.say("%v", err)
		return exitFail
	}
	out := os.Stdout
	for attempt := 1; ; attempt++ {
		var buf bytes.Buffer
		if f.retry > 0 {
			so.Stdout = &buf
			if s, err = repl.NewSession(so); err != nil {
				a.say("%v", err)
				return exitFail
			}
		}
		code, conflict := a.finishRun(s, f, a.runSources(ctx, s, srcs))
		if conflict == nil || attempt > f.retry {
			out.Write(buf.Bytes())
			if conflict != nil {
				fmt.Fprintln(os.Stderr, a.conflictLine(conflict, f.retry))
			}
			return code
		}
		a.say("%s; nothing was committed; running the script again (attempt %d of %d), the output of the last attempt discarded",
			conflictWhat(conflict), attempt+1, f.retry+1)
		_ = orm.Try(s.Env().Tx().Rollback)
	}
}

// runSources runs the scripts in order, stopping at the first error.
func (a *app) runSources(ctx context.Context, s *repl.Session, srcs []source) error {
	for _, src := range srcs {
		if src.code {
			if err := s.Eval(ctx, src.text); err != nil {
				return err
			}
			// nothing can come later to declare what a declaration of the
			// code waits for (func f(a T) {} without T): Go's undefined
			if p := s.Interp().Pending(); len(p) > 0 {
				for _, line := range p {
					a.say("%s", line)
				}
				return errors.New(strings.Join(p, "\n"))
			}
			return nil
		}
		if err := a.runScript(ctx, s, src.name, strings.NewReader(src.text)); err != nil {
			return err
		}
	}
	return nil
}

// finishRun is finish, telling apart a conflict with another transaction,
// in the script or at the commit; the transaction is then rolled back.
func (a *app) finishRun(s *repl.Session, f *flags, err error) (int, *orm.ConcurrencyError) {
	tx := s.Env().Tx()
	var ce *orm.ConcurrencyError
	if errors.As(err, &ce) {
		_ = orm.Try(tx.Rollback)
		return exitFail, ce
	}
	if err != nil || !f.commit || tx.Conn().IsClosed() {
		return a.finish(s, f, err), nil
	}
	if err := commit(tx); err != nil {
		if errors.As(err, &ce) {
			_ = orm.Try(tx.Rollback)
			return exitFail, ce
		}
		a.say("commit: %s", s.FormatError(err))
		return exitFail, nil
	}
	return exitOK, nil
}

// conflictWhat says what conflicted: "another transaction changed the same
// rows (res.partner [7])".
func conflictWhat(ce *orm.ConcurrencyError) string {
	what := "another transaction changed the same rows"
	if strings.HasPrefix(ce.Msg, "deadlock") {
		what = "a deadlock with another transaction on the same rows"
	}
	switch {
	case ce.Model == "":
	case len(ce.IDs) == 0:
		what += " (" + ce.Model + ")"
	case len(ce.IDs) <= 10:
		what += fmt.Sprintf(" (%s %v)", ce.Model, ce.IDs)
	default:
		what += fmt.Sprintf(" (%d %s records)", len(ce.IDs), ce.Model)
	}
	return what
}

// conflictLine is the line that ends a run lost to a conflict.
func (a *app) conflictLine(ce *orm.ConcurrencyError, retries int) string {
	again := "run the script again, or with --retry N to re-run it automatically"
	if retries > 0 {
		again = fmt.Sprintf("it conflicted on each of its %d attempts; run it again later, or with a larger --retry", retries+1)
	}
	return a.name + ": " + conflictWhat(ce) + " since this run began; nothing was committed: " + again
}
