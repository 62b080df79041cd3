package repl

// The cases of fmtshim_test.go. The want of shimCases is what `go run` of
// the case's program printed (go1.26.8 linux/amd64); the want of
// shimLimits is what the shell prints instead, what Go prints is in a
// comment.

var shimCases = []shimCase{
	{
		name:    "TypedContainers",
		imports: []string{"fmt"},
		decls: `type State int

const (
	Draft State = iota
	Done
)

func (s State) String() string {
	if s == Draft {
		return "draft"
	}
	return "done"
}

type P struct {
	S State
	N int
}
`,
		body: `fmt.Println([]State{Draft, Done}, map[State]int{Done: 1}, [1]State{Done})
fmt.Printf("%v %+v\n", P{Done, 1}, P{Done, 1})
arr := [2]State{Done, Draft}
fmt.Printf("%v|%d|%s|%q\n", arr, arr, arr, arr)
`,
		// slices and arrays are passed as []any and maps as pairs by
		// rewrite_print.go, struct fields converted by their declared
		// type (typedfields.go)
		want: `[draft done] map[done:1] [done]
{done 1} {S:done N:1}
[done draft]|[1 0]|[done draft]|["done" "draft"]
`,
	},
	{
		name:    "PointerMethodOnValue",
		imports: []string{"fmt"},
		decls: `type E struct{ c int }

func (e *E) Error() string { return "E!" }

type S struct{ n int }

func (s *S) String() string { return "S!" }
`,
		body: `fmt.Println(E{2}, S{3}, &E{2}, &S{3})
`,
		want: `{2} {3} E! S!
`,
	},
	{
		name:    "PointerStringOnValue",
		imports: []string{"fmt"},
		decls: `type State int

func (s State) String() string { return "st" }

type counter struct {
	n     int
	State State
}

func (c *counter) String() string { return fmt.Sprintf("counter#%d", c.n) }

type both struct{ n int }

func (b both) String() string { return "both" }
`,
		body: `c := counter{3, 1}
fmt.Println(&c, c)
fmt.Printf("%v|%+v|%s|%d\n", c, c, &c, c)
var v counter
s := fmt.Sprint(v)
fmt.Println(s, both{1}, &both{2})
`,
		want: `counter#3 {3 st}
{3 st}|{n:3 State:st}|counter#3|{3 1}
{0 st} both both
`,
	},
	{
		name:    "TypedMapKeys",
		imports: []string{"fmt"},
		decls: `type State int

const (
	Draft State = iota
	Done
	Cancel
)

func (s State) String() string { return [...]string{"draft", "done", "cancel"}[s] }

type Code string

func (c Code) String() string { return "<" + string(c) + ">" }
`,
		body: `counts := map[State]int{Cancel: 3, Done: 2, Draft: 1}
fmt.Println(counts)
fmt.Printf("%v|%+v|%d|%5v\n", counts, counts, counts, counts)
byCode := map[Code]State{"b": Done, "a": Draft}
fmt.Println(byCode, len(byCode))
var none map[State]bool
fmt.Println(none, fmt.Sprint(map[State]bool{}))
fmt.Println(map[string]State{"a": Done, "b": Draft, "c": Cancel})
`,
		want: `map[draft:1 done:2 cancel:3]
map[draft:1 done:2 cancel:3]|map[draft:1 done:2 cancel:3]|map[0:1 1:2 2:3]|map[draft:    1  done:    2 cancel:    3]
map[<a>:draft <b>:done] 2
map[] map[]
map[a:done b:draft c:cancel]
`,
	},
	{
		name:    "TypedFields",
		imports: []string{"fmt"},
		decls: `type State int

const (
	Draft State = iota
	Done
)

func (s State) String() string { return [...]string{"draft", "done"}[s] }

type Money float64

type Ref struct{ id int }

func (r *Ref) String() string { return fmt.Sprintf("ref-%d", r.id) }

type Line struct {
	Qty   int
	State State
}

type Order struct {
	Name  string
	State State ` + "`json:\"state\"`" + `
	Total Money
	Line  Line
	Lines []Line
	Ref   *Ref
	note  State
}
`,
		body: `o := Order{Name: "SO1", State: Done, Total: 9.5, Line: Line{2, Done}, Lines: []Line{{1, Draft}}, Ref: &Ref{7}, note: Done}
fmt.Println(o.Name, o.State, o.Line)
fmt.Printf("%v\n%+v\n", o.Line, o.Line)
fmt.Printf("%d\n", Line{3, Done})
fmt.Println([]Line{{1, Done}, {2, Draft}})
fmt.Println(&Line{4, Done})
fmt.Println(o.Lines, o.Ref, o.Total)
fmt.Println(o)
`,
		want: `SO1 done {2 done}
{2 done}
{Qty:2 State:done}
{3 1}
[{1 done} {2 draft}]
&{4 done}
[{1 draft}] ref-7 9.5
{SO1 done 9.5 {2 done} [{1 draft}] ref-7 1}
`,
	},
	{
		name:    "StringerVerbs",
		imports: []string{"fmt", "strings"},
		decls: `type State int

const (
	Draft State = iota
	Done
)

func (s State) String() string {
	if s == Draft {
		return "draft"
	}
	return "done"
}
`,
		body: `fmt.Printf("%v %s %d %q %x %X|%5v|%-6s|%.2s|%08d|%+v|%#v\n", Done, Done, Done, Done, Done, Done, Done, Done, Done, Done, Done, Done)
fmt.Println(Draft, Done, fmt.Sprint(Done), fmt.Sprintf("%d", Draft))
fmt.Print(Done, "\n")
b := fmt.Appendf(nil, "%v/%d", Done, Done)
fmt.Println(string(b))
var sb strings.Builder
fmt.Fprintf(&sb, "%s=%d", Done, Done)
fmt.Fprintln(&sb, Draft)
fmt.Print(sb.String())
`,
		want: `done done 1 "done" 646f6e65 646F6E65| done|done  |do|00000001|done|1
draft done done 0
done
done/1
done=1draft
`,
	},
	{
		name:    "StringerInterface",
		imports: []string{"fmt"},
		decls: `type State int

const (
	Draft State = iota
	Done
)

func (s State) String() string {
	if s == Draft {
		return "draft"
	}
	return "done"
}
`,
		body: `var s fmt.Stringer = Done
fmt.Println(s, []fmt.Stringer{Draft, Done})
fmt.Printf("%d %v %s\n", s, s, s.String())
`,
		want: `done [draft done]
1 done done
`,
	},
	{
		name:    "GoStringer",
		imports: []string{"fmt"},
		decls: `type G int

func (g G) GoString() string { return "G!" }

type SG int

func (s SG) String() string   { return "sg" }
func (s SG) GoString() string { return "SG!" }
`,
		body: `fmt.Printf("%v %#v %d|%v %#v %s\n", G(1), G(1), G(1), SG(2), SG(2), SG(2))
`,
		want: `1 G! 1|sg SG! sg
`,
	},
	{
		name:    "StringerPanics",
		imports: []string{"fmt"},
		decls: `type Boom int

func (b Boom) String() string { panic("boom") }
`,
		body: `fmt.Printf("%v|%d|%s\n", Boom(1), Boom(1), []any{Boom(2)})
`,
		want: `%!v(PANIC=String method: boom)|1|[%!s(PANIC=String method: boom)]
`,
	},
	{
		name:    "StringOfString",
		imports: []string{"fmt", "strings"},
		decls: `type Name string

func (n Name) String() string { return strings.ToUpper(string(n)) }
`,
		body: `fmt.Println(Name("abc"), fmt.Sprintf("%q %x %5.1v|%-5s|", Name("abc"), Name("abc"), Name("abc"), Name("abc")))
`,
		want: `ABC "ABC" 414243     A|ABC  |
`,
	},
	{
		name:    "FormatterError",
		imports: []string{"fmt"},
		decls: `type FE struct{ c int }

func (f *FE) Error() string                 { return "fe" }
func (f *FE) Format(s fmt.State, verb rune) { fmt.Fprintf(s, "FE<%c>", verb) }
`,
		body: `fmt.Printf("%v %s %d\n", &FE{1}, &FE{1}, &FE{1})
fmt.Println(fmt.Errorf("wrapped: %w", &FE{2}))
`,
		want: `FE<v> FE<s> FE<d>
wrapped: FE<v>
`,
	},
	{
		name:    "PointerReceiverError",
		imports: []string{"fmt"},
		decls: `type E struct{ c int }

func (e *E) Error() string { return "E!" }
`,
		body: `var e error = &E{1}
fmt.Println(e, &E{2})
fmt.Printf("%v|%s|%q|%d|%x|%10v|\n", e, e, e, &E{5}, &E{5}, e)
`,
		want: `E! E!
E!|E!|"E!"|&{5}|4521|        E!|
`,
	},
	{
		name:    "InterfaceContainers",
		imports: []string{"fmt"},
		decls: `type State int

const (
	Draft State = iota
	Done
)

func (s State) String() string {
	if s == Draft {
		return "draft"
	}
	return "done"
}

type V struct{ a, b int }

func (v V) String() string { return fmt.Sprint("V", v.a, v.b) }

type E struct{ c int }

func (e *E) Error() string { return fmt.Sprint("E", e.c) }

type F int

func (F) Format(s fmt.State, v rune) { fmt.Fprintf(s, "F<%c>", v) }

type W struct {
	A any
	B any
}

func mk(i int) []any {
	a, b, c := 100, 200, 300
	_, _, _ = a, b, c
	return []any{State(i), V{i, i + 1}, &E{i}, F(i), 7}
}
`,
		body: `fmt.Println([]any{Draft, Done})
xs := mk(1)
fmt.Println(xs)
fmt.Printf("%v|%s\n", xs, xs)
fmt.Println(map[string]any{"a": Done}, W{Draft, V{3, 4}})
fmt.Printf("%+v\n", W{V{1, 2}, &E{3}})
var e error = &E{5}
fmt.Println([]any{e}, []error{e})
`,
		want: `[draft done]
[done V1 2 E1 F<v> 7]
[done V1 2 E1 F<v> 7]|[done V1 2 E1 F<s> %!s(int=7)]
map[a:done] {draft V3 4}
{A:V1 2 B:E3}
[E5] [E5]
`,
	},
	{
		name:    "InterfaceWithoutFmtMethods",
		imports: []string{"fmt"},
		decls: `type Q int

func (q Q) Foo() int { return 1 }

type QS struct{ A, B int }

func (q QS) Foo() int { return 1 }
`,
		body: `var q any = Q(2)
var qs any = QS{1, 2}
fmt.Println(q, qs, []any{q, qs}, map[string]any{"q": q})
fmt.Printf("%v %d %+v\n", q, q, qs)
xs := []any{1, 2}
fmt.Println(xs...)
var n any
fmt.Println(n, fmt.Sprint(q))
`,
		want: `2 {1 2} [2 {1 2}] map[q:2]
2 2 {A:1 B:2}
1 2
<nil> 2
`,
	},
	{
		name:    "ErrorsAs",
		imports: []string{"errors", "fmt"},
		decls: `type MyErr struct{ c int }

func (e *MyErr) Error() string { return fmt.Sprintf("myerr %d", e.c) }

type Wrap struct {
	msg string
	err error
}

func (w *Wrap) Error() string { return w.msg + ": " + w.err.Error() }
func (w *Wrap) Unwrap() error { return w.err }

var ErrSentinel = errors.New("sentinel")
var ErrMine = &MyErr{42}
`,
		body: `e1 := fmt.Errorf("w: %w", &MyErr{3})
var me *MyErr
fmt.Println(errors.As(e1, &me), me, me.c)
fmt.Println(e1)
fmt.Printf("%v|%s|%q\n", e1, e1, e1)
w := &Wrap{"outer", &Wrap{"inner", ErrMine}}
var me2 *MyErr
fmt.Println(errors.As(w, &me2), me2 == ErrMine, me2)
var target error
fmt.Println(errors.As(e1, &target), target)
var other *Wrap
fmt.Println(errors.As(e1, &other), other == nil)
`,
		want: `true myerr 3 3
w: myerr 3
w: myerr 3|w: myerr 3|"w: myerr 3"
true true myerr 42
true w: myerr 3
false true
`,
	},
	{
		name:    "ErrorsIs",
		imports: []string{"errors", "fmt"},
		decls: `type MyErr struct{ c int }

func (e *MyErr) Error() string { return fmt.Sprintf("myerr %d", e.c) }

type Wrap struct {
	msg string
	err error
}

func (w *Wrap) Error() string { return w.msg + ": " + w.err.Error() }
func (w *Wrap) Unwrap() error { return w.err }

var ErrSentinel = errors.New("sentinel")
var ErrMine = &MyErr{42}

type IsErr struct{}

func (IsErr) Error() string        { return "iserr" }
func (IsErr) Is(target error) bool { return target == ErrSentinel }
`,
		body: `w := &Wrap{"outer", &Wrap{"inner", ErrMine}}
fmt.Println(errors.Is(w, ErrMine), errors.Is(fmt.Errorf("x: %w", w), ErrMine), errors.Is(w, &MyErr{42}))
fmt.Println(errors.Is(fmt.Errorf("s: %w", ErrSentinel), ErrSentinel), errors.Is(&Wrap{"w", ErrSentinel}, ErrSentinel))
fmt.Println(errors.Is(fmt.Errorf("v: %w", ErrMine), ErrMine), errors.Is(fmt.Errorf("v: %w", ErrMine), &MyErr{42}))
fmt.Println(errors.Is(IsErr{}, ErrSentinel), errors.Is(fmt.Errorf("%w", IsErr{}), ErrSentinel))
j := errors.Join(ErrMine, ErrSentinel)
fmt.Println(errors.Is(j, ErrMine), errors.Is(j, ErrSentinel))
fmt.Println(j)
`,
		want: `true true false
true true
true false
true true
true true
myerr 42
sentinel
`,
	},
	{
		name:    "ErrorsUnwrap",
		imports: []string{"errors", "fmt"},
		decls: `type MyErr struct{ c int }

func (e *MyErr) Error() string { return fmt.Sprintf("myerr %d", e.c) }

type Wrap struct {
	msg string
	err error
}

func (w *Wrap) Error() string { return w.msg + ": " + w.err.Error() }
func (w *Wrap) Unwrap() error { return w.err }

var ErrSentinel = errors.New("sentinel")
var ErrMine = &MyErr{42}

type Multi struct{ errs []error }

func (m Multi) Error() string   { return "multi" }
func (m Multi) Unwrap() []error { return m.errs }
`,
		body: `w := &Wrap{"outer", &Wrap{"inner", ErrMine}}
fmt.Println(errors.Unwrap(w) != nil, errors.Unwrap(errors.Unwrap(w)))
m := Multi{[]error{ErrSentinel, &MyErr{9}}}
var me *MyErr
fmt.Println(errors.Is(m, ErrSentinel), errors.As(m, &me), me, errors.Unwrap(m))
fmt.Println(errors.Is(fmt.Errorf("m: %w", m), ErrSentinel))
`,
		want: `true myerr 42
true true myerr 9 <nil>
true
`,
	},
	{
		name:    "ErrorAssertions",
		imports: []string{"errors", "fmt"},
		decls: `type MyErr struct{ c int }

func (e *MyErr) Error() string { return fmt.Sprintf("myerr %d", e.c) }

type Wrap struct {
	msg string
	err error
}

func (w *Wrap) Error() string { return w.msg + ": " + w.err.Error() }
func (w *Wrap) Unwrap() error { return w.err }

var ErrSentinel = errors.New("sentinel")
var ErrMine = &MyErr{42}

type Code int

func (c Code) Error() string { return fmt.Sprintf("code %d", int(c)) }
`,
		body: `var err error = &MyErr{6}
if p, ok := err.(*MyErr); ok {
	fmt.Println("assert", p.c)
}
if p, ok := errors.Unwrap(fmt.Errorf("%w", err)).(*MyErr); ok {
	fmt.Println("assert unwrapped", p.c)
}
var c Code
fmt.Println(errors.As(fmt.Errorf("c: %w", Code(4)), &c), c, int(c))
fmt.Printf("%v %+v %s\n", fmt.Errorf("%w", err), fmt.Errorf("%w", err), fmt.Errorf("ctx: %w", err))
fmt.Println(fmt.Sprint(err), fmt.Sprintf("[%8v]", err), err.Error())
`,
		want: `assert 6
assert unwrapped 6
true code 4 4
myerr 6 myerr 6 ctx: myerr 6
myerr 6 [ myerr 6] myerr 6
`,
	},
	{
		name:    "UnexportedFields",
		imports: []string{"encoding/json", "fmt", "time"},
		decls: `type In struct {
	a int
	B string
}

type P struct {
	n     int
	in    In
	Ins   []In
	M     map[string]In
	Any   any
	t     time.Time
	x, Y  int ` + "`" + `json:"y,omitempty" db:"col"` + "`" + `
	inPtr *In
}

type R struct {
	Name string ` + "`" + `json:"name"` + "`" + `
	age  int
}
`,
		body: `p := P{n: 2, in: In{3, "b"}, Ins: []In{{4, "c"}}, M: map[string]In{"k": {5, "d"}}, Any: In{6, "e"}, x: 7, Y: 8}
fmt.Printf("%v\n%+v\n", p, p)
fmt.Printf("%+v %v %+v\n", &p.in, []In{{1, "x"}}, []any{In{2, "y"}})
fmt.Println(fmt.Sprintf("%+v", map[In]int{{1, "k"}: 2}))
b, err := json.Marshal(p)
fmt.Println(string(b), err)
b, err = json.MarshalIndent(R{"bob", 3}, "", " ")
fmt.Println(string(b), err)
b, err = json.Marshal(struct {
	a int
	B int
}{1, 2})
fmt.Println(string(b), err)
var r R
fmt.Println(json.Unmarshal([]byte(` + "`" + `{"name":"al","age":4}` + "`" + `), &r), r.Name, r.age)
`,
		mark: true,
		want: `{2 {3 b} [{4 c}] map[k:{5 d}] {6 e} {0 0 <nil>} 7 8 <nil>}
{n:2 in:{a:3 B:b} Ins:[{a:4 B:c}] M:map[k:{a:5 B:d}] Any:{a:6 B:e} t:{wall:0 ext:0 loc:<nil>} x:7 Y:8 inPtr:<nil>}
&{a:3 B:b} [{1 x}] [{a:2 B:y}]
map[{a:1 B:k}:2]
{"Ins":[{"B":"c"}],"M":{"k":{"B":"d"}},"Any":{"B":"e"},"y":8} <nil>
{
 "name": "bob"
} <nil>
{"B":2} <nil>
<nil> al 0
`,
	},
	{
		name:    "Log",
		imports: []string{"fmt", "log", "strings"},
		decls: `type State int

const (
	Draft State = iota
	Done
)

func (s State) String() string {
	if s == Draft {
		return "draft"
	}
	return "done"
}
`,
		body: `log.SetFlags(0)
var sb strings.Builder
log.SetOutput(&sb)
log.Println(Done, []any{Draft})
log.Printf("%d %v", Done, Done)
func() {
	defer func() { fmt.Println("recovered:", recover()) }()
	log.Panicf("p %v", []any{Done})
}()
fmt.Print(sb.String())
`,
		want: `recovered: p [done]
done [draft]
1 done
p [done]
`,
	},
	{
		name:    "JSONInterfaces",
		imports: []string{"encoding/json", "fmt", "strings"},
		decls: `type State int

const (
	Draft State = iota
	Done
)

func (s State) String() string {
	if s == Draft {
		return "draft"
	}
	return "done"
}

type J struct{ A int }

func (j J) MarshalJSON() ([]byte, error) { return []byte(fmt.Sprintf(` + "`" + `{"j":%d}` + "`" + `, j.A)), nil }

type Txt int

func (t Txt) MarshalText() ([]byte, error) { return []byte(strings.Repeat("t", int(t))), nil }

type W struct {
	X   any
	Y   State
	Ptr *W ` + "`" + `json:",omitempty"` + "`" + `
}

func show(b []byte, err error) { fmt.Println(string(b), err) }
`,
		body: `var x any = Done
show(json.Marshal([]any{Done, 2}))
show(json.Marshal(map[string]any{"s": Done, "j": J{1}, "t": Txt(2)}))
show(json.Marshal(W{Done, 2, &W{X: J{3}}}))
show(json.Marshal(J{4}))
show(json.Marshal(x))
show(json.Marshal(&W{X: []any{Draft}}))
b, err := json.MarshalIndent(map[string]any{"x": x}, "", "  ")
fmt.Println(string(b), err)
`,
		want: `[1,2] <nil>
{"j":{"j":1},"s":1,"t":"tt"} <nil>
{"X":1,"Y":2,"Ptr":{"X":{"j":3},"Y":0}} <nil>
{"j":4} <nil>
1 <nil>
{"X":[0],"Y":0} <nil>
{
  "x": 1
} <nil>
`,
	},
	{
		name:    "TypeVerb",
		imports: []string{"fmt"},
		decls: `type State int

const (
	Draft State = iota
	Done
)

func (s State) String() string {
	if s == Draft {
		return "draft"
	}
	return "done"
}
`,
		body: `fmt.Printf("%T\n", Done)
`,
		// the rewriter writes the type's name (rewrite_typeverb.go)
		want: `main.State
`,
	},
	{
		name:    "ValueStructErrorAs",
		imports: []string{"errors", "fmt"},
		decls: `type ValErr struct{ code int }

func (e ValErr) Error() string { return fmt.Sprintf("valerr %d", e.code) }
`,
		body: `func() {
	defer func() { fmt.Println("refused:", recover() != nil) }()
	var ve ValErr
	fmt.Println(errors.As(fmt.Errorf("v: %w", ValErr{7}), &ve), ve.code)
}()
`,
		// errors keep their values (keepError): the shell refused this
		// before, and answered false 0 before that
		want: `true 7
refused: false
`,
	},
	{
		name:    "ConversionToAny",
		imports: []string{"fmt"},
		decls: `type State int

const (
	Draft State = iota
	Done
)

func (s State) String() string {
	if s == Draft {
		return "draft"
	}
	return "done"
}
`,
		body: `fmt.Printf("%v %d\n", any(Done), any(Done))
`,
		// a call returning any passed straight on lost the type of its
		// value (the shell printed 1 1): anyResultsFirst holds it first
		want: `done 1
`,
	},
	{
		name:    "LoggerMethod",
		imports: []string{"fmt", "log", "strings"},
		decls: `type State int

const (
	Draft State = iota
	Done
)

func (s State) String() string {
	if s == Draft {
		return "draft"
	}
	return "done"
}
`,
		body: `var sb strings.Builder
l := log.New(&sb, "", 0)
l.Println(Done)
l.Printf("%v\n", Done)
fmt.Print(sb.String())
`,
		// a *log.Logger's methods are compiled: printArgs passes their
		// arguments through the shims' conversion (the shell printed 1 1)
		want: `done
done
`,
	},
	{
		name:    "AnyParameterOtherFrame",
		imports: []string{"fmt"},
		decls: `type Num int

func (n Num) String() string { return fmt.Sprint("#", int(n)) }

func show(x any) {
	a, b, c := 100, 200, 300
	_, _, _ = a, b, c
	fmt.Println("show", x, []any{x})
}
`,
		body: `for i := 0; i < 2; i++ {
	n := Num(i)
	show(n)
}
`,
		// a value in an any passed alone to a print function was read
		// again by yaegi in the frame of the call (the shell printed
		// #300, another local): printArgs passes such values in an []any
		want: `show #0 [#0]
show #1 [#1]
`,
	},
	{
		name:    "Recover",
		imports: []string{"fmt"},
		decls: `type MyErr struct{ c int }

func (e *MyErr) Error() string { return fmt.Sprintf("myerr %d", e.c) }
`,
		body: `func() {
	defer func() {
		r := recover()
		_, isErr := r.(error)
		fmt.Println("recovered:", r, isErr)
	}()
	panic(&MyErr{42})
}()
`,
		// (the recovered pointer is held plain, without its methods:
		// the printing shim finds its declared type by its reflect type)
		want: `recovered: myerr 42 true
`,
	},
}

