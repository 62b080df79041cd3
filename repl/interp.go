package repl

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"go/ast"
	"io"
	"log"
	"os"
	"path"
	"reflect"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib"
	gen "github.com/traefik/yaegi/stdlib/generic"
	"github.com/traefik/yaegi/stdlib/unsafe"
)

// Options configure a new Interp. Zero values mean the process's own
// standard streams and environment.
type Options struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// Env is what os.Getenv sees in interpreted code (os.Environ() if nil).
	Env []string
	// Args is what os.Args is in interpreted code ({"odsh"} if nil): the
	// process's own flags are not the program's.
	Args []string
	// GoPanic receives the panic of a goroutine started by user code, as an
	// error (see Eval for how a panic becomes an error). By default it is
	// printed on Stderr. It is called from that goroutine.
	GoPanic func(error)
}

// Interp is a yaegi interpreter prepared for the shell: the standard library,
// the packages scripts expect already imported, helpers for what yaegi lacks
// (min, max, clear), and every entry rewritten (see Split) before it runs.
// An Interp is not safe for concurrent use.
type Interp struct {
	yi       *interp.Interpreter
	exports  map[string]map[string]reflect.Value // import path → compiled symbols
	opts     Options
	imported map[string]string // package name → import path
	// hiddenImports are the packages imported for the rewrites only
	// (ImportName): import path → name, "" when the import failed
	hiddenImports map[string]string
	// instanceAliases are the aliases of instances of generic types
	// (rewrite_instances.go): source → name, "" when refused
	instanceAliases map[string]string
	packages        map[string][]string // package name → importable paths (autoimport.go)
	bindMu          sync.Mutex
	binds           map[string]reflect.Value
	names           counter
	stack           []byte // of the last panic
	depth           depthGuard
	// hasMain: a func main was declared (renamed, see program.go).
	hasMain bool
	// funcs are the top-level functions declared so far (program.go).
	funcs map[string]funcSource
	// declared are the types and methods evaluated, by "type T" and
	// "method T.M", with their source (redeclare.go).
	declared    map[string]string
	declSources map[ast.Decl]declSource // of the entry being run
	// swaps are the methods of the entry being run declared again with
	// the same signature (methodswap.go).
	swaps map[ast.Decl]bool
	// genericAliases are the generic aliases declared, whose instances
	// are replaced by their types (generic_alias.go)
	genericAliases map[string]*ast.TypeSpec
	// signatures are those of the first declarations of methods.
	signatures map[string]string
	// entry counts the EvalEntry running; Interactive is set for a
	// session at the prompt: methods declared then can be declared again
	// (methodswap.go), not those of a script run on its own.
	entry       int
	Interactive bool
	// defers counts the top-level defers registered by the running entry.
	defers int
	// printConv converts the arguments of the print functions (printable.go).
	printConv *fmtConv
	// calls is the call graph of the session's functions, recursive those
	// on a cycle (program.go).
	callGraph map[string]map[string]bool
	recursive map[string]bool
	// renames are user names that were package names (program.go).
	renames map[string]string
	// dotImports: a package was imported with `.`, so unqualified names
	// may be its (program.go cannot tell undeclared names).
	dotImports bool
	// pending are prompt entries waiting for a name (program.go).
	pending []pendingEntry
	calls   callsState // rewrite_probe.go
}

// Preimported are the packages every entry and script can use without an
// import; importing one of them again is not an error.
var Preimported = []string{"fmt", "strings", "sort", "time"}

// Result holds the values of an entry's last bare expression: one per
// result of a call, none for statements and declarations.
type Result struct {
	Values []any
	// shown is what the shell shows of Values when it differs: a value
	// of a type declared in the shell with a method fmt calls, held in an
	// interface so that it keeps them (shownWithMethods)
	shown []any
}

// Shown returns the values as the shell shows them.
func (r Result) Shown() []any {
	if r.shown != nil {
		return r.shown
	}
	return r.Values
}

