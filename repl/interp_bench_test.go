package repl

import (
	"context"
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
