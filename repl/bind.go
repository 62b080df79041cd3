package repl

import (
	"encoding/json"
	"fmt"
	"go/token"
	"reflect"
	"runtime/debug"
	"strings"

	"github.com/traefik/yaegi/interp"
)

// Bindings travel from the host to interpreted code through a compiled
// package of getter functions: Bind registers `V<n> func() T` there and
// declares `var name = __odshbind.V<n>()`. The variable is interpreted, so
// the user may reassign it (assigning to a compiled package variable would
// be silently ignored by yaegi).
const (
	bindPath  = "odsh/repl/bind"
	bindPkg   = "bind"
	bindAlias = "__odshbind"
)

var anyType = reflect.TypeOf((*any)(nil)).Elem()

// Bind declares an interpreted variable name holding value, with value's
// dynamic type (any for nil). Binding a name again replaces the variable.
func (in *Interp) Bind(name string, value any) error {
	if !token.IsIdentifier(name) {
		return fmt.Errorf("repl: bind: %q is not an identifier", name)
	}
	t, v := reflect.TypeOf(value), reflect.ValueOf(value)
	if t == nil {
		t, v = anyType, reflect.Zero(anyType)
	}
	getter := reflect.MakeFunc(reflect.FuncOf(nil, []reflect.Type{t}, false),
		func([]reflect.Value) []reflect.Value { return []reflect.Value{v} })
	sym := in.names.next("V")[2:]
	if err := in.yi.Use(interp.Exports{bindPath + "/" + bindPkg: {sym: getter}}); err != nil {
		return fmt.Errorf("repl: bind %s: %w", name, err)
	}
	if _, err := in.yi.Eval(fmt.Sprintf("var %s = %s.%s()", name, bindAlias, sym)); err != nil {
		return fmt.Errorf("repl: bind %s: %w", name, err)
	}
	return nil
}

// builtinSource defines the builtins yaegi lacks, min and max, in a
// package of their own: a generic function declared in the main package
// makes yaegi fail on every later declaration that uses a type declared
// further down ("reflect.Type is nil"). Calls of min and max are rewritten
// to it (rewriteMinMax). yaegi cannot use a generic call as the value of a
// top-level declaration, so the rewriter routes those through a temporary
// (see minMaxDecl).
const builtinSource = `package odshbuiltin

func Min[T ~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr | ~float32 | ~float64 | ~string](x T, ys ...T) T {
	for _, y := range ys {
		if y < x {
			x = y
		}
	}
	return x
}

// AnySlice and AnyValues pass containers of values of
// types declared in the shell to fmt with those types kept
// (rewrite_print.go).
func AnySlice[E any](xs []E) []any {
	if xs == nil {
		return nil
	}
	out := make([]any, len(xs))
	for i := range xs {
		out[i] = xs[i]
	}
	return out
}

// AnyPairs passes a map whose keys are of such a type as its keys and
// values in turn (the print shims print them as the map: mapView).
func AnyPairs[K comparable, V any](m map[K]V) []any {
	if m == nil {
		return nil
	}
	keys, vals := entries(m)
	out := make([]any, 0, 2*len(m))
	for i := range keys {
		out = append(out, keys[i], vals[i])
	}
	return out
}

func AnyValues[K comparable, V any](m map[K]V) map[K]any {
	if m == nil {
		return nil
	}
	keys, vals := entries(m)
	out := make(map[K]any, len(m))
	for i := range keys {
		out[keys[i]] = vals[i]
	}
	return out
}

// entries returns the keys of m and their values. An any is made from
// their elements: one made from a variable would keep referring to it
// (every key or value would read the last one).
func entries[K comparable, V any](m map[K]V) ([]K, []V) {
	keys := make([]K, 0, len(m))
	vals := make([]V, 0, len(m))
	for k := range m {
		keys = append(keys, k)
		vals = append(vals, m[k])
	}
	return keys, vals
}

func Max[T ~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr | ~float32 | ~float64 | ~string](x T, ys ...T) T {
	for _, y := range ys {
		if y > x {
			x = y
		}
	}
	return x
}
`

const builtinAlias = "__odshbuiltin"

