package repl

import (
	"context"
	"errors"
	"fmt"
	"go/ast"
	"strings"
)

// ScriptError is the first error of a script, with the line (1-based, in the
// script file) of the statement or declaration that failed.
type ScriptError struct {
	Line int
	Err  error
	// Func names the function declared at Line when the error happened
	// while it ran (main): the line of the statement itself is not known
	// (yaegi reports where a function starts).
	Func string
	// Hint is what the prompt would suggest for the statement at Line
	// (Session.RunScript fills it in), or "".
	Hint string
}

// Error returns "line N: " and the cause.
func (e *ScriptError) Error() string {
	return fmt.Sprintf("line %d: %v%s", e.Line, e.Err, e.where())
}

func (e *ScriptError) where() string {
	if e.Func == "" {
		return ""
	}
	return " (while func " + e.Func + ", declared there, ran: the interpreter does not give the line of the statement)"
}

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
		line := 1
		var ce *CompileError
		if errors.As(err, &ce) {
			line = ce.Line
		}
		return &ScriptError{Line: line, Err: err}
	}
	if _, u, err := in.runUnits(ctx, units, false); err != nil {
		line, fn := u.Line, ""
		var ce *CompileError
		var re *RefusedError
		if errors.As(err, &ce) {
			line = ce.Line
		} else if fd, ok := u.decl.(*ast.FuncDecl); ok && !errors.As(err, &re) {
			fn = fd.Name.Name
			if n := in.mainLine(); n > 0 && (fn == "main" || fn == mainName) {
				// the statement of main that was running (mainline.go)
				line, fn = n, ""
			}
		}
		return &ScriptError{Line: line, Err: err, Func: fn}
	}
	return nil
}
