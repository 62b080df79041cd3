package repl

// How values of types declared in interpreted code print in compiled fmt
// and log.
//
// yaegi represents `type State int` as a plain int at the reflect level, so
// compiled code never sees the interpreted methods. For the arguments of
// the fmt and log print functions yaegi consults stdlib.MapTypes: an
// argument whose interpreted type implements one of the listed interfaces
// is passed inside a wrapper struct (`IValue any` + one `W<Method>` func
// field per method) registered as Symbols["fmt/fmt"]["_Stringer"] (and
// "_error" in the interpreter's own package "" for errors). The wrappers
// yaegi ships implement only the one method, so fmt prints the wrapper's
// fields for any verb that does not call it (`%d` of a Stringer prints
// `{1 0x4e2a40}`), and MapTypes lists no `error`, so `&E{}` with a pointer
// receiver Error method prints `&{…}`.
//
// The shims replace those wrappers with ones that also implement
// fmt.Formatter: for the verbs where Go's fmt calls String or Error (%v
// without '#', %s, %q, %x, %X) they format the method's result with the
// same flags, for the others the wrapped value, so `%d` prints 1; a panic
// in the method prints like Go's `%!v(PANIC=String method: …)`. They add
// error and fmt.GoStringer to the MapTypes lists. yaegi picks, per
// argument, the first listed interface the type implements, then the first
// wrapper registered for it (mapTypes[wrapper]) whose W fields name only
// methods the type has (getWrapper in interp/use.go): the composite
// wrappers below carry the methods a type may have besides the one listed.
//
// The print functions of fmt and log are replaced too, to convert their
// arguments (printable.go): what yaegi passes unwrapped, interpreted
// values in interfaces and structs with unexported fields.
//
// Hook points: New calls useStdlib instead of Use(stdlib.Symbols) (the
// wrappers, MapTypes, the print functions, errors.As/Is/Unwrap; the error
// wrapper through Symbols("")), then installPrinter after the prelude
// (the interpreted functions that call methods for printable.go).
//
// Not fixable here (compiled code receives no interpreted type at all):
// slices, maps and arrays whose element type is an interpreted type with
// methods (`[]State{Done}` reaches fmt as []int; rewrite_print.go passes
// such arguments as []any, and struct fields are converted by their
// declared type, typedfields.go), a conversion
// to any (`any(Done)` is an int: passed to a print function, it is held
// in a variable first, anyResultsFirst), methods of compiled types taking
// `...any` (MapTypes lists functions only; a *log.Logger's pass their
// arguments through PrintView, printArgs), %T of a
// value of a type without methods held in an interface (yaegi holds the
// underlying value; a value with methods is named, fmtverbs.go), %#v
// naming types; and an argument of
// type any holding an interpreted value with methods that was made in
// another function's frame: yaegi wraps it by evaluating again, in the
// caller's frame, the expression that made it (getBinValue in
// interp/value.go), which reads another variable (printArgs passes such
// arguments, whose static type is any, in an []any: only an argument whose
// type the syntax does not tell is left so). And two of yaegi's
// decisions made before a wrapper exists: a struct value gets its pointer
// methods too (`fmt.Println(E{})` calls (*E).Error, Go prints {…}), and a
// nil pointer is passed as a nil interface (Go calls its method). See also
// errshim.go.

import (
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"io"
	"log"
	"reflect"
	"strings"

	"github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib"
)

var (
	errorType      = reflect.TypeOf((*error)(nil)).Elem()
	formatterType  = reflect.TypeOf((*fmt.Formatter)(nil)).Elem()
	stringerType   = reflect.TypeOf((*fmt.Stringer)(nil)).Elem()
	goStringerType = reflect.TypeOf((*fmt.GoStringer)(nil)).Elem()
)

// printIfaces is the MapTypes list of the print functions of fmt and log,
// in the order Go's fmt tries the methods (handleMethods in fmt/print.go):
// Format, then Error before String; GoString is only for %#v.
var printIfaces = []reflect.Type{formatterType, errorType, stringerType, goStringerType}

