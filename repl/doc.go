// Package repl is the odsh shell's engine: it reads Go entries, rewrites
// them so yaegi runs them correctly, evaluates them, and completes names.
// It knows nothing of the ORM; the session plugs the ORM in through Use,
// Bind and the Catalog and Scope interfaces.
//
// # Entries
//
// An entry is what the user typed, possibly over several lines. Check tells
// whether it is complete or needs a continuation line (an open bracket, an
// unterminated raw string or block comment, a trailing operator or comma):
//
//	repl.Check("for i := range 3 {")   // More, "open brace"
//	repl.Check("x := `first line")     // More, "raw string not terminated"
//	repl.Check(`x := "abc`)            // Broken: evaluate it to report the error
//
// A line starting with ':' is a meta-command; ParseMeta splits it with
// shell-like quoting: `:fields "res.partner" name` → "fields",
// ["res.partner" "name"].
//
// # Evaluating
//
// New starts an interpreter (about 10–15 ms, BenchmarkNew) with the standard library,
// fmt, strings, sort and time imported, and min, max and clear defined.
// Other packages are imported on first use (autoimport.go): an entry using
// strconv.Atoi imports "strconv" unless strconv names something else.
// Eval runs an entry and returns the values of its last bare expression:
//
//	in, _ := repl.New(repl.Options{})
//	in.Eval(ctx, `import "strconv"`)
//	res, _ := in.Eval(ctx, `strconv.Atoi("12")`) // res.Values = [12 <nil>]
//	in.Eval(ctx, "s := 0; for i := range 4 { s += i }; s") // [6]
//
// Before evaluation, Split cuts an entry into units and Unit.Code rewrites
// them (see rewrite.go for the equations): statements run wrapped in a
// function literal, declarations stay at top level, ranges over integers
// become counted loops, loop variables get per-iteration copies when a
// closure could capture them, and goroutines recover their panics and
// report them to Options.GoPanic instead of killing the process.
//
// A panic in user code is an error: an error value panicked by compiled
// code (a typed ORM error) comes back unchanged, so errors.As works; other
// values, runtime errors included (in Go's words: "runtime error: index
// out of range"), come back as *PanicError (panic.go). The interpreter
// stays usable. Eval returns ctx.Err() when ctx is cancelled.
//
// An entry or a file is not fed to yaegi unit by unit: program.go plans it
// with Go's package-level rules (declarations in dependency order, a
// program's main run once, top-level defer at the end, top-level return
// refused), and the call rewrites (rewrite_calls.go and the files it names)
// absorb what yaegi runs wrong in calls, assertions, type switches and
// ranges over functions, refusing with a *RefusedError what they cannot.
// fmtshim.go, errshim.go and printable.go make fmt, errors and encoding/json
// see the methods of interpreted values. EvalEntry is Eval for the prompt:
// a declaration using a name of a later entry waits for it.
//
// EvalScript runs a script file (an optional "#!" line, then what one would
// type at the prompt) and stops at the first error, a *ScriptError with the
// line number.
//
// Bind declares an interpreted variable holding a host value, e.g. env;
// the user may reassign it. Use adds compiled packages (the ORM's symbol
// tables) that entries can then import.
//
// # Completion
//
// Analyze says what is being typed at the cursor: a name, a member after
// `expr.`, a model name in env.Model("…, a field path in Get("partner_id.co…,
// a field in a domain literal Search("[('na…, an external id in
// env.Ref("base.ma… or ref("…, or a meta-command. Completer turns that into
// readline candidates with a Catalog of models, fields and external ids
// and a Scope that knows the interpreter's variables, the members of the
// packages it can import and the static type of an expression
// (complete_types.go).
//
// # Sessions
//
// A Session binds an Interp to one ORM transaction: env, the ORM packages
// (odsh/orm, odsh/domain, odsh/printer from repl/symbols) and the helpers
// (show, search, browse, ref, models, fields, sql, flush, commit, rollback,
// chart). Eval runs one entry the way the prompt does, with no terminal:
//
//	s, _ := repl.NewSession(repl.SessionOptions{Tx: tx, Stdout: &out, Stderr: &out})
//	s.Eval(ctx, `p := env.Model("res.partner").Create(orm.Values{"name": "A"})`)
//	s.Eval(ctx, `p.Write(orm.Values{"nmae": 1})`) // prints "ValidationError: …", rolls back this entry
//	s.Eval(ctx, `p.Get("name")`)                  // prints "A": earlier work survives
//	s.Eval(ctx, ":diff")                           // created res.partner(…)
//	s.Eval(ctx, ":undo")                           // rolls back the Create
//
// A failed entry that uses a recordset or an env as Odoo's Python does
// (ps[0], len(ps), p.name, ps | qs, rs.write({…}), env.uid, if rs) prints
// the Go compiler's message and a "hint:" line with the Go spelling, from
// the Odoo → odsh phrasebook that :doc python prints
// (session_hints.go, session_phrasebook.go).
//
// Each entry runs in a savepoint, is flushed on success, and keeps its
// savepoint for :undo when it wrote (see session.go). Interrupt cancels the
// running entry from another goroutine. Run is the loop on a LineReader
// (NewTerminal for readline, NewPlainReader for a stream); RunScript runs a
// script file in the session's transaction. The testdata/*.txtar
// transcripts replay sessions through Eval (go test -update rewrites them).
package repl