// shimLimits are what no shim of compiled symbols can print as Go does (see
// fmtshim.go, errshim.go and the report of branch shims): compiled code
// receives a value without its interpreted type, or yaegi loses it first.
var shimLimits = []shimCase{
	{
		name:    "NilPointerReceiver",
		imports: []string{"fmt"},
		decls: `type E struct{ c int }

func (e *E) Error() string { return "E!" }

type S struct{ n int }

func (s *S) String() string { return "S!" }
`,
		body: `var p *E
var sp *S
fmt.Printf("%v|%v|%s|%d\n", p, sp, sp, sp)
`,
		// go run prints:
		//	E!|S!|S!|0
		want: `<nil>|<nil>|%!s(<nil>)|%!d(<nil>)
`,
	},
	{
		name:    "RecoverRuntimeError",
		imports: []string{"fmt", "runtime"},
		decls: `type node struct{ next *node }
`,
		body: `for _, f := range []func(){
	func() { var xs []int; _ = xs[3] },
	func() { var n *node; _ = n.next },
	func() { var m map[string]int; m["a"] = 1 },
} {
	func() {
		defer func() {
			r := recover()
			re, ok := r.(runtime.Error)
			fmt.Println(ok, re)
		}()
		f()
	}()
}
`,
		// go run prints:
		//	true runtime error: index out of range [3] with length 0
		//	true runtime error: invalid memory address or nil pointer dereference
		//	true assignment to entry in nil map
		// (yaegi's reflect panic does not give the index and length)
		want: `true runtime error: index out of range
true runtime error: invalid memory address or nil pointer dereference
true assignment to entry in nil map
`,
	},
}