// The wrapper symbols, as registered in the interpreter: getWrapper looks
// them up as binPkg[iface.PkgPath()]["_"+iface.Name()], and mapTypes lists
// the composites of each under the same reflect.Value.
var (
	stringerSym   = reflect.ValueOf((*fmtStringer)(nil))
	goStringerSym = reflect.ValueOf((*fmtGoStringer)(nil))
	errorSym      = reflect.ValueOf((*errorWrap)(nil))
)

// fmtStringer wraps an interpreted value with a String method.
type fmtStringer struct {
	IValue  any
	WString func() string
}

func (w fmtStringer) String() string {
	if w.WString == nil {
		return ""
	}
	return w.WString()
}

func (w fmtStringer) Format(s fmt.State, verb rune) {
	methodSet{value: w.IValue, str: w.WString, strName: "String"}.format(s, verb)
}

// fmtStringerGo wraps an interpreted value with String and GoString.
type fmtStringerGo struct {
	IValue    any
	WString   func() string
	WGoString func() string
}

func (w fmtStringerGo) String() string   { return w.WString() }
func (w fmtStringerGo) GoString() string { return w.WGoString() }

func (w fmtStringerGo) Format(s fmt.State, verb rune) {
	methodSet{value: w.IValue, str: w.WString, strName: "String", goStr: w.WGoString}.format(s, verb)
}

// fmtGoStringer wraps an interpreted value with a GoString method only.
type fmtGoStringer struct {
	IValue    any
	WGoString func() string
}

func (w fmtGoStringer) GoString() string { return w.WGoString() }

func (w fmtGoStringer) Format(s fmt.State, verb rune) {
	methodSet{value: w.IValue, goStr: w.WGoString}.format(s, verb)
}

// fmtFormatterError wraps an interpreted value with Format and Error (yaegi
// would pick its Formatter wrapper, which is no error: `fmt.Errorf("%w")`
// would reject it).
type fmtFormatterError struct {
	IValue  any
	WFormat func(fmt.State, rune)
	WError  func() string
}

func (w fmtFormatterError) Format(s fmt.State, verb rune) { w.WFormat(s, verb) }
func (w fmtFormatterError) Error() string                 { return w.WError() }
func (w fmtFormatterError) ivalue() any                   { return w.IValue }

// fmtFormatterErrorUnwrap adds Unwrap to fmtFormatterError.
type fmtFormatterErrorUnwrap struct {
	IValue  any
	WFormat func(fmt.State, rune)
	WError  func() string
	WUnwrap any
}

func (w fmtFormatterErrorUnwrap) Format(s fmt.State, verb rune) { w.WFormat(s, verb) }
func (w fmtFormatterErrorUnwrap) Error() string                 { return w.WError() }
func (w fmtFormatterErrorUnwrap) Unwrap() error                 { return unwrapOne(w.WUnwrap) }
func (w fmtFormatterErrorUnwrap) ivalue() any                   { return w.IValue }
func (w fmtFormatterErrorUnwrap) unwrapMethod() any             { return w.WUnwrap }

// methodSet is what fmt may call on a wrapped value.
type methodSet struct {
	p       *fmtConv // nil in yaegi's wrappers
	value   any
	nested  bool          // in a slice, map, struct (an interpValue)
	str     func() string // String or Error
	strName string
	goStr   func() string
}

// format prints m as Go's fmt would print the interpreted value.
func (m methodSet) format(s fmt.State, verb rune) {
	switch {
	case verb == 'v' && s.Flag('#'):
		if m.goStr != nil {
			if text, ok := m.call(s, verb, m.goStr, "GoString"); ok {
				fmt.Fprintf(s, directive(s, 's', "#+ "), text)
			}
			return
		}
	case m.str != nil && (verb == 'v' || verb == 's' || verb == 'q' || verb == 'x' || verb == 'X'):
		if text, ok := m.call(s, verb, m.str, m.strName); ok {
			fmt.Fprintf(s, fmt.FormatString(s, verb), text)
		}
		return
	}
	if v := reflect.ValueOf(m.value); m.nested && v.Kind() == reflect.Pointer {
		// below the top level fmt prints a pointer's address, not &{…}:
		// print it as the element of a slice, without the brackets
		text := fmt.Sprintf(fmt.FormatString(s, verb), []any{m.value})
		io.WriteString(s, text[1:len(text)-1])
		return
	}
	fmt.Fprintf(s, fmt.FormatString(s, verb), m.p.value(m.value))
}