// New starts an interpreter.
func New(opts Options) (*Interp, error) {
	opts = withDefaults(opts)
	filterYaegiLog.Do(func() { log.SetOutput(yaegiLogFilter{log.Writer()}) })
	yi := interp.New(interp.Options{
		Stdin: opts.Stdin, Stdout: opts.Stdout, Stderr: &panicLogFilter{w: opts.Stderr}, Env: opts.Env, Args: opts.Args,
	})
	in := &Interp{yi: yi, opts: opts, imported: map[string]string{}, binds: map[string]reflect.Value{}, packages: map[string][]string{}}
	renameYaegiGenerics.Do(func() {
		copy(gen.Sources[:], renamedYaegiSources())
	})
	syms := guardedSymbols(stdlib.Symbols)
	// flag.Parse reads the process's os.Args; the program's are opts.Args
	flagPkg := copySymbols(syms["flag/flag"])
	args := opts.Args
	flagPkg["Parse"] = reflect.ValueOf(func() {
		// an error is a panic, not an os.Exit of the shell
		flag.CommandLine.Init(args[0], flag.ContinueOnError)
		if err := flag.CommandLine.Parse(args[1:]); err != nil {
			panic(err)
		}
	})
	syms["flag/flag"] = flagPkg
	if err := in.useStdlib(syms); err != nil {
		return nil, fmt.Errorf("repl: loading the standard library: %w", err)
	}
	// package unsafe, as Go has it (yaegi keeps it apart)
	if err := in.Use(unsafe.Symbols); err != nil {
		return nil, fmt.Errorf("repl: loading the standard library: %w", err)
	}
	if err := yi.Use(interp.Exports{bindPath + "/" + bindPkg: in.binds}); err != nil {
		return nil, fmt.Errorf("repl: loading bindings: %w", err)
	}
	if err := in.prelude(); err != nil {
		return nil, fmt.Errorf("repl: prelude: %w", err)
	}
	if err := in.installPrinter(); err != nil {
		return nil, err
	}
	return in, nil
}

func withDefaults(o Options) Options {
	if o.Stdin == nil {
		o.Stdin = os.Stdin
	}
	if o.Stdout == nil {
		o.Stdout = os.Stdout
	}
	if o.Stderr == nil {
		o.Stderr = os.Stderr
	}
	if o.Env == nil {
		o.Env = os.Environ()
	}
	if o.Args == nil {
		o.Args = []string{"odsh"}
	}
	if o.GoPanic == nil {
		w := o.Stderr
		o.GoPanic = func(err error) { fmt.Fprintf(w, "panic in goroutine: %s\n", panicText(err)) }
	}
	return o
}

// Use makes more compiled packages importable, e.g. the ORM's symbol tables
// generated by `yaegi extract`. Keys are "import/path/name".
func (in *Interp) Use(exports interp.Exports) error {
	if err := in.yi.Use(exports); err != nil {
		return err
	}
	if in.exports == nil {
		in.exports = map[string]map[string]reflect.Value{}
	}
	for k, syms := range exports {
		p := path.Dir(k)
		if in.exports[p] == nil {
			in.exports[p] = map[string]reflect.Value{}
		}
		for name, v := range syms {
			in.exports[p][name] = v
		}
	}
	in.notePackages(exports)
	return nil
}

// Eval runs one entry typed at the prompt and returns the values of its last
// bare expression. The entry may hold several statements and declarations;
// they run in order and the first error stops it.
//
// A panic in user code comes back as an error: a panicked error value is
// returned as is (so errors.As finds typed errors), any other value (a
// runtime error included, in Go's words) as a *PanicError. A yaegi compile error is a *CompileError, a parse error a
// *SyntaxError. When ctx is cancelled Eval returns ctx.Err(). The
// interpreter stays usable after any error.
func (in *Interp) Eval(ctx context.Context, src string) (Result, error) {
	units, err := Split(src)
	if err != nil {
		return Result{}, err
	}
	if err := in.autoImport(ctx, units); err != nil {
		return Result{}, err
	}
	defer in.forgetInterrupted(ctx)
	res, _, err := in.runUnits(ctx, units, true)
	return res, err
}

