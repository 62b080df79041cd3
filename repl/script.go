package repl

import (
	"context"
	"errors"
	"fmt"
	"strings"
)

// ScriptError is the first error of a script, with the line (1-based, in the
// script file) of the statement or declaration that failed.
type ScriptError struct {
	Line int
	Err  error
}

// Error returns "line N: " and the cause.
func (e *ScriptError) Error() string { return fmt.Sprintf("line %d: %v", e.Line, e.Err) }

// Unwrap returns the cause, so errors.As finds a typed ORM error.
func (e *ScriptError) Unwrap() error { return e.Err }

// EvalScript runs a whole script file: what one would type at the prompt,
// top to bottom, with the same rewriting as Eval. A first line starting with
// "#!" is ignored. Values of bare expressions are not printed. It stops at
// the first error and returns it as a *ScriptError.
func (in *Interp) EvalScript(ctx context.Context, src string) error {
	if strings.HasPrefix(src, "#!") {
		if nl := strings.IndexByte(src, '\n'); nl >= 0 {
			src = src[nl:] // keep the newline so line numbers do not move
		} else {
			src = ""
		}
	}
	units, err := Split(src)
	if err != nil {
		var se *SyntaxError
		if errors.As(err, &se) {
			return &ScriptError{Line: se.Line, Err: err}
		}
		return &ScriptError{Line: 1, Err: err}
	}
	defer in.forgetInterrupted(ctx)
	if err := in.autoImport(ctx, units); err != nil {
		return &ScriptError{Line: 1, Err: err}
	}
	if _, u, err := in.runUnits(ctx, units, false); err != nil {
		line := u.Line
		var ce *CompileError
		if errors.As(err, &ce) {
			line = ce.Line
		}
		return &ScriptError{Line: line, Err: err}
	}
	return nil
}