// call calls method, printing its panic as Go's fmt does (catchPanic in
// fmt/print.go): "<nil>" for a nil pointer receiver, else
// %!v(PANIC=String method: …).
func (m methodSet) call(s fmt.State, verb rune, method func() string, name string) (text string, ok bool) {
	defer func() {
		if r := recover(); r != nil {
			ok = false
			if v := reflect.ValueOf(m.value); v.Kind() == reflect.Pointer && v.IsNil() {
				fmt.Fprintf(s, directive(s, 's', "#+ "), "<nil>")
				return
			}
			fmt.Fprintf(s, "%%!%c(PANIC=%s method: %v)", verb, name, m.p.value(r))
		}
	}()
	return method(), true
}

// directive rebuilds the directive s is formatting (fmt.FormatString) for
// verb, without the flags in drop.
func directive(s fmt.State, verb rune, drop string) string {
	f := fmt.FormatString(s, verb)
	i := 1
	for i < len(f) && strings.IndexByte("+-# 0", f[i]) >= 0 {
		i++
	}
	flags := f[1:i]
	for _, c := range drop {
		flags = strings.ReplaceAll(flags, string(c), "")
	}
	return "%" + flags + f[i:]
}

// fmtShims returns stdlib with the wrappers above and the print functions of
// fmt that convert their arguments with p. Nothing shared is mutated.
func fmtShims(std interp.Exports, p *fmtConv) interp.Exports {
	out := make(interp.Exports, len(std))
	for k, v := range std {
		out[k] = v
	}
	mapTypes := map[reflect.Value][]reflect.Type{}
	for k, v := range stdlib.MapTypes {
		mapTypes[k] = v
	}
	for _, f := range []any{fmt.Errorf, fmt.Fprint, fmt.Fprintf, fmt.Fprintln, fmt.Print, fmt.Printf, fmt.Println,
		fmt.Sprint, fmt.Sprintf, fmt.Sprintln, fmt.Append, fmt.Appendf, fmt.Appendln} {
		mapTypes[reflect.ValueOf(f)] = printIfaces
	}
	// fixStdlib (interp/use.go) rebinds log's functions to a logger of its
	// own and copies the MapTypes of the functions of package log
	for _, f := range []any{log.Fatal, log.Fatalf, log.Fatalln, log.Panic, log.Panicf, log.Panicln, log.Print, log.Printf, log.Println} {
		mapTypes[reflect.ValueOf(f)] = printIfaces
	}
	fmtPkg := copySymbols(out["fmt/fmt"])
	fmtPkg["_Stringer"] = stringerSym
	fmtPkg["_GoStringer"] = goStringerSym
	mapTypes[stringerSym] = []reflect.Type{reflect.TypeOf(fmtStringerGo{})}
	mapTypes[fmtPkg["_Formatter"]] = []reflect.Type{reflect.TypeOf(fmtFormatterErrorUnwrap{}), reflect.TypeOf(fmtFormatterError{})}
	mapTypes[errorSym] = errorComposites
	for name, f := range map[string]any{
		"Errorf": func(format string, a ...any) error { format, a = p.argsf(format, a); return fmt.Errorf(format, a...) },
		"Fprint": func(w io.Writer, a ...any) (int, error) { return fmt.Fprint(w, p.args(a)...) },
		"Fprintf": func(w io.Writer, format string, a ...any) (int, error) {
			format, a = p.argsf(format, a)
			return fmt.Fprintf(w, format, a...)
		},
		"Fprintln": func(w io.Writer, a ...any) (int, error) { return fmt.Fprintln(w, p.args(a)...) },
		"Sprint":   func(a ...any) string { return fmt.Sprint(p.args(a)...) },
		"Sprintf":  func(format string, a ...any) string { format, a = p.argsf(format, a); return fmt.Sprintf(format, a...) },
		"Sprintln": func(a ...any) string { return fmt.Sprintln(p.args(a)...) },
		"Append":   func(b []byte, a ...any) []byte { return fmt.Append(b, p.args(a)...) },
		"Appendf": func(b []byte, format string, a ...any) []byte {
			format, a = p.argsf(format, a)
			return fmt.Appendf(b, format, a...)
		},
		"Appendln": func(b []byte, a ...any) []byte { return fmt.Appendln(b, p.args(a)...) },
	} {
		v := reflect.ValueOf(f)
		fmtPkg[name] = v
		mapTypes[v] = printIfaces
	}
	out["fmt/fmt"] = fmtPkg
	// yaegi wraps an argument for a variadic ...error parameter only when
	// MapTypes names error: it takes the slice type []error for the
	// parameter's type, which no interpreted value is wrapped for, and
	// reflect then rejects the unwrapped value (callBin in interp/run.go)
	mapTypes[reflect.ValueOf(errors.Join)] = []reflect.Type{errorType}
	// json.Marshal does not see the interpreted values in interfaces
	// either (printable.go)
	jsonPkg := copySymbols(out["encoding/json/json"])
	for name, f := range map[string]any{
		"Marshal": func(v any) ([]byte, error) {
			b, err := json.Marshal(p.jsonValue(v))
			return b, jsonError(err)
		},
		"MarshalIndent": func(v any, prefix, indent string) ([]byte, error) {
			b, err := json.MarshalIndent(p.jsonValue(v), prefix, indent)
			return b, jsonError(err)
		},
	} {
		v := reflect.ValueOf(f)
		jsonPkg[name] = v
		mapTypes[v] = stdlib.MapTypes[reflect.ValueOf(json.Marshal)]
	}
	// and decodes embedded fields as embedded (jsonembed.go)
	// and the methods of declared types (jsondecode.go)
	jsonPkg["Unmarshal"] = reflect.ValueOf(func(data []byte, v any) error {
		return p.decodeInto(v, "", func(target any) error { return json.Unmarshal(data, target) })
	})
	out["encoding/json/json"] = jsonPkg
	xmlPkg := copySymbols(out["encoding/xml/xml"])
	for name, f := range xmlShims() {
		xmlPkg[name] = reflect.ValueOf(f)
	}
	out["encoding/xml/xml"] = xmlPkg
	errorsPkg := copySymbols(out["errors/errors"])
	errorsPkg["As"] = reflect.ValueOf(errorsAs)
	errorsPkg["Is"] = reflect.ValueOf(errorsIs)
	errorsPkg["Unwrap"] = reflect.ValueOf(errorsUnwrap)
	out["errors/errors"] = errorsPkg
	out["."] = map[string]reflect.Value{"MapTypes": reflect.ValueOf(mapTypes)}
	return out
}