// forgetInterrupted resets the call depth after a cancelled evaluation:
// yaegi may stop interpreted code without running its deferred calls.
func (in *Interp) forgetInterrupted(ctx context.Context) {
	if ctx.Err() != nil {
		in.depth.reset()
	}
}

// evalUnit runs one unit; last says whether its values are wanted.
func (in *Interp) evalUnit(ctx context.Context, u Unit, last bool) (Result, error) {
	if g := u.Import(); g != nil {
		return Result{}, in.evalImport(ctx, u, g)
	}
	if u.Kind == Expr && last {
		return in.evalExpr(ctx, u)
	}
	rewriteMinMax(u.Node(), in.minMaxDeclared([]Unit{u}))
	if name, ok := minMaxDecl(u); ok {
		return Result{}, in.evalGenericDecl(ctx, u, name)
	}
	// a statement that defers (a defer statement, or an if, a loop, a
	// block holding one) registers its calls for the end of the entry
	// (topLevelDefers), all of them or some before an error; the rewrite
	// removes its defer statements
	defers := u.Kind == Stmt && u.stmt != nil && defersInStmt(u.stmt)
	_, err := in.run(ctx, u, u.lineCode(in))
	if defers {
		in.defers++
	}
	if name, rhs, ok := genericDecl(u, err); ok {
		return Result{}, in.evalViaAny(ctx, u, name, rhs)
	}
	if name, rhs, ok := definitionLoop(u, err); ok {
		return Result{}, in.evalTyped(ctx, u, name, rhs, err)
	}
	if compileCrash(err) {
		// nothing ran: a top-level `w := ws[0] + "!"` crashes yaegi's
		// analysis of globals as `first := parts[0]` fails it (defloop.go)
		if name, rhs, ok := defineOf(u); ok {
			return Result{}, in.evalTyped(ctx, u, name, rhs, err)
		}
		return Result{}, &CompileError{Line: u.Line, Msg: "internal error: yaegi crashed compiling this statement (" +
			panicValueText(err.(*PanicError).Value) + "); nothing of it ran: write it inside a function, or split it"}
	}
	return Result{}, in.betterUndefined(u, err)
}

// compileCrash reports whether err is a panic of yaegi's analysis of the
// code (its global type analysis or its compilation), before any of it
// ran, not a panic of the code.
func compileCrash(err error) bool {
	var pe *PanicError
	if !errors.As(err, &pe) || err != error(pe) {
		return false
	}
	st := string(pe.Stack)
	return !strings.Contains(st, "yaegi/interp.runCfg") &&
		(strings.Contains(st, "yaegi/interp.(*Interpreter).gta") || strings.Contains(st, "yaegi/interp.(*Interpreter).cfg"))
}

// run evaluates code for unit u and turns failures into the errors
// documented on Eval.
func (in *Interp) run(ctx context.Context, u Unit, code string) (reflect.Value, error) {
	if err := in.takeRefusal(); err != nil {
		return reflect.Value{}, err
	}
	v, err := in.yi.EvalWithContext(ctx, code)
	if err == nil {
		return v, nil
	}
	if ctx.Err() != nil && errors.Is(err, ctx.Err()) {
		return reflect.Value{}, err
	}
	var p interp.Panic
	if errors.As(err, &p) {
		in.stack = p.Stack
		return reflect.Value{}, panicError(p.Value, p.Stack)
	}
	cerr := compileError(u, err, strings.Contains(code, "//line "+lineFile))
	if ce, ok := cerr.(*CompileError); ok && len(in.instanceAliases) > 0 {
		ce.Msg = in.unalias(ce.Msg)
	}
	return reflect.Value{}, cerr
}

// CompileError is an error yaegi found before running a unit (an undefined
// name, mismatched types, …). Line is the line of the unit in the entry.
type CompileError struct {
	Line int
	Msg  string
}

// Error returns the message, without yaegi's position in rewritten code.
func (e *CompileError) Error() string { return e.Msg }

