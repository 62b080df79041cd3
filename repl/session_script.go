package repl

import (
	"context"
	"errors"
	"fmt"
	"strings"
)

// RunScript runs a script file (see EvalScript) in the session's
// transaction, then flushes. Values are not printed. It stops at the first
// error, a *ScriptError, and leaves it to the caller to roll back: nothing
// is undone here, not even the failed statement.
func (s *Session) RunScript(ctx context.Context, name, src string) error {
	_, err := s.eval(ctx, func(c context.Context) (Result, error) { return Result{}, s.in.EvalScript(c, src) })
	if err == nil {
		err = catch(s.env.FlushAll)
	}
	if err != nil && s.lost() {
		return s.reportLost()
	}
	var se *ScriptError
	if errors.As(err, &se) && se.Hint == "" {
		se.Hint = s.scriptHint(src, se)
	}
	return err
}

// scriptHint returns the hint the prompt gives for the statement or
// declaration of a script at the error's line: one set of hints for the
// prompt, -c, files and standard input.
func (s *Session) scriptHint(src string, se *ScriptError) string {
	if strings.HasPrefix(src, "#!") {
		src = src[strings.IndexByte(src+"\n", '\n'):] // keep the lines where they are
	}
	for _, seg := range splitSegments(src) {
		if se.Line >= seg.line && se.Line <= seg.line+strings.Count(seg.text, "\n") {
			return s.hint(seg.text, se.Err).hint
		}
	}
	return ""
}

// printScriptError prints a script's error as "NAME:LINE: error" and its
// hint, as the command line does for a file.
func (s *Session) printScriptError(name string, err error) {
	fmt.Fprintf(s.errw, "%s:%s\n", name, strings.TrimPrefix(s.FormatError(err), "line "))
	if h := HintOf(err); h != "" {
		fmt.Fprintln(s.errw, "hint: "+h)
	}
}

// HintOf returns the hint of a script's error (ScriptError.Hint), or "".
func HintOf(err error) string {
	var se *ScriptError
	if errors.As(err, &se) {
		return se.Hint
	}
	return ""
}

// runScriptEntry runs a script as one entry (:load): in a savepoint, so an
// error rolls back the whole file and is printed with its line.
func (s *Session) runScriptEntry(ctx context.Context, name, src string) error {
	s.syncEpoch()
	sp, err := s.savepoint()
	if err != nil {
		return s.fail(err)
	}
	n := s.changes.len()
	s.inEntry = true
	err = s.RunScript(ctx, name, src)
	s.inEntry = false
	if errors.Is(err, ErrConnLost) {
		return err
	}
	if err != nil {
		s.abandon(sp, n)
		s.record(strings.TrimSpace(stripShebang(src)), true, false)
		s.lastErr = err
		s.printScriptError(name, err)
		return err
	}
	s.keep(sp, strings.TrimSpace(stripShebang(src)), n)
	return nil
}

// stripShebang drops a first "#!" line.
func stripShebang(src string) string {
	if strings.HasPrefix(src, "#!") {
		if i := strings.IndexByte(src, '\n'); i >= 0 {
			return src[i+1:]
		}
		return ""
	}
	return src
}