// useStdlib loads the standard library std with the shims. The error
// wrapper lives in the interpreter's own symbols, reached through
// Symbols(""), which returns the interpreter's maps themselves (and must
// run before any source is compiled: it makes wrappers of all interpreted
// functions). After the Use, yaegi's fixStdlib has rebound fmt.Print,
// Printf and Println to the interpreter's Stdout: they are replaced then,
// in the map Symbols("fmt") returns.
func (in *Interp) useStdlib(std interp.Exports) error {
	own := in.yi.Symbols("")[""]
	if own == nil || !own["_error"].IsValid() {
		return fmt.Errorf("repl: the yaegi wrapper of error is not where expected")
	}
	own["_error"] = errorSym
	p := &fmtConv{method: in.declaredMethod, typeSpec: func(t string) *ast.TypeSpec { return in.Decls().Type(t) },
		ownMethod: func(t, m string) bool { return in.Decls().Method(t, m) != nil }, twin: func(t string) bool { return in.Decls().HasTwin(t) }}
	in.printConv = p
	if err := in.Use(fmtShims(std, p)); err != nil {
		return err
	}
	fmtPkg := in.yi.Symbols("fmt")["fmt"]
	if fmtPkg == nil {
		return fmt.Errorf("repl: fmt not loaded")
	}
	stdout := in.opts.Stdout
	mapTypes := map[reflect.Value][]reflect.Type{}
	for name, f := range map[string]any{
		"Print": func(a ...any) (int, error) { return fmt.Fprint(stdout, p.args(a)...) },
		"Printf": func(format string, a ...any) (int, error) {
			format, a = p.argsf(format, a)
			return fmt.Fprintf(stdout, format, a...)
		},
		"Println": func(a ...any) (int, error) { return fmt.Fprintln(stdout, p.args(a)...) },
	} {
		v := reflect.ValueOf(f)
		fmtPkg[name] = v
		mapTypes[v] = printIfaces
	}
	// and log's to methods of a logger of its own, the standard logger of
	// the interpreter (yaegi binds them to one, but not log.Default, which
	// gave the process's: SetFlags and SetOutput did not reach it); Fatal
	// panics, as in yaegi (code does not exit the shell)
	if logPkg := in.yi.Symbols("log")["log"]; logPkg != nil {
		l := log.New(in.opts.Stderr, "", log.LstdFlags)
		for name, f := range map[string]func(...any){"Print": l.Print, "Println": l.Println,
			"Fatal": l.Panic, "Fatalln": l.Panicln, "Panic": l.Panic, "Panicln": l.Panicln} {
			v := reflect.ValueOf(func(a ...any) { f(p.args(a)...) })
			logPkg[name] = v
			mapTypes[v] = printIfaces
		}
		for name, f := range map[string]func(string, ...any){"Printf": l.Printf, "Fatalf": l.Panicf, "Panicf": l.Panicf} {
			v := reflect.ValueOf(func(format string, a ...any) { format, a = p.argsf(format, a); f(format, a...) })
			logPkg[name] = v
			mapTypes[v] = printIfaces
		}
		for name, f := range map[string]any{"Flags": l.Flags, "Output": l.Output, "Prefix": l.Prefix, "SetFlags": l.SetFlags,
			"SetOutput": l.SetOutput, "SetPrefix": l.SetPrefix, "Writer": l.Writer, "Default": func() *log.Logger { return l }} {
			logPkg[name] = reflect.ValueOf(f)
		}
	}
	// the arguments of a *log.Logger's print methods (printArgs)
	view := reflect.ValueOf(func(a ...any) []any { return p.args(a) })
	mapTypes[view] = printIfaces
	err := in.yi.Use(interp.Exports{
		".": {"MapTypes": reflect.ValueOf(mapTypes)},
		bindPath + "/" + bindPkg: {hookSym(printerHook): reflect.ValueOf(p.setMethods),
			hookSym(printViewHook): view},
	})
	return err
}