var yaegiPos = regexp.MustCompile(`^(\S+:)?\d+:\d+: `)

// When the code carried lineCode's directives (lined), the line yaegi
// names is the user's.
func compileError(u Unit, err error, lined bool) error {
	msg, line := err.Error(), u.Line
	if m := linePos.FindStringSubmatch(msg); m != nil && lined {
		line, _ = strconv.Atoi(m[1])
	}
	msg = yaegiPos.ReplaceAllString(msg, "")
	if strings.HasSuffix(msg, " in call to ") || strings.HasSuffix(msg, " in call to") {
		// yaegi leaves a method's name out
		msg = strings.TrimSuffix(strings.TrimSpace(msg), " to") + " (:doc NAME shows what a method takes)"
	}
	return &CompileError{Line: line, Msg: msg}
}

// linePos is a position in code carrying lineCode's directives.
var linePos = regexp.MustCompile(`^(?:\S+:)?(\d+):\d+: `)

// panicLogFilter drops the "1:28: panic: main(...)" lines yaegi writes to
// stderr for every panic it recovers, which Eval already reports.
type panicLogFilter struct{ w io.Writer }

var panicLog = regexp.MustCompile(`^(\S+:)?\d+(:\d+)?: panic(: \S+\(\.\.\.\))?\n$`)

func (f *panicLogFilter) Write(p []byte) (int, error) {
	if panicLog.Match(p) {
		return len(p), nil
	}
	return f.w.Write(p)
}

// yaegiLogFilter drops what yaegi's compiler writes to the standard
// logger before a panic it recovers itself (log.Panic("nil type") in
// scope.add): the user saw "2026/12/06 19:03:30 nil type" above the
// shell's own message. What interpreted code logs passes.
type yaegiLogFilter struct{ w io.Writer }

func (f yaegiLogFilter) Write(p []byte) (int, error) {
	if bytes.HasSuffix(p, []byte("nil type\n")) {
		pcs := make([]uintptr, 32)
		frames := runtime.CallersFrames(pcs[:runtime.Callers(2, pcs)])
		for {
			fr, more := frames.Next()
			if strings.Contains(fr.Function, "yaegi/interp.(*scope).add") {
				return len(p), nil
			}
			if !more {
				break
			}
		}
	}
	return f.w.Write(p)
}

var filterYaegiLog sync.Once

// LastStack returns the stack of the last panic user code raised, nil if
// none did.
func (in *Interp) LastStack() []byte { return in.stack }

