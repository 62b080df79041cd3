package repl

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// BenchmarkMethodCall measures 10,000 calls of a method declared in the
// shell: declared by a script run on its own (a plain method), and typed
// at the prompt (a method that can be declared again, which first looks
// at a variable of its own: methodswap.go).
func BenchmarkMethodCall(b *testing.B) {
	const decls = "type P struct{ A int }\nfunc (p P) Get() int { return p.A }\nfunc loop() int { p := P{1}; s := 0; for i := 0; i < 10000; i++ { s += p.Get() }; return s }"
	for _, mode := range []string{"script", "prompt"} {
		b.Run(mode, func(b *testing.B) {
			in, err := New(Options{})
			if err != nil {
				b.Fatal(err)
			}
			ctx := context.Background()
			if mode == "script" {
				err = in.EvalScript(ctx, decls)
			} else {
				_, _, _, err = in.EvalEntry(ctx, decls)
			}
			if err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				if _, err := in.Eval(ctx, "loop()"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkStringRange ranges over a 60,000-byte string with runes of two
// bytes, in the shell (rewritten to a decoding loop: rangeString) and in
// compiled Go.
func BenchmarkStringRange(b *testing.B) {
	s := strings.Repeat("héllo wörld ", 5000)
	b.Run("shell", func(b *testing.B) {
		in, err := New(Options{})
		if err != nil {
			b.Fatal(err)
		}
		ctx := context.Background()
		if err := in.Bind("text", s); err != nil {
			b.Fatal(err)
		}
		if _, _, _, err := in.EvalEntry(ctx, "func count() (n int) { for _, r := range text { if r == 'ö' { n++ } }; return }"); err != nil {
			b.Fatal(err)
		}
		for b.Loop() {
			if _, err := in.Eval(ctx, "count()"); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("compiled", func(b *testing.B) {
		for b.Loop() {
			n := 0
			for _, r := range s {
				if r == 'ö' {
					n++
				}
			}
			if n != 5000 || !utf8.ValidString(s) {
				b.Fatal(n)
			}
		}
	})
}

// BenchmarkDefers calls, 10,000 times, functions that defer one call and
// two or three calls (whose deferred calls' panics the shell catches and
// raises again: rewrite_deferpanic.go), beside the same work undeferred.
// The difference per call is the price of Go's semantics for a deferred
// call that panics.
func BenchmarkDefers(b *testing.B) {
	const decls = `var n int
func inc() { n++ }
func none() { inc(); inc() }
func one() { defer inc(); inc() }
func two() { defer inc(); defer inc() }
func three() { defer inc(); defer inc(); defer func() { n++ }() }
func loopnone() { for i := 0; i < 10000; i++ { none() } }
func loopone() { for i := 0; i < 10000; i++ { one() } }
func looptwo() { for i := 0; i < 10000; i++ { two() } }
func loopthree() { for i := 0; i < 10000; i++ { three() } }`
	in, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	if err := in.EvalScript(ctx, decls); err != nil {
		b.Fatal(err)
	}
	for _, f := range []string{"none", "one", "two", "three"} {
		b.Run(f, func(b *testing.B) {
			for b.Loop() {
				if _, err := in.Eval(ctx, "loop"+f+"()"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkJSONFields encodes 2,000 structs with a field of a declared
// type through json.Marshal in the shell: the type without methods json
// calls (the view is the plain struct's), and with MarshalJSON (each
// field converted to its type and its method called by the interpreter),
// beside compiled Go encoding the same with the method.
func BenchmarkJSONFields(b *testing.B) {
	const decls = `type Plain int64
type Money int64
func (m Money) MarshalJSON() ([]byte, error) { return []byte(strconv.Itoa(int(m))), nil }
type P struct { ID int; Amount Plain }
type M struct { ID int; Amount Money }
var ps = make([]P, 2000)
var ms = make([]M, 2000)`
	for _, tc := range []struct{ name, expr string }{{"plain", "json.Marshal(ps)"}, {"method", "json.Marshal(ms)"}} {
		b.Run("shell/"+tc.name, func(b *testing.B) {
			in, err := New(Options{})
			if err != nil {
				b.Fatal(err)
			}
			ctx := context.Background()
			if _, _, _, err := in.EvalEntry(ctx, decls); err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				if _, err := in.Eval(ctx, "_, _ = "+tc.expr); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("compiled/method", func(b *testing.B) {
		ms := make([]benchMoneyRow, 2000)
		for b.Loop() {
			if _, err := json.Marshal(ms); err != nil {
				b.Fatal(err)
			}
		}
	})
}

type benchMoney int64

func (m benchMoney) MarshalJSON() ([]byte, error) { return []byte(strconv.Itoa(int(m))), nil }

type benchMoneyRow struct {
	ID     int
	Amount benchMoney
}