// prelude imports the preimported packages and defines the helpers.
func (in *Interp) prelude() error {
	for _, p := range Preimported {
		if _, err := in.yi.Eval(fmt.Sprintf("import %q", p)); err != nil {
			return err
		}
		in.imported[p] = p
	}
	if _, err := in.yi.Eval(fmt.Sprintf("import %s %q", bindAlias, bindPath)); err != nil {
		return err
	}
	if _, err := in.yi.Compile(builtinSource); err != nil {
		return err
	}
	if _, err := in.yi.Eval(fmt.Sprintf("import %s %q", builtinAlias, "odshbuiltin")); err != nil {
		return err
	}
	if _, err := in.yi.Eval(deferPrelude); err != nil {
		return err
	}
	if _, err := in.yi.Eval(anyPrelude); err != nil {
		return err
	}
	if _, err := in.yi.Eval(intMinMaxPrelude); err != nil {
		return err
	}
	if _, err := in.yi.Eval(linePrelude); err != nil {
		return err
	}
	if err := in.evalRuntime(); err != nil {
		return err
	}
	// the rewrites name it at top level too (sync.OnceValue, stdgeneric.go)
	if _, err := in.yi.Eval(fmt.Sprintf("import %q", runtimePkg)); err != nil {
		return err
	}
	for _, src := range renamedGenericSources() {
		if _, err := in.yi.Compile(src); err != nil {
			return err
		}
	}
	// the hooks are symbols of the compiled bind package, not interpreted
	// variables: goroutines call them, and a goroutine reading an
	// interpreted global races with yaegi growing its globals on the next
	// entry
	goPanic := in.opts.GoPanic
	stderr := in.opts.Stderr
	hooks := map[string]reflect.Value{
		hookSym(goPanicHook):              reflect.ValueOf(func(v any) { goPanic(panicError(v, debug.Stack())) }),
		hookSym(depthHook):                reflect.ValueOf(in.depth.enter),
		hookSym(leaveHook):                reflect.ValueOf(in.depth.leave),
		hookSym(deferStackHook):           reflect.ValueOf(newDeferStack),
		hookSym(deferGuardHook):           reflect.ValueOf((*deferGuard)(nil)),
		hookSym(recoverHook):              reflect.ValueOf(recoverDeclared),
		hookSym(handHook):                 reflect.ValueOf(handPanic),
		hookSym(unhandHook):               reflect.ValueOf(unhand),
		hookSym(unclaimedHook):            reflect.ValueOf(unclaimed),
		hookSym(recoverLitHook):           reflect.ValueOf(recoverLit),
		hookSym(registerTypeHook):         reflect.ValueOf(in.printConv.types.register),
		hookSym(setValueHook):             reflect.ValueOf(setValue),
		hookSym(mapViewHook):              reflect.ValueOf(func(pairs []any) any { return mapView{p: in.printConv, pairs: pairs} }),
		hookSym(assertionErrorHook):       reflect.ValueOf(assertionError),
		hookSym(conversionErrorHook):      reflect.ValueOf(in.printConv.conversionError),
		hookSym(compiledImplementsHook):   reflect.ValueOf(compiledImplements),
		hookSym(compiledInShellIfaceHook): reflect.ValueOf(compiledInShellInterface),
		hookSym(keepErrorHook):            reflect.ValueOf(keepError),
		hookSym(keepStringerHook):         reflect.ValueOf(keepStringer),
		hookSym(jsonViewHook):             reflect.ValueOf(in.printConv.jsonValue),
		hookSym(jsonTypedHook):            reflect.ValueOf(in.printConv.jsonTyped),
		hookSym(fmtTypedHook):             reflect.ValueOf(in.printConv.fmtTyped),
		hookSym(jsonUnmarshalHook): reflect.ValueOf(func(data []byte, v any, t string) error {
			return in.printConv.decodeInto(v, t, func(target any) error { return json.Unmarshal(data, target) })
		}),
		hookSym(jsonDecodeHook): reflect.ValueOf(func(dec *json.Decoder, v any, t string) error {
			return in.printConv.decodeInto(v, t, dec.Decode)
		}),
		hookSym(jsonTargetHook):   reflect.ValueOf(jsonTarget),
		hookSym(xmlValueHook):     reflect.ValueOf(xmlValue),
		hookSym(xmlTargetHook):    reflect.ValueOf(xmlTarget),
		hookSym(heldNameHook):     reflect.ValueOf(heldName),
		hookSym(sameErrorHook):    reflect.ValueOf(sameError),
		hookSym(sameStringerHook): reflect.ValueOf(sameStringer),
		hookSym(heldHook):         reflect.ValueOf(held),
		hookSym(keepNilHook):      reflect.ValueOf(keepNil),
		hookSym(sameAnyHook):      reflect.ValueOf(sameAny),
		hookSym(deepEqualHook):    reflect.ValueOf(deepEqual),
		hookSym(decodeRuneHook):   reflect.ValueOf(decodeRune),
		hookSym(printHook):        reflect.ValueOf(func(args ...any) { runtimePrint(stderr, false, args) }),
		hookSym(printlnHook):      reflect.ValueOf(func(args ...any) { runtimePrint(stderr, true, args) }),
	}
	if err := in.yi.Use(interp.Exports{bindPath + "/" + bindPkg: hooks}); err != nil {
		return err
	}
	return in.Bind("clear", clearValue)
}

// clearValue is the builtin clear: it deletes every key of a map and zeroes
// every element of a slice; other values are left alone.
func clearValue(x any) {
	v := reflect.ValueOf(x)
	if v.Kind() == reflect.Map || v.Kind() == reflect.Slice {
		v.Clear()
	}
}

// IsInt implements Oracle: it compiles, without running, a function that
// would use expr as an integer.
func (in *Interp) IsInt(expr string) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	_, err := in.yi.Compile(fmt.Sprintf("_ = func() { __x := (%s); _ = __x %% __x }", expr))
	return err == nil
}

var _ Oracle = (*Interp)(nil)

// IsPackage reports whether name is an imported package, or one that
// would be imported on first use, and not a global of the session.
func (in *Interp) IsPackage(name string) bool {
	if _, ok := in.imported[name]; ok {
		return true
	}
	return in.packageFor(name) != ""
}

// hookSym is the symbol name of a hook written "__odshbind.Name".
func hookSym(hook string) string { return strings.TrimPrefix(hook, bindAlias+".") }