// Globals returns the names of the top-level variables, functions and
// types that entries have declared, sorted.
func (in *Interp) Globals() []string {
	var out []string
	for name := range in.globals() {
		if !strings.HasPrefix(name, "_") {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

// Global returns the value of a global variable of the interpreted code.
func (in *Interp) Global(name string) (reflect.Value, bool) {
	v, ok := in.globals()[name]
	return v, ok
}

// Imported returns the names of the imported packages.
func (in *Interp) Imported() []string {
	var out []string
	for name := range in.imported {
		out = append(out, name)
	}
	sort.Strings(out)
	return out
}

// betterUndefined replaces yaegi's "constant definition loop", which is
// what it says of `x := nope + 1` at top level, by "undefined: nope" when
// the unit uses a name nothing declares.
func (in *Interp) betterUndefined(u Unit, err error) error {
	var ce *CompileError
	if !errors.As(err, &ce) || !strings.HasSuffix(ce.Msg, "definition loop") {
		return err
	}
	globals := in.globals()
	defined := map[string]bool{}
	if a, ok := u.stmt.(*ast.AssignStmt); ok {
		for _, l := range a.Lhs {
			if id, ok := l.(*ast.Ident); ok {
				defined[id.Name] = true
			}
		}
	}
	for name := range freeNames(u.Node()) {
		if defined[name] {
			continue
		}
		if _, ok := globals[name]; ok || in.IsPackage(name) || builtins[name] || predeclaredTypes[name] || universe[name] {
			continue
		}
		if in.Decls().Declares(name) {
			continue
		}
		return &CompileError{Line: ce.Line, Msg: "undefined: " + name}
	}
	return err
}

// universe are the predeclared names that are neither types nor builtins.
var universe = map[string]bool{"true": true, "false": true, "nil": true, "iota": true, "comparable": true}

// SymbolKind says what name is in the compiled package imported as pkg:
// "type", "func", "var" or "const" (as yaegi's export tables write them),
// "" when unknown.
func (in *Interp) SymbolKind(pkg, name string) string {
	p := in.pathOf(pkg)
	v, ok := in.exports[p][name]
	if !ok || !v.IsValid() {
		return ""
	}
	switch {
	case v.Kind() == reflect.Func:
		return "func"
	case v.CanAddr():
		return "var"
	case v.Kind() == reflect.Pointer && v.IsNil():
		return "type"
	}
	return "const"
}

// CompiledSignature returns the type of fun, a function of the compiled
// package imported as pkg or, when typ is not "", a method of its type
// typ (of the pointer type, whose method set holds both), without the
// receiver; ok is false when there is none.
func (in *Interp) CompiledSignature(pkg, typ, fun string) (t reflect.Type, ok bool) {
	p := in.pathOf(pkg)
	if typ == "" {
		v, found := in.exports[p][fun]
		if !found || !v.IsValid() || v.Kind() != reflect.Func {
			return nil, false
		}
		return v.Type(), true
	}
	v, found := in.exports[p][typ]
	if !found || !v.IsValid() || v.Kind() != reflect.Pointer || !v.IsNil() {
		return nil, false // not a type
	}
	m, found := v.Type().MethodByName(fun)
	if !found {
		return nil, false
	}
	mt := m.Type
	params := make([]reflect.Type, mt.NumIn()-1)
	for i := range params {
		params[i] = mt.In(i + 1)
	}
	results := make([]reflect.Type, mt.NumOut())
	for i := range results {
		results[i] = mt.Out(i)
	}
	return reflect.FuncOf(params, results, mt.IsVariadic()), true
}

// ImportPath returns the import path of the package imported as name, ""
// when none is.
func (in *Interp) ImportPath(name string) string { return in.imported[name] }

// pathOf returns the import path of the package named pkg: imported so,
// or else the one package of the shell of that name.
func (in *Interp) pathOf(pkg string) string {
	if p, ok := in.imported[pkg]; ok {
		return p
	}
	return in.packageFor(pkg)
}

// importedAs returns the name the session imports the package of the
// import path as (the first in order when several), "" when none.
func (in *Interp) importedAs(path string) string {
	found := ""
	for name, p := range in.imported {
		if p == path && name != "." && name != "_" && (found == "" || name < found) {
			found = name
		}
	}
	return found
}

// ImportName returns a name the compiled package of the import path is
// imported as: the user's, else one the shell imports it as for its
// rewrites (__odshpkg_io), which no listing shows; "" when that fails.
func (in *Interp) ImportName(path string) string {
	if found := in.importedAs(path); found != "" {
		return found
	}
	if name, ok := in.hiddenImports[path]; ok {
		return name
	}
	if _, ok := in.exports[path]; !ok {
		return ""
	}
	name := "__odshpkg_" + strings.Map(func(r rune) rune {
		if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' {
			return r
		}
		return '_'
	}, path)
	if in.Probe("import "+name+" "+strconv.Quote(path)) != nil {
		name = ""
	}
	if in.hiddenImports == nil {
		in.hiddenImports = map[string]string{}
	}
	in.hiddenImports[path] = name
	return name
}

// FuncResultInt reports, for a function of a compiled package, whether it
// has one result of an integer kind; known is false for anything else.
func (in *Interp) FuncResultInt(pkg, name string) (isInt, known bool) {
	if in.SymbolKind(pkg, name) != "func" {
		return false, false
	}
	p := in.pathOf(pkg)
	t := in.exports[p][name].Type()
	if t.NumOut() != 1 {
		return false, true
	}
	switch t.Out(0).Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return true, true
	}
	return false, true
}