// printViewHook converts the arguments of a print method of a compiled
// type (a *log.Logger's) as the print shims do: l.Println(__odshbind.PrintView(a, b)...).
const printViewHook = bindAlias + ".PrintView"

// printerHook receives the interpreted functions with which fmtConv calls
// the methods of interpreted values (installPrinter).
const printerHook = bindAlias + ".PrinterMethods"

// printerSource defines those functions (their names, starting with "_",
// are not listed by Globals). yaegi calls a method of an
// interpreted value held in an interface correctly only through an
// interface type declared in interpreted code, and only after checking
// that the value has it (a type assertion with a result to an interface of
// package fmt evaluates the value again in the frame of the assertion, and
// a type switch fails on a case the value does not match: "method not
// found"). fmtConv passes the values as yaegi gives them to compiled code
// (interp.valueInterface, in an any).
const printerSource = `
func __odshFmtMethods(x any) int {
	k := 0
	if _, ok := x.(interface{ Format(fmt.State, rune) }); ok {
		k |= 1
	}
	if _, ok := x.(interface{ Error() string }); ok {
		k |= 2
	}
	if _, ok := x.(interface{ String() string }); ok {
		k |= 4
	}
	if _, ok := x.(interface{ GoString() string }); ok {
		k |= 8
	}
	if _, ok := x.(interface{ MarshalJSON() ([]byte, error) }); ok {
		k |= 16
	}
	if _, ok := x.(interface{ MarshalText() ([]byte, error) }); ok {
		k |= 32
	}
	return k
}

func __odshFmtCall(x any, m int) string {
	switch m {
	case 2:
		switch v := x.(type) {
		case interface{ Error() string }:
			return v.Error()
		}
	case 4:
		switch v := x.(type) {
		case interface{ String() string }:
			return v.String()
		}
	case 8:
		switch v := x.(type) {
		case interface{ GoString() string }:
			return v.GoString()
		}
	}
	return ""
}

func __odshFmtFormat(x any, s fmt.State, verb rune) {
	switch v := x.(type) {
	case interface{ Format(fmt.State, rune) }:
		v.Format(s, verb)
	}
}

func __odshFmtMarshal(x any, m int) ([]byte, error) {
	switch m {
	case 16:
		switch v := x.(type) {
		case interface{ MarshalJSON() ([]byte, error) }:
			return v.MarshalJSON()
		}
	case 32:
		switch v := x.(type) {
		case interface{ MarshalText() ([]byte, error) }:
			return v.MarshalText()
		}
	}
	return nil, nil
}

func __odshFmtUnmarshal(x any, m int, b []byte) error {
	switch m {
	case 64:
		switch v := x.(type) {
		case interface{ UnmarshalJSON([]byte) error }:
			return v.UnmarshalJSON(b)
		}
	case 128:
		switch v := x.(type) {
		case interface{ UnmarshalText([]byte) error }:
			return v.UnmarshalText(b)
		}
	}
	return nil
}

type __odshFmtSample int

func (__odshFmtSample) Format(fmt.State, rune) {}
func (__odshFmtSample) Error() string          { return "" }
func (__odshFmtSample) String() string         { return "" }
func (__odshFmtSample) GoString() string       { return "" }
func (__odshFmtSample) MarshalJSON() ([]byte, error) { return nil, nil }
func (__odshFmtSample) MarshalText() ([]byte, error) { return nil, nil }
func (__odshFmtSample) UnmarshalJSON([]byte) error { return nil }
func (__odshFmtSample) UnmarshalText([]byte) error { return nil }

func __odshFmtWarm() {
	var x any = __odshFmtSample(0)
	__odshFmtMethods(x)
	__odshFmtCall(x, 2)
	__odshFmtCall(x, 4)
	__odshFmtCall(x, 8)
	// not the literal nil: yaegi would keep that nil typed as an interface
	// and fail every later nil of a pointer type (append(ps, nil))
	var st fmt.State
	__odshFmtFormat(x, st, 'v')
	__odshFmtMarshal(x, 16)
	__odshFmtMarshal(x, 32)
	__odshFmtUnmarshal(x, 64, nil)
	__odshFmtUnmarshal(x, 128, nil)
}
`

// installPrinter gives the fmtConv its interpreted functions; it runs
// once fmt and the bind package are imported (prelude).
//
// yaegi computes some of its types on first use, without a lock: the
// functions run first here, on __odshFmtSample, which has all the
// methods they look for, before user code can run them concurrently;
// fmtConv serialises __odshFmtMethods, which computes those of the types
// of user values (it runs no user code).
func (in *Interp) installPrinter() error {
	for _, src := range []string{printerSource, "__odshFmtWarm()",
		printerHook + "(__odshFmtMethods, __odshFmtCall, __odshFmtFormat, __odshFmtMarshal, __odshFmtUnmarshal)"} {
		if _, err := in.yi.Eval(src); err != nil {
			return fmt.Errorf("repl: print shims: %w", err)
		}
	}
	return nil
}
